package cli

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/tui"
)

// BenchmarkStartToHomeFrame is the guide's own work before its first frame,
// after the process has started: load and check the bundled content, build
// the model, take the window size and draw the home screen. (Package
// initialisation and Bubble Tea's terminal set-up are not in it; see the
// README's Performance section for the whole process.)
func BenchmarkStartToHomeFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		g, err := bundled()
		if err != nil {
			b.Fatal(err)
		}
		m := tui.New(g, render.NewCache(render.Document), tui.Options{})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if next.(*tui.Model).View().Content == "" {
			b.Fatal("empty frame")
		}
	}
}

// BenchmarkShowPage is "her2guide show" without the process: read one page
// and render it at 80 columns (a fresh cache each time, as in a new process).
func BenchmarkShowPage(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		p, err := bundledPage("her2-drugs")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := render.NewCache(render.Document).Render(p, 80, render.Dark); err != nil {
			b.Fatal(err)
		}
	}
}
