package tui

import (
	"strings"
	"testing"
)

func TestWalkthrough(t *testing.T) {
	m := choose(t, newModel(t, 80, 24), walkID)
	if p := onPage(t, m); p.id != "alpha" || !strings.Contains(screen(m), "Step 1 of 2 — Alpha") {
		t.Fatalf("Start here: page %q\n%s", p.id, screen(m))
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
	// Past the last step comes the question checklist; Back goes home.
	m = press(t, m, "n")
	if !is[*mineScreen](m) {
		t.Fatalf("after the last step: %T, want My questions", m.top())
	}
	m = press(t, m, "esc")
	if len(m.stack) != 1 || !strings.Contains(screen(m), "Start here, step by step") {
		t.Fatalf("esc after the walk: %T\n%s", m.top(), screen(m))
	}
	// Outside the walk, n and p do nothing on a page.
	m = press(t, choose(t, m, "first"), "enter", "n")
	if p := onPage(t, m); p.id != "alpha" || strings.Contains(screen(m), "Step ") {
		t.Errorf("n outside the walk: page %q", p.id)
	}
}
