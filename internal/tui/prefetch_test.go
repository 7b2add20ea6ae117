package tui

import (
	"testing"

	"github.com/her2guide/her2guide/internal/render"
)

func cached(m Model, id string) bool {
	_, ok := m.common.Cache.Get(render.Key{Page: id, Width: m.common.Width, Style: m.style})
	return ok
}

// TestOpeningAPagePrefetchesTheNextOfItsSection checks that the next page of
// the section is rendered by a command, never by Update itself.
func TestOpeningAPagePrefetchesTheNextOfItsSection(t *testing.T) {
	m := newModel(t, 80, 24)
	opened, cmd := m.OpenPage("alpha")
	if cached(opened, "beta") {
		t.Fatal("Update rendered the next page itself")
	}
	if cmd == nil {
		t.Fatal("opening an uncached page returned no command")
	}
	m = update(t, opened, cmd())
	if m.page.Lines == nil {
		t.Fatal("page not shown")
	}
	if !cached(m, "beta") {
		t.Error("the next page of the section (beta) was not prefetched")
	}
	if cached(m, "gamma") {
		t.Error("a page of another section (gamma) was prefetched")
	}
	// Opening the prefetched page is instant: no command at all, since the
	// last page of the section has nothing after it.
	m = m.back()
	m, cmd = m.OpenPage("beta")
	if m.page.Lines == nil || cmd != nil {
		t.Errorf("prefetched page: shown %v, command %v; want shown at once, no command", m.page.Lines != nil, cmd != nil)
	}
}

// TestWalkPrefetchesTheNextStep checks that the walkthrough's next step is
// ready before the reader presses n, and that n then shows it at once.
func TestWalkPrefetchesTheNextStep(t *testing.T) {
	m := newModel(t, 80, 24)
	m = choose(t, m, walkID)
	if !m.walk.Active || m.page.ID != "alpha" {
		t.Fatalf("walk not started on alpha: %+v", m.walk)
	}
	if !cached(m, "gamma") {
		t.Fatal("the walk's next step (gamma) was not prefetched")
	}
	next, _ := m.Update(keyMsg("n"))
	m = next.(Model)
	if m.page.ID != "gamma" || m.page.Lines == nil {
		t.Errorf("n did not show the prefetched step at once (page %q)", m.page.ID)
	}
}
