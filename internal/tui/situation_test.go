package tui

import (
	"strings"
	"testing"
)

// onPath reports whether the top screen is the "My situation" path.
func onPath(m *Model) bool {
	s, ok := m.top().(*menuScreen)
	return ok && len(s.crumbs) == 1 && s.crumbs[0] == "My situation"
}

func TestSituationBuildsPathAndPreTicks(t *testing.T) {
	m := choose(t, newModel(t, 80, 24), situationID)
	if !is[*formScreen](m) || !strings.Contains(screen(m), "Question 1 of 1 (private, never saved): What stage?") {
		t.Fatalf("form:\n%s", screen(m))
	}
	// The cursor starts on "I don't know": nothing is chosen for the reader.
	if it, _ := m.top().(*formScreen).list.Menu.selected(); it.ID != "unsure" {
		t.Fatalf("the form starts on %q, want I don't know", it.ID)
	}
	m = press(t, m, "home", "enter")
	if !onPath(m) {
		t.Fatalf("after the last answer: %T", m.top())
	}
	s := screen(m)
	if !strings.Contains(s, "1. What is alpha?") || !strings.Contains(s, "2. What is beta?") || !strings.Contains(s, "Start over") {
		t.Errorf("path is not the answer's pages in reading order:\n%s", s)
	}
	list := &m.ctx.Session.List
	if !list.Has("alpha#2") || list.Len() != 1 || !strings.Contains(s, "1 questions") {
		t.Errorf("pre-ticked: %v\n%s", list.Items(), s)
	}
	m = press(t, m, "j", "enter")
	if p := onPage(t, m); p.id != "beta" || !strings.Contains(screen(m), "Step 2 of 2") {
		t.Fatalf("opening the second path page: page %q\n%s", p.id, screen(m))
	}
	m = press(t, m, "esc", "esc")
	if len(m.stack) != 1 {
		t.Fatalf("back twice: %T", m.top())
	}
	// Coming back shows the path, not the form again.
	m = choose(t, m, situationID)
	if !onPath(m) {
		t.Fatalf("reopening: %T, want the path", m.top())
	}
	// Start over asks whether to remove the question the answers added.
	m = press(t, m, "end", "enter")
	if !strings.Contains(screen(m), "Your answers added 1 question") {
		t.Fatalf("start over does not ask about the added questions:\n%s", screen(m))
	}
	m = press(t, m, "j", "enter") // keep them
	if len(m.stack) != 1 || len(m.ctx.Session.Answers) != 0 || !strings.Contains(screen(m), "cleared") {
		t.Fatalf("start over: %T answers %v\n%s", m.top(), m.ctx.Session.Answers, screen(m))
	}
	if !list.Has("alpha#2") {
		t.Error("keep: start over removed a question from the patient's list")
	}
	// A new reader, removing them this time.
	m = choose(t, newModel(t, 80, 24), situationID)
	m = press(t, m, "home", "enter", "end", "enter", "enter")
	if m.ctx.Session.List.Has("alpha#2") || !strings.Contains(screen(m), "Removed 1 question") {
		t.Errorf("remove: the added question is still there:\n%s", screen(m))
	}
}

func TestSituationUnsureLeadsToHowToFindOut(t *testing.T) {
	m := choose(t, newModel(t, 40, 12), situationID)
	m = press(t, m, "enter") // the cursor starts on "I don't know"
	if !onPath(m) || !strings.Contains(screen(m), "What is gamma?") {
		t.Fatalf("unsure path:\n%s", screen(m))
	}
	assertFits(t, m, 40, 12)
	m = press(t, choose(t, press(t, m, "esc"), situationID))
	m = press(t, m, "end", "enter")
	m = choose(t, m, situationID)
	if !is[*formScreen](m) {
		t.Fatalf("after start over the form starts again: %T", m.top())
	}
	m = press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Errorf("esc on the first question: %T", m.top())
	}
}

// TestSituationManyAndBanner: a HER2-low reader is asked HER2, stage and
// "What else matters" only; space ticks (and unticks) there, enter goes on;
// the path starts with the HER2-negative banner and shows each page's why
// line.
func TestSituationManyAndBanner(t *testing.T) {
	m := choose(t, bundledModel(t, 100, 40), situationID)
	m = answer(t, m, "low")
	if !strings.Contains(screen(m), "Question 2 of 3") {
		t.Fatalf("after HER2-low:\n%s", screen(m))
	}
	m = answer(t, m, "4")
	s := screen(m)
	if !strings.Contains(s, "What else matters to you?") || !strings.Contains(s, "[ ] ") || !strings.Contains(s, "space") {
		t.Fatalf("the last question:\n%s", s)
	}
	// Only answers that add something for HER2-negative cancer are
	// offered. Tick and untick the first, tick the 4th (work and money).
	if strings.Contains(s, "Having children") || strings.Contains(s, "Heart problems") {
		t.Errorf("HER2-low is offered answers that add nothing for it:\n%s", s)
	}
	m = press(t, m, "home", "space", "space")
	for range 3 {
		m = press(t, m, "j")
	}
	m = press(t, m, "space")
	if !strings.Contains(screen(m), "[x] Work and money") || strings.Contains(screen(m), "[x] I am a man") {
		t.Fatalf("ticks:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if !onPath(m) {
		t.Fatalf("after the last answer: %T\n%s", m.top(), screen(m))
	}
	s = screen(m)
	for _, want := range []string{"This guide is about HER2-positive", "Where do I go from here?", "How can I pay for my treatment?"} {
		if !strings.Contains(s, want) {
			t.Errorf("path lacks %q:\n%s", want, s)
		}
	}
	if m.ctx.Session.Answers["matters"] != "money" {
		t.Errorf("answers %v", m.ctx.Session.Answers)
	}
	for _, not := range []string{"What usually happens", "brain"} {
		if strings.Contains(s, not) {
			t.Errorf("a HER2-low path has %q:\n%s", not, s)
		}
	}
}
