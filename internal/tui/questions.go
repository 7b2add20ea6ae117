package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
)

// Checkbox marks: the tick is a character, so it does not rely on colour.
const (
	boxTicked   = "[x] "
	boxUnticked = "[ ] "
	markTop     = "* "
	markPlain   = "  "
)

// pickItems shows a page's suggested questions with a checkbox each.
func pickItems(suggested []checklist.Item, list *checklist.List) []menuItem {
	items := make([]menuItem, len(suggested))
	for i, it := range suggested {
		mark := boxUnticked
		if list.Has(it.ID) {
			mark = boxTicked
		}
		items[i] = menuItem{ID: it.ID, Title: it.Text, Summary: it.Text, Mark: mark}
	}
	return items
}

// myItems shows the patient's list, in their order, top questions starred.
func myItems(list *checklist.List) []menuItem {
	all := list.Items()
	items := make([]menuItem, len(all))
	for i, it := range all {
		mark := markPlain
		if it.Top {
			mark = markTop
		}
		about := "Your own question"
		if !it.Own {
			about = "From “" + it.TopicTitle + "”"
		}
		items[i] = menuItem{ID: it.ID, Title: it.Text, Summary: about + ": " + it.Text, Mark: mark}
	}
	return items
}

// withItems replaces a list screen's rows, keeping the cursor where it was.
func (s listScreen) withItems(items []menuItem) listScreen {
	s.Menu.items = items
	s.Menu.cursor = max(0, min(s.Menu.cursor, len(items)-1))
	return s
}

// openPick shows the open page's questions as a checklist.
func (m Model) openPick() (Model, tea.Cmd) {
	p, ok := m.common.Guide.Page(m.page.ID)
	if !ok {
		return m, nil
	}
	m.suggested = checklist.Suggested(p)
	m.pick = listScreen{ID: p.ID, Intro: "Questions you could ask about “" + p.Title + "”. Tick the ones you want on your list.",
		Menu: menu{items: pickItems(m.suggested, m.list)}, Reserve: 3}
	m.push(pickScreen)
	return m, nil
}

// openMine shows "My questions".
func (m Model) openMine() (Model, tea.Cmd) {
	m.mine = listScreen{Intro: m.mineIntro(), Menu: menu{items: myItems(m.list)}}
	m.push(myScreen)
	return m, nil
}

func (m Model) mineIntro() string {
	if m.list.Len() == 0 {
		return "My questions: none yet. Open a page and press a to add its questions, or n to write your own."
	}
	return "My questions (" + strconv.Itoa(m.list.Len()) + "). The * ones print first (up to 3)."
}

func (m *Model) refreshMine() {
	m.mine.Intro = m.mineIntro()
	m.mine = m.mine.withItems(myItems(m.list))
}

// updatePick handles keys on the page's question checklist.
func (m Model) updatePick(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.common.Keys
	if key.Matches(msg, k.Toggle, k.Open) {
		if it, ok := m.pick.Menu.selected(); ok {
			for _, s := range m.suggested {
				if s.ID == it.ID {
					m.list.Toggle(s)
				}
			}
			m.pick = m.pick.withItems(pickItems(m.suggested, m.list))
		}
		return m, nil
	}
	if key.Matches(msg, k.MyQuestions) {
		return m.openMine()
	}
	m.pick = m.pick.Update(msg, &m.common)
	return m, nil
}

// updateMine handles keys on "My questions".
func (m Model) updateMine(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.common.Keys
	it, has := m.mine.Menu.selected()
	switch {
	case key.Matches(msg, k.MoveUp) && has:
		m.list.Move(it.ID, -1)
		m.mine.Menu.cursor--
	case key.Matches(msg, k.MoveDown) && has:
		m.list.Move(it.ID, 1)
		m.mine.Menu.cursor++
	case key.Matches(msg, k.Remove) && has:
		m.list.Remove(it.ID)
		m.status = "Removed. It is still on its page if you want it back."
	case key.Matches(msg, k.Important) && has:
		top := it.Mark != markTop
		if err := m.list.SetTop(it.ID, top); err != nil {
			m.status = "You can mark up to 3 questions as most important. Unmark one first."
		}
	case key.Matches(msg, k.NewQuestion):
		return m.openEditor("", "")
	case key.Matches(msg, k.EditQuestion) && has:
		for _, q := range m.list.Items() {
			if q.ID == it.ID && q.Own {
				return m.openEditor(q.ID, q.Text)
			}
		}
		m.status = "Only your own questions can be edited."
	case key.Matches(msg, k.Print):
		return m.openPrint()
	default:
		m.mine = m.mine.Update(msg, &m.common)
		return m, nil
	}
	m.refreshMine()
	_, _, rows, _ := m.mine.layout(&m.common)
	m.mine.Menu = m.mine.Menu.clamp(rows)
	return m, nil
}

// editor is the text box for the patient's own question.
type editor struct {
	// ID is the question being edited, or "" for a new one.
	ID   string
	Area textarea.Model
}

func (m Model) openEditor(id, text string) (Model, tea.Cmd) {
	ta := textarea.New()
	ta.Placeholder = "Type your question. Press ctrl+s to save, esc to cancel."
	ta.CharLimit = checklist.MaxOwnLength
	ta.ShowLineNumbers = false
	// The terminal's own cursor, not a drawn one: screen readers follow it,
	// and it does not need a blink timer.
	ta.SetVirtualCursor(false)
	ta.SetWidth(max(10, m.common.Width))
	ta.SetHeight(max(1, min(6, m.common.Height-2)))
	ta.SetValue(text)
	cmd := ta.Focus()
	m.edit = editor{ID: id, Area: ta}
	m.push(editScreen)
	return m, cmd
}

// updateEditor sends keys to the text box; only save and cancel are ours.
func (m Model) updateEditor(msg tea.Msg) (Model, tea.Cmd) {
	k := m.common.Keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Cancel):
			m = m.back()
			return m, nil
		case key.Matches(kp, k.Save):
			var err error
			if m.edit.ID == "" {
				_, err = m.list.AddOwn(m.edit.Area.Value())
			} else {
				err = m.list.EditOwn(m.edit.ID, m.edit.Area.Value())
			}
			if err != nil {
				m.status = "Nothing to save: the question is empty."
				return m, nil
			}
			m = m.back()
			m.refreshMine()
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.edit.Area, cmd = m.edit.Area.Update(msg)
	return m, cmd
}

// editorView shows the text box with a one-line prompt above it.
func (m Model) editorView() string {
	title := "Write your own question"
	if m.edit.ID != "" {
		title = "Edit your question"
	}
	return m.common.Styles.Title.Render(title) + "\n" + m.edit.Area.View()
}
