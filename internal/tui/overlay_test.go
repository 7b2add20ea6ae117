package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestPageOverlays(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "j", "j")
	offset := m.page.Offset
	m = press(t, m, "t")
	if !strings.Contains(screen(m), "1. HER2") || !strings.Contains(screen(m), "A protein.") || !strings.Contains(screen(m), "┌") {
		t.Fatalf("t does not show the page's words with the definition in a box:\n%s", screen(m))
	}
	assertFits(t, m, 80, 24)
	m = press(t, m, "esc")
	if m.screen != readScreen || m.overlay.Kind != noOverlay || m.page.Offset != offset {
		t.Fatalf("esc from the overlay: screen %v overlay %v offset %d (was %d)", m.screen, m.overlay.Kind, m.page.Offset, offset)
	}
	m = press(t, m, "s")
	if !strings.Contains(screen(m), "1. Source one. J Test 2025.") || !strings.Contains(screen(m), "Next review by") {
		t.Fatalf("s does not show the sources:\n%s", screen(m))
	}
	m = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.page.Offset != offset {
		t.Error("the wheel scrolled the page under the overlay")
	}
	m = press(t, m, "backspace", "r")
	if !strings.Contains(screen(m), "no related pages") {
		t.Fatalf("r on a page without related pages:\n%s", screen(m))
	}
	m = press(t, m, "esc", "esc")
	if m.screen != sectionScreen {
		t.Errorf("esc twice: screen %v, want the section", m.screen)
	}
}
