package guide

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

const goodPage = `---
id: alpha
title: What is alpha?
summary: Alpha explained.
section: one
order: 10
reviewed: 2026-11-01
next_review: 2027-05-01
sources:
  - "Source A. J Clin Oncol 2023."
  - "Source B. NEJM 2020."
questions:
  - "Question one?"
  - "Question two?"
  - "Question three?"
related: [beta]
glossary: [her2]
---

Alpha body.
`

func page(id string, edits ...func(string) string) string {
	s := strings.Replace(goodPage, "id: alpha", "id: "+id, 1)
	for _, e := range edits {
		s = e(s)
	}
	return s
}

func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func tree(pages map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"guide.yaml":          {Data: []byte("title: T\nsubtitle: S\nnotice: N\n")},
		"sections.yaml":       {Data: []byte("- id: one\n  title: One\n  summary: First.\n- id: two\n  title: Two\n  summary: Second.\n")},
		"glossary/terms.yaml": {Data: []byte("- id: her2\n  term: HER2\n  definition: A protein.\n")},
		"paths.yaml":          {Data: []byte("walkthrough:\n  - page: alpha\n    label: Alpha\n")},
		"safety.yaml":         {Data: []byte(testSafety)},
		"figures.yaml":        {Data: []byte(testFigures)},
	}
	for name, body := range pages {
		fsys["pages/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS) (*Guide, Problems) {
	t.Helper()
	g, err := Load(Source{FS: fsys, Name: "content"}, DefaultRules(today))
	if err == nil {
		return g, nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T, want Problems: %v", err, err)
	}
	return g, ps
}

func TestLoadGood(t *testing.T) {
	g, ps := load(t, tree(map[string]string{
		"alpha.md": goodPage,
		"beta.md":  page("beta", replace("order: 10", "order: 5"), replace("related: [beta]", "related: [alpha]")),
	}))
	if ps != nil {
		t.Fatalf("unexpected problems:\n%v", ps)
	}
	if got := strings.Join(g.PageIDs(), ","); got != "beta,alpha" {
		t.Errorf("reading order = %s, want beta,alpha (by order within section)", got)
	}
	p, ok := g.Page("alpha")
	if !ok || p.Body != "\nAlpha body.\n" || p.BodyLine != 19 {
		t.Errorf("alpha = %+v", p)
	}
	if p.Reviewed != time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("reviewed = %v", p.Reviewed)
	}
	if used := g.PagesUsing("her2"); len(used) != 2 {
		t.Errorf("PagesUsing(her2) = %d pages, want 2", len(used))
	}
	if s, _ := g.Section("one"); len(s.Pages) != 2 {
		t.Errorf("section one has %d pages", len(s.Pages))
	}
	if g.Meta.Notice != "N" {
		t.Errorf("meta = %+v", g.Meta)
	}
}

func TestLoadErrors(t *testing.T) {
	beta := page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]"))
	cases := []struct {
		name  string
		file  string
		body  string
		extra map[string]string
		want  string // "file:line: substring"
	}{
		{"unknown key", "alpha.md", page("alpha", replace("order: 10", "order: 10\ncolour: red")), nil,
			`content/pages/alpha.md:7: unknown field "colour"`},
		{"missing field", "alpha.md", page("alpha", replace("summary: Alpha explained.\n", "")), nil,
			`content/pages/alpha.md:17: missing required field "summary"`},
		{"missing order", "alpha.md", page("alpha", replace("order: 10\n", "")), nil,
			`content/pages/alpha.md:17: missing required field "order"`},
		{"empty field", "alpha.md", page("alpha", replace("title: What is alpha?", "title: \"\"")), nil,
			`content/pages/alpha.md:3: field "title" is empty`},
		{"duplicate id", "alpha.md", goodPage, map[string]string{"alpha2.md": page("alpha", replace("order: 10", "order: 30"))},
			`content/pages/alpha2.md:2: duplicate page id "alpha"`},
		{"id not file name", "alpha.md", page("alfa"), nil,
			`content/pages/alpha.md:2: id "alfa" does not match the file name`},
		{"bad id", "Alpha.md", page("Alpha"), nil,
			`content/pages/Alpha.md:2: id "Alpha" must be lower-case`},
		{"dangling related", "alpha.md", page("alpha", replace("related: [beta]", "related: [betta]")), nil,
			`content/pages/alpha.md:16: related page "betta" does not exist (did you mean "beta"?)`},
		{"self related", "alpha.md", page("alpha", replace("related: [beta]", "related: [alpha]")), nil,
			`content/pages/alpha.md:16: related lists the page itself`},
		{"dangling glossary", "alpha.md", page("alpha", replace("glossary: [her2]", "glossary: [her3]")), nil,
			`content/pages/alpha.md:17: glossary term "her3" does not exist`},
		{"too many short points", "alpha.md", page("alpha", replace("section: one", "in_short: [\"A.\", \"B.\", \"C.\", \"D.\"]\nsection: one")), nil,
			`content/pages/alpha.md:5: in_short has 4 points: keep at most 3`},
		{"empty message", "alpha.md", page("alpha", replace("section: one", "message: \"\"\nsection: one")), nil,
			`content/pages/alpha.md:5: field "message" is empty`},
		{"bad date", "alpha.md", page("alpha", replace("reviewed: 2026-11-01", "reviewed: 2026-13-01")), nil,
			`content/pages/alpha.md:7: reviewed: "2026-13-01" is not a date`},
		{"future review", "alpha.md", page("alpha", replace("reviewed: 2026-11-01", "reviewed: 2026-12-01")), nil,
			`content/pages/alpha.md:7: reviewed date 2026-12-01 is in the future`},
		{"next review before", "alpha.md", page("alpha", replace("next_review: 2027-05-01", "next_review: 2026-10-01")), nil,
			`content/pages/alpha.md:8: next_review must be after reviewed`},
		{"next review too late", "alpha.md", page("alpha", replace("next_review: 2027-05-01", "next_review: 2028-05-01")), nil,
			`content/pages/alpha.md:8: next_review must be at most 12 months after reviewed`},
		{"unclosed", "alpha.md", strings.Replace(goodPage, "---\n\nAlpha", "\nAlpha", 1), nil,
			`content/pages/alpha.md:1: front matter block opened here is never closed`},
		{"no front matter", "alpha.md", "Just text.\n", nil,
			`content/pages/alpha.md:1: page must start with a front matter block`},
		{"bom", "alpha.md", "\xef\xbb\xbf" + goodPage, nil,
			`content/pages/alpha.md:1: file starts with a byte-order mark`},
		{"crlf", "alpha.md", strings.Replace(goodPage, "title: What is alpha?\n", "title: What is alpha?\r\n", 1), nil,
			`content/pages/alpha.md:3: Windows line ending`},
		{"yaml syntax", "alpha.md", page("alpha", replace("title: What is alpha?", "title: [unclosed")), nil,
			`content/pages/alpha.md:`},
		{"unknown section", "alpha.md", page("alpha", replace("section: one", "section: three")), nil,
			`content/pages/alpha.md:5: unknown section "three"`},
		{"duplicate order", "alpha.md", goodPage, map[string]string{"gamma.md": page("gamma", replace("related: [beta]", "related: []"))},
			`content/pages/gamma.md:6: order 10 is already used in section "one"`},
		{"too few sources", "alpha.md", page("alpha", replace("  - \"Source B. NEJM 2020.\"\n", "")), nil,
			`content/pages/alpha.md:9: needs at least 2 sources, has 1`},
		{"too few questions", "alpha.md", page("alpha", replace("  - \"Question three?\"\n", "")), nil,
			`content/pages/alpha.md:12: needs at least 3 questions, has 2`},
		{"bad picture spec", "alpha.md", page("alpha", replace("Alpha body.", "Alpha body.\n\n```icons\ncount: 12 of 100\nsays: had it\n```")), nil,
			"content/pages/alpha.md:23: ```icons picture: count \"12 of 100\": write \"N in 100\""},
		{"picture unknown field", "alpha.md", page("alpha", replace("Alpha body.", "Alpha body.\n\n```scale\ngroups: []\ncolor: red\n```")), nil,
			"content/pages/alpha.md:24: ```scale picture: bad spec: field color is not allowed"},
		{"picture without text", "alpha.md", page("alpha", replace("Alpha body.", "Alpha body.\n\n```icons\ncount: 12 in 100\n```")), nil,
			"content/pages/alpha.md:23: ```icons picture: missing says"},
		{"picture empty alt", "alpha.md", page("alpha", replace("Alpha body.", "Alpha body.\n\n```icons\ncount: 12 in 100\nsays: had it\nalt: \"\\n\"\n```")), nil,
			"content/pages/alpha.md:25: ```icons picture: missing alt"},
		{"picture unclosed", "alpha.md", page("alpha", replace("Alpha body.", "Alpha body.\n\n```timeline\nsteps: [a, b]\n")), nil,
			"content/pages/alpha.md:22: ```timeline picture is not closed"},
		{"wrong type", "alpha.md", page("alpha", replace("order: 10", "order: ten")), nil,
			`content/pages/alpha.md:6: cannot unmarshal`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pages := map[string]string{"beta.md": beta, tc.file: tc.body}
			for k, v := range tc.extra {
				pages[k] = v
			}
			_, ps := load(t, tree(pages))
			if ps == nil {
				t.Fatalf("no problems, want %q", tc.want)
			}
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tc.want) {
					return
				}
			}
			t.Errorf("problems:\n%v\nwant one starting %q", ps, tc.want)
		})
	}
}

func TestLoadBrokenTreeFiles(t *testing.T) {
	cases := []struct {
		name, file, data, want string
	}{
		{"sections unknown key", "sections.yaml", "- id: one\n  title: One\n  summary: S\n  colour: red\n", `content/sections.yaml:4: unknown field "colour"`},
		{"sections missing", "sections.yaml", "- id: one\n  title: One\n", `content/sections.yaml:1: section is missing required field "summary"`},
		{"sections duplicate", "sections.yaml", "- id: one\n  title: One\n  summary: S\n- id: one\n  title: Again\n  summary: S\n", `content/sections.yaml:4: duplicate section id "one"`},
		{"glossary duplicate", "glossary/more.yaml", "- id: her2\n  term: HER2\n  definition: Again.\n", `content/glossary/terms.yaml:1: duplicate glossary id "her2" (first defined at content/glossary/more.yaml:1)`},
		{"glossary missing definition", "glossary/more.yaml", "- id: ihc\n  term: IHC\n", `content/glossary/more.yaml:1: glossary entry "ihc" is missing required field "definition"`},
		{"guide unknown key", "guide.yaml", "title: T\nsubtitle: S\nnotice: N\nextra: x\n", `content/guide.yaml:4: unknown field "extra"`},
		{"guide missing notice", "guide.yaml", "title: T\nsubtitle: S\n", `content/guide.yaml: missing required field "notice"`},
		{"walkthrough dangling", "paths.yaml", "walkthrough:\n  - page: alpha\n    label: A\n  - page: alpah\n    label: B\n", `content/paths.yaml:4: walkthrough page "alpah" does not exist (did you mean "alpha"?)`},
		{"walkthrough no label", "paths.yaml", "walkthrough:\n  - page: alpha\n", `content/paths.yaml:2: walkthrough step 1 has no label`},
		{"walkthrough unknown key", "paths.yaml", "walkthrough: []\nrules: []\n", `content/paths.yaml:2: unknown field "rules"`},
		{"situation no unsure", "paths.yaml", sit("  - id: a\n    label: A\n"), `content/paths.yaml:5: situation question "s" has no "unsure" answer`},
		{"situation bad page", "paths.yaml", sit("  - id: unsure\n    label: U\n    pages: [alpah]\n"), `content/paths.yaml:8: answer "unsure" of "s": page "alpah" does not exist (did you mean "alpha"?)`},
		{"situation bad question number", "paths.yaml", sit("  - id: unsure\n    label: U\n    questions: [alpha#9]\n"), `content/paths.yaml:8: answer "unsure" of "s": no question "alpha#9"`},
		{"situation bad question ref", "paths.yaml", sit("  - id: unsure\n    label: U\n    questions: [alpha]\n"), `content/paths.yaml:8: answer "unsure" of "s": no question "alpha"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []"))})
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			_, ps := load(t, fsys)
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tc.want) {
					return
				}
			}
			t.Errorf("problems:\n%v\nwant one starting %q", ps, tc.want)
		})
	}
}

// sit is a paths.yaml with one situation question whose answers are given.
func sit(answers string) string {
	return "walkthrough:\n  - page: alpha\n    label: A\nsituation:\n  - id: s\n    ask: Which?\n    answers:\n" + indent(answers)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestLoadPicture(t *testing.T) {
	alpha := page("alpha", replace("Alpha body.", "Alpha body.\n\n```icons\ncount: 3 in 10\nsays: had it\n```\n"))
	beta := page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]"))
	if _, ps := load(t, tree(map[string]string{"alpha.md": alpha, "beta.md": beta})); ps != nil {
		t.Fatalf("a good picture: %v", ps)
	}
}

func TestLoadWithExtra(t *testing.T) {
	base := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []"))})
	extra := fstest.MapFS{
		"clinic.md": {Data: []byte(page("clinic", replace("related: [beta]", "related: [alpha]"), replace("order: 10", "order: 90")))},
		"alpha.md":  {Data: []byte(page("alpha", replace("order: 10", "order: 80"), replace("related: [beta]", "related: []")))},
	}
	g, err := LoadWithExtra(Source{FS: base, Name: "content"}, &Source{FS: extra, Name: "clinic"}, DefaultRules(today))
	if err == nil || !strings.Contains(err.Error(), `clinic/alpha.md:2: duplicate page id "alpha"`) {
		t.Fatalf("err = %v, want a duplicate id in clinic/alpha.md", err)
	}
	if _, ok := g.Page("clinic"); !ok {
		t.Error("clinic page not loaded")
	}
}

func TestClosest(t *testing.T) {
	known := []string{"her2-positive", "her2-testing", "stage-1", "stage-2", "metastatic"}
	if got := Closest("stage1", known, 2); strings.Join(got, ",") != "stage-1,stage-2" {
		t.Errorf("Closest(stage1) = %v", got)
	}
	if got := Closest("her2", known, 3); len(got) != 2 {
		t.Errorf("Closest(her2) = %v, want the two her2 pages", got)
	}
	if got := Closest("zzzzzz", known, 3); len(got) != 0 {
		t.Errorf("Closest(zzzzzz) = %v, want none", got)
	}
}

func TestLoadPage(t *testing.T) {
	good := Source{FS: tree(map[string]string{
		"alpha.md": page("alpha"),
		"beta.md":  page("beta", replace("order: 10", "order: 5"), replace("related: [beta]", "related: [alpha]")),
	}), Name: "content"}
	p, err := LoadPage(good, "alpha")
	if err != nil || p.ID != "alpha" || p.Body == "" || len(p.Sources) == 0 {
		t.Fatalf("LoadPage(alpha) = %+v, %v", p, err)
	}
	full, ferr := Load(good, DefaultRules(today))
	if ferr != nil {
		t.Fatal(ferr)
	}
	if want, _ := full.Page("alpha"); !reflect.DeepEqual(want, p) {
		t.Errorf("LoadPage and Load disagree about alpha:\n%+v\n%+v", p, want)
	}
	fsys := tree(map[string]string{"alpha.md": page("alpha"), "broken.md": page("broken", replace("title: ", "colour: red\ntitle: "))})
	src := Source{FS: fsys, Name: "content"}
	for _, id := range []string{"missing", "../guide", "pages/alpha", "Alpha", ""} {
		if _, err := LoadPage(src, id); !errors.Is(err, ErrNoPage) {
			t.Errorf("LoadPage(%q) = %v, want ErrNoPage", id, err)
		}
	}
	if _, err := LoadPage(src, "broken"); err == nil || !strings.Contains(err.Error(), `content/pages/broken.md:`) {
		t.Errorf("LoadPage(broken) = %v, want a file:line problem", err)
	}
}

// TestLoadHome checks that the home screen's part of a tree (title and
// sections) reads without its pages, and that a broken tree still gives
// what could be read.
func TestLoadHome(t *testing.T) {
	fsys := tree(map[string]string{"alpha.md": goodPage})
	g := LoadHome(Source{FS: fsys, Name: "content"})
	if g.Meta.Title != "T" || len(g.Sections) != 2 || g.Sections[1].Title != "Two" || len(g.Pages) != 0 {
		t.Fatalf("LoadHome = %+v, sections %d, pages %d", g.Meta, len(g.Sections), len(g.Pages))
	}
	if s, ok := g.Section("one"); !ok || s.Title != "One" {
		t.Errorf("Section(one) = %v, %v", s, ok)
	}
	delete(fsys, "sections.yaml")
	if g := LoadHome(Source{FS: fsys, Name: "content"}); g.Meta.Title != "T" || len(g.Sections) != 0 {
		t.Errorf("without sections.yaml: %+v, %d sections", g.Meta, len(g.Sections))
	}
}
