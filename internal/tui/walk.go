package tui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
)

// walkState is a walk through a route of pages: the guided walkthrough
// ("Start here") or the reader's own path from "My situation".
type walkState struct {
	Active bool
	Steps  []guide.Step
	Index  int
	// Main marks the guided walkthrough, whose place is remembered.
	Main bool
}

const walkID = "\x00walk"

// walkItem is the home menu's first entry: start or resume the walkthrough.
func (m Model) walkItem() menuItem {
	steps := m.common.Guide.Paths.Walkthrough
	title := "Start here, step by step"
	if m.walkResume > 0 && m.walkResume < len(steps) {
		title = "Continue where you left off (step " + strconv.Itoa(m.walkResume+1) + " of " + strconv.Itoa(len(steps)) + ")"
	}
	return menuItem{ID: walkID, Title: title, Summary: "One page at a time, stage by stage, ending with your list of questions. Press n for next, p for previous."}
}

// openWalk starts or resumes the guided walkthrough.
func (m Model) openWalk() (Model, tea.Cmd) {
	steps := m.common.Guide.Paths.Walkthrough
	if len(steps) == 0 {
		return m, nil
	}
	if m.walkResume >= len(steps) {
		m.walkResume = 0
	}
	m.walk = walkState{Active: true, Steps: steps, Index: m.walkResume, Main: true}
	return m.OpenPage(steps[m.walk.Index].Page)
}

// walkStep moves by delta steps; past the last step comes My questions.
func (m Model) walkStep(delta int) (Model, tea.Cmd) {
	next := m.walk.Index + delta
	switch {
	case next < 0:
		return m, nil
	case next >= len(m.walk.Steps):
		m.walk.Index = 0
		m = m.back()
		return m.openMine()
	}
	m.walk.Index = next
	m.page = pageScreen{ID: m.walk.Steps[next].Page}
	return m, m.renderPage()
}

// leaveWalk ends the walk, remembering the walkthrough's place.
func (m *Model) leaveWalk() {
	if m.walk.Main {
		m.walkResume = m.walk.Index
		m.home.Menu.items[0] = m.walkItem()
	}
	m.walk = walkState{}
}

// walkProgress is the progress line: "Step 4 of 18 — Stage 2".
func (m Model) walkProgress() string {
	if !m.walk.Active || m.walk.Index >= len(m.walk.Steps) {
		return ""
	}
	return "Step " + strconv.Itoa(m.walk.Index+1) + " of " + strconv.Itoa(len(m.walk.Steps)) + " — " + m.walk.Steps[m.walk.Index].Label
}
