package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

func realGuide(b *testing.B) *guide.Guide {
	b.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// largestPage is the page with the longest body.
func largestPage(g *guide.Guide) *guide.Page {
	var big *guide.Page
	for _, p := range g.Pages {
		if big == nil || len(p.Body) > len(big.Body) {
			big = p
		}
	}
	return big
}

// BenchmarkHomeFrame is the work before the first frame: build the model,
// take the window size, draw the home screen (no Glamour involved).
func BenchmarkHomeFrame(b *testing.B) {
	g := realGuide(b)
	for b.Loop() {
		m := New(g, render.NewCache(render.Document), Options{})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// open pushes a page screen for id and returns its first command (a render
// when the page is not cached, else the prefetch or nil).
func open(m *Model, id string) tea.Cmd {
	_, cmd := m.Update(pushMsg{newPage(m.ctx, id)})
	return cmd
}

// BenchmarkKeypressLargestPage is one scroll key, Update plus View, on the
// largest page at 120x40, with the page already rendered.
func BenchmarkKeypressLargestPage(b *testing.B) {
	g := realGuide(b)
	m := New(g, render.NewCache(render.Document), Options{})
	m = update(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if cmd := open(m, largestPage(g).ID); cmd != nil {
		m.Update(cmd())
	}
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	i := 0
	for b.Loop() {
		k := down
		if i%40 >= 20 {
			k = up
		}
		i++
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkOpenPageCached opens a page whose rendering is in the cache, as
// are those of the pages prefetched after it.
func BenchmarkOpenPageCached(b *testing.B) {
	g := realGuide(b)
	m := New(g, render.NewCache(render.Document), Options{})
	m = update(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	id := largestPage(g).ID
	if _, err := m.ctx.Cache.Render(largestPage(g), m.ctx.Width, m.ctx.Style); err != nil {
		b.Fatal(err)
	}
	if prefetch := open(m, id); prefetch != nil {
		prefetch()
	}
	for b.Loop() {
		m.back()
		if cmd := open(m, id); cmd != nil || !m.top().(*pageScreen).rendered {
			b.Fatal("cached page was not shown at once")
		}
	}
}

// BenchmarkRenderLargestPage is a first-time Glamour render at 80 columns.
func BenchmarkRenderLargestPage(b *testing.B) {
	g := realGuide(b)
	p := largestPage(g)
	for b.Loop() {
		if _, err := render.NewCache(render.Document).Render(p, 80, render.Dark); err != nil {
			b.Fatal(err)
		}
	}
}
