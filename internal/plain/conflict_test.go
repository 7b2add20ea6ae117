package plain

import (
	"slices"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// clashGuide is the bundled guide with the brain question asked at every
// stage, as a form without that when: rule would: the bundled form never
// lets answers clash, so the check is tested on this one.
func clashGuide(t *testing.T) *guide.Guide {
	t.Helper()
	g := *bundled(t)
	qs := slices.Clone(g.Paths.Situation)
	for i := range qs {
		if qs[i].ID == "brain" {
			qs[i].When = nil
		}
	}
	g.Paths.Situation = qs
	return &g
}

// stage1Brain is a reader who says stage 1 and that the cancer has spread
// to the brain: answers that cannot both be true.
var stage1Brain = map[string]string{"her2": "ihc3", "stage": "1", "hormone": "positive", "menopause": "yes",
	"treatment": "after-surgery", "residual": "no", "brain": "yes", "matters": ""}

const (
	changeStage = `1. Change my answer to "What stage is your cancer?" (now: Stage 1)`
	changeBrain = `2. Change my answer to "Has the cancer spread to your brain?" (now: Yes)`
	stage4      = "5"
	brainNo     = "2"
)

// TestSituationConflict: stage 1 with brain spread asks which is right
// before it builds a path; b returns to the last question; changing the
// stage asks that question, then the questions stage 4 opens (where the
// cancer came from, the treatment, whether it works, the drugs had), then
// builds the path.
func TestSituationConflict(t *testing.T) {
	g := clashGuide(t)
	list := &checklist.List{}
	script := append([]string{homeSituation}, formInput(t, g, stage1Brain)...)
	script = append(script, "b", "", "1", stage4, "1", "2", "2", "", "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})
	inOrder(t, out, "Question 8 of 8", "Check your answers", "You chose stage 1, 2 or 3", "is stage 4", changeStage, changeBrain,
		"Question 8 of 8", "Check your answers", changeStage,
		"Question 2 of", "Was the cancer stage 4 when it was", "Where are you in your treatment?",
		"Has this treatment stopped working", "Which of these drugs have you had",
		"Your answers added these to My questions", "Your own path", "Main menu:", "Goodbye.")
	if i := strings.Index(out, "Your answers added"); strings.Contains(out[i:], "Question 3 of") {
		t.Error("changing one answer asked the rest of the form again")
	}
	if !strings.Contains(out, "What if cancer spreads to the brain?") {
		t.Errorf("the stage 4 path lacks the brain page:\n%s", out)
	}
}

// TestSituationConflictChangeOther changes the brain answer instead; b while
// changing it goes back to the check.
func TestSituationConflictChangeOther(t *testing.T) {
	g := clashGuide(t)
	list := &checklist.List{}
	script := append([]string{homeSituation}, formInput(t, g, stage1Brain)...)
	script = append(script, "2", "b", "2", brainNo, "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})
	inOrder(t, out, "Check your answers", changeBrain, "Question 7 of 8", "Type b to go back", "Check your answers",
		"Question 7 of 8", "Your own path", "Main menu:", "Goodbye.")
	if strings.Contains(out, "What if cancer spreads to the brain?") {
		t.Errorf("no brain spread, but the path has the brain page:\n%s", out)
	}
}

// TestSituationConflictOnReturn: leaving the form with clashing answers and
// coming back asks again, never shows a path built from them.
func TestSituationConflictOnReturn(t *testing.T) {
	g := clashGuide(t)
	script := append([]string{homeSituation}, formInput(t, g, stage1Brain)...)
	for range 9 {
		script = append(script, "b")
	}
	script = append(script, homeSituation, "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000})
	inOrder(t, out, "Check your answers", "Question 8 of 8", "Question 1 of 8", "Main menu:",
		"Check your answers", changeStage, "Question 8 of 8")
	if strings.Contains(out, "Your own path") {
		t.Errorf("a path was built from clashing answers:\n%s", out)
	}
}

// TestSituationMany: a question with many answers takes numbers with commas
// or spaces, Enter alone for none, and asks again for a number out of
// range; a HER2-low reader is asked 3 questions and gets the banner.
func TestSituationMany(t *testing.T) {
	g := bundled(t)
	list := &checklist.List{}
	// HER2-low (4), stage 4 (5), then "What else matters" (only the 7
	// answers that add something for HER2-negative cancer): bad input,
	// then work and money (4) and children at home (5).
	out := runScript(t, g, lines(homeSituation, "4", "5", "1, 99", "x", "4 5", "b", "q"), Options{Width: 80, Chunk: 10000, List: list})
	inOrder(t, out, "Question 1 of 11", "Question 2 of 3", "Question 3 of 3", "What else matters to you?",
		"with commas or spaces between them", "Please type numbers from 1 to 7", "Please type numbers from 1 to 7",
		"This guide is about HER2-positive breast cancer", "Your own path", "Your cancer is HER2-negative.")
	for _, not := range []string{"Where are you in your treatment?", "Has the cancer spread to your brain?", "stage 4 when it was first found"} {
		if strings.Contains(out, not) {
			t.Errorf("a HER2-low reader was asked %q", not)
		}
	}
	path := g.PathFor(map[string]string{"her2": "low", "stage": "4", "matters": "money,children"})
	if !slices.ContainsFunc(path.Pages, func(p guide.PathPage) bool { return p.ID == "living-with" }) {
		t.Fatalf("path %v", path.Pages)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, pp := range path.Pages {
		if !strings.Contains(flat, pp.Title) {
			t.Errorf("the path lacks %s", pp.ID)
		}
	}
}
