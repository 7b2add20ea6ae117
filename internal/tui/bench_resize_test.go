package tui

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// typicalPage is the page of median body length.
func typicalPage(g *guide.Guide) *guide.Page {
	pages := slices.Clone(g.Pages)
	slices.SortFunc(pages, func(a, b *guide.Page) int { return len(a.Body) - len(b.Body) })
	return pages[len(pages)/2]
}

// openedAt returns a model at w×h showing page id, already rendered.
func openedAt(b *testing.B, g *guide.Guide, id string, w, h int) *Model {
	b.Helper()
	m := New(g, render.NewCache(render.Document), Options{})
	m = update(b, m, tea.WindowSizeMsg{Width: w, Height: h})
	if cmd := open(m, id); cmd != nil {
		m.Update(cmd())
	}
	if !m.top().(*pageScreen).rendered {
		b.Fatal("page was not rendered")
	}
	return m
}

// resizeFrame is one resize to a width never rendered before: Update takes
// the new size, the render command runs (Glamour re-wraps the page), Update
// takes the result and the next frame is drawn.
func resizeFrame(b *testing.B, m *Model, w, h int) *Model {
	// A fresh cache: the new width is not rendered yet, as in a real resize.
	m.ctx.Cache = render.NewCache(render.Document)
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if cmd == nil {
		b.Fatal("a width change did not re-render")
	}
	m.Update(cmd())
	if p := m.top().(*pageScreen); p.want.Width != w || !p.rendered {
		b.Fatal("the re-wrapped page was not shown")
	}
	_ = m.View()
	return m
}

// BenchmarkResizeLargestPage re-wraps the largest page after a width change
// (80 and 60 columns, alternately: pages are laid out at most 80 columns
// wide, so a change between wider windows re-wraps nothing).
func BenchmarkResizeLargestPage(b *testing.B) {
	g := realGuide(b)
	m := openedAt(b, g, largestPage(g).ID, 80, 40)
	w := 80
	b.ReportAllocs()
	for b.Loop() {
		w = 140 - w
		m = resizeFrame(b, m, w, 40)
	}
}

// BenchmarkResizeTypicalPage is BenchmarkResizeLargestPage for the page of
// median length (the 15 ms target is for a typical page).
func BenchmarkResizeTypicalPage(b *testing.B) {
	g := realGuide(b)
	m := openedAt(b, g, typicalPage(g).ID, 80, 40)
	w := 80
	b.ReportAllocs()
	for b.Loop() {
		w = 140 - w
		m = resizeFrame(b, m, w, 40)
	}
}

// BenchmarkResizeHeightOnly changes only the height: nothing is re-wrapped.
func BenchmarkResizeHeightOnly(b *testing.B) {
	g := realGuide(b)
	m := openedAt(b, g, largestPage(g).ID, 120, 40)
	h := 40
	b.ReportAllocs()
	for b.Loop() {
		h = 70 - h
		_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: h})
		if cmd != nil {
			b.Fatal("a height change re-rendered the page")
		}
		_ = m.View()
	}
}

// BenchmarkOpenPageFirstTime opens the largest page at 120×40 with nothing
// cached: Update, the render command, the result, the first frame.
func BenchmarkOpenPageFirstTime(b *testing.B) {
	g := realGuide(b)
	id := largestPage(g).ID
	base := New(g, render.NewCache(render.Document), Options{})
	base = update(b, base, tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ReportAllocs()
	for b.Loop() {
		base.ctx.Cache = render.NewCache(render.Document)
		cmd := open(base, id)
		if cmd == nil {
			b.Fatal("an uncached page did not render in a command")
		}
		base.Update(cmd())
		if !base.top().(*pageScreen).rendered {
			b.Fatal("page was not shown")
		}
		_ = base.View()
		base.back()
	}
}
