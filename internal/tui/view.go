package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// headerHeight is the title line plus the safety notice line.
const headerHeight = 2

// footerHeight is one status line, plus the full help when shown.
func (m Model) footerHeight() int {
	h := 1
	if m.opts.Kiosk != nil {
		h++ // the touch buttons
	}
	if m.help.ShowAll {
		h += strings.Count(m.help.FullHelpView(m.common.Keys.FullHelp()), "\n") + 1
	}
	return h
}

// View draws header, body and footer, exactly the window's size.
func (m Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.common.Guide.Meta.Title
	if m.width >= MinWidth && m.height >= MinHeight {
		switch m.screen {
		case editScreen:
			if c := m.edit.Area.Cursor(); c != nil {
				c.Y += headerHeight + 1 // below the header and the editor's title line
				v.Cursor = c
			}
		case printScreen:
			if m.print.typing() {
				if c := m.print.Name.Cursor(); c != nil {
					c.Y += headerHeight + 1 // below the "Save to this file:" line
					v.Cursor = c
				}
			}
		case searchScreen:
			if c := m.search.Input.Cursor(); c != nil {
				c.Y += headerHeight
				v.Cursor = c
			}
		case glossaryScreen:
			if c := m.glossary.Filter.Cursor(); c != nil {
				c.Y += headerHeight
				v.Cursor = c
			}
		}
	}
	return v
}

// Render returns the frame as a string of exactly height lines, none wider
// than width. It is View's content, separated for tests.
func (m Model) Render() string {
	c := &m.common
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmall()
	}
	if m.opts.Kiosk != nil && m.kiosk.Counting {
		return strings.Join(fitLines(m.countdownView(), m.width, m.height), "\n")
	}
	var body string
	switch m.screen {
	case homeScreen:
		body = m.home.View(c)
	case sectionScreen:
		body = m.section.View(c)
	case readScreen:
		body = m.page.View(c)
		if m.overlay.Kind != noOverlay {
			body = m.overlay.View(c)
		}
	case pickScreen:
		body = m.pick.View(c)
	case myScreen:
		body = m.mine.View(c)
	case editScreen:
		body = m.editorView()
	case printScreen:
		body = m.print.View(c)
	case glossaryScreen:
		body = m.glossaryView()
	case termScreen:
		body = m.term.View(c)
	case searchScreen:
		body = m.searchView()
	case formScreen:
		body = m.sit.Form.View(c)
	case pathScreen:
		body = m.sit.Path.View(c)
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.headerLine(), c.Styles.Notice.Render(ansi.Truncate(c.Guide.Meta.Notice, m.width, "…")))
	if m.kiosk.Staff {
		body = m.staffView()
	}
	lines = append(lines, fitLines(body, m.width, c.Height)...)
	lines = append(lines, m.footerLines()...)
	return strings.Join(lines, "\n")
}

// MinWidth and MinHeight are the smallest window the guide draws in.
const (
	MinWidth  = 40
	MinHeight = 12
)

// tooSmall asks for a larger window, in as much of the window as there is.
func (m Model) tooSmall() string {
	msg := "Make the window larger (at least " + strconv.Itoa(MinWidth) + "×" + strconv.Itoa(MinHeight) + "). Press q to quit."
	wrapped := lipgloss.Wrap(msg, m.width, "")
	return strings.Join(fitLines(wrapped, m.width, m.height), "\n")
}

// fitLines returns exactly height lines of s, each cut to width.
func fitLines(s string, width, height int) []string {
	src := strings.Split(s, "\n")
	out := make([]string, height)
	for i := range out {
		if i < len(src) {
			out[i] = ansi.Truncate(src[i], width, "")
		}
	}
	return out
}

// crumbs returns where the reader is: section › topic.
func (m Model) crumbs() []string {
	parts := []string{m.common.Guide.Meta.Title}
	switch m.screen {
	case homeScreen:
		return parts
	case pickScreen, myScreen, editScreen, printScreen:
		return append(parts, "My questions")
	case glossaryScreen, termScreen:
		return append(parts, "Word list")
	case searchScreen:
		return append(parts, "Search")
	case formScreen, pathScreen:
		return append(parts, "My situation")
	}
	if s, ok := m.common.Guide.Section(m.section.ID); ok {
		parts = append(parts, s.Title)
	}
	if m.screen == readScreen {
		if p, ok := m.common.Guide.Page(m.page.ID); ok {
			parts = append(parts, p.Title)
		}
	}
	return parts
}

// headerLine is "Title › Section › Topic" with the page's reviewed date on
// the right when there is room.
func (m Model) headerLine() string {
	st := m.common.Styles
	left := strings.Join(m.crumbs(), " › ")
	right := ""
	if m.screen == readScreen {
		if p, ok := m.common.Guide.Page(m.page.ID); ok {
			right = "Reviewed " + p.Reviewed.Format("2006-01-02")
		}
	}
	if n := m.list.Len(); n > 0 {
		count := "My list: " + strconv.Itoa(n)
		if right != "" {
			right = count + " · " + right
		} else {
			right = count
		}
	}
	if right != "" && ansi.StringWidth(left)+2+ansi.StringWidth(right) > m.width {
		// Keep the date; shorten the crumbs.
		room := m.width - ansi.StringWidth(right) - 2
		if room < 10 {
			right = ""
		} else {
			left = ansi.TruncateLeft(left, ansi.StringWidth(left)-room+1, "…")
		}
	}
	left = ansi.Truncate(left, m.width, "…")
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if right == "" || gap < 1 {
		return st.Header.Render(left)
	}
	return st.Header.Render(left) + strings.Repeat(" ", gap) + st.Muted.Render(right)
}

// footerLines is the status line (position and short help) and, when shown,
// the full help.
func (m Model) footerLines() []string {
	st := m.common.Styles
	status := m.status
	if status == "" && m.screen == readScreen {
		status = m.page.Position(m.common.Height)
		if n := len(m.page.Hits); n > 0 {
			status = "Match " + strconv.Itoa(m.page.Hit+1) + " of " + strconv.Itoa(n) + " · " + status
		}
		if p := m.walkProgress(); p != "" {
			status = p + " · " + status
		}
	}
	h := m.help
	if status != "" {
		h.SetWidth(max(0, m.width-ansi.StringWidth(status)-3))
	}
	short := h.ShortHelpView(m.common.Keys.ShortHelp())
	line := short
	if status != "" {
		line = st.Footer.Render(status) + " · " + short
	}
	out := []string{ansi.Truncate(line, m.width, "")}
	if m.help.ShowAll {
		helpLines := m.footerHeight() - 1
		if m.opts.Kiosk != nil {
			helpLines--
		}
		out = append(out, fitLines(m.help.FullHelpView(m.common.Keys.FullHelp()), m.width, helpLines)...)
	}
	if m.opts.Kiosk != nil {
		out = append(out, m.buttonsView())
	}
	return out
}
