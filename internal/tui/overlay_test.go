package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestPageOverlays(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "j", "j")
	page := onPage(t, m)
	offset := page.text.Offset
	m = press(t, m, "t")
	if !strings.Contains(screen(m), "1. HER2") || !strings.Contains(screen(m), "A protein.") || !strings.Contains(screen(m), "┌") {
		t.Fatalf("t does not show the page's words with the definition in a box:\n%s", screen(m))
	}
	assertFits(t, m, 80, 24)
	m = press(t, m, "esc")
	if p := onPage(t, m); p != page || p.text.Offset != offset {
		t.Fatalf("esc from the overlay: offset %d (was %d)", p.text.Offset, offset)
	}
	m = press(t, m, "s")
	if !strings.Contains(screen(m), "1. Source one. J Test 2025.") || !strings.Contains(screen(m), "Next review by") {
		t.Fatalf("s does not show the sources:\n%s", screen(m))
	}
	m = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if page.text.Offset != offset {
		t.Error("the wheel scrolled the page under the overlay")
	}
	m = press(t, m, "backspace", "r")
	if !strings.Contains(screen(m), "no related pages") {
		t.Fatalf("r on a page without related pages:\n%s", screen(m))
	}
	m = press(t, m, "esc", "esc")
	if s, ok := m.top().(*menuScreen); !ok || s.list.ID != "first" {
		t.Errorf("esc twice: %T, want the section", m.top())
	}
}
