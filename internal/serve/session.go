package serve

import (
	"github.com/her2guide/her2guide/internal/i18n"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/tui"
)

// sessionModel is one SSH client's guide: the kiosk model (its own list,
// history and answers, the idle countdown and wipe) and what only a
// remote session needs: ctrl+c or ctrl+d leave (ending the connection
// wipes everything), and the server's restart notice.
type sessionModel struct {
	kiosk *tui.KioskModel
	text  *i18n.Catalog
	// ending is the notice shown while the server stops; "" until then.
	ending        string
	width, height int
}

var _ tea.Model = (*sessionModel)(nil)

// restartMsg tells a session that the server is stopping.
type restartMsg struct{}

// endMsg ends a session after its restart notice has shown.
type endMsg struct{}

// restartPause is how long the restart notice shows before the session
// ends; the server's drain timeout must be longer.
const restartPause = 1500 * time.Millisecond

func (m *sessionModel) Init() tea.Cmd { return m.kiosk.Init() }

func (m *sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case restartMsg:
		if m.ending == "" {
			m.ending = m.text.Serve.Restarting
			return m, tea.Tick(restartPause, func(time.Time) tea.Msg { return endMsg{} })
		}
		return m, nil
	case endMsg:
		return m, tea.Quit
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if m.ending != "" {
			return m, nil
		}
		switch msg.String() {
		case "ctrl+c", "ctrl+d":
			return m, tea.Quit
		}
	}
	if m.ending != "" {
		return m, nil
	}
	_, cmd := m.kiosk.Update(msg)
	return m, cmd
}

func (m *sessionModel) View() tea.View {
	if m.ending == "" {
		return m.kiosk.View()
	}
	w := max(m.width, 20)
	body := lipgloss.NewStyle().Width(min(w, 60)).Render(m.ending)
	v := tea.NewView(lipgloss.Place(w, max(m.height, 3), lipgloss.Center, lipgloss.Center, strings.TrimSpace(body)))
	v.AltScreen = true
	return v
}
