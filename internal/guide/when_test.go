package guide

import (
	"strings"
	"testing"
	"testing/fstest"
)

// sit2 is a paths.yaml with question s (answers a and unsure) and then
// question t whose text is given, indented as a list item.
func sit2(t2 string) string {
	return "walkthrough:\n  - page: alpha\n    label: A\nsituation:\n" +
		"  - id: s\n    ask: Which?\n    answers:\n      - id: a\n        label: A\n      - id: unsure\n        label: U\n" + t2
}

// TestLoadWhenRules: when:, also: and path: are checked at load, each
// problem at its line of paths.yaml.
func TestLoadWhenRules(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"when unknown question", sit2("  - id: t\n    ask: And?\n    when: {x: [a]}\n    answers:\n      - id: unsure\n        label: U\n"),
			`content/paths.yaml:12: question "t": when names "x", which is not an earlier situation question`},
		{"when unknown answer", sit2("  - id: t\n    ask: And?\n    when: {s: [b]}\n    answers:\n      - id: unsure\n        label: U\n"),
			`content/paths.yaml:12: question "t": when: question "s" has no answer "b"`},
		{"when on itself", sit2("  - id: t\n    ask: And?\n    when: {t: [unsure]}\n    answers:\n      - id: unsure\n        label: U\n"),
			`content/paths.yaml:12: question "t": when names "t", which is not an earlier situation question`},
		{"answer when", sit2("  - id: t\n    ask: And?\n    answers:\n      - id: unsure\n        label: U\n        when: {s: [c]}\n"),
			`content/paths.yaml:15: answer "unsure" of "t": when: question "s" has no answer "c"`},
		{"also bad page", sit2("  - id: t\n    ask: And?\n    answers:\n      - id: unsure\n        label: U\n        also:\n          - when: {s: [a]}\n            pages: [alpah]\n"),
			`content/paths.yaml:15: answer "unsure" of "t": page "alpah" does not exist`},
		{"path bad page", sit2("  - id: t\n    ask: And?\n    answers:\n      - id: unsure\n        label: U\n        pages: [alpha]\npath:\n  - page: alpah\n    why: W\n"),
			`content/paths.yaml:19: path: page "alpah" does not exist`},
		{"path no why", sit2("  - id: t\n    ask: And?\n    answers:\n      - id: unsure\n        label: U\n        pages: [alpha]\npath:\n  - page: alpha\n"),
			`content/paths.yaml:19: path: page "alpha" has no why line`},
		{"path lacks a page", sit2("  - id: t\n    ask: And?\n    answers:\n      - id: unsure\n        label: U\n        pages: [alpha, beta]\npath:\n  - page: alpha\n    why: W\n"),
			`content/paths.yaml:15: answer "unsure" of "t" adds page "beta", which path does not list`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []")),
				"beta.md": page("beta", replace("related: [beta]", "related: []"))})
			fsys["paths.yaml"] = &fstest.MapFile{Data: []byte(tc.data)}
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

// TestEffective: answers to questions the form would not ask, and answers
// it would not offer, do not count; many answers keep their order.
func TestEffective(t *testing.T) {
	g := &Guide{Paths: Paths{Situation: []Question{
		{ID: "stage", Answers: []Answer{{ID: "1"}, {ID: "4"}, {ID: Unsure}}},
		{ID: "brain", When: When{"stage": {"4"}}, Answers: []Answer{{ID: "yes"}, {ID: Unsure}}},
		{ID: "line", Answers: []Answer{{ID: "first", When: When{"stage": {"4"}}}, {ID: Unsure}}},
		{ID: "drugs", Many: true, Answers: []Answer{{ID: "a"}, {ID: "b"}, {ID: Unsure}}},
	}}}
	got := g.Effective(map[string]string{"stage": "1", "brain": "yes", "line": "first", "drugs": "b,x,a,b"})
	if len(got) != 2 || got["stage"] != "1" || got["drugs"] != "b,a" {
		t.Errorf("Effective = %v", got)
	}
	got = g.Effective(map[string]string{"stage": "4", "brain": "yes", "line": "first", "drugs": ""})
	if len(got) != 4 || got["brain"] != "yes" || got["line"] != "first" || got["drugs"] != "" {
		t.Errorf("Effective = %v", got)
	}
	if n := g.NextQuestion(map[string]string{"stage": "4"}); n != 1 {
		t.Errorf("NextQuestion = %d, want 1 (brain)", n)
	}
	if n := g.NextQuestion(map[string]string{"stage": "1"}); n != 2 {
		t.Errorf("NextQuestion = %d, want 2 (line; brain is not asked)", n)
	}
	if n, of := g.FormPlace(2, map[string]string{"stage": "1"}); n != 2 || of != 3 {
		t.Errorf("FormPlace = %d of %d, want 2 of 3", n, of)
	}
}
