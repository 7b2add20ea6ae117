package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// nextPages are the pages a reader of the open page is likely to open next:
// the next step of the walk, if one is under way, and the next page of the
// open page's section. Each is listed once.
func (m *Model) nextPages() []*guide.Page {
	g := m.common.Guide
	var next []*guide.Page
	add := func(id string) {
		p, ok := g.Page(id)
		if !ok || p.ID == m.page.ID {
			return
		}
		for _, q := range next {
			if q == p {
				return
			}
		}
		next = append(next, p)
	}
	if m.walk.Active && m.walk.Index+1 < len(m.walk.Steps) {
		add(m.walk.Steps[m.walk.Index+1].Page)
	}
	if p, ok := g.Page(m.page.ID); ok {
		if s, ok := g.Section(p.Section); ok {
			for i, q := range s.Pages {
				if q.ID == p.ID && i+1 < len(s.Pages) {
					add(s.Pages[i+1].ID)
					break
				}
			}
		}
	}
	return next
}

// prefetch returns a command that renders the likely next pages (see
// nextPages) into the cache at the open page's width and style, so that
// opening them is instant; nil when they are cached already or no page is
// open. Update only looks the pages up in the cache; the rendering happens
// in the command, and its result is the cache itself, so it sends no
// message.
func (m *Model) prefetch() tea.Cmd {
	if m.screen != readScreen || m.page.Want.Page == "" {
		return nil
	}
	cache, width, style := m.common.Cache, m.page.Want.Width, m.page.Want.Style
	var todo []*guide.Page
	for _, p := range m.nextPages() {
		if _, ok := cache.Get(render.Key{Page: p.ID, Width: width, Style: style}); !ok {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, p := range todo {
			// A failure is reported when the reader opens that page, which
			// renders it again; a prefetch has no one to tell.
			if _, err := cache.Render(p, width, style); err != nil {
				break
			}
		}
		return nil
	}
}
