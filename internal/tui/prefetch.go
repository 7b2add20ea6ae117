package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// nextPages are the pages a reader of this page is likely to open next:
// the next step of the walk, if one is under way, and the next page of the
// page's section. Each is listed once.
func (p *pageScreen) nextPages() []*guide.Page {
	g := p.ctx.Guide
	var next []*guide.Page
	add := func(id string) {
		pg, ok := g.Page(id)
		if !ok || pg.ID == p.id {
			return
		}
		for _, q := range next {
			if q == pg {
				return
			}
		}
		next = append(next, pg)
	}
	if p.walk != nil && p.walk.Index+1 < len(p.walk.Steps) {
		add(p.walk.Steps[p.walk.Index+1].Page)
	}
	if pg, ok := p.page(); ok {
		if s, ok := g.Section(pg.Section); ok {
			for i, q := range s.Pages {
				if q.ID == pg.ID && i+1 < len(s.Pages) {
					add(s.Pages[i+1].ID)
					break
				}
			}
		}
	}
	return next
}

// prefetch returns a command that renders the likely next pages (see
// nextPages) into the cache at this page's width and style, so that opening
// them is instant; nil when they are cached already. Update only looks the
// pages up in the cache; the rendering happens in the command, and its
// result is the cache itself, so it sends no message.
func (p *pageScreen) prefetch() tea.Cmd {
	cache, width, style := p.ctx.Cache, p.want.Width, p.want.Style
	var todo []*guide.Page
	for _, pg := range p.nextPages() {
		if _, ok := cache.Get(render.Key{Page: pg.ID, Width: width, Style: style}); !ok {
			todo = append(todo, pg)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, pg := range todo {
			// A failure is reported when the reader opens that page, which
			// renders it again; a prefetch has no one to tell.
			if _, err := cache.Render(pg, width, style); err != nil {
				break
			}
		}
		return nil
	}
}
