package tui

import (
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/search"
)

// TestSharedIndex checks that guides given one index use it instead of
// building their own, and that many searching at once is safe (run with
// -race): a server shares one index between its sessions.
func TestSharedIndex(t *testing.T) {
	g := fixture(t)
	ix := search.New(g)
	cache := render.NewCache(render.Document)
	var wg sync.WaitGroup
	for range 8 {
		m := New(g, cache, Options{Index: ix})
		if m.ctx.Index != ix {
			t.Fatal("the guide does not use the index it was given")
		}
		if cmd := m.ctx.indexCmd(); cmd != nil {
			t.Fatal("a guide with an index builds another")
		}
		wg.Go(func() {
			for _, q := range []string{"heart", "herceptn", "how long will i live", "lung"} {
				m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
				for _, r := range q {
					m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
				}
				_ = m.View()
				m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
			}
		})
	}
	wg.Wait()
}
