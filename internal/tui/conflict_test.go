package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"

	tea "charm.land/bubbletea/v2"
)

// bundledModel is the guide on its own content, for the form's real
// questions and conflicts.
func bundledModel(t *testing.T, w, h int) *Model {
	t.Helper()
	return modelOf(t, bundledGuide(t), w, h)
}

func bundledGuide(t *testing.T) *guide.Guide {
	t.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func modelOf(t *testing.T, g *guide.Guide, w, h int) *Model {
	t.Helper()
	m := New(g, render.NewCache(render.Document), Options{})
	return update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// clashModel is the bundled guide with the brain question asked at every
// stage, as a form without that when: rule would: the bundled form never
// lets answers clash, so the check is tested on this one.
func clashModel(t *testing.T, w, h int) *Model {
	t.Helper()
	g := *bundledGuide(t)
	qs := slices.Clone(g.Paths.Situation)
	for i := range qs {
		if qs[i].ID == "brain" {
			qs[i].When = nil
		}
	}
	g.Paths.Situation = qs
	return modelOf(t, &g, w, h)
}

// answer picks the answer with the given id on the form's question.
func answer(t *testing.T, m *Model, id string) *Model {
	t.Helper()
	f, ok := m.top().(*formScreen)
	if !ok {
		t.Fatalf("answer %q: not on the form (%T)\n%s", id, m.top(), screen(m))
	}
	i := slices.IndexFunc(f.list.Menu.items, func(it menuItem) bool { return it.ID == id })
	if i < 0 {
		t.Fatalf("no answer %q", id)
	}
	m = press(t, m, "home")
	for range i {
		m = press(t, m, "j")
	}
	return press(t, m, "enter")
}

// onCheck reports whether the top screen asks which of two answers is right.
func onCheck(m *Model) bool {
	s, ok := m.top().(*menuScreen)
	return ok && slices.Equal(s.crumbs, []string{"My situation", "Check your answers"})
}

// stage1Brain answers the form as stage 1 with the cancer in the brain:
// HER2, stage, hormone, menopause, treatment, cancer left at surgery,
// brain, and nothing ticked on "What else matters".
func stage1Brain(t *testing.T, m *Model) *Model {
	t.Helper()
	m = choose(t, m, situationID)
	for _, id := range []string{"ihc3", "1", "positive", "yes", "after-surgery", "no", "yes"} {
		m = answer(t, m, id)
	}
	return press(t, m, "enter")
}

func TestSituationConflictAsksAgain(t *testing.T) {
	m := stage1Brain(t, clashModel(t, 80, 24))
	if !onCheck(m) {
		t.Fatalf("stage 1 with brain spread built %T, want the check\n%s", m.top(), screen(m))
	}
	s := screen(m)
	for _, want := range []string{"You chose stage 1, 2 or 3", "is stage 4",
		`Change my answer to "What stage is your cancer?" (now: Stage 1)`,
		`Change my answer to "Has the cancer spread to your brain?"`} {
		if !strings.Contains(s, want) {
			t.Errorf("the check lacks %q:\n%s", want, s)
		}
	}
	assertFits(t, m, 80, 24)
	if n := m.ctx.Session.List.Len(); n != 0 {
		t.Errorf("the check pre-ticked %d questions before the answers fit", n)
	}
	// Back returns to the last question; answering it the same asks again.
	m = press(t, m, "esc")
	if !is[*formScreen](m) || !strings.Contains(screen(m), "What else matters") {
		t.Fatalf("back from the check: %T\n%s", m.top(), screen(m))
	}
	m = press(t, m, "enter")
	if !onCheck(m) {
		t.Fatalf("the same answers again: %T", m.top())
	}
	// Change the stage: the form shows that question alone, then the path.
	m = press(t, m, "home", "enter")
	if f, ok := m.top().(*formScreen); !ok || !strings.Contains(screen(m), "What stage is your cancer?") || !f.fixing {
		t.Fatalf("change the stage: %T\n%s", m.top(), screen(m))
	}
	if it, _ := m.top().(*formScreen).list.Menu.selected(); it.ID != "1" {
		t.Errorf("the cursor is on %q, want the answer given (1)", it.ID)
	}
	m = answer(t, m, "4")
	// Stage 4 opens questions not answered yet, and asks only those: where
	// the cancer came from, the treatment (after surgery is not offered at
	// stage 4), whether it works, the drugs had.
	for _, step := range []struct{ ask, id string }{
		{"stage 4 when it was first found", "from-start"},
		{"Where are you in your treatment?", "first-line"},
		{"stopped working", "no"},
	} {
		if !strings.Contains(screen(m), step.ask) {
			t.Fatalf("want the question %q:\n%s", step.ask, screen(m))
		}
		m = answer(t, m, step.id)
	}
	if !strings.Contains(screen(m), "Which of these drugs") {
		t.Fatalf("want the drugs question:\n%s", screen(m))
	}
	m = press(t, m, "space", "enter") // tick the first: trastuzumab
	if !onPath(m) || !strings.Contains(screen(m), "spreads to the brain") {
		t.Fatalf("after changing to stage 4: %T\n%s", m.top(), screen(m))
	}
	if m.ctx.Session.Answers["stage"] != "4" || m.ctx.Session.Answers["brain"] != "yes" || m.ctx.Session.Answers["drugs"] != "trastuzumab" {
		t.Errorf("answers %v", m.ctx.Session.Answers)
	}
}

func TestSituationConflictChangeOther(t *testing.T) {
	m := stage1Brain(t, clashModel(t, 80, 24))
	m = press(t, m, "home", "j", "enter") // change the brain answer
	if !is[*formScreen](m) || !strings.Contains(screen(m), "Has the cancer spread to your brain?") {
		t.Fatalf("change brain: %T\n%s", m.top(), screen(m))
	}
	// Back while changing an answer returns to the check.
	m = press(t, m, "esc")
	if !onCheck(m) {
		t.Fatalf("back while changing: %T\n%s", m.top(), screen(m))
	}
	m = press(t, m, "home", "j", "enter")
	m = answer(t, m, "no")
	if !onPath(m) || strings.Contains(screen(m), "Brain metastases") {
		t.Fatalf("after no brain spread: %T\n%s", m.top(), screen(m))
	}
}

func TestSituationConflictOnReopen(t *testing.T) {
	m := stage1Brain(t, clashModel(t, 80, 24))
	m = press(t, m, "esc", "esc", "esc", "esc", "esc", "esc", "esc", "esc", "esc")
	if len(m.stack) != 1 {
		t.Fatalf("not home: %T", m.top())
	}
	// The answers are all given but still clash: ask, do not build a path.
	m = choose(t, m, situationID)
	if !onCheck(m) {
		t.Fatalf("reopening with clashing answers: %T\n%s", m.top(), screen(m))
	}
	m = press(t, m, "esc")
	if !is[*formScreen](m) {
		t.Fatalf("back from the check on reopening: %T", m.top())
	}
}
