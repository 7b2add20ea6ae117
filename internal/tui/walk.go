package tui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"
)

// walkState is the guided walkthrough: which step the reader is on, kept in
// memory so that leaving and coming back resumes there.
type walkState struct {
	Active bool
	Index  int
}

const walkID = "\x00walk"

// walkItem is the home menu's first entry: start or resume the walkthrough.
func (m Model) walkItem() menuItem {
	steps := m.common.Guide.Paths.Walkthrough
	title := "Start here, step by step"
	if m.walk.Index > 0 && m.walk.Index < len(steps) {
		title = "Continue where you left off (step " + strconv.Itoa(m.walk.Index+1) + " of " + strconv.Itoa(len(steps)) + ")"
	}
	return menuItem{ID: walkID, Title: title, Summary: "One page at a time, stage by stage, ending with your list of questions. Press n for next, p for previous."}
}

// openWalk starts or resumes the walkthrough.
func (m Model) openWalk() (Model, tea.Cmd) {
	steps := m.common.Guide.Paths.Walkthrough
	if len(steps) == 0 {
		return m, nil
	}
	if m.walk.Index >= len(steps) {
		m.walk.Index = 0
	}
	m.walk.Active = true
	return m.OpenPage(steps[m.walk.Index].Page)
}

// walkStep moves by delta steps; past the last step comes My questions.
func (m Model) walkStep(delta int) (Model, tea.Cmd) {
	steps := m.common.Guide.Paths.Walkthrough
	next := m.walk.Index + delta
	switch {
	case next < 0:
		return m, nil
	case next >= len(steps):
		m.walk.Active = false
		m.walk.Index = 0
		m = m.back()
		return m.openMine()
	}
	m.walk.Index = next
	m.page = pageScreen{ID: steps[next].Page}
	return m, m.renderPage()
}

// walkProgress is the progress line: "Step 4 of 18 — Stage 2".
func (m Model) walkProgress() string {
	steps := m.common.Guide.Paths.Walkthrough
	if !m.walk.Active || m.walk.Index >= len(steps) {
		return ""
	}
	return "Step " + strconv.Itoa(m.walk.Index+1) + " of " + strconv.Itoa(len(steps)) + " — " + steps[m.walk.Index].Label
}
