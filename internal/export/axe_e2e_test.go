package export

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/e2e"
)

// axeEnv names the folder that holds axe-core's axe.min.js (.ci/run
// installs it with npm into /opt/her2guide-ci/axe/node_modules/axe-core).
const axeEnv = "AXE_CORE_DIR"

// axeScript returns the path of axe.min.js, or skips the test loudly (fails
// it when end-to-end tests are required) when axe-core is not installed.
func axeScript(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(axeEnv)
	if dir == "" {
		dir = "/opt/her2guide-ci/axe/node_modules/axe-core"
	}
	p := filepath.Join(dir, "axe.min.js")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	if e2e.Required() {
		t.Fatalf("axe-core is required because HER2GUIDE_E2E=1, but %s is missing (set %s)", p, axeEnv)
	}
	t.Skipf("END-TO-END TEST NOT RUN: axe-core is not installed at %s (npm install axe-core into a folder and set %s); set HER2GUIDE_E2E=1 to make this a failure", p, axeEnv)
	return ""
}

// axeResult is what the page under test writes into its DOM.
type axeResult struct {
	Error        string    `json:"error"`
	ScrollWidth  int       `json:"scrollWidth"`
	ClientWidth  int       `json:"clientWidth"`
	RulesRun     int       `json:"rulesRun"`
	Passes       int       `json:"passes"`
	Incomplete   []axeRule `json:"incomplete"`
	Violations   []axeRule `json:"violations"`
	UserAgentAxe string    `json:"axeVersion"`
}

type axeRule struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// runner measures the page's widths, runs every axe-core rule on it, and
// writes the result as JSON into a <pre> of the wrapper page, for chromium
// --dump-dom.
const runner = `<script src="%s"></script>
<script>
(function () {
  var out = {};
  function done() {
    // Into the wrapper page, which --dump-dom prints.
    var doc = window.parent.document;
    var pre = doc.createElement("pre");
    pre.id = "axe-result";
    pre.textContent = "AXE-BEGIN" + JSON.stringify(out) + "AXE-END";
    doc.body.appendChild(pre);
  }
  window.addEventListener("load", function () {
    var d = document.documentElement;
    out.scrollWidth = d.scrollWidth;
    out.clientWidth = d.clientWidth;
    if (typeof axe === "undefined") { out.error = "axe.min.js did not load"; done(); return; }
    out.axeVersion = axe.version;
    axe.run(document, {resultTypes: ["violations", "incomplete"]}).then(function (r) {
      out.violations = r.violations;
      out.incomplete = r.incomplete;
      out.passes = r.passes.length;
      out.rulesRun = r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length;
      done();
    }, function (e) { out.error = String(e); done(); });
  });
})();
</script>
</body>`

// wrapper shows the sheet in a frame w px wide: headless Chromium will
// not make its window narrower than 500 px.
const wrapper = `<!doctype html><html lang="en"><head><title>axe</title></head>
<body style="margin:0"><iframe title="sheet" src="%s" style="border:0;width:%dpx;height:800px"></iframe></body></html>`

var axeOut = regexp.MustCompile(`(?s)<pre id="axe-result">AXE-BEGIN(.*?)AXE-END</pre>`)

// longSheet is a sheet of many questions in many groups, with long words,
// blank date and phone numbers: the list that stretches a layout most.
func longSheet(t *testing.T) Sheet {
	s := sampleSheet(t)
	s.Date, s.Phone, s.AfterHours = time.Time{}, "", ""
	var l checklist.List
	for i := range 60 {
		topic := fmt.Sprintf("topic%d", i/6)
		l.Toggle(checklist.Item{
			ID: fmt.Sprintf("%s#%d", topic, i), Topic: topic,
			TopicTitle: fmt.Sprintf("Group %d: what should I ask about trastuzumab deruxtecan (Enhertu) and pertuzumab-trastuzumab-hyaluronidase?", i/6),
			Text:       fmt.Sprintf("Question %d: is my cancer HER2-positive (IHC 3+) or HER2-low (IHC 1+, or IHC 2+ and ISH negative), and what does https://www.cancer.gov/types/breast/patient/breast-treatment-pdq say?", i),
		})
	}
	if _, err := l.AddOwn(strings.Repeat("Supercalifragilisticexpialidocious", 4) + "?"); err != nil {
		t.Fatal(err)
	}
	s.Groups = checklist.Ordered(l.Items())
	return s
}

// TestHTMLSheetAxeInChromium loads the HTML sheet in headless Chromium at
// 320 px (WCAG 1.4.10 reflow) and at the A4 and Letter paper widths, runs
// axe-core on it, and fails on any violation or any sideways scroll. Needs
// chromium and axe-core (see .ci/run).
func TestHTMLSheetAxeInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	chromium := e2e.NeedTool(t, "chromium")
	axe := axeScript(t)
	dir := t.TempDir()
	// 794 and 816 px are A4 (210 mm) and Letter (8.5 in) at 96 px per inch.
	paperWidth := map[Paper]int{A4: 794, Letter: 816}
	for name, s := range map[string]Sheet{"default": sampleSheet(t), "long": longSheet(t)} {
		for _, p := range []Paper{A4, Letter} {
			page := strings.Replace(string(render(t, s, HTML, p)), "</body>", fmt.Sprintf(runner, "file://"+axe), 1)
			file := filepath.Join(dir, name+"-"+string(p)+".html")
			if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{320, paperWidth[p]} {
				t.Run(fmt.Sprintf("%s_%s_%dpx", name, p, w), func(t *testing.T) {
					r := runAxe(t, chromium, dir, file, w)
					t.Logf("axe %s: %d rules, %d passed, %d violations, %d to review; scrollWidth %d, clientWidth %d",
						r.UserAgentAxe, r.RulesRun, r.Passes, len(r.Violations), len(r.Incomplete), r.ScrollWidth, r.ClientWidth)
					if r.RulesRun < 20 {
						t.Errorf("axe ran only %d rules", r.RulesRun)
					}
					for _, v := range r.Violations {
						var where []string
						for _, n := range v.Nodes {
							where = append(where, n.HTML)
						}
						t.Errorf("axe %s: %s\n  %s", v.ID, v.Help, strings.Join(where, "\n  "))
					}
					for _, v := range r.Incomplete {
						t.Logf("axe asks a person to review %s: %s (%d elements)", v.ID, v.Help, len(v.Nodes))
					}
					if r.ClientWidth == 0 || r.ClientWidth > w {
						t.Errorf("clientWidth %d in a %d px window: did the window size apply?", r.ClientWidth, w)
					}
					if r.ScrollWidth > r.ClientWidth {
						t.Errorf("scrolls sideways at %d px: scrollWidth %d > clientWidth %d", w, r.ScrollWidth, r.ClientWidth)
					}
				})
			}
		}
	}
}

// runAxe loads file in headless Chromium in a frame w px wide and returns
// what the runner wrote.
func runAxe(t *testing.T, chromium, dir, file string, w int) axeResult {
	t.Helper()
	frame := fmt.Sprintf("%s-%dpx.html", strings.TrimSuffix(file, ".html"), w)
	if err := os.WriteFile(frame, fmt.Appendf(nil, wrapper, "file://"+file, w), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions",
		"--allow-file-access-from-files", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(dir, fmt.Sprintf("profile-%d", w)),
		"--virtual-time-budget=10000", "--window-size=1000,900",
		"--dump-dom", "file://"+frame)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	m := axeOut.FindSubmatch(out)
	if m == nil {
		t.Fatalf("the page wrote no axe result; chromium said:\n%s", stderr.String())
	}
	var r axeResult
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &r); err != nil {
		t.Fatalf("axe result: %v", err)
	}
	if r.Error != "" {
		t.Fatalf("in the page: %s", r.Error)
	}
	return r
}
