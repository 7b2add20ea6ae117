package cli

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/export"
)

// TestQuestionsFillAbout: --fill-about fills the sheet's "About my cancer"
// lines from the --answer flags, leaving an "I don't know" answer blank;
// without it the lines stay blank, as before; alone, it is refused.
func TestQuestionsFillAbout(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{"--answer", "stage=2", "--answer", "her2=ihc3", "--answer", "hormone=unsure"}
	mine := export.AboutCancer(g, map[string]string{"stage": "2", "her2": "ihc3", "hormone": "unsure"})
	if mine.Stage == "" || mine.HER2 == "" || mine.HR != "" {
		t.Fatalf("AboutCancer = %+v", mine)
	}

	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, append(answers, "--fill-about")...); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"Stage: " + mine.Stage, "My HER2 result (IHC / ISH): " + mine.HER2, "ER / PR: ___"} {
		if !strings.Contains(s, want) {
			t.Errorf("--fill-about: sheet lacks %q:\n%s", want, s)
		}
	}

	env, out, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, answers...); err != nil {
		t.Fatal(err)
	}
	s = out.String()
	if strings.Contains(s, "Stage:") || strings.Contains(s, mine.HER2) || !strings.Contains(s, "My HER2 result (IHC / ISH): ___") {
		t.Errorf("without --fill-about the lines are not blank:\n%s", s)
	}

	env, _, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--fill-about"); err == nil || !strings.Contains(err.Error(), "--answer") {
		t.Errorf("--fill-about without --answer: err %v, want one naming --answer", err)
	}
}
