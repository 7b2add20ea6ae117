package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/export"
)

// TestQuestionsClinicianCopy: --clinician-copy makes the care team's copy
// in every format: with --answer, the reader's situation; without, a
// blank "About me" box; one page on A4 and Letter.
func TestQuestionsClinicianCopy(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	answers := []string{"--answer", "stage=2", "--answer", "her2=ihc3", "--answer", "hormone=positive"}
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"text", "markdown", "html"} {
		env, out, _ := testEnv(false, false)
		if err := runQuestions(t, env, noSpooler, append(answers, "--clinician-copy", "--top", "questions:3", "--format", f)...); err != nil {
			t.Fatal(err)
		}
		text := flat(strings.NewReplacer("**", "", "<strong>", "", "</strong>", "", "&#43;", "+").Replace(out.String()))
		for _, want := range []string{g.Meta.Sheet.ClinicianTitle, "My situation", "What stage is your cancer? Stage 2", "IHC 3+",
			"My top 3", "What stage is my cancer, and what does that mean for me?", "My other questions"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: clinician copy lacks %q:\n%s", f, want, out)
			}
		}
		if strings.Contains(text, "Before I leave") || strings.Contains(text, "About me ") {
			t.Errorf("%s: clinician copy has the reader's parts or an About me box beside the situation", f)
		}
	}
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--clinician-copy"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "About me\n") || strings.Contains(out.String(), "My situation") {
		t.Errorf("without --answer: no blank About me box:\n%s", out)
	}
	for _, paper := range []string{"a4", "letter"} {
		for _, args := range [][]string{{"--clinician-copy"}, append(answers, "--clinician-copy")} {
			env, out, _ := testEnv(false, false)
			if err := runQuestions(t, env, noSpooler, append(args, "--format", "pdf", "--paper", paper, "-o", "-")...); err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(out.Bytes(), []byte("/Type /Page\n")); n != 1 {
				t.Errorf("clinician copy %v on %s: %d PDF pages, want 1", args, paper, n)
			}
		}
	}
}

// TestQuestionsClinic: --clinic prints the endorsement line with the
// clinic's name; a name with control characters or too long is refused.
func TestQuestionsClinic(t *testing.T) {
	for _, f := range []string{"text", "markdown", "html"} {
		env, out, _ := testEnv(false, false)
		if err := runQuestions(t, env, noSpooler, "--clinic", " Riverside Cancer Centre ", "--format", f); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(out.String()), " ")
		if !strings.Contains(text, "Your care team at Riverside Cancer Centre wants you to ask these questions.") ||
			!strings.Contains(text, "Give this sheet to your nurse or doctor at the start of your visit.") {
			t.Errorf("%s: no endorsement or hand-over line:\n%s", f, out)
		}
	}
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "wants you to ask") {
		t.Error("an endorsement line without --clinic")
	}
	for _, bad := range []string{"Evil\x1b[2J", strings.Repeat("x", export.MaxClinic+1)} {
		env, _, _ := testEnv(false, false)
		if err := runQuestions(t, env, noSpooler, "--clinic", bad); err == nil || !strings.Contains(err.Error(), "--clinic") {
			t.Errorf("--clinic %q: err %v, want it refused", bad, err)
		}
	}
}
