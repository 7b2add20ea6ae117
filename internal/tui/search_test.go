package tui

import (
	"strings"
	"testing"
)

func TestSearchOpensPageAtMatch(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "/")
	if !is[*searchScreen](m) {
		t.Fatalf("/: %T", m.top())
	}
	// Letters are typed, not treated as keys (q must not quit).
	m = typeText(t, m, "another headng")
	if !strings.Contains(screen(m), "What is alpha?") {
		t.Fatalf("results for a misspelt heading:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	p := onPage(t, m)
	if p.query == "" || len(p.hits) == 0 {
		t.Fatalf("enter: query %q hits %v", p.query, p.hits)
	}
	if p.text.Offset != min(p.hits[0], p.text.maxOffset(m.ctx.Height)) || !strings.Contains(screen(m), "Match 1 of") {
		t.Errorf("page not scrolled to the first match (offset %d, hits %v):\n%s", p.text.Offset, p.hits, screen(m))
	}
	if !strings.Contains(m.Render(), "\x1b[7m") {
		t.Error("the match is not shown in reverse video")
	}
	if n := len(p.hits); n > 1 {
		m = press(t, m, "n")
		if p.hit != 1 {
			t.Errorf("n: hit %d, want 1", p.hit)
		}
		m = press(t, m, "N", "N")
		if p.hit != n-1 {
			t.Errorf("N twice from 1: hit %d, want %d (wraps)", p.hit, n-1)
		}
	}
	m = press(t, m, "esc")
	if s, ok := m.top().(*searchScreen); !ok || s.input.Value() != "another headng" {
		t.Errorf("back from the result: %T", m.top())
	}
}

func TestSearchNothingFound(t *testing.T) {
	m := press(t, newModel(t, 40, 12), "/")
	m = typeText(t, m, "qqqxyz")
	if !is[*searchScreen](m) || !strings.Contains(screen(m), "Nothing found") {
		t.Fatalf("%T\n%s", m.top(), screen(m))
	}
	assertFits(t, m, 40, 12)
}
