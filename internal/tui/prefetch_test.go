package tui

import (
	"testing"

	"github.com/her2guide/her2guide/internal/render"
)

func cached(m *Model, id string) bool {
	_, ok := m.ctx.Cache.Get(render.Key{Page: id, Width: m.ctx.Width, Style: m.ctx.Style})
	return ok
}

// TestOpeningAPagePrefetchesTheNextOfItsSection checks that the next page of
// the section is rendered by a command, never by Update itself.
func TestOpeningAPagePrefetchesTheNextOfItsSection(t *testing.T) {
	m := newModel(t, 80, 24)
	_, cmd := m.Update(pushMsg{newPage(m.ctx, "alpha")})
	if cached(m, "beta") {
		t.Fatal("Update rendered the next page itself")
	}
	if cmd == nil {
		t.Fatal("opening an uncached page returned no command")
	}
	m = update(t, m, cmd())
	if !onPage(t, m).rendered {
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
	m = press(t, m, "esc")
	_, cmd = m.Update(pushMsg{newPage(m.ctx, "beta")})
	if !onPage(t, m).rendered || cmd != nil {
		t.Errorf("prefetched page: shown %v, command %v; want shown at once, no command", onPage(t, m).rendered, cmd != nil)
	}
}

// TestWalkPrefetchesTheNextStep checks that the walkthrough's next step is
// ready before the reader presses n, and that n then shows it at once.
func TestWalkPrefetchesTheNextStep(t *testing.T) {
	m := walkEvery(t, newModel(t, 80, 24))
	if p := onPage(t, m); p.walk == nil || p.id != "alpha" {
		t.Fatalf("walk not started on alpha")
	}
	if !cached(m, "gamma") {
		t.Fatal("the walk's next step (gamma) was not prefetched")
	}
	m.Update(keyMsg("n"))
	if p := onPage(t, m); p.id != "gamma" || !p.rendered {
		t.Errorf("n did not show the prefetched step at once (page %q)", p.id)
	}
}
