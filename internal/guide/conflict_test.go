package guide

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// twoQuestions is a paths.yaml with a stage and a brain question and the
// conflicts given.
func twoQuestions(conflicts string) string {
	return "walkthrough:\n  - page: alpha\n    label: A\nsituation:\n" +
		"  - id: stage\n    ask: Stage?\n    answers:\n" +
		"      - {id: \"1\", label: Stage 1}\n      - {id: \"4\", label: Stage 4}\n      - {id: unsure, label: U}\n" +
		"  - id: brain\n    ask: Brain?\n    answers:\n" +
		"      - {id: \"yes\", label: \"Yes\"}\n      - {id: \"no\", label: \"No\"}\n      - {id: unsure, label: U}\n" +
		conflicts
}

func TestConflicts(t *testing.T) {
	fsys := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []"))})
	fsys["paths.yaml"] = &fstest.MapFile{Data: []byte(twoQuestions(
		"conflicts:\n  - answers:\n      brain: [\"yes\"]\n      stage: [\"1\"]\n    message: Stage 1 and brain spread?\n"))}
	g, ps := load(t, fsys)
	if ps != nil {
		t.Fatal(ps)
	}
	if c := g.Paths.Conflicts[0]; !reflect.DeepEqual(c.Questions, []string{"stage", "brain"}) || c.Line != 18 {
		t.Errorf("questions %v (want the form's order), line %d", c.Questions, c.Line)
	}
	for _, tc := range []struct {
		answers map[string]string
		want    int
	}{
		{map[string]string{"stage": "1", "brain": "yes"}, 1},
		{map[string]string{"stage": "4", "brain": "yes"}, 0},
		{map[string]string{"stage": "1", "brain": "no"}, 0},
		{map[string]string{"stage": "1", "brain": "unsure"}, 0},
		{map[string]string{"stage": "1"}, 0}, // not answered yet
		{nil, 0},
	} {
		got := g.Conflicts(tc.answers)
		if len(got) != tc.want {
			t.Errorf("Conflicts(%v) = %v, want %d", tc.answers, got, tc.want)
		}
		if len(got) == 1 && got[0].Message != "Stage 1 and brain spread?" {
			t.Errorf("message %q", got[0].Message)
		}
	}
}

func TestConflictsBroken(t *testing.T) {
	for _, tc := range []struct{ name, conflicts, want string }{
		{"unknown question", "  - answers:\n      stage: [\"1\"]\n      brian: [\"yes\"]\n    message: M\n",
			`content/paths.yaml:18: conflict 1: situation question "brian" does not exist (did you mean "brain"?)`},
		{"unknown answer", "  - answers:\n      stage: [\"1\"]\n      brain: [\"yse\"]\n    message: M\n",
			`content/paths.yaml:18: conflict 1: question "brain" has no answer "yse" (did you mean "yes"?)`},
		{"unsure", "  - answers:\n      stage: [\"1\"]\n      brain: [unsure]\n    message: M\n",
			`content/paths.yaml:18: conflict 1: "unsure" of "brain" cannot clash with anything`},
		{"one question", "  - answers:\n      stage: [\"1\"]\n    message: M\n",
			`content/paths.yaml:18: conflict 1 names 1 questions, want 2`},
		{"no answers", "  - answers:\n      stage: [\"1\"]\n      brain: []\n    message: M\n",
			`content/paths.yaml:18: conflict 1: no answers of "brain"`},
		{"no message", "  - answers:\n      stage: [\"1\"]\n      brain: [\"yes\"]\n",
			`content/paths.yaml:18: conflict 1 has no message`},
		{"unknown key", "  - answers:\n      stage: [\"1\"]\n      brain: [\"yes\"]\n    message: M\n    say: S\n",
			`content/paths.yaml:22: unknown field "say"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []"))})
			fsys["paths.yaml"] = &fstest.MapFile{Data: []byte(twoQuestions("conflicts:\n" + tc.conflicts))}
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
