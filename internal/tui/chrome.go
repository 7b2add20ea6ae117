package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// headerHeight is the title line plus the safety notice line.
const headerHeight = 2

// MinWidth and MinHeight are the smallest window the guide draws in.
const (
	MinWidth  = 40
	MinHeight = 12
)

// tooSmallNow reports whether the window is below the minimum; rows a
// wrapper keeps under the guide (the kiosk's buttons) count.
func (m *Model) tooSmallNow() bool { return m.width < MinWidth || m.height+m.reserved < MinHeight }

// View draws header, body and footer, exactly the window's size, with the
// terminal's cursor in the focused text field.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.ctx.Guide.Meta.Title
	if c, ok := m.top().(cursorer); ok && !m.tooSmallNow() {
		if cur := c.Cursor(); cur != nil {
			cur.Y += headerHeight
			v.Cursor = cur
		}
	}
	return v
}

// Render returns the frame as a string of exactly height lines, none wider
// than width. It is View's content, separated for tests.
func (m *Model) Render() string {
	if m.tooSmallNow() {
		return m.tooSmall()
	}
	c := m.ctx
	lines := make([]string, 0, m.height)
	lines = append(lines, m.headerLine(), c.Styles.Notice.Render(ansi.Truncate(c.Guide.Meta.Notice, m.width, "…")))
	lines = append(lines, fitLines(m.top().View(), m.width, c.Height)...)
	lines = append(lines, m.footerLines()...)
	return strings.Join(lines, "\n")
}

// tooSmall asks for a larger window, in as much of the window as there is.
func (m *Model) tooSmall() string {
	t := m.ctx.Text.Chrome
	msg := t.TooSmall(MinWidth, MinHeight)
	if !m.ctx.Opts.NoQuit {
		msg += t.TooSmallQuit + t.TooSmallPlain
	}
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

// headerLine is "Title › Section › Topic", with the list count and the
// page's reviewed date on the right when there is room.
func (m *Model) headerLine() string {
	st := m.ctx.Styles
	crumbs := append([]string{m.ctx.Guide.Meta.Title}, m.top().Crumbs()...)
	right := ""
	if i, ok := m.top().(informer); ok {
		right = i.Info()
	}
	if n := m.ctx.Session.List.Len(); n > 0 {
		count := m.ctx.Text.Chrome.MyList(n)
		if right != "" {
			right = count + " · " + right
		} else {
			right = count
		}
	}
	room := m.width
	if right != "" {
		if room-ansi.StringWidth(right)-2 < 10 {
			right = "" // too narrow for both: the crumbs matter more
		} else {
			room -= ansi.StringWidth(right) + 2
		}
	}
	// Too long: leave out the crumbs before the last ("… › Page title"),
	// then shorten the last one at its end, never its start.
	left := strings.Join(crumbs, " › ")
	for i := 1; ansi.StringWidth(left) > room && i < len(crumbs); i++ {
		left = "… › " + strings.Join(crumbs[i:], " › ")
	}
	left = ansi.Truncate(left, room, "…")
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if right == "" || gap < 1 {
		return st.Header.Render(left)
	}
	return st.Header.Render(left) + strings.Repeat(" ", gap) + st.Muted.Render(right)
}

// footerLines is the status line (a message, or the screen's position, and
// the short help) and, when shown, the full help.
func (m *Model) footerLines() []string {
	st := m.ctx.Styles
	status := m.status
	if s, ok := m.top().(statuser); ok && status == "" {
		status = s.Status()
	}
	h := m.help
	if status != "" {
		h.SetWidth(max(0, m.width-ansi.StringWidth(status)-3))
	}
	short := h.ShortHelpView(m.bindings())
	line := short
	if status != "" {
		line = st.Footer.Render(status) + " · " + short
	}
	out := []string{ansi.Truncate(line, m.width, "")}
	if m.help.ShowAll {
		out = append(out, fitLines(m.helpText(), m.width, m.footerHeight()-1)...)
	}
	return out
}
