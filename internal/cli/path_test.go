package cli

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/persona"
)

// TestPathPersonas runs every reader of content/testdata/personas.yaml
// through `her2guide path --json` and holds the output to their rules.
func TestPathPersonas(t *testing.T) {
	ps, err := persona.Load("../../content/testdata/personas.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Run(p.Name, func(t *testing.T) {
			args := []string{"path", "--json"}
			var qs []string
			for q := range p.Answers {
				qs = append(qs, q)
			}
			sort.Strings(qs)
			for _, q := range qs {
				args = append(args, "--answer", q+"="+p.Answers[q])
			}
			env, out, errOut := testEnv(false, false)
			if code := run(t, env, args...); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var r pathReport
			if err := json.Unmarshal(out.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			if len(r.Ignored) > 0 {
				t.Errorf("ignored answers %v", r.Ignored)
			}
			var pages, refs []string
			for _, pp := range r.Pages {
				pages = append(pages, pp.ID)
				if pp.Title == "" || pp.Why == "" {
					t.Errorf("page %s without a title or why line", pp.ID)
				}
			}
			for _, q := range r.Questions {
				refs = append(refs, q.Ref)
				if !strings.HasSuffix(q.Text, "?") {
					t.Errorf("question %s reads %q", q.Ref, q.Text)
				}
			}
			for _, bad := range p.Check(pages, refs, len(r.Notes) > 0) {
				t.Error(bad)
			}
		})
	}
}

// TestPathText: the text form gives the banner, the pages with their why
// lines and the questions; a question the form would not ask is listed as
// ignored; bad ids are errors that name the choices.
func TestPathText(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "path", "--answer", "her2=low", "--answer", "stage=4", "--answer", "brain=yes"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	for _, want := range []string{"This guide is about HER2-positive", "Ignored", "brain=yes", " 1. ", "(her2-negative-info)", "Questions for your list"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "(brain-metastases)") {
		t.Errorf("HER2-low path has the brain page:\n%s", s)
	}
	for _, tc := range []struct{ arg, want string }{
		{"stage=5", `stage has no answer "5"`},
		{"stag=2", `there is no question "stag"`},
		{"stage", "QUESTION=ANSWER"},
		{"stage=1,2", "takes one answer"},
	} {
		env, _, errOut := testEnv(false, false)
		if code := run(t, env, "path", "--answer", tc.arg); code == 0 || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("--answer %s: exit %d, %q; want %q", tc.arg, code, errOut, tc.want)
		}
	}
	// Many answers: joined by commas or the flag again.
	env, out, _ = testEnv(false, false)
	run(t, env, "path", "--json", "--answer", "her2=ihc3", "--answer", "stage=4", "--answer", "drugs=tdxd", "--answer", "drugs=tdm1")
	var r pathReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil || r.Answers["drugs"] != "tdxd,tdm1" {
		t.Errorf("drugs = %q (%v)", r.Answers["drugs"], err)
	}
}

// TestQuestionsAnswer: `questions --answer` prints that reader's sheet.
func TestQuestionsAnswer(t *testing.T) {
	env, out, errOut := testEnv(false, false)
	if code := run(t, env, "questions", "--answer", "her2=ihc3", "--answer", "stage=2", "--answer", "matters=fertility"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s := out.String()
	for _, want := range []string{"Can I see a fertility specialist before I start treatment?", "Why do you suggest treatment before surgery for me?"} {
		if !strings.Contains(s, want) {
			t.Errorf("sheet lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "spreads to the brain") {
		t.Errorf("an early-stage sheet with a brain heading:\n%s", s)
	}
	env, _, errOut = testEnv(false, false)
	if code := run(t, env, "questions", "--all", "--answer", "stage=2"); code == 0 || !strings.Contains(errOut.String(), "--all or --answer") {
		t.Errorf("--all with --answer: exit %d, %q", code, errOut)
	}
}

// TestAnswerCompletion: the shell completes --answer with QUESTION=ANSWER.
func TestAnswerCompletion(t *testing.T) {
	for _, cmd := range []string{"path", "questions"} {
		env, out, _ := testEnv(false, false)
		run(t, env, "__complete", cmd, "--answer", "")
		if s := out.String(); !strings.Contains(s, "stage=2\tStage 2") || !strings.Contains(s, "matters=fertility") {
			t.Errorf("%s --answer completion:\n%s", cmd, s)
		}
	}
}
