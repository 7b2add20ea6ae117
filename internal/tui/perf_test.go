package tui

import (
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// These tests protect the speed targets without timing anything: they
// count renders and allocations, which do not depend on the machine.

// countingModel opens the largest bundled page at w×h with a cache that
// counts how often a page is composed for Glamour (once per render).
func countingModel(t *testing.T, w, h int) (*Model, *atomic.Int32) {
	t.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	var renders atomic.Int32
	cache := render.NewCache(func(p *guide.Page) string { renders.Add(1); return render.Document(p) })
	m := New(g, cache, Options{})
	m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	_, cmd := m.Update(pushMsg{newPage(m.ctx, largestPage(g).ID)})
	if cmd != nil {
		m.Update(cmd()) // the render; prefetch commands are not run
	}
	if !onPage(t, m).rendered {
		t.Fatal("page was not rendered")
	}
	return m, &renders
}

// TestScrollingNeverRenders: scroll keys on the largest page at 120×40 slice
// the cached lines. A key costs a bounded number of allocations (about 150
// for the frame today); re-wrapping or re-styling the page would cost
// thousands.
func TestScrollingNeverRenders(t *testing.T) {
	m, renders := countingModel(t, 120, 40)
	before := renders.Load()
	keys := []tea.KeyPressMsg{{Code: tea.KeyDown}, {Code: tea.KeyPgDown}, {Code: tea.KeyUp}, {Code: tea.KeyEnd}, {Code: tea.KeyHome}}
	i := 0
	allocs := testing.AllocsPerRun(100, func() {
		_, cmd := m.Update(keys[i%len(keys)])
		if cmd != nil {
			t.Fatal("a scroll key returned a command")
		}
		_ = m.View()
		i++
	})
	if n := renders.Load() - before; n != 0 {
		t.Errorf("scrolling rendered the page %d times", n)
	}
	if allocs > 400 {
		t.Errorf("a scroll key and its frame cost %.0f allocations, want at most 400", allocs)
	}
}

// TestHeightChangeNeverRenders: only a width change re-wraps the page.
func TestHeightChangeNeverRenders(t *testing.T) {
	m, renders := countingModel(t, 120, 40)
	before := renders.Load()
	for _, h := range []int{20, 60, 12, 40} {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: h})
		if cmd != nil {
			t.Fatalf("height %d: the page was sent to render again", h)
		}
		_ = m.View()
	}
	if n := renders.Load() - before; n != 0 {
		t.Errorf("height changes rendered the page %d times", n)
	}
}

// TestReopeningPageNeverRenders: a page seen before opens from the cache,
// without a command (so in the same frame).
func TestReopeningPageNeverRenders(t *testing.T) {
	m, renders := countingModel(t, 120, 40)
	id := onPage(t, m).id
	if _, prefetch := m.Update(pushMsg{newPage(m.ctx, id)}); prefetch != nil {
		prefetch() // renders the pages after it, as the guide does in the background
	}
	before := renders.Load()
	m = press(t, m, "esc", "esc")
	_, cmd := m.Update(pushMsg{newPage(m.ctx, id)})
	if cmd != nil {
		t.Error("a cached page (its neighbours prefetched) needed a command to open")
	}
	if !onPage(t, m).rendered {
		t.Fatal("the cached page was not shown at once")
	}
	if n := renders.Load() - before; n != 0 {
		t.Errorf("reopening rendered the page %d times", n)
	}
}
