package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/render"
)

// BenchmarkWalkNext is n in the walkthrough at 120×40, up to the next step's
// first full frame, with the prefetch that follows each page run first
// ("prefetched", as when the reader takes a moment on the page) or dropped
// ("cold": the next step renders when n is pressed).
func BenchmarkWalkNext(b *testing.B) {
	g := realGuide(b)
	if len(g.Paths.Walkthrough) < 2 {
		b.Skip("walkthrough too short")
	}
	for _, prefetched := range []bool{false, true} {
		name := "cold"
		if prefetched {
			name = "prefetched"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				m := New(g, render.NewCache(render.Document), Options{})
				m = update(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
				_, prefetch := m.Update(pushMsg{walkPage(m.ctx, g.Paths.Walkthrough, 0)})
				if cmd := prefetch; cmd != nil && !m.top().(*pageScreen).rendered {
					_, prefetch = m.Update(cmd())
				}
				if prefetched && prefetch != nil {
					prefetch()
				}
				b.StartTimer()
				_, cmd := m.Update(keyMsg("n"))
				p := m.top().(*pageScreen)
				if cmd != nil && !p.rendered {
					m.Update(cmd())
				}
				if !p.rendered || p.walk.Index != 1 {
					b.Fatal("next step not shown")
				}
				_ = m.View()
			}
		})
	}
}
