package tui

import (
	"strings"
	"testing"
)

func TestWalkthrough(t *testing.T) {
	m := choose(t, newModel(t, 80, 24), walkID)
	if m.screen != readScreen || m.page.ID != "alpha" || !strings.Contains(screen(m), "Step 1 of 2 — Alpha") {
		t.Fatalf("Start here: screen %v page %q\n%s", m.screen, m.page.ID, screen(m))
	}
	m = press(t, m, "n")
	if m.page.ID != "gamma" || !strings.Contains(screen(m), "Step 2 of 2 — Gamma") {
		t.Fatalf("n: page %q\n%s", m.page.ID, screen(m))
	}
	m = press(t, m, "p")
	if m.page.ID != "alpha" {
		t.Fatalf("p: page %q", m.page.ID)
	}
	m = press(t, m, "right", "esc")
	if m.screen != homeScreen || !strings.Contains(screen(m), "Continue where you left off (step 2 of 2)") {
		t.Fatalf("leaving the walk: screen %v\n%s", m.screen, screen(m))
	}
	m = choose(t, m, walkID)
	if m.page.ID != "gamma" {
		t.Fatalf("resume: page %q, want gamma", m.page.ID)
	}
	// Past the last step comes the question checklist.
	m = press(t, m, "n")
	if m.screen != myScreen {
		t.Fatalf("after the last step: screen %v, want My questions", m.screen)
	}
	// Outside the walk, n and p do nothing on a page.
	m = press(t, choose(t, press(t, m, "esc"), "first"), "enter", "n")
	if m.screen != readScreen || m.page.ID != "alpha" || strings.Contains(screen(m), "Step ") {
		t.Errorf("n outside the walk: screen %v page %q", m.screen, m.page.ID)
	}
}
