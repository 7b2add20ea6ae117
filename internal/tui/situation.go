package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// situation is the "My situation" form and the path built from it. The
// answers live only in this struct: never written, logged or sent.
type situation struct {
	// Answers maps a question id to the chosen answer id.
	Answers map[string]string
	Index   int
	Form    listScreen
	Path    listScreen
	Steps   []guide.Step
	// Ticked is how many questions the answers pre-ticked.
	Ticked int
}

const (
	situationID = "\x00situation"
	startOverID = "\x00startover"
	privacyNote = "Private: your answers stay in this program's memory. They are never saved or sent."
)

func situationItem() menuItem {
	return menuItem{ID: situationID, Title: "My situation (private)",
		Summary: "Answer up to 5 short questions to get your own reading path and suggested questions. " + privacyNote}
}

// openSituation shows the form, or the path when the form is done.
func (m Model) openSituation() (Model, tea.Cmd) {
	qs := m.common.Guide.Paths.Situation
	if len(qs) == 0 {
		return m, nil
	}
	if m.sit.Answers != nil && m.sit.Index >= len(qs) {
		m.push(pathScreen)
		return m, nil
	}
	if m.sit.Answers == nil {
		m.sit = situation{Answers: map[string]string{}}
	}
	m.sit.Form = m.formScreen()
	m.push(formScreen)
	return m, nil
}

// formScreen is the current question with its answers.
func (m Model) formScreen() listScreen {
	qs := m.common.Guide.Paths.Situation
	q := qs[m.sit.Index]
	items := make([]menuItem, len(q.Answers))
	cursor := 0
	for i, a := range q.Answers {
		items[i] = menuItem{ID: a.ID, Title: a.Label, Summary: privacyNote}
		if m.sit.Answers[q.ID] == a.ID {
			cursor = i
		}
	}
	intro := "Question " + strconv.Itoa(m.sit.Index+1) + " of " + strconv.Itoa(len(qs)) + " (private, never saved): " + q.Ask
	return listScreen{ID: q.ID, Intro: intro, Menu: menu{items: items, cursor: cursor}}
}

// updateForm: enter answers and moves on; back goes to the previous question.
func (m Model) updateForm(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.common.Keys
	switch {
	case key.Matches(msg, k.Open):
		return m.answer()
	case key.Matches(msg, k.Back):
		if m.sit.Index == 0 {
			return m.back(), nil
		}
		m.sit.Index--
		m.sit.Form = m.formScreen()
		return m, nil
	}
	m.sit.Form = m.sit.Form.Update(msg, &m.common)
	return m, nil
}

// answer records the selected answer; after the last question it builds
// the path and pre-ticks questions.
func (m Model) answer() (Model, tea.Cmd) {
	qs := m.common.Guide.Paths.Situation
	it, ok := m.sit.Form.Menu.selected()
	if !ok {
		return m, nil
	}
	m.sit.Answers[qs[m.sit.Index].ID] = it.ID
	m.sit.Index++
	if m.sit.Index < len(qs) {
		m.sit.Form = m.formScreen()
		return m, nil
	}
	m.buildPath()
	m = m.back()
	m.push(pathScreen)
	return m, nil
}

// buildPath turns the answers into pages (in reading order) and pre-ticks
// their questions on the patient's list.
func (m *Model) buildPath() {
	g := m.common.Guide
	pages, refs := g.SituationPath(m.sit.Answers)
	m.sit.Ticked = 0
	for _, ref := range refs {
		if m.preTick(ref) {
			m.sit.Ticked++
		}
	}
	m.sit.Steps = nil
	var items []menuItem
	for _, id := range pages {
		p, _ := g.Page(id)
		m.sit.Steps = append(m.sit.Steps, guide.Step{Page: p.ID, Label: p.Title})
		items = append(items, menuItem{ID: p.ID, Title: p.Title, Summary: p.Summary})
	}
	items = append(items, menuItem{ID: startOverID, Title: "Start over (clear my answers)",
		Summary: "Clears your answers and this path. Questions on your list stay until you remove them."})
	intro := "Your own path: " + strconv.Itoa(len(m.sit.Steps)) + " pages. Enter opens one; n and p step through them."
	if m.sit.Ticked > 0 {
		intro += " " + strconv.Itoa(m.sit.Ticked) + " questions were added to My questions; remove any you do not want."
	}
	m.sit.Path = listScreen{Intro: intro, Menu: menu{items: items}}
}

// preTick adds a "page#n" question to the list unless it is there already.
func (m *Model) preTick(ref string) bool {
	id, n, ok := guide.ParseQuestionRef(ref)
	if !ok {
		return false
	}
	p, ok := m.common.Guide.Page(id)
	if !ok || n > len(p.Questions) {
		return false
	}
	it := checklist.Suggested(p)[n-1]
	if m.list.Has(it.ID) {
		return false
	}
	m.list.Toggle(it)
	return true
}

// updatePath: enter walks the path from the chosen page, or starts over.
func (m Model) updatePath(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.common.Keys.Open) {
		it, ok := m.sit.Path.Menu.selected()
		if !ok {
			return m, nil
		}
		if it.ID == startOverID {
			m.sit = situation{}
			m = m.back()
			m.status = "Your answers are cleared."
			return m, nil
		}
		m.walk = walkState{Active: true, Steps: m.sit.Steps, Index: m.sit.Path.Menu.cursor}
		return m.OpenPage(it.ID)
	}
	m.sit.Path = m.sit.Path.Update(msg, &m.common)
	return m, nil
}
