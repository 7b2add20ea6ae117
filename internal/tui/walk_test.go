package tui

import (
	"strings"
	"testing"
)

// walkAnswer starts the walkthrough with one answer to its first question.
func walkAnswer(t *testing.T, m *Model, answer string) *Model {
	t.Helper()
	m = choose(t, m, walkID)
	s, ok := m.top().(*menuScreen)
	if !ok || !strings.Contains(screen(m), "has your cancer spread") {
		t.Fatalf("Start here does not ask first: %T\n%s", m.top(), screen(m))
	}
	for i, it := range s.list.Menu.items {
		if it.ID == answer {
			s.list.Menu.cursor = i
			return press(t, m, "enter")
		}
	}
	t.Fatalf("no answer %q", answer)
	return m
}

// walkEvery starts the walk with every step.
func walkEvery(t *testing.T, m *Model) *Model { return walkAnswer(t, m, walkEverySt) }

func TestWalkthrough(t *testing.T) {
	m := walkEvery(t, newModel(t, 80, 24))
	if p := onPage(t, m); p.id != "alpha" || !strings.Contains(screen(m), "Step 1 of 2 — Alpha") {
		t.Fatalf("Start here: page %q\n%s", p.id, screen(m))
	}
	if !strings.Contains(screen(m), "3 questions (a)") {
		t.Errorf("the step does not show its questions:\n%s", screen(m))
	}
	m = press(t, m, "n")
	if p := onPage(t, m); p.id != "gamma" || !strings.Contains(screen(m), "Step 2 of 2 — Gamma") {
		t.Fatalf("n: page %q\n%s", p.id, screen(m))
	}
	m = press(t, m, "p")
	if p := onPage(t, m); p.id != "alpha" {
		t.Fatalf("p: page %q", p.id)
	}
	m = press(t, m, "right", "esc")
	if len(m.stack) != 1 || !strings.Contains(screen(m), "Continue where you left off (step 2 of 2)") {
		t.Fatalf("leaving the walk: %T\n%s", m.top(), screen(m))
	}
	m = choose(t, m, walkID)
	if p := onPage(t, m); p.id != "gamma" {
		t.Fatalf("resume: page %q, want gamma", p.id)
	}
	// Past the last step: "You're ready", with the last page's questions
	// on the list, as the walk promised.
	m = press(t, m, "n")
	if !strings.Contains(screen(m), "You're ready. 3 questions are on your list, 3 of them from “What is gamma?”") {
		t.Fatalf("after the last step:\n%s", screen(m))
	}
	if l := &m.ctx.Session.List; !l.Has("gamma#1") || l.Len() != 3 {
		t.Errorf("the starter questions are not on the list: %v", l.Items())
	}
	m = press(t, m, "j", "enter") // Look at my list
	if !is[*mineScreen](m) {
		t.Fatalf("Look at my list: %T", m.top())
	}
	m = press(t, m, "esc", "esc")
	if len(m.stack) != 1 || !strings.Contains(screen(m), "Start here, step by step") {
		t.Fatalf("esc after the walk: %T\n%s", m.top(), screen(m))
	}
	// Outside the walk, n and p do nothing on a page.
	m = press(t, choose(t, m, "first"), "enter", "n")
	if p := onPage(t, m); p.id != "alpha" || strings.Contains(screen(m), "Step ") {
		t.Errorf("n outside the walk: page %q", p.id)
	}
}

// TestEarlyStageWalkSkipsSpreadPages: a reader whose cancer has not spread,
// or who does not know, walks without the pages for spread cancer.
func TestEarlyStageWalkSkipsSpreadPages(t *testing.T) {
	for _, answer := range []string{walkEarly, walkUnsure} {
		m := walkAnswer(t, newModel(t, 80, 24), answer)
		if p := onPage(t, m); p.id != "alpha" || !strings.Contains(screen(m), "Step 1 of 1") {
			t.Fatalf("%q: page %q\n%s", answer, p.id, screen(m))
		}
		m = press(t, m, "n")
		if strings.Contains(screen(m), "gamma") || !strings.Contains(screen(m), "You're ready") {
			t.Errorf("%q: the walk went on to a spread-only page:\n%s", answer, screen(m))
		}
	}
	// "My situation" instead: the form, and Back goes home.
	m := walkAnswer(t, newModel(t, 80, 24), walkSituation)
	if !is[*formScreen](m) {
		t.Fatalf("My situation instead: %T", m.top())
	}
	if m = press(t, m, "esc"); len(m.stack) != 1 {
		t.Errorf("esc from the form: %T", m.top())
	}
}
