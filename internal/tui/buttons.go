package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// button is one of the kiosk's large touch buttons at the bottom.
type button struct {
	Label, Short string
	Do           func(Model) (Model, tea.Cmd)
}

func kioskButtons() []button {
	return []button{
		{"Back", "Back", func(m Model) (Model, tea.Cmd) {
			if len(m.history) == 0 {
				return m, nil
			}
			return m.back(), nil
		}},
		{"Home", "Home", func(m Model) (Model, tea.Cmd) { return m.goHome(), nil }},
		{"Add questions", "Add", func(m Model) (Model, tea.Cmd) {
			if m.screen != readScreen {
				m.status = "Open a page first, then tap Add questions."
				return m, nil
			}
			return m.openPick()
		}},
		{"My questions", "Mine", func(m Model) (Model, tea.Cmd) { return m.openMine() }},
		{"Print", "Print", func(m Model) (Model, tea.Cmd) {
			if m.screen != myScreen {
				m, _ = m.openMine()
			}
			return m.openPrint()
		}},
		{"Help", "Help", func(m Model) (Model, tea.Cmd) {
			m.help.ShowAll = !m.help.ShowAll
			m.resize(m.width, m.height)
			return m, nil
		}},
	}
}

// buttonGap separates the buttons.
const buttonGap = " "

// buttonLabels are the labels that fit the width: long, else short.
func buttonLabels(width int) []string {
	bs := kioskButtons()
	long, short := make([]string, len(bs)), make([]string, len(bs))
	for i, b := range bs {
		long[i], short[i] = " "+b.Label+" ", " "+b.Short+" "
	}
	if ansi.StringWidth(strings.Join(long, buttonGap)) <= width {
		return long
	}
	return short
}

// buttonsView draws the button row; each button in reverse video.
func (m Model) buttonsView() string {
	labels := buttonLabels(m.width)
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = m.common.Styles.Selected.Reverse(true).Render(l)
	}
	return ansi.Truncate(strings.Join(out, buttonGap), m.width, "")
}

// buttonAt returns the button under column x of the button row.
func (m Model) buttonAt(x int) (button, bool) {
	at := 0
	for i, l := range buttonLabels(m.width) {
		w := ansi.StringWidth(l)
		if x >= at && x < at+w {
			return kioskButtons()[i], true
		}
		at += w + len(buttonGap)
	}
	return button{}, false
}
