package tui

import (
	"context"
	"crypto/subtle"
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/kiosk"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
)

// Kiosk configures clinic kiosk mode.
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
	// nothing. It is called from commands, never from Update.
	Log func(format string, args ...any)
	// Warnings are shown to staff when the kiosk starts (for example a
	// clinic page that could not be loaded).
	Warnings []string
}

// KioskModel is the guide locked down for a clinic's shared terminal. It
// wraps the guide and decides which keys reach it: keys that would quit or
// suspend are blocked, the staff sequence opens a masked code prompt, a row
// of touch buttons sits under the guide, and after Idle without input a
// countdown wipes the session for the next person. The guide itself knows
// only its Options.
type KioskModel struct {
	guide *Model
	cfg   Kiosk
	width int
	// height is the whole window; the guide gets buttonRows rows less.
	height    int
	lastInput time.Time
	// counting is true while the "Still reading?" notice shows.
	counting  bool
	countFrom time.Time
	// staffArmed is true after the first key of the staff sequence.
	staffArmed bool
	staff      bool
	code       textinput.Model
	// wrongTries counts wrong staff codes in a row; until lockedUntil no
	// code is checked (1 s, 2 s, 4 s … up to maxLockout).
	wrongTries  int
	lockedUntil time.Time
	// tick schedules the next look at the idle clock (tests stop it).
	tick func() tea.Cmd
}

var _ tea.Model = (*KioskModel)(nil)

// The staff sequence opens the staff code prompt: ctrl+e, then ctrl+x.
const (
	staffFirst  = "ctrl+e"
	staffSecond = "ctrl+x"
)

// maxLockout is the longest wait after wrong staff codes.
const maxLockout = 5 * time.Minute

// kioskBlocked reports the keys that would quit, suspend or leave the
// guide. In kiosk mode they only show a hint.
func kioskBlocked(s string) bool {
	switch s {
	case "q", "ctrl+c", "ctrl+d", "ctrl+z", "ctrl+\\", "ctrl+q", "ctrl+w", "f4", "alt+f4":
		return true
	}
	return false
}

// NewKiosk returns the guide in kiosk mode on its home screen.
func NewKiosk(g *guide.Guide, cache *render.Cache, opts Options, cfg Kiosk) *KioskModel {
	opts.NoQuit, opts.HomeKey, opts.Finish = true, true, true
	opts.Keep = "" // a shared screen never keeps a list
	opts.Print.Desk, opts.Print.Printer = true, cfg.Printer
	if len(cfg.Warnings) > 0 {
		text := opts.Text
		if text == nil {
			text = i18n.English()
		}
		opts.Notice = text.Kiosk.StaffNotice(cfg.Warnings)
	}
	m := &KioskModel{guide: New(g, cache, opts), cfg: cfg, width: defaultWidth, height: defaultHeight, tick: idleTick}
	m.guide.reserved = buttonRows
	m.guide.resize(m.width, m.height-buttonRows)
	m.lastInput = m.now()
	return m
}

// text is the guide's strings.
func (m *KioskModel) text() *i18n.Catalog { return m.guide.ctx.Text }

// Guide returns the wrapped guide.
func (m *KioskModel) Guide() *Model { return m.guide }

// now is the guide's clock (Options.Clock): the idle countdown and the
// sheet's date read the same time.
func (m *KioskModel) now() time.Time { return m.guide.ctx.now() }

// log writes to the staff log in a command, never in Update.
func (m *KioskModel) log(format string, args ...any) tea.Cmd {
	if m.cfg.Log == nil {
		return nil
	}
	l := m.cfg.Log
	return func() tea.Msg { l(format, args...); return nil }
}

// idleTickMsg is the kiosk's once-a-second look at the idle clock.
type idleTickMsg struct{}

func idleTick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return idleTickMsg{} })
}

// Init starts the guide and the idle clock.
func (m *KioskModel) Init() tea.Cmd { return tea.Batch(m.guide.Init(), m.tick()) }

// Reset wipes the session: questions, answers, history, search text,
// scroll positions.
func (m *KioskModel) Reset() tea.Cmd {
	m.counting, m.staff, m.staffArmed = false, false, false
	m.lastInput = m.now()
	return m.guide.Reset()
}

// Update watches the idle clock and the input, and passes on what the
// guide may have.
func (m *KioskModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case idleTickMsg:
		return m, m.idle()
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if m.width <= 0 || m.height <= 0 {
			m.width, m.height = defaultWidth, defaultHeight
		}
		return m.forward(tea.WindowSizeMsg{Width: m.width, Height: m.height - buttonRows})
	case finishMsg:
		cmd := m.Reset()
		m.guide.status = m.text().Kiosk.Cleared
		return m, tea.Batch(cmd, m.log("finish and clear"))
	case doneMsg:
		// Every print's outcome is logged, also after its patient left.
		late := ""
		if msg.session != m.guide.ctx.Session {
			late = ", after that patient's session was cleared"
		}
		var logCmd tea.Cmd
		switch {
		case errors.Is(msg.err, context.Canceled):
			logCmd = m.log("print cancelled: the session was cleared")
		case msg.err != nil:
			detail := ""
			var pe *printing.Error
			if errors.As(msg.err, &pe) && pe.Detail != "" {
				detail = " (spooler said: " + pe.Detail + ")"
			}
			logCmd = m.log("printing failed%s: %v%s", late, msg.err, detail)
		default:
			logCmd = m.log("printed on %s%s", msg.where, late)
		}
		_, cmd := m.guide.Update(msg)
		return m, tea.Batch(cmd, logCmd)
	case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.PasteMsg:
		m.lastInput = m.now()
		if m.counting {
			m.counting = false // the input only wakes the notice
			return m, nil
		}
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseClickMsg:
		mouse := msg.Mouse()
		if mouse.Button == tea.MouseLeft && mouse.Y >= m.height-buttonRows && !m.guide.tooSmallNow() && !m.staff {
			if b, ok := m.buttonAt(mouse.X); ok {
				cmd := b.do(m)
				return m, tea.Batch(cmd, m.guide.drain())
			}
			return m, nil
		}
	case tea.PasteMsg:
		if m.staff {
			return m, nil
		}
	}
	return m.forward(msg)
}

func (m *KioskModel) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.guide.Update(msg)
	return m, cmd
}

// idle resets the session when nobody answered the notice in time.
func (m *KioskModel) idle() tea.Cmd {
	now := m.now()
	switch {
	case m.counting && now.Sub(m.countFrom) >= m.cfg.Countdown:
		return tea.Batch(m.Reset(), m.log("idle reset after %s without input", m.cfg.Idle+m.cfg.Countdown), m.tick())
	case !m.counting && now.Sub(m.lastInput) >= m.cfg.Idle:
		m.counting, m.countFrom = true, now
	}
	return m.tick()
}

// key handles the keys kiosk mode changes and passes on the rest.
func (m *KioskModel) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s := msg.String()
	if m.staff {
		return m, m.updateStaff(msg)
	}
	if m.staffArmed {
		m.staffArmed = false
		if s == staffSecond && m.cfg.ExitCode != "" {
			m.staff = true
			m.code = newField(m.text().Kiosk.StaffCode, "", kiosk.MaxExitCode, m.width, m.guide.ctx.Dark)
			m.code.EchoMode = textinput.EchoPassword
			return m, m.code.Focus()
		}
	}
	if s == staffFirst {
		m.staffArmed = true
		return m, nil
	}
	typing := m.guide.Typing()
	// esc on the home screen would leave nothing: it only shows the hint.
	onHome := len(m.guide.stack) == 1 && s == "esc"
	if onHome || kioskBlocked(s) && !(typing && len(s) == 1) {
		m.guide.status = m.text().Kiosk.Hint
		return m, nil
	}
	return m.forward(msg)
}

// updateStaff checks the code on enter; esc cancels.
func (m *KioskModel) updateStaff(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.staff = false
		return nil
	case "enter":
		typed := checklist.Sanitize(m.code.Value())
		m.staff = false
		if wait := m.lockedUntil.Sub(m.now()); wait > 0 {
			m.guide.status = m.text().Kiosk.LockedOut(wait)
			return nil
		}
		if subtle.ConstantTimeCompare([]byte(typed), []byte(m.cfg.ExitCode)) == 1 {
			m.wrongTries = 0
			l := m.cfg.Log
			return func() tea.Msg {
				if l != nil {
					l("staff exit")
				}
				return tea.QuitMsg{}
			}
		}
		m.wrongTries++
		wait := min(time.Second<<min(m.wrongTries-1, 20), maxLockout)
		m.lockedUntil = m.now().Add(wait)
		m.guide.status = m.text().Kiosk.WrongCode
		return m.log("wrong staff code (%d in a row); the next try waits %s", m.wrongTries, wait)
	}
	var cmd tea.Cmd
	m.code, cmd = m.code.Update(msg)
	return cmd
}

// View is the guide with the touch buttons under it, or the countdown, or
// the staff prompt.
func (m *KioskModel) View() tea.View {
	if m.counting {
		v := tea.NewView(strings.Join(fitLines(m.countdownView(), m.width, m.height), "\n"))
		v.AltScreen, v.MouseMode = true, tea.MouseModeCellMotion
		return v
	}
	if m.staff {
		v := tea.NewView(strings.Join(fitLines(m.staffView(), m.width, m.height), "\n"))
		v.AltScreen, v.MouseMode = true, tea.MouseModeCellMotion
		if c := m.code.Cursor(); c != nil {
			c.Y += 2
			v.Cursor = c
		}
		return v
	}
	v := m.guide.View()
	if m.guide.tooSmallNow() {
		v.Content += strings.Repeat("\n", buttonRows)
		return v
	}
	v.Content += "\n" + m.buttonsView()
	return v
}

// countdownView is the full-screen "Still reading?" notice.
func (m *KioskModel) countdownView() string {
	left := m.cfg.Countdown - m.now().Sub(m.countFrom)
	secs := max(0, int((left+time.Second-1)/time.Second))
	msg := m.text().Kiosk.Countdown(secs)
	body := lipgloss.Wrap(msg, max(1, m.width-4), "")
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.guide.ctx.Styles.Title.Render(body))
}

// staffView is the masked code prompt.
func (m *KioskModel) staffView() string {
	st := m.guide.ctx.Styles
	t := m.text().Kiosk
	return st.Title.Render(t.StaffOnly) + "\n\n" + m.code.View() + "\n\n" + st.Muted.Render(t.StaffHelp)
}

// button is one of the kiosk's large touch buttons at the bottom.
type button struct {
	Label, Short string
	do           func(*KioskModel) tea.Cmd
}

// buttonRows is how tall the touch buttons are: a large target.
const buttonRows = 3

// kioskButtons are the touch buttons for what is on screen: on My
// questions, the selected question's Star, Remove, Up and Down; on the
// print preview, Print now; elsewhere the way around the guide.
func (m *KioskModel) kioskButtons() []button {
	text := m.text()
	t := text.Kiosk
	back := button{t.Back, t.Back, func(m *KioskModel) tea.Cmd { return m.guide.ctx.back() }}
	home := button{t.Home, t.Home, func(m *KioskModel) tea.Cmd { return m.guide.ctx.send(homeMsg{}) }}
	key := func(k tea.KeyPressMsg) func(*KioskModel) tea.Cmd {
		return func(m *KioskModel) tea.Cmd { return m.guide.top().Update(k) }
	}
	help := button{t.Help, t.Help, func(m *KioskModel) tea.Cmd {
		m.guide.help.ShowAll = !m.guide.help.ShowAll
		m.guide.layout()
		return m.guide.top().Show()
	}}
	print := button{t.Print, t.Print, func(m *KioskModel) tea.Cmd {
		ctx := m.guide.ctx
		if ctx.Session.List.Len() == 0 {
			return ctx.status(text.ListEmpty)
		}
		if _, ok := m.guide.top().(*mineScreen); ok {
			return ctx.push(newPrint(ctx))
		}
		return ctx.send(pushMsg{newMine(ctx)}, pushMsg{newPrint(ctx)})
	}}
	switch s := m.guide.top().(type) {
	case *mineScreen:
		if m.guide.ctx.Session.List.Len() > 0 {
			return []button{back,
				{t.Star, t.Star, key(tea.KeyPressMsg{Code: 't', Text: "t"})},
				{t.Remove, t.Remove, key(tea.KeyPressMsg{Code: 'd', Text: "d"})},
				{t.Up, t.Up, key(tea.KeyPressMsg{Code: 'K', Text: "K"})},
				{t.Down, t.Down, key(tea.KeyPressMsg{Code: 'J', Text: "J"})},
				print}
		}
	case *printScreen:
		// Back is a step back in printing, as Escape is (from the preview
		// to the choice of sheet), not a jump out of it.
		back = button{t.Back, t.Back, key(tea.KeyPressMsg{Code: tea.KeyEscape})}
		if s.step == stepPreview {
			return []button{back, {t.PrintNow, t.PrintNow, key(tea.KeyPressMsg{Code: tea.KeyEnter})}}
		}
		return []button{back, home}
	}
	return []button{back, home,
		{t.AddQuestions, t.Add, func(m *KioskModel) tea.Cmd {
			p, ok := m.guide.top().(*pageScreen)
			if !ok {
				return m.guide.ctx.status(t.OpenPageFirst)
			}
			pg, _ := p.page()
			return m.guide.ctx.push(newPick(m.guide.ctx, pg))
		}},
		{text.MyQuestions, t.Mine, func(m *KioskModel) tea.Cmd {
			if _, ok := m.guide.top().(*mineScreen); ok {
				return nil
			}
			return m.guide.ctx.push(newMine(m.guide.ctx))
		}},
		print, help}
}

// buttonGap separates the buttons.
const buttonGap = " "

// buttonLabels are the labels that fit the width: long, else short.
func buttonLabels(bs []button, width int) []string {
	long, short := make([]string, len(bs)), make([]string, len(bs))
	for i, b := range bs {
		long[i], short[i] = " "+b.Label+" ", " "+b.Short+" "
	}
	if ansi.StringWidth(strings.Join(long, buttonGap)) <= width {
		return long
	}
	return short
}

// buttonsView draws the buttons, buttonRows tall, each a block in reverse
// video with its label in the middle row.
func (m *KioskModel) buttonsView() string {
	labels := buttonLabels(m.kioskButtons(), m.width)
	st := m.guide.ctx.Styles.Selected.Reverse(true)
	rows := make([]string, buttonRows)
	for r := range rows {
		out := make([]string, len(labels))
		for i, l := range labels {
			if r != buttonRows/2 {
				l = strings.Repeat(" ", ansi.StringWidth(l))
			}
			out[i] = st.Render(l)
		}
		rows[r] = ansi.Truncate(strings.Join(out, buttonGap), m.width, "")
	}
	return strings.Join(rows, "\n")
}

// buttonAt returns the button under column x of the buttons.
func (m *KioskModel) buttonAt(x int) (button, bool) {
	at := 0
	bs := m.kioskButtons()
	for i, l := range buttonLabels(bs, m.width) {
		w := ansi.StringWidth(l)
		if x >= at && x < at+w {
			return bs[i], true
		}
		at += w + len(buttonGap)
	}
	return button{}, false
}
