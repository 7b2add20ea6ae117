package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/render"
)

// The longest menu is the word list. These benchmarks are the figures
// behind keeping the small menu instead of Bubbles' list (README, "How it
// is built").

// BenchmarkMenuKeypress is the menu alone: one arrow key and its view, with
// the selected word's summary, as the word list draws it at 120x40.
func BenchmarkMenuKeypress(b *testing.B) {
	m := New(realGuide(b), render.NewCache(render.Document), Options{})
	m = update(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	items := glossaryItems(m.ctx, "")
	const rows = 29 // 40 less the chrome, the field and the summary
	mn := menu{items: items}
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	i := 0
	for b.Loop() {
		k := down
		if i%80 >= 40 {
			k = up
		}
		i++
		mn = mn.update(k, m.ctx.Keys, rows)
		_ = mn.view(120, rows, m.ctx.Styles)
		_ = mn.summaryView(120, 5, m.ctx.Styles)
	}
	b.ReportMetric(float64(len(items)), "items")
}

// BenchmarkKeypressWordList is one arrow key, Update plus View of the whole
// frame, on the word list at 120x40.
func BenchmarkKeypressWordList(b *testing.B) {
	m := New(realGuide(b), render.NewCache(render.Document), Options{})
	m = update(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = update(b, m, pushMsg{newWords(m.ctx)})
	if _, ok := m.top().(*wordsScreen); !ok {
		b.Fatalf("not on the word list: %T", m.top())
	}
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	i := 0
	for b.Loop() {
		k := down
		if i%80 >= 40 {
			k = up
		}
		i++
		m.Update(k)
		_ = m.View()
	}
}
