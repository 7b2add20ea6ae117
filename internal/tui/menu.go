package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// menuItem is one row of a menu.
type menuItem struct {
	ID      string
	Title   string
	Summary string
	// Mark is shown before the title, such as a checkbox "[x] ".
	Mark string
}

// menu is a numbered list with a cursor. It shows as many rows as fit and
// keeps the cursor in view; the selected row has a marker, not only a colour.
type menu struct {
	items  []menuItem
	cursor int
	offset int
}

const (
	selectedMarker   = "› "
	unselectedMarker = "  "
)

// update moves the cursor for navigation keys. rows is how many rows show.
func (m menu) update(msg tea.KeyPressMsg, keys KeyMap, rows int) menu {
	switch {
	case key.Matches(msg, keys.Up):
		m.cursor--
	case key.Matches(msg, keys.Down):
		m.cursor++
	case key.Matches(msg, keys.PageUp):
		m.cursor -= max(1, rows)
	case key.Matches(msg, keys.PageDown):
		m.cursor += max(1, rows)
	case key.Matches(msg, keys.Top):
		m.cursor = 0
	case key.Matches(msg, keys.Bottom):
		m.cursor = len(m.items) - 1
	default:
		if n, err := strconv.Atoi(msg.String()); err == nil && n >= 1 && n <= len(m.items) {
			m.cursor = n - 1
		}
	}
	return m.clamp(rows)
}

// clamp keeps the cursor on an item and in the visible window.
func (m menu) clamp(rows int) menu {
	m.cursor = max(0, min(m.cursor, len(m.items)-1))
	rows = max(1, rows)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = max(0, min(m.offset, len(m.items)-rows))
	return m
}

// selected returns the item under the cursor.
func (m menu) selected() (menuItem, bool) {
	if len(m.items) == 0 {
		return menuItem{}, false
	}
	return m.items[m.cursor], true
}

// at returns the index of the item shown on row y (0 = first shown row).
func (m menu) at(y, rows int) (int, bool) {
	i := m.offset + y
	if y < 0 || y >= rows || i >= len(m.items) {
		return 0, false
	}
	return i, true
}

// view renders rows rows of the menu, width cells wide.
func (m menu) view(width, rows int, st Styles) string {
	m = m.clamp(rows)
	numWidth := len(strconv.Itoa(len(m.items)))
	var b strings.Builder
	for r := 0; r < rows; r++ {
		i := m.offset + r
		if r > 0 {
			b.WriteByte('\n')
		}
		if i >= len(m.items) {
			continue
		}
		num := strconv.Itoa(i+1) + "."
		num += strings.Repeat(" ", numWidth+2-len(num))
		line := num + m.items[i].Mark + firstLine(m.items[i].Title)
		if i == m.cursor {
			line = ansi.Truncate(selectedMarker+line, width, "…")
			b.WriteString(st.Selected.Render(line))
		} else {
			b.WriteString(ansi.Truncate(unselectedMarker+line, width, "…"))
		}
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// summaryView wraps the selected item's summary to width, at most lines lines.
func (m menu) summaryView(width, lines int, st Styles) string {
	it, ok := m.selected()
	if !ok || lines <= 0 || it.Summary == "" {
		return ""
	}
	wrapped := strings.Split(lipgloss.Wrap(it.Summary, max(1, width-2), ""), "\n")
	if len(wrapped) > lines {
		wrapped = wrapped[:lines]
		wrapped[lines-1] = ansi.Truncate(wrapped[lines-1]+" …", width-2, "…")
	}
	for i, l := range wrapped {
		wrapped[i] = "  " + l
	}
	return st.Muted.Render(strings.Join(wrapped, "\n"))
}
