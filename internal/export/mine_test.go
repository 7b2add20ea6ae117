package export

import (
	"strings"
	"testing"
)

// TestAboutMyCancerFilled: the "About my cancer" lines stay blank on the
// default sheet and carry the reader's answers only when Sheet.Mine is set
// (the reader agreed); "I don't know" leaves its line blank; the filled
// default sheet stays one page.
func TestAboutMyCancerFilled(t *testing.T) {
	g := benchGuide(t)
	answers := map[string]string{"her2": "ish", "stage": "4", "origin": "came-back", "hormone": "unsure"}
	mine := AboutCancer(g, answers)
	her2, stage := g.Paths.Situation[0].AnswerLabel("ish"), ""
	for _, q := range g.Paths.Situation {
		if q.ID == "stage" {
			stage = q.AnswerLabel("4")
		}
	}
	if mine.HER2 != her2 || mine.Stage != stage || mine.HR != "" || her2 == "" || stage == "" {
		t.Fatalf("AboutCancer = %+v, want HER2 %q, stage %q, ER/PR blank (I don't know)", mine, her2, stage)
	}
	if got := AboutCancer(g, map[string]string{"her2": "unsure", "stage": "unsure"}); !got.Empty() {
		t.Errorf("AboutCancer of \"I don't know\" answers = %+v, want nothing", got)
	}
	if got := AboutCancer(g, map[string]string{"her2": "low", "hormone": "positive"}); got.HR != "" {
		t.Errorf("AboutCancer fills ER / PR from a question the form does not ask HER2-low readers: %+v", got)
	}

	def := benchSheets(t)["default"]
	filled := def
	filled.Mine = mine
	for _, f := range Formats {
		blank := plainText(t, def, f, A4)
		for _, v := range []string{her2, stage, en.Stage + ":"} {
			if strings.Contains(blank, v) {
				t.Errorf("%s: the sheet without consent has %q", f, v)
			}
		}
		text := plainText(t, filled, f, A4)
		checkOrder(t, string(f), text, []string{en.AboutCancer, en.Stage + ": " + stage, en.HER2 + ": " + her2, en.ERPR + ":", en.Medicines})
		if strings.Contains(text, en.ERPR+": Yes") || strings.Contains(text, en.ERPR+": No") {
			t.Errorf("%s: ER / PR filled from an \"I don't know\" answer", f)
		}
	}
	for _, p := range []Paper{A4, Letter} {
		if n := pdfPages(render(t, filled, PDF, p)); n != 1 {
			t.Errorf("filled default sheet on %s: %d pages, want 1", p, n)
		}
	}
}
