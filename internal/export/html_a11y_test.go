package export

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/her2guide/her2guide/internal/checklist"
)

// TestHTMLAccessible checks, without a browser, the rules axe-core and a
// 320 px wide window apply to the HTML sheet (WCAG 1.3.1, 1.4.10): one
// <main>; every piece of text inside a landmark; every section a region
// named by its heading; every tick box and blank a form control with an
// accessible name; no width over 320 px and every row of two fields free to
// wrap; room to write on the second medicines line; the disclaimer in a
// footer repeated on every printed page, and page numbers where browsers
// can print them.
func TestHTMLAccessible(t *testing.T) {
	full := sampleSheet(t)
	bare := sampleSheet(t) // no date, no phone numbers: blanks instead
	bare.Date, bare.AfterHours = time.Time{}, ""
	noUrgent := sampleSheet(t)
	noUrgent.Urgent = nil
	for name, s := range map[string]Sheet{"full": full, "bare": bare, "no urgent": noUrgent} {
		for _, p := range []Paper{A4, Letter} {
			t.Run(name+"_"+string(p), func(t *testing.T) {
				checkHTMLAccessible(t, s, render(t, s, HTML, p))
			})
		}
	}
}

func checkHTMLAccessible(t *testing.T, s Sheet, page []byte) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	root := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Html })[0]
	if attr(root, "lang") != "en" {
		t.Errorf(`<html lang=%q>, want "en"`, attr(root, "lang"))
	}
	body := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })[0]

	// landmark-one-main, and no text outside a landmark (axe's region
	// rule): main, and the footer as the page's contentinfo.
	if n := len(find(doc, isElem(atom.Main))); n != 1 {
		t.Errorf("%d <main> elements, want 1", n)
	}
	var footers []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && (c.DataAtom == atom.Main || c.DataAtom == atom.Footer):
			if c.DataAtom == atom.Footer {
				footers = append(footers, c)
			}
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			t.Errorf("outside every landmark: %s", outer(c))
		}
	}
	if len(footers) != 1 || !strings.Contains(text(footers[0]), s.Notice) {
		t.Errorf("want one footer, a child of <body>, with the disclaimer; got %d", len(footers))
	}

	// Regions: each section named by a heading inside it; ids unique.
	ids := map[string]*html.Node{}
	for _, n := range find(doc, func(n *html.Node) bool { return attr(n, "id") != "" }) {
		if ids[attr(n, "id")] != nil {
			t.Errorf("id %q twice", attr(n, "id"))
		}
		ids[attr(n, "id")] = n
	}
	sections := find(doc, isElem(atom.Section))
	if want := len(s.Groups) + 2; len(sections) < want {
		t.Errorf("%d sections, want at least %d", len(sections), want)
	}
	for _, sec := range sections {
		h := ids[attr(sec, "aria-labelledby")]
		if h == nil || h.DataAtom != atom.H2 || strings.TrimSpace(text(h)) == "" || !contains(sec, h) {
			t.Errorf("section not named by its heading: %s", outer(sec))
		}
	}
	if n := len(find(doc, isElem(atom.H1))); n != 1 {
		t.Errorf("%d <h1>, want 1", n)
	}

	// Form controls: tick boxes and blanks, each with a name.
	boxes, blanks := 0, 0
	for _, in := range find(doc, isElem(atom.Input)) {
		switch attr(in, "type") {
		case "checkbox":
			boxes++
		case "text":
			blanks++
		default:
			t.Errorf("input of type %q", attr(in, "type"))
		}
		if _, ok := attrOK(in, "disabled"); !ok {
			t.Errorf("input not disabled (the sheet is for paper): %s", outer(in))
		}
		if accessibleName(in) == "" {
			t.Errorf("input without a name: %s", outer(in))
		}
	}
	questions := 2 // "Let me repeat…", "How do you spell…"
	top, rest := s.split()
	for _, g := range rest {
		questions += len(g.Items)
	}
	if boxes != questions {
		t.Errorf("%d tick boxes for %d questions", boxes, questions)
	}
	wantBlanks := 5 // doctor, appointment, HER2, ER / PR, medicines twice
	if s.Date.IsZero() {
		wantBlanks++
	}
	if len(s.Urgent) > 0 {
		wantBlanks += map[bool]int{true: 1}[s.Phone == ""] + map[bool]int{true: 1}[s.AfterHours == ""]
	}
	wantBlanks += checklist.MaxTop - len(top) // "My top 3" places left to write in
	if wantBlanks++; blanks != wantBlanks {
		t.Errorf("%d blanks, want %d", blanks, wantBlanks)
	}
	for _, n := range find(doc, func(n *html.Node) bool { return attr(n, "aria-hidden") == "true" }) {
		if strings.TrimSpace(text(n)) != "" || len(find(n, isElem(atom.Input))) > 0 {
			t.Errorf("hidden from screen readers but not empty: %s", outer(n))
		}
	}
	for _, want := range []string{"My doctor:", "Next appointment:", "My HER2 result (IHC / ISH):", "ER / PR:", "My current medicines:"} {
		found := false
		for _, in := range find(doc, isElem(atom.Input)) {
			found = found || accessibleName(in) == want
		}
		if !found {
			t.Errorf("no blank labelled %q", want)
		}
	}

	// Reflow at 320 px and print.
	css := text(find(doc, isElem(atom.Style))[0])
	for _, n := range find(doc, func(n *html.Node) bool { return attr(n, "style") != "" }) {
		css += "\n" + attr(n, "style")
	}
	checkReflowCSS(t, css)
}

// checkReflowCSS checks the sheet's style sheet for what breaks a 320 px
// window and for the print rules.
func checkReflowCSS(t *testing.T, css string) {
	t.Helper()
	screen, print, _ := strings.Cut(css, "@media print")
	// 1em is 12pt = 16px for body text; 24px for the 18pt title.
	toPx := map[string]float64{"px": 1, "pt": 4.0 / 3, "em": 24, "rem": 16, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96, "vw": 3.2, "ch": 16}
	for _, m := range regexp.MustCompile(`(?:^|[;{\s])((?:min-)?width|flex-basis|flex)\s*:([^;}]*)`).FindAllStringSubmatch(screen, -1) {
		for _, v := range regexp.MustCompile(`([0-9.]+)(px|pt|em|rem|mm|cm|in|vw|ch)\b`).FindAllStringSubmatch(m[2], -1) {
			n, err := strconv.ParseFloat(v[1], 64)
			if err != nil {
				t.Fatal(err)
			}
			if px := n * toPx[v[2]]; px > 320 && !(m[1] == "flex" && strings.Contains(m[2], " 1 ")) {
				t.Errorf("%s: %s is %.0f px, wider than a 320 px window", m[1], v[0], px)
			}
		}
	}
	if strings.Contains(screen, "nowrap") {
		t.Error("white-space: nowrap keeps long labels from wrapping in a narrow window")
	}
	rules := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^([.\w][^{@]*?)\s*\{([^}]*)\}`).FindAllStringSubmatch(screen, -1) {
		rules[m[1]] += m[2]
	}
	for _, sel := range []string{".fields-2", ".field"} {
		if !strings.Contains(rules[sel], "flex-wrap: wrap") {
			t.Errorf("%s { %s }: the row cannot wrap in a narrow window", sel, rules[sel])
		}
	}
	if !strings.Contains(rules["body"], "overflow-wrap: anywhere") {
		t.Error("long words do not break: a narrow window scrolls sideways")
	}
	// Room to write on every blank, the second medicines line too.
	for _, sel := range []string{".field .blank", ".field.more .blank", ".line"} {
		m := regexp.MustCompile(`(?:^|[;\s])height:\s*([0-9.]+)em`).FindStringSubmatch(rules[sel])
		if m == nil {
			t.Errorf("%s has no height in em", sel)
			continue
		}
		if h, _ := strconv.ParseFloat(m[1], 64); h < 1.2 {
			t.Errorf("%s is %sem high: no room to write", sel, m[1])
		}
	}
	// Every printed page: the footer fixed at its foot, the page number in
	// a margin box.
	if !regexp.MustCompile(`footer\s*\{[^}]*position:\s*fixed`).MatchString(print) {
		t.Error("the footer is not fixed in print: the disclaimer prints once")
	}
	if !strings.Contains(screen, `counter(page)`) || !strings.Contains(screen, `counter(pages)`) {
		t.Error("no page numbers in an @page margin box")
	}
}

func isElem(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

// find returns every node under n (n too) that match says yes to.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if match(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, find(c, match)...)
	}
	return out
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

// text is the text of n and everything in it.
func text(n *html.Node) string {
	var b strings.Builder
	for _, t := range find(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

func contains(outer, inner *html.Node) bool {
	for n := inner; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

// accessibleName is a form control's name the way browsers compute it for
// these markup patterns: aria-label, else the text of the <label> around
// it or pointing at it.
func accessibleName(in *html.Node) string {
	if v := strings.TrimSpace(attr(in, "aria-label")); v != "" {
		return v
	}
	for n := in.Parent; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.DataAtom == atom.Label {
			return strings.TrimSpace(text(n))
		}
	}
	if id := attr(in, "id"); id != "" {
		root := in
		for root.Parent != nil {
			root = root.Parent
		}
		for _, l := range find(root, isElem(atom.Label)) {
			if attr(l, "for") == id {
				return strings.TrimSpace(text(l))
			}
		}
	}
	return ""
}

// outer is the start of n as HTML, for messages.
func outer(n *html.Node) string {
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		return err.Error()
	}
	if s := b.String(); len(s) > 160 {
		return s[:160] + "…"
	}
	return b.String()
}
