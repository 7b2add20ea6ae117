package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// wordList lists glossary terms, filtered as the reader types.
type wordList struct {
	Filter textinput.Model
	List   listScreen
}

// termSummary is what the glossary shows under the selected term.
func termSummary(g *guide.Guide, t *guide.Term) string {
	var b strings.Builder
	if t.Say != "" {
		b.WriteString("Say: " + t.Say + ". ")
	}
	if len(t.AKA) > 0 {
		b.WriteString("Also called: " + strings.Join(t.AKA, ", ") + ". ")
	}
	b.WriteString(t.Definition)
	return b.String()
}

// glossaryItems are the terms whose name, other names or definition contain
// every word of the filter, case-insensitively.
func glossaryItems(g *guide.Guide, filter string) []menuItem {
	words := strings.Fields(strings.ToLower(filter))
	var items []menuItem
	for _, t := range g.Terms {
		hay := strings.ToLower(t.Term + " " + strings.Join(t.AKA, " ") + " " + t.Definition)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			items = append(items, menuItem{ID: t.ID, Title: t.Term, Summary: termSummary(g, t)})
		}
	}
	return items
}

// openGlossary shows the glossary with an empty, focused filter.
func (m Model) openGlossary() (Model, tea.Cmd) {
	ti := newField("Find a word: ", "type to filter", 60, m.common.Width)
	cmd := ti.Focus()
	m.glossary = wordList{Filter: ti, List: listScreen{Reserve: 5, Menu: menu{items: glossaryItems(m.common.Guide, "")}}}
	m.push(glossaryScreen)
	return m, cmd
}

// updateGlossary: arrows move, enter opens the term, esc goes back, and
// everything else is typed into the filter.
func (m Model) updateGlossary(msg tea.Msg) (Model, tea.Cmd) {
	k := m.common.Keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Cancel):
			return m.back(), nil
		case kp.String() == "enter":
			if it, ok := m.glossary.List.Menu.selected(); ok {
				return m.openTerm(it.ID)
			}
			return m, nil
		case kp.String() == "up" || kp.String() == "down" || kp.String() == "pgup" || kp.String() == "pgdown":
			m.glossary.List = m.glossary.List.Update(kp, &m.common)
			return m, nil
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		p.Content = checklist.Sanitize(strings.ReplaceAll(p.Content, "\n", " "))
		msg = p
	}
	var cmd tea.Cmd
	m.glossary.Filter, cmd = m.glossary.Filter.Update(msg)
	m.glossary.List.Menu.cursor = 0
	m.glossary.List = m.glossary.List.withItems(glossaryItems(m.common.Guide, m.glossary.Filter.Value()))
	return m, cmd
}

// glossaryView is the filter line above the list of terms.
func (m Model) glossaryView() string {
	c := m.common
	c.Height = max(1, c.Height-2)
	list := m.glossary.List.View(&c)
	if len(m.glossary.List.Menu.items) == 0 {
		list = c.Styles.Muted.Render("No words match. Try fewer letters.")
	}
	return m.glossary.Filter.View() + "\n\n" + list
}

// openTerm shows one term: its definition and the pages that use it.
func (m Model) openTerm(id string) (Model, tea.Cmd) {
	t, ok := m.common.Guide.Term(id)
	if !ok {
		return m, nil
	}
	var items []menuItem
	for _, p := range m.common.Guide.PagesUsing(id) {
		items = append(items, menuItem{ID: p.ID, Title: p.Title, Summary: p.Summary})
	}
	intro := t.Term + ": " + termSummary(m.common.Guide, t)
	if len(items) > 0 {
		intro += " Pages that use it:"
	}
	m.term = listScreen{ID: id, Intro: intro, Menu: menu{items: items}}
	m.push(termScreen)
	return m, nil
}
