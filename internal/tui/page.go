package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
)

// textView scrolls lines already laid out: a rendered page, the sources,
// a print preview. It slices the visible lines, so scrolling never
// re-processes the text.
type textView struct {
	Lines  []string
	Offset int
}

// maxOffset is the largest useful offset for a body of height rows.
func (t textView) maxOffset(height int) int { return max(0, len(t.Lines)-height) }

func (t textView) clamp(height int) textView {
	t.Offset = max(0, min(t.Offset, t.maxOffset(height)))
	return t
}

// scrollKey scrolls for a navigation key; ok is false for any other key.
func (t textView) scrollKey(msg tea.KeyPressMsg, k KeyMap, height int) (textView, bool) {
	switch {
	case key.Matches(msg, k.Up):
		t.Offset--
	case key.Matches(msg, k.Down):
		t.Offset++
	case key.Matches(msg, k.PageUp):
		t.Offset -= max(1, height-1)
	case key.Matches(msg, k.PageDown):
		t.Offset += max(1, height-1)
	case key.Matches(msg, k.Top):
		t.Offset = 0
	case key.Matches(msg, k.Bottom):
		t.Offset = t.maxOffset(height)
	default:
		return t, false
	}
	return t.clamp(height), true
}

// view returns the visible lines.
func (t textView) view(height int) []string {
	t = t.clamp(height)
	return t.Lines[t.Offset:min(len(t.Lines), t.Offset+height)]
}

// position describes the scroll position for the footer.
func (t textView) position(height int, text *i18n.Catalog) string {
	total := len(t.Lines)
	if total <= height {
		return text.Page.All
	}
	pct := 100 * t.Offset / t.maxOffset(height)
	switch {
	case t.Offset == 0:
		return text.Page.Top
	case pct >= 100:
		return text.Page.End
	}
	return strconv.Itoa(pct) + "%"
}

// walk is a route through pages: the guided walkthrough ("Start here") or
// the reader's own path from "My situation".
type walk struct {
	Steps []guide.Step
	Index int
	// Main marks the guided walkthrough, whose place is remembered.
	Main bool
}

// wheelStep is how many lines one turn of the mouse wheel scrolls a page.
const wheelStep = 3

// renderedMsg carries a finished page rendering.
type renderedMsg struct {
	key render.Key
	r   render.Rendered
	err error
}

// pageScreen shows one page of the guide, rendered for the current width
// and style, and scrolls it. On a walk, n and p step through the route on
// this same screen, so Back leaves the walk. A search that opened the page
// marks its matches.
type pageScreen struct {
	ctx *Context
	id  string
	// want is the rendering the screen is waiting for or showing.
	want render.Key
	text textView
	// rendered is true once text holds a rendering of the page.
	rendered bool
	err      error
	// query is the search that opened the page; hits are its matching
	// lines, hitRanges their byte ranges, hit the current one.
	query     string
	hits      []int
	hitRanges map[int][][2]int
	hit       int
	jumped    bool
	walk      *walk
}

var _ Screen = (*pageScreen)(nil)

func newPage(ctx *Context, id string) *pageScreen { return &pageScreen{ctx: ctx, id: id} }

func (p *pageScreen) page() (*guide.Page, bool) { return p.ctx.Guide.Page(p.id) }

// Show makes sure the page is rendered for the current width and style: at
// once from the cache, or in a command whose result is tagged with its
// key, so that a stale result is dropped. Once shown, the pages likely to
// be read next are prefetched.
func (p *pageScreen) Show() tea.Cmd {
	pg, ok := p.page()
	if !ok {
		return nil
	}
	// Pages are laid out at a readable measure and centred (see View).
	want := render.Key{Page: pg.ID, Width: render.Measure(p.ctx.Width), Style: p.ctx.Style}
	if want == p.want && p.rendered {
		p.text = p.text.clamp(p.ctx.Height)
		return nil
	}
	p.want = want
	if r, ok := p.ctx.Cache.Get(want); ok {
		p.setRendering(r)
		return p.prefetch()
	}
	cache := p.ctx.Cache
	return func() tea.Msg {
		r, err := cache.Render(pg, want.Width, want.Style)
		return renderedMsg{key: want, r: r, err: err}
	}
}

// setRendering shows a new rendering, keeping the reader at the same place
// (by fraction of the page) when the width changed.
func (p *pageScreen) setRendering(r render.Rendered) {
	if len(p.text.Lines) > 0 && len(r.Lines) > 0 && p.rendered {
		p.text.Offset = p.text.Offset * len(r.Lines) / len(p.text.Lines)
	}
	p.text.Lines, p.rendered, p.err = r.Lines, true, nil
	p.text = p.text.clamp(p.ctx.Height)
	p.highlight()
}

// Update takes its rendering, the search index, and the page's keys.
func (p *pageScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.key != p.want {
			return nil
		}
		if msg.err != nil {
			p.err = msg.err
			return nil
		}
		p.setRendering(msg.r)
		return p.prefetch()
	case indexMsg:
		p.highlight()
		return nil
	case tea.KeyPressMsg:
		return p.key(msg)
	}
	return nil
}

func (p *pageScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.ctx.Keys
	var ok bool
	if p.text, ok = p.text.scrollKey(msg, k, p.ctx.Height); ok {
		return nil
	}
	switch {
	case key.Matches(msg, k.PageWords):
		return p.ctx.push(newTermsOverlay(p.ctx, p.id))
	case key.Matches(msg, k.Sources):
		return p.ctx.push(newSourcesOverlay(p.ctx, p.id))
	case key.Matches(msg, k.Related):
		return p.ctx.push(newRelatedOverlay(p.ctx, p.id))
	case key.Matches(msg, k.AddQuestions):
		if pg, ok := p.page(); ok {
			return p.ctx.push(newPick(p.ctx, pg))
		}
	case p.walk != nil && key.Matches(msg, p.next()):
		return p.step(1)
	case p.walk != nil && key.Matches(msg, p.prev()):
		return p.step(-1)
	case len(p.hits) > 0 && key.Matches(msg, k.NextMatch):
		p.jumpHit(1)
	case len(p.hits) > 0 && key.Matches(msg, k.PrevMatch):
		p.jumpHit(-1)
	}
	return nil
}

// Walk keys: n and →, p and ←.
func (p *pageScreen) next() key.Binding { return p.ctx.Keys.Next }
func (p *pageScreen) prev() key.Binding { return p.ctx.Keys.Prev }

// step moves the walk by delta; past the last step comes My questions.
func (p *pageScreen) step(delta int) tea.Cmd {
	next := p.walk.Index + delta
	switch {
	case next < 0:
		return p.ctx.status(p.ctx.Text.Page.FirstStep)
	case next >= len(p.walk.Steps):
		p.walk.Index = 0 // a finished walk starts again from the top
		if p.walk.Main {
			return p.ctx.replace(newReady(p.ctx, p.walk.Steps[len(p.walk.Steps)-1].Page))
		}
		return p.ctx.replace(newMine(p.ctx))
	}
	p.walk.Index = next
	p.id = p.walk.Steps[next].Page
	p.text, p.rendered, p.err = textView{}, false, nil
	return p.Show()
}

// Leading puts next and previous before Back on a walk.
func (p *pageScreen) Leading() int {
	if p.walk != nil {
		return 2
	}
	return 1
}

// Leave remembers where the guided walkthrough was left.
func (p *pageScreen) Leave() {
	if p.walk != nil && p.walk.Main {
		p.ctx.Session.WalkResume = p.walk.Index
	}
}

// Bindings are scrolling, the page's own keys, and the walk's or the
// search's.
func (p *pageScreen) Bindings() []key.Binding {
	k := p.ctx.Keys
	var out []key.Binding
	if p.walk != nil {
		out = append(out, p.next(), p.prev())
	} else if len(p.hits) > 0 {
		out = append(out, k.NextMatch, k.PrevMatch)
	}
	out = append(out, k.AddQuestions, k.PageWords, k.Sources, k.Related)
	return append(out, k.nav()...)
}

// Crumbs are the page's own section and its title.
func (p *pageScreen) Crumbs() []string {
	pg, ok := p.page()
	if !ok {
		return nil
	}
	if s, ok := p.ctx.Guide.Section(pg.Section); ok {
		return []string{s.Title, pg.Title}
	}
	return []string{pg.Title}
}

// Info is the page's review date.
func (p *pageScreen) Info() string {
	if pg, ok := p.page(); ok {
		return p.ctx.Text.Page.Reviewed(pg.Reviewed)
	}
	return ""
}

// Status is the walk's progress, the current match and the position.
func (p *pageScreen) Status() string {
	if !p.rendered {
		return ""
	}
	parts := []string{}
	if p.walk != nil && p.walk.Index < len(p.walk.Steps) {
		parts = append(parts, p.ctx.Text.Page.Step(p.walk.Index+1, len(p.walk.Steps), p.walk.Steps[p.walk.Index].Label))
		// On a walk, the page's questions are in view: how many, and the key.
		if pg, ok := p.page(); ok && len(pg.Questions) > 0 {
			parts = append(parts, p.ctx.Text.Page.StepQuestions(len(pg.Questions)))
		}
	}
	if n := len(p.hits); n > 0 {
		parts = append(parts, p.ctx.Text.Page.Match(p.hit+1, n))
	}
	return strings.Join(append(parts, p.text.position(p.ctx.Height, p.ctx.Text)), " · ")
}

// Scroll moves by a few lines (mouse wheel).
func (p *pageScreen) Scroll(delta int) {
	p.text.Offset += delta * wheelStep
	p.text = p.text.clamp(p.ctx.Height)
}

// View draws the visible lines, with search matches marked.
func (p *pageScreen) View() string {
	c := p.ctx
	if p.err != nil {
		return c.Styles.Error.Render(c.Text.Page.NotShown(p.err))
	}
	if !p.rendered {
		return c.Styles.Muted.Render(c.Text.Page.Loading)
	}
	lines := p.text.view(c.Height)
	// A wide window centres the page's readable measure.
	pad := strings.Repeat(" ", max(0, (c.Width-p.want.Width)/2))
	out := make([]string, len(lines))
	for i, l := range lines {
		if rs, ok := p.hitRanges[p.text.Offset+i]; ok {
			l = highlight(l, rs)
		}
		out[i] = pad + l
	}
	return strings.Join(out, "\n")
}

// walkItem is the home menu's first entry: start or resume the walkthrough.
func walkItem(ctx *Context) menuItem {
	steps := ctx.Session.Walk
	t := ctx.Text.Home
	title := t.WalkStart
	if r := ctx.Session.WalkResume; r > 0 && r < len(steps) {
		title = t.WalkResume(r+1, len(steps))
	}
	return menuItem{ID: walkID, Title: title, Summary: t.WalkSummary}
}
