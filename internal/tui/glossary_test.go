package tui

import (
	"strings"
	"testing"
)

func TestGlossaryFilterAndOpen(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "w")
	if !is[*wordsScreen](m) || !strings.Contains(screen(m), "HER2") {
		t.Fatalf("w did not open the word list:\n%s", screen(m))
	}
	// Letters are typed into the filter, even q and j.
	m = typeText(t, m, "zzq")
	if !is[*wordsScreen](m) || !strings.Contains(screen(m), "No words match") {
		t.Fatalf("filter zzq: %T\n%s", m.top(), screen(m))
	}
	for i := 0; i < 3; i++ {
		m = press(t, m, "backspace")
	}
	m = typeText(t, m, "PROT")
	if !strings.Contains(screen(m), "1. HER2") || !strings.Contains(screen(m), "A protein.") {
		t.Fatalf("filter PROT does not show HER2 and its definition:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if !is[*menuScreen](m) || !strings.Contains(screen(m), "What is alpha?") {
		t.Fatalf("enter on HER2: %T\n%s", m.top(), screen(m))
	}
	m = press(t, m, "enter")
	if p := onPage(t, m); p.id != "alpha" {
		t.Fatalf("enter on a page using the term: page %q", p.id)
	}
	m = press(t, m, "esc", "esc")
	if !is[*wordsScreen](m) {
		t.Errorf("back twice from the page: %T, want the word list", m.top())
	}
	m = press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Errorf("esc from the word list: %T", m.top())
	}
}

// TestWordListFindsMisspeltNames: the word list uses the same lookup as
// search, so a name written another way (case, hyphens) finds its entry.
func TestWordListFindsMisspeltNames(t *testing.T) {
	m := typeText(t, press(t, newModel(t, 80, 24), "w"), "Her-2")
	if !strings.Contains(screen(m), "1. HER2") {
		t.Errorf("Her-2 in the word list:\n%s", screen(m))
	}
}
