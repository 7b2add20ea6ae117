package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// listScreen is a screen that introduces a list and lets the reader pick from
// it: the home screen (sections) and a section (its topics).
type listScreen struct {
	// ID is the section id, empty on the home screen.
	ID    string
	Intro string
	Menu  menu
	// Reserve keeps this many rows for the selected item's summary, when
	// the summary matters as much as the list (search snippets, definitions).
	Reserve int
}

// introLines returns the intro wrapped to width.
func (s listScreen) introLines(width int) []string {
	if s.Intro == "" {
		return nil
	}
	return strings.Split(lipgloss.Wrap(s.Intro, max(1, width), ""), "\n")
}

// layout decides how many rows go to the intro, the menu and the summary in
// a body of c.Width × c.Height. The menu always gets at least one row.
func (s listScreen) layout(c *Context) (intro []string, menuTop, rows, summary int) {
	intro = s.introLines(c.Width)
	n := len(s.Menu.items)
	// Give the menu its rows first, then the intro, then the summary.
	rows = min(n, max(1, c.Height))
	if s.Reserve > 0 && c.Height > s.Reserve+3 {
		rows = min(rows, c.Height-s.Reserve-1)
	}
	left := c.Height - rows
	if left >= len(intro)+1 && len(intro) > 0 {
		menuTop = len(intro) + 1
	} else {
		intro = intro[:min(len(intro), max(0, left-1))]
		if len(intro) > 0 {
			menuTop = len(intro) + 1
		}
	}
	left = c.Height - rows - menuTop
	if left >= 2 {
		summary = min(max(3, s.Reserve), left-1)
	}
	return intro, menuTop, rows, summary
}

// Update handles a key press on the list.
func (s listScreen) Update(msg tea.KeyPressMsg, c *Context) listScreen {
	_, _, rows, _ := s.layout(c)
	s.Menu = s.Menu.update(msg, c.Keys, rows)
	return s
}

// Click selects the row at body line y; it reports whether a row was hit.
func (s listScreen) Click(y int, c *Context) (listScreen, bool) {
	_, top, rows, _ := s.layout(c)
	i, ok := s.Menu.at(y-top, rows)
	if !ok {
		return s, false
	}
	s.Menu.cursor = i
	return s, true
}

// Scroll moves the cursor by delta rows (mouse wheel).
func (s listScreen) Scroll(delta int, c *Context) listScreen {
	_, _, rows, _ := s.layout(c)
	s.Menu.cursor += delta
	s.Menu = s.Menu.clamp(rows)
	return s
}

// View renders the screen into the body area.
func (s listScreen) View(c *Context) string {
	intro, _, rows, summary := s.layout(c)
	var parts []string
	if len(intro) > 0 {
		parts = append(parts, c.Styles.Title.Render(strings.Join(intro, "\n")), "")
	}
	parts = append(parts, s.Menu.view(c.Width, rows, c.Styles))
	if summary > 0 {
		parts = append(parts, "", s.Menu.summaryView(c.Width, summary, c.Styles))
	}
	return strings.Join(parts, "\n")
}

// withItems replaces a list screen's rows, keeping the cursor where it was.
func (s listScreen) withItems(items []menuItem) listScreen {
	s.Menu.items = items
	s.Menu.cursor = max(0, min(s.Menu.cursor, len(items)-1))
	return s
}

// cursorAt is the terminal cursor on the selected row, at its marker, for
// magnifiers and screen readers that follow the cursor; y0 is where the
// list starts in the body. Nil when nothing is selected.
func (s listScreen) cursorAt(c *Context, y0 int) *tea.Cursor {
	_, top, rows, _ := s.layout(c)
	m := s.Menu.clamp(rows)
	if len(m.items) == 0 {
		return nil
	}
	return tea.NewCursor(0, y0+top+m.cursor-m.offset)
}
