package tui

import (
	"strings"
	"testing"
)

func TestGlossaryFilterAndOpen(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "w")
	if m.screen != glossaryScreen || !strings.Contains(screen(m), "HER2") {
		t.Fatalf("w did not open the word list:\n%s", screen(m))
	}
	// Letters are typed into the filter, even q and j.
	m = typeText(t, m, "zzq")
	if m.screen != glossaryScreen || !strings.Contains(screen(m), "No words match") {
		t.Fatalf("filter zzq: screen %v\n%s", m.screen, screen(m))
	}
	for i := 0; i < 3; i++ {
		m = press(t, m, "backspace")
	}
	m = typeText(t, m, "PROT")
	if !strings.Contains(screen(m), "1. HER2") || !strings.Contains(screen(m), "A protein.") {
		t.Fatalf("filter PROT does not show HER2 and its definition:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if m.screen != termScreen || !strings.Contains(screen(m), "What is alpha?") {
		t.Fatalf("enter on HER2: screen %v\n%s", m.screen, screen(m))
	}
	m = press(t, m, "enter")
	if m.screen != readScreen || m.page.ID != "alpha" {
		t.Fatalf("enter on a page using the term: screen %v page %q", m.screen, m.page.ID)
	}
	m = press(t, m, "esc", "esc")
	if m.screen != glossaryScreen {
		t.Errorf("back twice from the page: screen %v, want the word list", m.screen)
	}
	m = press(t, m, "esc")
	if m.screen != homeScreen {
		t.Errorf("esc from the word list: screen %v", m.screen)
	}
}
