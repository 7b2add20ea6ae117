package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// overlayScreen is a box drawn over a page: the page's glossary words, its
// sources, or its related pages. It is a screen of its own on top of the
// page, so Back returns to the page exactly where it was.
type overlayScreen struct {
	ctx    *Context
	crumbs []string
	// list is the words or related pages; text the sources.
	list   listScreen
	text   *textView
	source func(w int) []string
	// open, when set, is what choosing an item does.
	open func(it menuItem) tea.Cmd
}

var _ Screen = (*overlayScreen)(nil)

// Border and padding of the overlay box, by name.
const (
	overlayBorder  = 1
	overlayPadding = 1
)

var overlayStyle = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, overlayPadding)

// inner is the Context for the inside of the box.
func (o *overlayScreen) inner() *Context {
	in := *o.ctx
	in.Width = max(1, o.ctx.Width-2*overlayBorder-2*overlayPadding)
	in.Height = max(1, o.ctx.Height-2*overlayBorder)
	return &in
}

func pageCrumbs(ctx *Context, id, what string) []string {
	p := newPage(ctx, id)
	return append(p.Crumbs(), what)
}

// newTermsOverlay lists the glossary words of a page with their meanings.
func newTermsOverlay(ctx *Context, id string) *overlayScreen {
	o := &overlayScreen{ctx: ctx, crumbs: pageCrumbs(ctx, id, ctx.Text.Overlay.Words)}
	p, _ := ctx.Guide.Page(id)
	var items []menuItem
	if p != nil {
		for _, tid := range p.Glossary {
			if t, ok := ctx.Guide.Term(tid); ok {
				items = append(items, menuItem{ID: t.ID, Title: t.Term, Summary: termSummary(ctx.Text, t)})
			}
		}
	}
	intro := ctx.Text.Overlay.WordsIntro
	if len(items) == 0 {
		intro = ctx.Text.Overlay.NoWords
	}
	o.list = listScreen{Intro: intro, Menu: menu{items: items}, Reserve: 5}
	return o
}

// newRelatedOverlay lists a page's related pages; opening one replaces the
// overlay, so Back returns to the page it was opened from.
func newRelatedOverlay(ctx *Context, id string) *overlayScreen {
	o := &overlayScreen{ctx: ctx, crumbs: pageCrumbs(ctx, id, ctx.Text.Overlay.Related)}
	p, _ := ctx.Guide.Page(id)
	var items []menuItem
	if p != nil {
		for _, rid := range p.Related {
			if r, ok := ctx.Guide.Page(rid); ok {
				items = append(items, menuItem{ID: r.ID, Title: r.Title, Summary: r.Summary})
			}
		}
	}
	intro := ctx.Text.Overlay.RelatedIntro
	if len(items) == 0 {
		intro = ctx.Text.Overlay.NoRelated
	}
	o.list = listScreen{Intro: intro, Menu: menu{items: items}}
	o.open = func(it menuItem) tea.Cmd { return ctx.replace(newPage(ctx, it.ID)) }
	return o
}

// newSourcesOverlay shows a page's numbered sources and review dates.
func newSourcesOverlay(ctx *Context, id string) *overlayScreen {
	o := &overlayScreen{ctx: ctx, crumbs: pageCrumbs(ctx, id, ctx.Text.Overlay.Sources), text: &textView{}}
	p, _ := ctx.Guide.Page(id)
	o.source = func(w int) []string {
		if p == nil {
			return nil
		}
		lines := []string{ctx.Text.Overlay.SourcesIntro, ""}
		for i, s := range p.Sources {
			lines = append(lines, strings.Split(lipgloss.Wrap(strconv.Itoa(i+1)+". "+s, w, ""), "\n")...)
		}
		return append(lines, "", ctx.Text.Overlay.SourcesReviewed(p.Reviewed, p.NextReview))
	}
	return o
}

// Show wraps the sources for the width.
func (o *overlayScreen) Show() tea.Cmd {
	in := o.inner()
	if o.text != nil {
		o.text.Lines = o.source(in.Width)
		*o.text = o.text.clamp(in.Height)
	}
	return nil
}

// Update scrolls, moves, or opens a related page.
func (o *overlayScreen) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	in := o.inner()
	switch {
	case o.text != nil:
		*o.text, _ = o.text.scrollKey(kp, in.Keys, in.Height)
	case o.open != nil && key.Matches(kp, o.ctx.Keys.Open):
		if it, ok := o.list.Menu.selected(); ok {
			return o.open(it)
		}
	default:
		o.list = o.list.Update(kp, in)
	}
	return nil
}

// Bindings: movement, and open on the related pages; Back closes the box.
func (o *overlayScreen) Bindings() []key.Binding {
	k := o.ctx.Keys
	var out []key.Binding
	if o.open != nil && len(o.list.Menu.items) > 0 {
		out = append(out, k.Open)
	}
	return append(out, k.nav()...)
}

// Crumbs are the page's and what the box shows.
func (o *overlayScreen) Crumbs() []string { return o.crumbs }

// Scroll moves the list or the text (mouse wheel).
func (o *overlayScreen) Scroll(delta int) {
	in := o.inner()
	if o.text != nil {
		o.text.Offset += delta
		*o.text = o.text.clamp(in.Height)
		return
	}
	o.list = o.list.Scroll(delta, in)
}

// Click opens the related page under a tap.
func (o *overlayScreen) Click(_, y int) tea.Cmd {
	if o.text != nil {
		return nil
	}
	var hit bool
	if o.list, hit = o.list.Click(y-overlayBorder, o.inner()); hit && o.open != nil {
		it, _ := o.list.Menu.selected()
		return o.open(it)
	}
	return nil
}

// View draws the box to fill the body area.
func (o *overlayScreen) View() string {
	in := o.inner()
	var body string
	if o.text != nil {
		body = strings.Join(o.text.view(in.Height), "\n")
	} else {
		body = o.list.View(in)
	}
	lines := fitLines(body, in.Width, in.Height)
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(0, in.Width-lipgloss.Width(l)))
	}
	return overlayStyle.Render(strings.Join(lines, "\n"))
}
