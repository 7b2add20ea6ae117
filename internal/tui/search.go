package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/search"
)

// searchLimit is how many results the search screen lists.
const searchLimit = 50

// searchScreen is "/": a query line and ranked results that update as the
// reader types. A result opens on top of it, so Back returns to the
// results, and Back again to where the search started.
type searchScreen struct {
	ctx     *Context
	input   textinput.Model
	list    listScreen
	results []search.Result
	// ran is the query of the results shown.
	ran string
}

var _ Screen = (*searchScreen)(nil)

func newSearch(ctx *Context) *searchScreen {
	s := &searchScreen{ctx: ctx, input: newField(ctx.Text.Find.Prompt, ctx.Text.Find.Placeholder, 80, ctx.Width, ctx.Dark), list: listScreen{Reserve: 4}}
	s.input.Focus()
	return s
}

// Show lays the field out for the width.
func (s *searchScreen) Show() tea.Cmd {
	s.input.SetWidth(max(10, s.ctx.Width-len(s.input.Prompt)-1))
	s.run()
	return nil
}

// Typing is always true: every key goes to the query.
func (s *searchScreen) Typing() bool { return true }

// run refreshes the results for the current query. For the same query
// (the index ready, the screen shown again) the cursor stays on the same
// result; a changed query starts on the best result, so the cursor never
// trails a result that typing pushed down the list.
func (s *searchScreen) run() {
	q := strings.TrimSpace(s.input.Value())
	var sel string
	if it, ok := s.list.Menu.selected(); ok && q == s.ran {
		sel = it.ID
	}
	s.ran = q
	s.results = nil
	if q != "" && s.ctx.Index != nil {
		s.results = s.ctx.Index.Search(q, searchLimit)
	}
	items := make([]menuItem, len(s.results))
	cursor := 0
	for i, r := range s.results {
		title := r.Title
		if r.PageID == "" {
			title = s.ctx.Text.Find.WordResult(r.Title)
		}
		items[i] = menuItem{ID: r.PageID + "\x00" + r.TermID, Title: title, Summary: r.Snippet}
		if items[i].ID == sel {
			cursor = i
		}
	}
	s.list.Menu.cursor = cursor
	s.list = s.list.withItems(items)
}

// Update: arrows move, enter opens, esc goes back, the rest is typed.
func (s *searchScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.ctx.Keys
	switch msg := msg.(type) {
	case indexMsg:
		s.run()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Cancel):
			return s.ctx.back()
		case msg.String() == "enter":
			return s.open()
		case msg.String() == "up" || msg.String() == "down" || msg.String() == "pgup" || msg.String() == "pgdown":
			s.list = s.list.Update(msg, s.listCtx())
			return nil
		}
	case tea.PasteMsg:
		msg.Content = strings.ReplaceAll(msg.Content, "\n", " ")
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		s.run()
		return cmd
	default:
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	s.run()
	return cmd
}

// open opens the selected result: a page scrolled to the first match, or a
// glossary entry.
func (s *searchScreen) open() tea.Cmd {
	i := s.list.Menu.cursor
	if i < 0 || i >= len(s.results) {
		return nil
	}
	r := s.results[i]
	if r.PageID == "" {
		return s.ctx.push(newTerm(s.ctx, r.TermID))
	}
	p := newPage(s.ctx, r.PageID)
	p.query = strings.TrimSpace(s.input.Value())
	return s.ctx.push(p)
}

// listCtx is the body less the query line and a blank line.
func (s *searchScreen) listCtx() *Context {
	c := *s.ctx
	c.Height = max(1, c.Height-2)
	return &c
}

// View is the query line above the results.
func (s *searchScreen) View() string {
	c := s.listCtx()
	var body string
	switch {
	case s.ctx.Index == nil:
		body = c.Styles.Muted.Render(c.Text.Find.Preparing)
	case strings.TrimSpace(s.input.Value()) == "":
		body = c.Styles.Muted.Render(c.Text.Find.Hint)
	case len(s.results) == 0:
		body = c.Styles.Muted.Render(c.Text.Find.NothingFound)
	default:
		body = s.list.View(c)
	}
	return s.input.View() + "\n\n" + body
}

// Bindings are open and cancel; every other key is typed.
func (s *searchScreen) Bindings() []key.Binding {
	return []key.Binding{s.ctx.Keys.Open, s.ctx.Keys.Cancel}
}

// Crumbs name the screen.
func (s *searchScreen) Crumbs() []string { return []string{s.ctx.Text.Search} }

// Cursor is the query's cursor.
func (s *searchScreen) Cursor() *tea.Cursor { return s.input.Cursor() }

// Click opens the result under a tap (the list starts two rows down).
func (s *searchScreen) Click(_, y int) tea.Cmd {
	var hit bool
	if s.list, hit = s.list.Click(y-2, s.listCtx()); hit {
		return s.open()
	}
	return nil
}

// Scroll moves the cursor (mouse wheel).
func (s *searchScreen) Scroll(delta int) { s.list = s.list.Scroll(delta, s.listCtx()) }

// highlight finds the lines of the rendering that match the page's query;
// the first time, it scrolls to the first of them.
func (p *pageScreen) highlight() {
	p.hits, p.hitRanges = nil, nil
	if p.query == "" || p.ctx.Index == nil || !p.rendered {
		return
	}
	p.hitRanges = map[int][][2]int{}
	for i, l := range p.text.Lines {
		if rs := p.ctx.Index.Matches(p.query, ansi.Strip(l)); len(rs) > 0 {
			p.hits = append(p.hits, i)
			p.hitRanges[i] = rs
		}
	}
	if !p.jumped && len(p.hits) > 0 {
		p.jumped = true
		p.hit = 0
		p.text.Offset = p.hits[0]
		p.text = p.text.clamp(p.ctx.Height)
	}
}

// jumpHit moves to the next (+1) or previous (-1) matching line.
func (p *pageScreen) jumpHit(delta int) {
	p.hit = (p.hit + delta + len(p.hits)) % len(p.hits)
	p.text.Offset = p.hits[p.hit]
	p.text = p.text.clamp(p.ctx.Height)
}

// highlight redraws a line as plain text with its matches in reverse video,
// so they stand out without relying on colour.
func highlight(line string, ranges [][2]int) string {
	plain := ansi.Strip(line)
	mark := lipgloss.NewStyle().Reverse(true)
	var b strings.Builder
	at := 0
	for _, r := range ranges {
		if r[0] < at || r[1] > len(plain) || r[0] >= r[1] {
			continue
		}
		b.WriteString(plain[at:r[0]])
		b.WriteString(mark.Render(plain[r[0]:r[1]]))
		at = r[1]
	}
	b.WriteString(plain[at:])
	return b.String()
}
