package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
)

// BenchmarkScrollViewport and BenchmarkScrollTextView compare one scroll
// key plus its frame on the largest page at 120×40: Bubbles' viewport
// against the guide's own textView, which slices the cached lines. They
// are why the page screen keeps textView (issue 15: use Bubbles where it
// meets the targets; the key press target is 0.5 ms).
func BenchmarkScrollViewport(b *testing.B) {
	lines := largestLines(b)
	vp := viewport.New(viewport.WithWidth(80), viewport.WithHeight(37))
	vp.SetContent(strings.Join(lines, "\n"))
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	i := 0
	for b.Loop() {
		k := down
		if i%40 >= 20 {
			k = up
		}
		i++
		vp, _ = vp.Update(k)
		_ = vp.View()
	}
}

func BenchmarkScrollTextView(b *testing.B) {
	lines := largestLines(b)
	tv := textView{Lines: lines}
	k := DefaultKeyMap(i18n.English())
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	i := 0
	for b.Loop() {
		msg := down
		if i%40 >= 20 {
			msg = up
		}
		i++
		tv, _ = tv.scrollKey(msg, k, 37)
		_ = strings.Join(tv.view(37), "\n")
	}
}

func largestLines(b *testing.B) []string {
	g := realGuide(b)
	r, err := render.NewCache(render.Document).Render(largestPage(g), 80, render.Dark)
	if err != nil {
		b.Fatal(err)
	}
	return r.Lines
}
