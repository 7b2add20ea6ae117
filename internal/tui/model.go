// Package tui is the interactive guide. Each screen is a component that owns
// its state (see Screen); the root model keeps the history as a stack of
// screens, routes messages to the top one, handles the few global keys and
// draws the chrome. It reads content through the guide and render packages
// and never does I/O in Update: rendering, printing and saving run in
// commands. Kiosk mode is a wrapper around the guide (see KioskModel).
package tui

import (
	"context"
	"github.com/charmbracelet/colorprofile"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/search"
)

// Default size used until the terminal reports one, and when it reports 0×0.
const (
	defaultWidth  = 80
	defaultHeight = 24
)

// Model is the root model of the guide: the history of screens and the
// chrome around the top one. Use it through a pointer.
type Model struct {
	ctx    *Context
	stack  []Screen
	help   help.Model
	width  int
	height int
	isDark bool
	// profile is the colour profile the program draws with.
	profile colorprofile.Profile
	// status is a one-off message shown in the footer until the next key.
	status string
	// reserved is how many rows a wrapper draws under the guide.
	reserved int
}

var _ tea.Model = (*Model)(nil)

// Options configure a new Model. The guide knows nothing of kiosks: a
// kiosk sets these to lock it down.
type Options struct {
	// Style forces a rendering style; empty follows the theme.
	Style render.Style
	// Theme chooses the colours; empty means auto.
	Theme Theme
	// Print is how the guide prints and saves the question list.
	Print PrintOptions
	// NoQuit hides and disables the quit key.
	NoQuit bool
	// HomeKey offers H to go back to the home screen from anywhere.
	HomeKey bool
	// Finish adds "Finish and clear" to the home screen; choosing it sends
	// a finishMsg to whoever runs the guide.
	Finish bool
	// Notice, when set, is shown in the footer when the guide starts.
	Notice string
	// Text is the language of the guide's own words; nil means English.
	Text *i18n.Catalog
	// Keep is where "Keep my list on this computer" keeps the list (see
	// keep.Path); empty never offers it and never reads or writes a file.
	Keep string
	// Clock gives the date on the sheet and, in a kiosk, the idle
	// countdown's time; nil is the system clock.
	Clock clock.Clock
	// Index is a search index of the same guide, built once and shared
	// (read-only) by many sessions, as a server does; nil builds one
	// when the reader first searches.
	Index *search.Index
}

// New returns the guide on its home screen.
func New(g *guide.Guide, cache *render.Cache, opts Options) *Model {
	m := &Model{
		help:   help.New(),
		width:  defaultWidth,
		height: defaultHeight,
		isDark: true,
		// The profile Lip Gloss detected for standard output, which the
		// program runs with, until Bubble Tea says which it uses (over SSH,
		// the client's).
		profile: lipgloss.Writer.Profile,
		status:  opts.Notice,
	}
	text := opts.Text
	if text == nil {
		text = i18n.English()
	}
	m.ctx = &Context{Guide: g, Cache: cache, Opts: opts, Text: text, Keys: DefaultKeyMap(text), Style: opts.Style, Session: newSession(), Index: opts.Index}
	switch {
	case m.ctx.Style != "":
	case opts.Theme == ThemeHighContrast:
		m.ctx.Style = render.HighContrast
	case opts.Theme == ThemeLight:
		m.ctx.Style, m.isDark = render.Light, false
	default:
		m.ctx.Style = render.Dark
	}
	m.applyTheme()
	m.stack = []Screen{newHome(m.ctx)}
	m.resize(m.width, m.height)
	m.top().Show()
	return m
}

func newSession() *Session {
	ctx, cancel := context.WithCancel(context.Background())
	return &Session{Answers: map[string]string{}, ctx: ctx, cancel: cancel, keep: newKeeper()}
}

// Reset wipes everything the patient did (questions, answers, history,
// search text, scroll positions) and returns to the home screen. The
// rendered pages and the search index, which hold nothing personal, stay.
func (m *Model) Reset() tea.Cmd {
	for _, s := range m.stack {
		if l, ok := s.(leaver); ok {
			l.Leave()
		}
	}
	m.ctx.Session.cancel()
	m.ctx.Session = newSession()
	m.ctx.queue = nil
	m.stack = []Screen{newHome(m.ctx)}
	m.status = ""
	m.help.ShowAll = false
	m.layout()
	return m.top().Show()
}

// List returns the patient's questions, in their order.
func (m *Model) List() []checklist.Item { return m.ctx.Session.List.Items() }

func (m *Model) top() Screen { return m.stack[len(m.stack)-1] }

// Typing reports whether a text field has the keys.
func (m *Model) Typing() bool {
	t, ok := m.top().(typer)
	return ok && t.Typing()
}

// Init asks the terminal for its background colour, to choose light or
// dark, and reads the list kept on this computer, if it is offered.
func (m *Model) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, m.ctx.loadKept()) }

// indexMsg delivers the search index, built in a command.
type indexMsg struct{ ix *search.Index }

// buildIndex builds the search index in a command, once.
func (m *Model) buildIndex() tea.Cmd { return m.ctx.indexCmd() }

// Update routes a message: navigation and size to the root, keys to the
// top screen unless they are global, results to every screen that waits
// for them.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	cmd = tea.Batch(cmd, m.drain())
	return m, tea.Batch(cmd, m.ctx.syncKept())
}

// drain handles the navigation the screens asked for, in order.
func (m *Model) drain() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.ctx.queue) > 0 {
		msg := m.ctx.queue[0]
		m.ctx.queue = m.ctx.queue[1:]
		cmds = append(cmds, m.update(msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m.top().Show()
	case tea.BackgroundColorMsg:
		if t := m.ctx.Opts.Theme; t != "" && t != ThemeAuto {
			return nil // a forced theme ignores the terminal's background
		}
		m.isDark = msg.IsDark()
		m.applyTheme()
		return m.top().Show()
	case tea.ColorProfileMsg:
		// The colours a 16-colour terminal shows are its own palette's:
		// some are chosen by hand for it (StylesFor, render.ForProfile).
		if msg.Profile == m.profile {
			return nil
		}
		m.profile = msg.Profile
		m.applyTheme()
		return m.top().Show()
	case pushMsg:
		return m.push(msg.s)
	case replaceMsg:
		m.pop()
		return m.push(msg.s)
	case backMsg:
		return m.back()
	case homeMsg:
		for len(m.stack) > 1 {
			m.pop()
		}
		m.layout()
		return m.top().Show()
	case statusMsg:
		m.status = string(msg)
		return nil
	case keptLoadedMsg, keptSavedMsg, keptForgotMsg:
		if s := m.ctx.keptResult(msg); s != "" {
			m.status = s
		}
		return m.top().Show()
	case indexMsg:
		m.ctx.Index = msg.ix
		return m.top().Update(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		// Pasted text goes only into a text field, cleaned of control
		// characters and escape sequences first.
		if !m.Typing() {
			return nil
		}
		msg.Content = checklist.Sanitize(msg.Content)
		return m.top().Update(msg)
	case tea.MouseWheelMsg:
		if s, ok := m.top().(scroller); ok {
			switch msg.Mouse().Button {
			case tea.MouseWheelUp:
				s.Scroll(-1)
			case tea.MouseWheelDown:
				s.Scroll(1)
			}
		}
		return nil
	case tea.MouseClickMsg:
		mouse := msg.Mouse()
		if c, ok := m.top().(clicker); ok && mouse.Button == tea.MouseLeft && !m.tooSmallNow() {
			return c.Click(mouse.X, mouse.Y-headerHeight)
		}
		return nil
	}
	// Results of commands (renders, printers, printing) go to every screen:
	// each takes only what it asked for.
	var cmds []tea.Cmd
	for _, s := range m.stack {
		cmds = append(cmds, s.Update(msg))
	}
	return tea.Batch(cmds...)
}

// key handles a key press: a text field takes every key; then the top
// screen's own keys; then the global ones.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if panicKey != "" && msg.String() == panicKey {
		panic("deliberate panic (test build)")
	}
	m.status = ""
	top := m.top()
	if m.Typing() {
		return top.Update(msg)
	}
	own := top.Bindings()
	if matches(msg, own...) {
		return top.Update(msg)
	}
	g := m.globals()
	switch {
	case matches(msg, g.Quit):
		// Questions not printed or saved would be lost: ask first. A second
		// quit on that question quits.
		if _, asking := top.(*quitScreen); !asking && m.ctx.Session.Unsaved() {
			return m.push(newQuit(m.ctx))
		}
		return tea.Quit
	case matches(msg, g.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layout()
		return top.Show()
	case matches(msg, g.Back):
		return m.back()
	case matches(msg, g.Home):
		return m.update(homeMsg{})
	case matches(msg, g.Search):
		return tea.Batch(m.push(newSearch(m.ctx)), m.buildIndex())
	case matches(msg, g.MyQuestions):
		return m.push(newMine(m.ctx))
	case matches(msg, g.Glossary):
		return m.push(newWords(m.ctx))
	}
	// Digits and other keys a screen reads without a binding (menu numbers).
	return top.Update(msg)
}

// globalKeys are the keys that work on every screen but text fields.
type globalKeys struct {
	Back, Home, Search, MyQuestions, Glossary, Help, Quit key.Binding
}

// globals returns the global keys for the top screen: without the keys the
// screen claims for itself, and without those that mean nothing here.
func (m *Model) globals() globalKeys {
	k := m.ctx.Keys
	own := claimed(m.top().Bindings())
	g := globalKeys{
		Back: minus(k.Back, own...), Home: minus(k.GoHome, own...), Search: minus(k.Search, own...),
		MyQuestions: minus(k.MyQuestions, own...), Glossary: minus(k.Glossary, own...),
		Help: minus(k.Help, own...), Quit: minus(k.Quit, own...),
	}
	if len(m.stack) == 1 {
		g.Back.SetEnabled(false)
		g.Home.SetEnabled(false)
	}
	if !m.ctx.Opts.HomeKey {
		g.Home.SetEnabled(false)
	}
	if m.ctx.Opts.NoQuit {
		g.Quit.SetEnabled(false)
	}
	if h, ok := m.top().(hider); ok {
		for _, b := range []*key.Binding{&g.Back, &g.Home, &g.Search, &g.MyQuestions, &g.Glossary} {
			if h.Hides(b) {
				b.SetEnabled(false)
			}
		}
	}
	return g
}

// bindings are every key that works now, most important first: the
// screen's own keys (its first, then Back, then the rest), the global ones,
// then movement.
func (m *Model) bindings() []key.Binding {
	if m.Typing() {
		return m.top().Bindings()
	}
	isNav := map[string]bool{}
	for _, b := range m.ctx.Keys.nav() {
		isNav[b.Help().Desc] = true
	}
	var own, nav []key.Binding
	for _, b := range m.top().Bindings() {
		if isNav[b.Help().Desc] {
			nav = append(nav, b)
		} else {
			own = append(own, b)
		}
	}
	// The screen's first key (or first few), then Back: they must fit a
	// narrow footer.
	g := m.globals()
	first := 1
	if l, ok := m.top().(leader); ok {
		first = l.Leading()
	}
	first = min(first, len(own))
	out := append([]key.Binding{}, own[:first]...)
	if g.Back.Enabled() {
		out = append(out, g.Back)
	}
	out = append(out, own[first:]...)
	for _, b := range []key.Binding{g.Home, g.MyQuestions, g.Search, g.Glossary, g.Help, g.Quit} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return append(out, nav...)
}

// push puts s on the stack and shows it.
func (m *Model) push(s Screen) tea.Cmd {
	m.stack = append(m.stack, s)
	m.layout()
	return s.Show()
}

// pop takes the top screen off (never the home screen).
func (m *Model) pop() {
	if len(m.stack) == 1 {
		return
	}
	if l, ok := m.top().(leaver); ok {
		l.Leave()
	}
	m.stack = m.stack[:len(m.stack)-1]
}

// back returns to the screen below, exactly as it was left.
func (m *Model) back() tea.Cmd {
	if len(m.stack) == 1 {
		return nil
	}
	m.pop()
	m.layout()
	return m.top().Show()
}

// applyTheme sets styles for the terminal background; a forced ASCII or
// light style is kept.
func (m *Model) applyTheme() {
	m.ctx.Styles = StylesFor(m.isDark, m.profile)
	m.ctx.Dark = m.isDark
	m.help.Styles = HelpStylesFor(m.isDark, m.profile)
	if m.ctx.Opts.Theme == ThemeHighContrast {
		m.ctx.Styles = HighContrastStyles()
		plain := lipgloss.NewStyle()
		m.help.Styles = help.Styles{ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			Ellipsis: plain, FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain}
		return
	}
	switch m.ctx.Style {
	case render.Dark, render.Light, render.Dark16, render.Light16:
		st := render.Light
		if m.isDark {
			st = render.Dark
		}
		m.ctx.Style = render.ForProfile(st, m.profile)
	}
}

// resize records the window size and works out the body area.
func (m *Model) resize(w, h int) {
	if w <= 0 || h <= 0 {
		w, h = defaultWidth, defaultHeight
	}
	m.width, m.height = w, h
	m.help.SetWidth(w)
	m.ctx.Width = w
	m.layout()
}

// layout works out the body height, which depends on the footer: the full
// help's size changes with the keys of the top screen.
func (m *Model) layout() {
	m.ctx.Height = max(1, m.height-headerHeight-m.footerHeight())
}

// helpText returns the full help for the top screen.
func (m *Model) helpText() string {
	return m.help.FullHelpView(helpMap(m.bindings()).FullHelp())
}

// footerHeight is one status line, plus the full help when shown.
func (m *Model) footerHeight() int {
	h := 1
	if m.help.ShowAll {
		h += strings.Count(m.helpText(), "\n") + 1
	}
	return h
}
