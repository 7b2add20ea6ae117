package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/search"
)

// finder is "/": a query line and ranked results that update as the
// reader types.
type finder struct {
	Input   textinput.Model
	List    listScreen
	Results []search.Result
}

// indexMsg delivers the search index, built in a command.
type indexMsg struct{ ix *search.Index }

const searchLimit = 50

// openSearch shows the search screen; the index is built on first use.
func (m Model) openSearch() (Model, tea.Cmd) {
	ti := newField("Search: ", "a word, a drug, a test…", 80, m.common.Width)
	focus := ti.Focus()
	m.search = finder{Input: ti, List: listScreen{Reserve: 4}}
	m.push(searchScreen)
	if m.index != nil {
		return m, focus
	}
	g := m.common.Guide
	return m, tea.Batch(focus, func() tea.Msg { return indexMsg{search.New(g)} })
}

// runSearch refreshes the results for the current query.
func (m *Model) runSearch() {
	q := strings.TrimSpace(m.search.Input.Value())
	m.search.Results = nil
	if q != "" && m.index != nil {
		m.search.Results = m.index.Search(q, searchLimit)
	}
	items := make([]menuItem, len(m.search.Results))
	for i, r := range m.search.Results {
		title := r.Title
		if r.PageID == "" {
			title = "Word list: " + r.Title
		}
		items[i] = menuItem{ID: r.PageID + "\x00" + r.TermID, Title: title, Summary: r.Snippet}
	}
	m.search.List.Menu.cursor = 0
	m.search.List = m.search.List.withItems(items)
}

// updateSearch: arrows move, enter opens, esc goes back, the rest is typed.
func (m Model) updateSearch(msg tea.Msg) (Model, tea.Cmd) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, m.common.Keys.Cancel):
			return m.back(), nil
		case kp.String() == "enter":
			return m.openResult()
		case kp.String() == "up" || kp.String() == "down" || kp.String() == "pgup" || kp.String() == "pgdown":
			m.search.List = m.search.List.Update(kp, &m.common)
			return m, nil
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		p.Content = strings.ReplaceAll(checklist.Sanitize(p.Content), "\n", " ")
		msg = p
	}
	var cmd tea.Cmd
	m.search.Input, cmd = m.search.Input.Update(msg)
	m.runSearch()
	return m, cmd
}

// openResult opens the selected result: a page scrolled to the first match,
// or a glossary entry.
func (m Model) openResult() (Model, tea.Cmd) {
	i := m.search.List.Menu.cursor
	if i < 0 || i >= len(m.search.Results) {
		return m, nil
	}
	r := m.search.Results[i]
	if r.PageID == "" {
		return m.openTerm(r.TermID)
	}
	m.leaveWalk()
	next, cmd := m.OpenPage(r.PageID)
	next.page.Query = strings.TrimSpace(m.search.Input.Value())
	next.page = next.page.withHighlights(next.index, true)
	next.keysForScreen()
	return next, cmd
}

// searchView is the query line above the results.
func (m Model) searchView() string {
	c := m.common
	c.Height = max(1, c.Height-2)
	var body string
	switch {
	case m.index == nil:
		body = c.Styles.Muted.Render("Getting search ready…")
	case strings.TrimSpace(m.search.Input.Value()) == "":
		body = c.Styles.Muted.Render("Type to search every page and the word list. Drug brand names work too.")
	case len(m.search.Results) == 0:
		body = c.Styles.Muted.Render("Nothing found. Check the spelling, or try another word.")
	default:
		body = m.search.List.View(&c)
	}
	return m.search.Input.View() + "\n\n" + body
}

// withHighlights finds the lines of the rendering that match the page's
// query. With jump, it scrolls to the first of them.
func (p pageScreen) withHighlights(ix *search.Index, jump bool) pageScreen {
	p.Hits, p.HitRanges = nil, nil
	if p.Query == "" || ix == nil || p.Lines == nil {
		return p
	}
	p.HitRanges = map[int][][2]int{}
	for i, l := range p.Lines {
		if rs := ix.Matches(p.Query, ansi.Strip(l)); len(rs) > 0 {
			p.Hits = append(p.Hits, i)
			p.HitRanges[i] = rs
		}
	}
	if jump && len(p.Hits) > 0 {
		p.Hit = 0
		p.Offset = p.Hits[0]
	}
	return p
}

// jumpHit moves to the next (+1) or previous (-1) matching line.
func (p pageScreen) jumpHit(delta int, height int) pageScreen {
	if len(p.Hits) == 0 {
		return p
	}
	p.Hit = (p.Hit + delta + len(p.Hits)) % len(p.Hits)
	p.Offset = p.Hits[p.Hit]
	return p.clamp(height)
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
