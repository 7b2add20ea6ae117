package tui

import (
	"strings"
	"testing"
)

func TestSearchOpensPageAtMatch(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "/")
	if m.screen != searchScreen {
		t.Fatalf("/: screen %v", m.screen)
	}
	// Letters are typed, not treated as keys (q must not quit).
	m = typeText(t, m, "another headng")
	if !strings.Contains(screen(m), "What is alpha?") {
		t.Fatalf("results for a misspelt heading:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if m.screen != readScreen || m.page.Query == "" || len(m.page.Hits) == 0 {
		t.Fatalf("enter: screen %v query %q hits %v", m.screen, m.page.Query, m.page.Hits)
	}
	if m.page.Offset != m.page.Hits[0] || !strings.Contains(screen(m), "Match 1 of") {
		t.Errorf("page not scrolled to the first match (offset %d, hits %v):\n%s", m.page.Offset, m.page.Hits, screen(m))
	}
	if !strings.Contains(m.Render(), "\x1b[7m") {
		t.Error("the match is not shown in reverse video")
	}
	if n := len(m.page.Hits); n > 1 {
		m = press(t, m, "n")
		if m.page.Hit != 1 {
			t.Errorf("n: hit %d, want 1", m.page.Hit)
		}
		m = press(t, m, "N", "N")
		if m.page.Hit != n-1 {
			t.Errorf("N twice from 1: hit %d, want %d (wraps)", m.page.Hit, n-1)
		}
	}
	m = press(t, m, "esc")
	if m.screen != searchScreen || m.search.Input.Value() != "another headng" {
		t.Errorf("back from the result: screen %v, query %q", m.screen, m.search.Input.Value())
	}
}

func TestSearchNothingFound(t *testing.T) {
	m := press(t, newModel(t, 40, 12), "/")
	m = typeText(t, m, "qqqxyz")
	if m.screen != searchScreen || !strings.Contains(screen(m), "Nothing found") {
		t.Fatalf("screen %v\n%s", m.screen, screen(m))
	}
	assertFits(t, m, 40, 12)
}
