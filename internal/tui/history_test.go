package tui

import (
	"strings"
	"testing"
)

// The navigation bugs of the one-root-model TUI (issue 15), each as a test
// that failed on it.

// TestLeftOnAWalkIsPrevious: ← on a walk page steps back; it used to leave
// the walk although the footer said "p/← previous".
func TestLeftOnAWalkIsPrevious(t *testing.T) {
	m := press(t, walkEvery(t, newModel(t, 80, 24)), "n")
	if p := onPage(t, m); p.id != "gamma" {
		t.Fatalf("n: page %q", p.id)
	}
	m = press(t, m, "left")
	p := onPage(t, m)
	if p.id != "alpha" || p.walk == nil || !strings.Contains(screen(m), "Step 1 of 2") {
		t.Fatalf("← on step 2: page %q, walking %v\n%s", p.id, p.walk != nil, screen(m))
	}
	if !strings.Contains(screen(m), "p/← previous") {
		t.Errorf("footer does not offer p/←:\n%s", screen(m))
	}
	// esc still leaves the walk.
	if m = press(t, m, "esc"); len(m.stack) != 1 {
		t.Errorf("esc on a walk page: %T", m.top())
	}
}

// TestSpaceTicksOnThePicker: space ticks a question; it used to be page
// down as well.
func TestSpaceTicksOnThePicker(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "a", "space")
	s := m.top().(*pickScreen)
	if !m.ctx.Session.List.Has("alpha#1") || s.list.Menu.cursor != 0 {
		t.Errorf("space: ticked %v, cursor %d; want the first question ticked and the cursor unmoved", m.ctx.Session.List.Has("alpha#1"), s.list.Menu.cursor)
	}
}

// TestBackReturnsToTheSamePlace: from part-way down a page, a related page
// and Back return to the first page at the same line; it used to need two
// esc and land on the section list.
func TestBackReturnsToTheSamePlace(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "pgdown")
	first := onPage(t, m)
	at := first.text.Offset
	if at == 0 {
		t.Fatal("setup: page did not scroll")
	}
	// alpha has no related pages in the fixture: open the related overlay
	// of beta instead, from beta's own place.
	m = press(t, m, "r")
	if _, ok := m.top().(*overlayScreen); !ok {
		t.Fatalf("r: %T", m.top())
	}
	m = press(t, m, "esc")
	if p := onPage(t, m); p != first || p.text.Offset != at {
		t.Fatalf("esc from the overlay: page %q at %d, want alpha at %d", p.id, p.text.Offset, at)
	}
	// A related page opened from the overlay replaces it: one esc back.
	o := newRelatedOverlay(m.ctx, "alpha")
	o.list.Menu.items = []menuItem{{ID: "gamma", Title: "What is gamma?"}}
	update(t, m, pushMsg{o})
	m = press(t, m, "enter")
	if p := onPage(t, m); p.id != "gamma" {
		t.Fatalf("enter on a related page: %q", p.id)
	}
	m = press(t, m, "esc")
	if p := onPage(t, m); p != first || p.text.Offset != at {
		t.Errorf("esc from the related page: page %q at %d, want alpha at %d", p.id, p.text.Offset, at)
	}
}

// TestBackFromASearchResult: page → search → result; esc returns to the
// results with the query, and esc again to the page the search started
// from, at the same line.
func TestBackFromASearchResult(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "pgdown")
	start := onPage(t, m)
	at := start.text.Offset
	m = typeText(t, press(t, m, "/"), "gamma")
	m = press(t, m, "enter")
	if p := onPage(t, m); p.id != "gamma" {
		t.Fatalf("search result: page %q", p.id)
	}
	m = press(t, m, "esc")
	s, ok := m.top().(*searchScreen)
	if !ok || s.input.Value() != "gamma" || len(s.results) == 0 {
		t.Fatalf("esc from the result: %T", m.top())
	}
	m = press(t, m, "esc")
	if p := onPage(t, m); p != start || p.text.Offset != at {
		t.Errorf("esc from the search: page %q at %d, want alpha at %d", p.id, p.text.Offset, at)
	}
}

// TestHeaderShowsThePagesOwnSection: the crumbs come from the open page,
// not from the last section visited.
func TestHeaderShowsThePagesOwnSection(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "second"), "esc")
	m = walkEvery(t, m)
	if !strings.Contains(screen(m), "HER2 Guide › First section › What is alpha?") {
		t.Errorf("walk's first page after visiting the second section:\n%s", screen(m))
	}
	m = typeText(t, press(t, m, "esc", "/"), "gamma")
	m = press(t, m, "enter")
	if !strings.Contains(screen(m), "HER2 Guide › Second section › What is gamma?") {
		t.Errorf("search result's page:\n%s", screen(m))
	}
}

// TestGlobalKeysWorkOnMySituation: m and w are offered on "My situation"
// and work; esc then returns to the form.
func TestGlobalKeysWorkOnMySituation(t *testing.T) {
	m := choose(t, newModel(t, 80, 24), situationID)
	if _, ok := m.top().(*formScreen); !ok {
		t.Fatalf("My situation: %T", m.top())
	}
	if !strings.Contains(screen(m), "m my questions") {
		t.Errorf("m not offered:\n%s", screen(m))
	}
	m = press(t, m, "m")
	if _, ok := m.top().(*mineScreen); !ok {
		t.Fatalf("m on the form: %T", m.top())
	}
	m = press(t, m, "esc", "w")
	if _, ok := m.top().(*wordsScreen); !ok {
		t.Fatalf("w on the form: %T", m.top())
	}
	m = press(t, m, "esc")
	if _, ok := m.top().(*formScreen); !ok {
		t.Errorf("esc from the word list: %T, want the form", m.top())
	}
}

// TestNoScreenReachesIntoAnother: a new screen needs no change outside its
// own file: it is pushed by message and routed like any other.
func TestNoScreenReachesIntoAnother(t *testing.T) {
	m := newModel(t, 80, 24)
	s := &stubScreen{}
	update(t, m, pushMsg{s})
	press(t, m, "z")
	if s.keys != 1 || !strings.Contains(screen(m), "stub body") || !strings.Contains(screen(m), "HER2 Guide › Stub") {
		t.Errorf("stub screen: %d keys\n%s", s.keys, screen(m))
	}
	if press(t, m, "esc"); len(m.stack) != 1 {
		t.Errorf("esc from the stub: %T", m.top())
	}
}

// TestNavigationHappensInTheSameUpdate: a key that opens a screen has
// opened it when Update returns, so keys typed ahead (a fast typist, a
// paste, a script) reach the new screen, not the one being left.
func TestNavigationHappensInTheSameUpdate(t *testing.T) {
	m := newModel(t, 80, 24)
	m.Update(keyMsg("down"))
	m.Update(keyMsg("down"))
	m.Update(keyMsg("enter")) // the first section; its command is not run
	m.Update(keyMsg("enter")) // its first page, at once
	if p, ok := m.top().(*pageScreen); !ok || p.id != "alpha" || len(m.stack) != 3 {
		t.Fatalf("two enters typed ahead: %T, %d screens", m.top(), len(m.stack))
	}
}
