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
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: "content"}, guide.DefaultRules(time.Time{}))
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
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = next.(Model).View()
	}
}

// BenchmarkKeypressLargestPage is one scroll key, Update plus View, on the
// largest page at 120x40, with the page already rendered.
func BenchmarkKeypressLargestPage(b *testing.B) {
	g := realGuide(b)
	m := New(g, render.NewCache(render.Document), Options{})
	m = update(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, cmd := m.OpenPage(largestPage(g).ID)
	if cmd != nil {
		m = update(b, m, cmd())
	}
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	i := 0
	for b.Loop() {
		k := down
		if i%40 >= 20 {
			k = up
		}
		i++
		next, _ := m.Update(k)
		m = next.(Model)
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
	if _, err := m.common.Cache.Render(largestPage(g), m.common.Width, m.style); err != nil {
		b.Fatal(err)
	}
	if _, prefetch := m.OpenPage(id); prefetch != nil {
		prefetch()
	}
	for b.Loop() {
		opened, cmd := m.OpenPage(id)
		if cmd != nil || opened.page.Lines == nil {
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
