package plain

import (
	"slices"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
)

// stage1Brain is a reader who says stage 1 and that the cancer has spread
// to the brain: answers that cannot both be true.
var stage1Brain = map[string]string{"stage": "1", "her2": "ihc3", "hormone": "positive", "treatment": "after-surgery", "brain": "yes"}

const (
	changeStage = `1. Change my answer to "What stage is your cancer?" (now: Stage 1)`
	changeBrain = `2. Change my answer to "Has the cancer spread to your brain?" (now: Yes)`
	stage4      = "4"
	brainNo     = "2"
)

// TestSituationConflict: stage 1 with brain spread asks which is right
// before it builds a path; b returns to the last question; changing the
// stage asks that question alone, then builds the path.
func TestSituationConflict(t *testing.T) {
	g := bundled(t)
	list := &checklist.List{}
	script := append([]string{homeSituation}, formInput(t, g, stage1Brain)...)
	script = append(script, "b", "1", "1", stage4, "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})
	inOrder(t, out, "Question 5 of 5", "Check your answers", "You chose stage 1, 2 or 3", "is stage 4", changeStage, changeBrain,
		"Question 5 of 5", "Check your answers", changeStage,
		"Question 1 of 5", "Your answers added these to My questions", "Your own path", "Main menu:", "Goodbye.")
	if i := strings.Index(out, "Your answers added"); strings.Contains(out[i:], "Question 2 of 5") {
		t.Error("changing one answer asked the rest of the form again")
	}
	want, _ := g.SituationPath(map[string]string{"stage": "4", "her2": "ihc3", "hormone": "positive", "treatment": "after-surgery", "brain": "yes"})
	if !slices.Contains(want, "brain-metastases") || !strings.Contains(out, "What if cancer spreads to the brain?") {
		t.Errorf("the stage 4 path lacks the brain page:\n%s", out)
	}
}

// TestSituationConflictChangeOther changes the brain answer instead; b while
// changing it goes back to the check.
func TestSituationConflictChangeOther(t *testing.T) {
	g := bundled(t)
	list := &checklist.List{}
	script := append([]string{homeSituation}, formInput(t, g, stage1Brain)...)
	script = append(script, "2", "b", "2", brainNo, "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})
	inOrder(t, out, "Check your answers", changeBrain, "Question 5 of 5", "Type b to go back", "Check your answers",
		"Question 5 of 5", "Your own path", "Main menu:", "Goodbye.")
	if strings.Contains(out, "What if cancer spreads to the brain?") {
		t.Errorf("no brain spread, but the path has the brain page:\n%s", out)
	}
}

// TestSituationConflictOnReturn: leaving the form with clashing answers and
// coming back asks again, never shows a path built from them.
func TestSituationConflictOnReturn(t *testing.T) {
	g := bundled(t)
	script := append([]string{homeSituation}, formInput(t, g, stage1Brain)...)
	script = append(script, "b", "b", "b", "b", "b", "b", homeSituation, "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000})
	inOrder(t, out, "Check your answers", "Question 5 of 5", "Question 1 of 5", "Main menu:",
		"Check your answers", changeStage, "Question 5 of 5")
	if strings.Contains(out, "Your own path") {
		t.Errorf("a path was built from clashing answers:\n%s", out)
	}
}
