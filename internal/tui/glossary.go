package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
)

// termSummary is what the glossary shows under the selected term.
func termSummary(text *i18n.Catalog, t *guide.Term) string {
	var b strings.Builder
	if t.Say != "" {
		b.WriteString(text.Glossary.Say + t.Say + ". ")
	}
	if len(t.AKA) > 0 {
		b.WriteString(text.Glossary.AlsoCalled + strings.Join(t.AKA, ", ") + ". ")
	}
	b.WriteString(t.Definition)
	return b.String()
}

// glossaryItems are the terms that match the filter, A–Z, exact names
// first, then names, then meanings: through the search index's word lookup
// (the same folding and typo tolerance as search and `her2guide glossary`),
// or, until the index is built, the terms whose name, other names or
// definition contain every word of the filter.
func glossaryItems(ctx *Context, filter string) []menuItem {
	// rank: 0 an exact name, 1 a name, 2 a meaning; A–Z within each.
	type hit struct {
		t    *guide.Term
		rank int
	}
	var hits []hit
	if ctx.Index != nil {
		for _, tm := range ctx.Index.Terms(filter) {
			r := 2
			switch {
			case tm.Exact:
				r = 0
			case tm.Name:
				r = 1
			}
			hits = append(hits, hit{tm.Term, r})
		}
	} else {
		words := strings.Fields(strings.ToLower(filter))
		for _, t := range ctx.Guide.Terms {
			hay := strings.ToLower(t.Term + " " + strings.Join(t.AKA, " ") + " " + t.Definition)
			ok := true
			for _, w := range words {
				if !strings.Contains(hay, w) {
					ok = false
					break
				}
			}
			if ok {
				hits = append(hits, hit{t, 2})
			}
		}
	}
	if strings.TrimSpace(filter) == "" {
		for i := range hits {
			hits[i].rank = 0
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(strings.ToLower(a.t.Term), strings.ToLower(b.t.Term))
	})
	items := make([]menuItem, len(hits))
	for i, h := range hits {
		items[i] = menuItem{ID: h.t.ID, Title: h.t.Term, Summary: termSummary(ctx.Text, h.t)}
	}
	return items
}

// wordsScreen is the word list, filtered as the reader types.
type wordsScreen struct {
	ctx    *Context
	filter textinput.Model
	list   listScreen
}

var _ Screen = (*wordsScreen)(nil)

func newWords(ctx *Context) *wordsScreen {
	s := &wordsScreen{ctx: ctx, filter: newField(ctx.Text.Glossary.Filter, ctx.Text.Glossary.FilterHint, 60, ctx.Width, ctx.Dark),
		list: listScreen{Reserve: 5, Menu: menu{items: glossaryItems(ctx, "")}}}
	s.filter.Focus()
	return s
}

// Show lays the field out for the width, lists the words again (the index
// may have come while another screen was on top), and has the index built.
func (s *wordsScreen) Show() tea.Cmd {
	s.filter.SetWidth(max(10, s.ctx.Width-len(s.filter.Prompt)-1))
	s.list = s.list.withItems(glossaryItems(s.ctx, s.filter.Value()))
	return s.ctx.indexCmd()
}

// Typing is always true: every key goes to the filter.
func (s *wordsScreen) Typing() bool { return true }

// Update: arrows move, enter opens the term, esc goes back, and everything
// else is typed into the filter.
func (s *wordsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case indexMsg:
		s.list = s.list.withItems(glossaryItems(s.ctx, s.filter.Value()))
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.ctx.Keys.Cancel):
			return s.ctx.back()
		case msg.String() == "enter":
			if it, ok := s.list.Menu.selected(); ok {
				return s.ctx.push(newTerm(s.ctx, it.ID))
			}
			return nil
		case msg.String() == "up" || msg.String() == "down" || msg.String() == "pgup" || msg.String() == "pgdown":
			s.list = s.list.Update(msg, s.listCtx())
			return nil
		}
	case tea.PasteMsg:
		msg.Content = strings.ReplaceAll(msg.Content, "\n", " ")
		return s.typed(msg)
	default:
		return nil
	}
	return s.typed(msg)
}

func (s *wordsScreen) typed(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(msg)
	s.list.Menu.cursor = 0
	s.list = s.list.withItems(glossaryItems(s.ctx, s.filter.Value()))
	return cmd
}

// listCtx is the body less the filter line and a blank line.
func (s *wordsScreen) listCtx() *Context {
	c := *s.ctx
	c.Height = max(1, c.Height-2)
	return &c
}

// View is the filter line above the list of terms.
func (s *wordsScreen) View() string {
	c := s.listCtx()
	list := s.list.View(c)
	if len(s.list.Menu.items) == 0 {
		list = c.Styles.Muted.Render(c.Text.Glossary.NoMatch)
	}
	return s.filter.View() + "\n\n" + list
}

// Bindings are open and cancel; every other key is typed.
func (s *wordsScreen) Bindings() []key.Binding {
	return []key.Binding{s.ctx.Keys.Open, s.ctx.Keys.Cancel}
}

// Crumbs name the screen.
func (s *wordsScreen) Crumbs() []string { return []string{s.ctx.Text.WordList} }

// Cursor is the filter's cursor.
func (s *wordsScreen) Cursor() *tea.Cursor { return s.filter.Cursor() }

// Click opens the term under a tap (the list starts two rows down).
func (s *wordsScreen) Click(_, y int) tea.Cmd {
	var hit bool
	if s.list, hit = s.list.Click(y-2, s.listCtx()); hit {
		it, _ := s.list.Menu.selected()
		return s.ctx.push(newTerm(s.ctx, it.ID))
	}
	return nil
}

// Scroll moves the cursor (mouse wheel).
func (s *wordsScreen) Scroll(delta int) { s.list = s.list.Scroll(delta, s.listCtx()) }

// newTerm shows one term: its meaning and the pages that use it.
func newTerm(ctx *Context, id string) *menuScreen {
	t, ok := ctx.Guide.Term(id)
	if !ok {
		return &menuScreen{ctx: ctx, crumbs: []string{ctx.Text.WordList}, list: listScreen{Intro: ctx.Text.Glossary.NotInList}}
	}
	var items []menuItem
	for _, p := range ctx.Guide.PagesUsing(id) {
		items = append(items, menuItem{ID: p.ID, Title: p.Title, Summary: p.Summary})
	}
	intro := t.Term + ": " + termSummary(ctx.Text, t)
	if len(items) > 0 {
		intro += ctx.Text.Glossary.PagesUsingIt
	}
	return &menuScreen{ctx: ctx, crumbs: []string{ctx.Text.WordList, t.Term},
		list: listScreen{ID: id, Intro: intro, Menu: menu{items: items}},
		open: func(it menuItem) tea.Cmd { return ctx.push(newPage(ctx, it.ID)) }}
}
