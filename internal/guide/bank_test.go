package guide

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const testBank = `questions:
  - id: goal
    text: "What is the goal of my treatment?"
  - id: scans
    text: "How often will I have scans?"
  - id: trial
    text: "Is there a clinical trial for me?"
`

// bankTree is a tree with a question bank whose "goal" question is on both
// pages.
func bankTree() fstest.MapFS {
	ids := "questions:\n  - goal\n  - scans\n  - trial\n"
	alpha := page("alpha", replace("questions:\n  - \"Question one?\"\n  - \"Question two?\"\n  - \"Question three?\"\n", ids))
	beta := page("beta", replace("questions:\n  - \"Question one?\"\n  - \"Question two?\"\n  - \"Question three?\"\n", "questions:\n  - trial\n  - goal\n  - \"Question three?\"\n"),
		replace("related: [beta]", "related: [alpha]"), replace("order: 10", "order: 20"))
	fsys := tree(map[string]string{"alpha.md": alpha, "beta.md": beta})
	fsys["questions.yaml"] = &fstest.MapFile{Data: []byte(testBank)}
	return fsys
}

// TestQuestionBank: pages list bank ids; a question on two pages is one
// question with one id, under the first page; references by id, by
// "page#n" and by text all find it.
func TestQuestionBank(t *testing.T) {
	fsys := bankTree()
	fsys["pages/beta.md"].Data = []byte(strings.Replace(string(fsys["pages/beta.md"].Data), "  - \"Question three?\"\n", "  - scans\n", 1))
	g, ps := load(t, fsys)
	if ps != nil {
		t.Fatalf("problems: %v", ps)
	}
	a, _ := g.Page("alpha")
	b, _ := g.Page("beta")
	if !slices.Equal(a.QuestionIDs, []string{"goal", "scans", "trial"}) || a.Questions[0] != "What is the goal of my treatment?" {
		t.Errorf("alpha: %v %q", a.QuestionIDs, a.Questions)
	}
	if !slices.Equal(b.QuestionIDs, []string{"trial", "goal", "scans"}) || b.Questions[1] != a.Questions[0] {
		t.Errorf("beta: %v %q", b.QuestionIDs, b.Questions)
	}
	for _, ref := range []string{"goal", "alpha#1", "beta#2"} {
		q, ok := g.Question(ref)
		if !ok || q.ID != "goal" || q.Page != a || q.Text != a.Questions[0] {
			t.Errorf("Question(%q) = %+v, %v; want goal under alpha", ref, q, ok)
		}
	}
	if q, ok := g.QuestionByText("Is there a clinical trial for me?"); !ok || q.ID != "trial" {
		t.Errorf("QuestionByText = %+v, %v", q, ok)
	}
	for _, ref := range []string{"nope", "alpha#4", "gamma#1", ""} {
		if q, ok := g.Question(ref); ok {
			t.Errorf("Question(%q) = %+v, want none", ref, q)
		}
	}
}

// TestQuestionBankProblems: each rule of the bank and of the pages that use
// it, with its file and line.
func TestQuestionBankProblems(t *testing.T) {
	cases := []struct {
		name, file, data, want string
	}{
		{"text on a bundled page", "", "", `content/pages/beta.md:15: write this question in questions.yaml with an id, and list the id here: "Question three?"`},
		{"unknown id", "pages/alpha.md", "  - scanz\n", `content/pages/alpha.md:16: question "scanz" is not in questions.yaml (did you mean "scans"?)`},
		{"id twice on a page", "pages/alpha.md", "  - goal\n", `content/pages/alpha.md:16: question "goal" is on the page twice`},
		{"id twice in the bank", "questions.yaml", "  - id: goal\n    text: \"Again?\"\n", `content/questions.yaml:8: question id "goal" is used twice (first on line 2)`},
		{"no question mark", "questions.yaml", "  - id: plain\n    text: \"Tell me more.\"\n", `content/questions.yaml:8: question "plain" must end with a question mark`},
		{"same text twice", "questions.yaml", "  - id: goal-again\n    text: \"What is the goal of my treatment?\"\n", `content/questions.yaml:8: question "goal-again" asks what "goal" asks: list that id instead`},
		{"bad id", "questions.yaml", "  - id: Bad_Id\n    text: \"Why?\"\n", `content/questions.yaml:8: id "Bad_Id" must be lower-case letters, digits and single dashes`},
		{"escape in text", "questions.yaml", "  - id: esc\n    text: \"Why\\e[31m?\"\n", `content/questions.yaml:8: question "esc" contains a control character`},
		{"on no page", "questions.yaml", "  - id: lonely\n    text: \"Who asks me?\"\n", `content/questions.yaml:8: question "lonely" is on no page`},
		{"path names no question", "paths.yaml", "", `content/paths.yaml:8: answer "unsure" of "s": no question "goals" (did you mean "goal"?)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := bankTree()
			switch tc.file {
			case "":
			case "paths.yaml":
				fsys[tc.file] = &fstest.MapFile{Data: []byte(sit("  - id: unsure\n    label: U\n    questions: [goals]\n"))}
			case "pages/alpha.md":
				f := fsys[tc.file]
				f.Data = []byte(strings.Replace(string(f.Data), "  - trial\n", "  - trial\n"+tc.data, 1))
			default:
				f := fsys[tc.file]
				f.Data = append(f.Data, tc.data...)
			}
			_, ps := load(t, fsys)
			if !hasProblem(ps, tc.want) {
				t.Errorf("problems:\n%v\nwant one starting %q", ps, tc.want)
			}
		})
	}
}

// TestQuestionBankClinicPages: a clinic's page may write its own questions
// beside the bank's ids; they get "page#n" ids.
func TestQuestionBankClinicPages(t *testing.T) {
	base := bankTree()
	base["pages/beta.md"].Data = []byte(strings.Replace(string(base["pages/beta.md"].Data), "  - \"Question three?\"\n", "  - scans\n", 1))
	own := strings.Replace(page("clinic-parking", replace("related: [beta]", "related: []"), replace("order: 10", "order: 30")),
		"  - \"Question one?\"\n", "  - goal\n", 1)
	c := loadClinic(t, base, fstest.MapFS{"clinic-parking.md": {Data: []byte(own)}}, DefaultRules(today), false)
	if len(c.Skipped) != 0 {
		t.Fatalf("skipped: %v", c.Problems())
	}
	p, _ := c.Guide.Page("clinic-parking")
	if !slices.Equal(p.QuestionIDs, []string{"goal", "clinic-parking#2", "clinic-parking#3"}) || p.Questions[1] != "Question two?" {
		t.Errorf("clinic page questions: %v %q", p.QuestionIDs, p.Questions)
	}
	if q, _ := c.Guide.Question("goal"); q.Page == nil || q.Page.ID != "alpha" {
		t.Errorf("goal is under %+v, want alpha (the first page in reading order)", q.Page)
	}
}

// TestPathAskedUnderThePathsPage: a question the path pre-ticks is printed
// under the first page of the reader's path that lists it, not under its
// first page in reading order when that page is not on the path.
func TestPathAskedUnderThePathsPage(t *testing.T) {
	fsys := bankTree()
	fsys["pages/beta.md"].Data = []byte(strings.Replace(string(fsys["pages/beta.md"].Data), "  - \"Question three?\"\n", "  - scans\n", 1))
	g, ps := load(t, fsys)
	if ps != nil {
		t.Fatalf("problems: %v", ps)
	}
	path := Path{Pages: []PathPage{{ID: "beta"}}, Questions: []string{"goal", "alpha#2", "nope"}}
	got := path.Asked(g)
	if len(got) != 2 || got[0].ID != "goal" || got[0].Page.ID != "beta" || got[1].ID != "scans" || got[1].Page.ID != "beta" {
		t.Errorf("Asked = %+v, want goal and scans under beta", got)
	}
	if q, _ := g.Question("goal"); q.Page.ID != "alpha" {
		t.Errorf("outside a path, goal is under %s, want alpha", q.Page.ID)
	}
}

// TestPageEndLabelsNeedTheDate: labels.reviewed and labels.next_review,
// when set, hold {date} once.
func TestPageEndLabelsNeedTheDate(t *testing.T) {
	fsys := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []"))})
	fsys["guide.yaml"] = &fstest.MapFile{Data: []byte("title: T\nsubtitle: S\nnotice: N\nlabels:\n  reviewed: Reviewed.\n  next_review: Next {date} {date}.\n")}
	_, ps := load(t, fsys)
	for _, want := range []string{"content/guide.yaml: labels.reviewed must hold {date} once", "content/guide.yaml: labels.next_review must hold {date} once"} {
		if !hasProblem(ps, want) {
			t.Errorf("problems:\n%v\nwant one starting %q", ps, want)
		}
	}
}
