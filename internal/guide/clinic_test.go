package guide

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// clinicBase is a bundled tree of two pages, alpha (in the walkthrough) and
// beta, which link to each other.
func clinicBase() fstest.MapFS {
	return tree(map[string]string{
		"alpha.md": goodPage,
		"beta.md":  page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]")),
	})
}

// clinicPage is a good clinic page in section two.
func clinicPage(id string, order string, edits ...func(string) string) string {
	return page(id, append([]func(string) string{
		replace("section: one", "section: two"),
		replace("order: 10", "order: "+order),
		replace("related: [beta]", "related: [alpha]"),
	}, edits...)...)
}

func loadClinic(t *testing.T, base, clinic fstest.MapFS, rules Rules, override bool) *Clinic {
	t.Helper()
	c, err := LoadClinic(Source{FS: base, Name: "content"}, Source{FS: clinic, Name: "clinic"}, rules, override)
	if err != nil {
		t.Fatalf("LoadClinic: %v", err)
	}
	return c
}

func skippedFiles(c *Clinic) string {
	var out []string
	for _, s := range c.Skipped {
		out = append(out, s.File)
	}
	return strings.Join(out, ",")
}

func hasProblem(ps Problems, want string) bool {
	for _, p := range ps {
		if strings.HasPrefix(p.String(), want) {
			return true
		}
	}
	return false
}

func TestLoadClinicSkipsBadPages(t *testing.T) {
	clinic := fstest.MapFS{
		"contacts.md":  {Data: []byte(clinicPage("contacts", "10"))},
		"nurse.md":     {Data: []byte(clinicPage("nurse", "20", replace("related: [alpha]", "related: [contacts]")))},
		"broken.md":    {Data: []byte(clinicPage("broken", "30", replace("order: 30", "order: 30\ncolour: red")))},
		"nosection.md": {Data: []byte(clinicPage("nosection", "40", replace("section: two", "section: three")))},
		"unclosed.md":  {Data: []byte("---\nid: unclosed\n")},
		"notes.txt":    {Data: []byte("not a page")},
		"sub/deep.md":  {Data: []byte("---\nnot read\n")},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "contacts,nurse" {
		t.Errorf("Added = %s", got)
	}
	if got := skippedFiles(c); got != "clinic/broken.md,clinic/nosection.md,clinic/unclosed.md" {
		t.Errorf("Skipped = %s", got)
	}
	ps := c.Problems()
	for _, want := range []string{
		`clinic/broken.md:7: unknown field "colour"`,
		`clinic/nosection.md:5: unknown section "three"`,
		`clinic/unclosed.md:1: `,
	} {
		if !hasProblem(ps, want) {
			t.Errorf("problems lack %q:\n%v", want, ps)
		}
	}
	for _, id := range []string{"alpha", "beta", "contacts", "nurse"} {
		if _, ok := c.Guide.Page(id); !ok {
			t.Errorf("page %s missing", id)
		}
	}
	if s, _ := c.Guide.Section("two"); len(s.Pages) != 2 || s.Pages[0].ID != "contacts" {
		t.Errorf("section two = %v", s.Pages)
	}
}

func TestLoadClinicPagesLinkToEachOther(t *testing.T) {
	// a links to z, which sorts after it: they load together.
	clinic := fstest.MapFS{
		"a.md": {Data: []byte(clinicPage("a", "10", replace("related: [alpha]", "related: [z]")))},
		"z.md": {Data: []byte(clinicPage("z", "20", replace("related: [alpha]", "related: [a]")))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "a,z" || len(c.Skipped) != 0 {
		t.Errorf("Added = %s, skipped %v", got, c.Problems())
	}
}

func TestLoadClinicDropsPagesLinkingToDroppedPages(t *testing.T) {
	// z parses but has an unknown section, so it is dropped; so is a,
	// which links to it, in the same pass.
	clinic := fstest.MapFS{
		"a.md": {Data: []byte(clinicPage("a", "10", replace("related: [alpha]", "related: [z]")))},
		"z.md": {Data: []byte(clinicPage("z", "20", replace("section: two", "section: nine")))},
		"m.md": {Data: []byte(clinicPage("m", "30"))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "m" {
		t.Errorf("Added = %s", got)
	}
	if !hasProblem(c.Problems(), `clinic/a.md:16: related page "z" is skipped (clinic/z.md has problems)`) {
		t.Errorf("problems:\n%v", c.Problems())
	}
}

func TestLoadClinicOrderClashSkipsTheLaterFile(t *testing.T) {
	clinic := fstest.MapFS{
		"first.md":  {Data: []byte(clinicPage("first", "10"))},
		"second.md": {Data: []byte(clinicPage("second", "10"))},
		"beside.md": {Data: []byte(clinicPage("beside", "20", replace("section: two", "section: one")))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "first" {
		t.Errorf("Added = %s", got)
	}
	ps := c.Problems()
	for _, want := range []string{
		`clinic/second.md:6: order 10 is already used in section "two" by clinic/first.md`,
		`clinic/beside.md:6: order 20 is already used in section "one" by content/pages/beta.md`,
	} {
		if !hasProblem(ps, want) {
			t.Errorf("problems lack %q:\n%v", want, ps)
		}
	}
}

func TestLoadClinicBundledIDNeedsOverride(t *testing.T) {
	clinic := fstest.MapFS{
		"beta.md":  {Data: []byte(page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]"), replace("Alpha body.", "Our clinic's beta.")))},
		"other.md": {Data: []byte(clinicPage("other", "10"))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "other" || len(c.Replaced) != 0 {
		t.Errorf("Added = %s, Replaced = %v", got, c.Replaced)
	}
	want := `clinic/beta.md: page id "beta" is already used by the bundled page content/pages/beta.md; a clinic page can replace a bundled page only when override is on`
	if ps := c.Problems(); len(ps) != 1 || ps[0].String() != want {
		t.Errorf("problems:\n%v\nwant %s", ps, want)
	}
	if p, _ := c.Guide.Page("beta"); p.File != "content/pages/beta.md" {
		t.Errorf("beta comes from %s", p.File)
	}

	c = loadClinic(t, clinicBase(), clinic, DefaultRules(today), true)
	if got := strings.Join(c.Added, ","); got != "beta,other" || strings.Join(c.Replaced, ",") != "beta" || len(c.Skipped) != 0 {
		t.Fatalf("override: Added = %s, Replaced = %v, problems %v", got, c.Replaced, c.Problems())
	}
	p, _ := c.Guide.Page("beta")
	if p.File != "clinic/beta.md" || !strings.Contains(p.Body, "Our clinic's beta.") {
		t.Errorf("beta comes from %s: %q", p.File, p.Body)
	}
	if n := strings.Count(strings.Join(c.Guide.PageIDs(), " "), "beta"); n != 1 {
		t.Errorf("beta appears %d times in %v", n, c.Guide.PageIDs())
	}
}

func TestLoadClinicOverrideThatBreaksTheBundledGuide(t *testing.T) {
	// paths.yaml pre-ticks alpha's third question; a clinic alpha with two
	// questions would break it, so it is skipped and the bundled one stays.
	base := clinicBase()
	base["paths.yaml"] = &fstest.MapFile{Data: []byte(sit("- id: unsure\n  label: Not sure\n  questions: [\"alpha#3\"]\n"))}
	rules := DefaultRules(today)
	rules.MinQuestions = 2
	short := page("alpha", replace("  - \"Question three?\"\n", ""))
	c := loadClinic(t, base, fstest.MapFS{"alpha.md": {Data: []byte(short)}}, rules, true)
	if len(c.Added) != 0 || len(c.Skipped) != 1 || c.Skipped[0].File != "clinic/alpha.md" {
		t.Fatalf("Added = %v, Skipped = %v", c.Added, c.Skipped)
	}
	if !hasProblem(c.Problems(), `content/paths.yaml:8: answer "unsure" of "s": no question "alpha#3"`) {
		t.Errorf("problems:\n%v", c.Problems())
	}
	if p, _ := c.Guide.Page("alpha"); p.File != "content/pages/alpha.md" {
		t.Errorf("alpha comes from %s", p.File)
	}
}

func TestLoadClinicBrokenBundle(t *testing.T) {
	base := clinicBase()
	delete(base, "guide.yaml")
	if _, err := LoadClinic(Source{FS: base, Name: "content"}, Source{FS: fstest.MapFS{}, Name: "clinic"}, DefaultRules(today), false); err == nil {
		t.Error("a broken bundled tree loaded")
	}
}

// TestLoadClinicSafetyRules: a clinic page is held to the bundled safety
// rules; one that names docetaxel without the fever line is skipped, one
// that carries it through {{call}} loads.
func TestLoadClinicSafetyRules(t *testing.T) {
	clinic := fstest.MapFS{
		"chemo.md": {Data: []byte(clinicPage("chemo", "10", withBody("Our chemotherapy unit gives docetaxel.\n")))},
		"safe.md":  {Data: []byte(clinicPage("safe", "20", withBody("Our unit gives docetaxel.\n\n{{call fever}}\n")))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := skippedFiles(c); got != "clinic/chemo.md" {
		t.Fatalf("skipped %q, want clinic/chemo.md", got)
	}
	if !hasProblem(c.Skipped[0].Problems, `clinic/chemo.md:20: mentions "chemotherapy" but lacks the safety line "fever"`) {
		t.Errorf("problems: %v", c.Skipped[0].Problems)
	}
	if p, ok := c.Guide.Page("safe"); !ok || !strings.Contains(p.Body, "100.4°F") {
		t.Errorf("safe page not loaded with the fever line")
	}
}

// TestLoadClinicChainIsLinear: a chain of 1,000 clinic pages, each linking
// to the next, the last to a page that does not exist. Every page is
// skipped, each with its reason, in two loads of the tree (the first finds
// the broken page, the second checks what is left), not one per page.
func TestLoadClinicChainIsLinear(t *testing.T) {
	const n = 1000
	clinic := chain(n)
	rules := DefaultRules(today)
	rules.MaxClinicPages = n
	c := loadClinic(t, clinicBase(), clinic, rules, false)
	if len(c.Added) != 0 || len(c.Skipped) != n {
		t.Fatalf("Added %d, Skipped %d; want 0 and %d", len(c.Added), len(c.Skipped), n)
	}
	if c.passes > 2 {
		t.Errorf("the tree was loaded %d times, want at most 2", c.passes)
	}
	last := fmt.Sprintf("clinic/p%04d.md:16: related page \"missing\" does not exist", n-1)
	next := `clinic/p0000.md:16: related page "p0001" is skipped (clinic/p0001.md has problems)`
	if !hasProblem(c.Skipped[n-1].Problems, last) || !hasProblem(c.Skipped[0].Problems, next) {
		t.Errorf("reasons: %v ... %v", c.Skipped[0].Problems, c.Skipped[n-1].Problems)
	}
}

// chain is n clinic pages p0000 → p0001 → … → "missing".
func chain(n int) fstest.MapFS {
	clinic := fstest.MapFS{}
	for i := range n {
		id, next := fmt.Sprintf("p%04d", i), fmt.Sprintf("p%04d", i+1)
		if i == n-1 {
			next = "missing"
		}
		clinic[id+".md"] = &fstest.MapFile{Data: []byte(clinicPage(id, fmt.Sprint(i+1), replace("related: [alpha]", "related: ["+next+"]")))}
	}
	return clinic
}

// BenchmarkLoadClinicChain is the chain of TestLoadClinicChainIsLinear.
func BenchmarkLoadClinicChain(b *testing.B) {
	clinic, base := chain(1000), clinicBase()
	rules := DefaultRules(today)
	rules.MaxClinicPages = 1000
	for b.Loop() {
		if _, err := LoadClinic(Source{FS: base, Name: "content"}, Source{FS: clinic, Name: "clinic"}, rules, false); err != nil {
			b.Fatal(err)
		}
	}
}

// TestClinicPagesNeedOneSourceAndTwoQuestions: clinic pages are held to
// at least 1 source and 2 questions (content/README.md), bundled pages to
// 2 and 3, under the same default rules.
func TestClinicPagesNeedOneSourceAndTwoQuestions(t *testing.T) {
	short := []func(string) string{
		replace("  - \"Source B. NEJM 2020.\"\n", ""),
		replace("  - \"Question three?\"\n", ""),
	}
	clinic := fstest.MapFS{
		"short.md": {Data: []byte(clinicPage("short", "10", short...))},
		"bare.md":  {Data: []byte(clinicPage("bare", "20", append(short, replace("  - \"Source A. J Clin Oncol 2023.\"\n", ""), replace("  - \"Question two?\"\n", ""))...))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "short" {
		t.Errorf("Added = %s; problems %v", got, c.Problems())
	}
	for _, want := range []string{"clinic/bare.md:9: needs at least 1 source, has 0", "clinic/bare.md:10: needs at least 2 questions, has 1"} {
		if !hasProblem(c.Problems(), want) {
			t.Errorf("problems lack %q:\n%v", want, c.Problems())
		}
	}
	_, ps := load(t, tree(map[string]string{"alpha.md": page("alpha", short...), "beta.md": page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]"))}))
	for _, want := range []string{"content/pages/alpha.md:9: needs at least 2 sources, has 1", "content/pages/alpha.md:11: needs at least 3 questions, has 2"} {
		if !hasProblem(ps, want) {
			t.Errorf("bundled problems lack %q:\n%v", want, ps)
		}
	}
}

// TestPageTextMustBePlain: a page (a clinic's too) with an escape sequence
// or a right-to-left override in its text is refused, so none can reach a
// terminal through the guide (issue 17, item 19).
func TestPageTextMustBePlain(t *testing.T) {
	for name, edit := range map[string]func(string) string{
		"escape in the body":    withBody("Call \x1b]0;pwned\x07 us.\n"),
		"RTL override in a q":   replace(`"Question one?"`, "\"Question \u202Eone?\""),
		"C1 control in a title": replace("title: What is alpha?", "title: What is \u009balpha?"),
	} {
		_, ps := load(t, tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", ""), edit)}))
		// (YAML itself refuses a C1 control in the front matter.)
		if !hasProblem(ps, "content/pages/alpha.md:") || !strings.Contains(ps.Error(), "text direction mark") && !strings.Contains(ps.Error(), "control characters are not allowed") {
			t.Errorf("%s: %v", name, ps)
		}
	}
}
