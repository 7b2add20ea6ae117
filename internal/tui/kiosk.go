package tui

import (
	"crypto/subtle"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/checklist"
)

// Kiosk configures clinic kiosk mode. A nil *Kiosk in Options is the
// personal guide.
type Kiosk struct {
	// Idle is how long without input before the "Still reading?" notice.
	Idle time.Duration
	// Countdown is how long the notice waits before the session is reset.
	Countdown time.Duration
	// ExitCode is the staff code that ends the kiosk; empty means the
	// keyboard cannot end it (only a signal can).
	ExitCode string
	// Printer is where "Print my questions" goes; empty is the default
	// printer. Patients never save files in kiosk mode.
	Printer string
	// Log records details for staff (printing errors, resets); nil logs
	// nothing.
	Log func(format string, args ...any)
	// Warnings are shown to staff when the kiosk starts (for example a
	// clinic page that could not be loaded).
	Warnings []string
	// Now is the clock; nil uses time.Now. Tests inject their own.
	Now func() time.Time
}

// kioskBlocked reports the keys that would quit, suspend or leave the
// guide. In kiosk mode they only show a hint.
func kioskBlocked(s string) bool {
	switch s {
	case "q", "ctrl+c", "ctrl+d", "ctrl+z", "ctrl+\\", "ctrl+q", "ctrl+w", "f4", "alt+f4":
		return true
	}
	return false
}

// The staff sequence opens the staff code prompt: ctrl+e, then ctrl+x.
const (
	staffFirst  = "ctrl+e"
	staffSecond = "ctrl+x"
)

const (
	kioskHint   = "Ask staff to close the guide."
	deskMessage = "The printer is not working. Please ask at the desk."
	finishID    = "\x00finish"
)

// kioskState is the kiosk's own state: the idle clock and the staff prompt.
type kioskState struct {
	LastInput time.Time
	// Counting is true while the "Still reading?" notice shows.
	Counting  bool
	CountFrom time.Time
	// StaffArmed is true after the first key of the staff sequence.
	StaffArmed bool
	Staff      bool
	Code       textinput.Model
}

// idleTickMsg is the kiosk's once-a-second look at the idle clock.
type idleTickMsg struct{}

func idleTick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return idleTickMsg{} })
}

func (m Model) now() time.Time {
	if m.opts.Kiosk != nil && m.opts.Kiosk.Now != nil {
		return m.opts.Kiosk.Now()
	}
	return time.Now()
}

func (m Model) logf(format string, args ...any) {
	if m.opts.Kiosk != nil && m.opts.Kiosk.Log != nil {
		m.opts.Kiosk.Log(format, args...)
	}
}

// kioskInput is called for every key, click, wheel or paste in kiosk mode.
// It restarts the idle clock and swallows input that only wakes the notice.
func (m Model) kioskInput() (Model, bool) {
	m.kiosk.LastInput = m.now()
	if m.kiosk.Counting {
		m.kiosk.Counting = false
		return m, true
	}
	return m, false
}

// kioskTick resets the session when nobody answered the notice in time.
func (m Model) kioskTick() (Model, tea.Cmd) {
	k := m.opts.Kiosk
	now := m.now()
	switch {
	case m.kiosk.Counting && now.Sub(m.kiosk.CountFrom) >= k.Countdown:
		m.logf("idle reset after %s without input", k.Idle+k.Countdown)
		return m.Reset(), idleTick()
	case !m.kiosk.Counting && now.Sub(m.kiosk.LastInput) >= k.Idle:
		m.kiosk.Counting, m.kiosk.CountFrom = true, now
	}
	return m, idleTick()
}

// Reset wipes everything the last person did (questions, answers, history,
// search text, scroll positions) and returns to the home screen. Only the
// rendered pages and the search index, which hold nothing personal, stay.
func (m Model) Reset() Model {
	fresh := New(m.common.Guide, m.common.Cache, m.opts)
	fresh.index = m.index
	fresh.isDark = m.isDark
	fresh.applyTheme()
	fresh.resize(m.width, m.height)
	fresh.kiosk.LastInput = m.now()
	return fresh
}

// kioskKey handles the keys kiosk mode changes. It reports whether it used
// the key.
func (m Model) kioskKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	s := msg.String()
	if m.kiosk.Staff {
		return m.updateStaff(msg)
	}
	if m.kiosk.StaffArmed {
		m.kiosk.StaffArmed = false
		if s == staffSecond && m.opts.Kiosk.ExitCode != "" {
			return m.openStaff()
		}
	}
	if s == staffFirst {
		m.kiosk.StaffArmed = true
		return m, nil, true
	}
	inText := m.screen == editScreen || m.screen == glossaryScreen || m.screen == searchScreen || (m.screen == printScreen && m.print.typing())
	blocked := kioskBlocked(s) && !(inText && len(s) == 1)
	if s == "esc" && m.screen == homeScreen {
		blocked = true
	}
	if blocked {
		m.status = kioskHint
		return m, nil, true
	}
	if key.Matches(msg, m.common.Keys.GoHome) && !inText {
		return m.goHome(), nil, true
	}
	return m, nil, false
}

// goHome returns to the home screen from anywhere.
func (m Model) goHome() Model {
	for len(m.history) > 0 {
		m = m.back()
	}
	return m
}

// openStaff shows the masked staff code prompt.
func (m Model) openStaff() (Model, tea.Cmd, bool) {
	ti := newField("Staff code: ", "", 64, m.common.Width)
	ti.EchoMode = textinput.EchoPassword
	m.kiosk.Staff, m.kiosk.Code = true, ti
	return m, m.kiosk.Code.Focus(), true
}

// updateStaff checks the code on enter; esc cancels.
func (m Model) updateStaff(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	switch msg.String() {
	case "esc":
		m.kiosk.Staff = false
		return m, nil, true
	case "enter":
		typed := checklist.Sanitize(m.kiosk.Code.Value())
		m.kiosk.Staff = false
		if subtle.ConstantTimeCompare([]byte(typed), []byte(m.opts.Kiosk.ExitCode)) == 1 {
			m.logf("staff exit")
			return m, tea.Quit, true
		}
		m.logf("wrong staff code")
		m.status = "Wrong code."
		return m, nil, true
	}
	var cmd tea.Cmd
	m.kiosk.Code, cmd = m.kiosk.Code.Update(msg)
	return m, cmd, true
}

// countdownView is the full-screen "Still reading?" notice.
func (m Model) countdownView() string {
	left := m.opts.Kiosk.Countdown - m.now().Sub(m.kiosk.CountFrom)
	secs := max(0, int((left+time.Second-1)/time.Second))
	msg := "Still reading?\n\nTouch the screen or press any key.\n\nOtherwise the guide will clear your questions and start again in " +
		strconv.Itoa(secs) + " seconds."
	body := lipgloss.Wrap(msg, max(1, m.width-4), "")
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.common.Styles.Title.Render(body))
}

// staffView is the masked code prompt.
func (m Model) staffView() string {
	return m.common.Styles.Title.Render("Staff only") + "\n\n" + m.kiosk.Code.View() + "\n\n" +
		m.common.Styles.Muted.Render("Press enter to close the guide, esc to go back.")
}
