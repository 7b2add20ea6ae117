package tui

import (
	"strings"
	"testing"
)

// TestSearchArrowsMoveSelection: down and up move the selected result, and
// enter opens the one selected (issue 21: only the first could be opened).
func TestSearchArrowsMoveSelection(t *testing.T) {
	m := press(t, bundledModel(t, 100, 30), "/")
	m = typeText(t, m, "heart")
	s := m.top().(*searchScreen)
	if len(s.results) < 3 {
		t.Fatalf("%d results for heart", len(s.results))
	}
	if s.list.Menu.cursor != 0 {
		t.Fatalf("after typing: cursor %d, want the best result (0)", s.list.Menu.cursor)
	}
	m = press(t, m, "down", "down")
	if s.list.Menu.cursor != 2 {
		t.Fatalf("down twice: cursor %d, want 2\n%s", s.list.Menu.cursor, screen(m))
	}
	m = press(t, m, "up")
	if s.list.Menu.cursor != 1 {
		t.Fatalf("up: cursor %d, want 1", s.list.Menu.cursor)
	}
	want := s.results[1]
	m = press(t, m, "enter")
	if want.PageID != "" {
		if p := onPage(t, m); p.id != want.PageID {
			t.Errorf("enter opened %q, want %q", p.id, want.PageID)
		}
	} else if !strings.Contains(screen(m), want.Title) {
		t.Errorf("enter did not open %q:\n%s", want.Title, screen(m))
	}
}

// TestRelatedMidWalkDropsStepFooter: a related page opened from a step of
// the reader's path is not a step: its footer shows no "Step N of M" and
// no n/p keys; Back returns to the step with its footer.
func TestRelatedMidWalkDropsStepFooter(t *testing.T) {
	m := choose(t, bundledModel(t, 100, 30), situationID)
	m = answer(t, m, "ihc3")
	m = answer(t, m, "2")
	m = answer(t, m, "negative")
	m = answer(t, m, "not-started")
	m = press(t, m, "enter") // nothing else matters
	if !onPath(m) {
		t.Fatalf("path: %T\n%s", m.top(), screen(m))
	}
	m = press(t, m, "home", "enter")
	first := onPage(t, m)
	if !strings.Contains(screen(m), "Step 1 of") {
		t.Fatalf("the first step:\n%s", screen(m))
	}
	m = press(t, m, "r")
	m = press(t, m, "home", "enter")
	p := onPage(t, m)
	if p.id == first.id {
		t.Fatalf("r, enter did not open a related page")
	}
	s := screen(m)
	if strings.Contains(s, "Step 1 of") || strings.Contains(s, "n next") {
		t.Errorf("a related page keeps the step's footer:\n%s", s)
	}
	m = press(t, m, "esc")
	if p := onPage(t, m); p.id != first.id || !strings.Contains(screen(m), "Step 1 of") {
		t.Errorf("back: page %q\n%s", p.id, screen(m))
	}
}
