// Package tui is the interactive guide: one root Bubble Tea model with
// concrete child screens. It reads content through the guide and render
// packages and never does I/O in Update.
package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/search"
)

// screenID names a screen.
type screenID int

const (
	homeScreen screenID = iota
	sectionScreen
	readScreen
	pickScreen
	myScreen
	editScreen
	printScreen
	glossaryScreen
	termScreen
	searchScreen
	formScreen
	pathScreen
)

// Default size used until the terminal reports one, and when it reports 0×0.
const (
	defaultWidth  = 80
	defaultHeight = 24
)

// Model is the root model of the guide.
type Model struct {
	common  Common
	help    help.Model
	width   int
	height  int
	isDark  bool
	style   render.Style
	screen  screenID
	history []screenID

	home    listScreen
	section listScreen
	page    pageScreen

	// list is the patient's question checklist. It is shared by pointer so
	// that every copy of the model sees the same list.
	list      *checklist.List
	suggested []checklist.Item
	pick      listScreen
	mine      listScreen
	edit      editor
	print     printFlow
	glossary  wordList
	walk      walkState
	// walkResume is where the guided walkthrough was left.
	walkResume int
	sit        situation
	overlay    overlay
	kiosk      kioskState
	search     finder
	index      *search.Index
	term       listScreen
	// status is a one-off message shown in the footer until the next key.
	status string
	opts   Options
}

var _ tea.Model = Model{}

// Options configure a new Model.
type Options struct {
	// Style forces a rendering style; empty follows the theme.
	Style render.Style
	// Theme chooses the colours; empty means auto.
	Theme Theme
	// Print is how the guide prints and saves the question list.
	Print PrintOptions
	// Kiosk, when set, runs the locked-down clinic kiosk mode.
	Kiosk *Kiosk
}

// New returns the guide's root model on its home screen.
func New(g *guide.Guide, cache *render.Cache, opts Options) Model {
	m := Model{
		help:   help.New(),
		width:  defaultWidth,
		height: defaultHeight,
		isDark: true,
		style:  opts.Style,
		list:   &checklist.List{},
		opts:   opts,
	}
	m.common = Common{Guide: g, Cache: cache, Keys: DefaultKeyMap()}
	switch {
	case m.style != "":
	case opts.Theme == ThemeHighContrast:
		m.style = render.HighContrast
	case opts.Theme == ThemeLight:
		m.style, m.isDark = render.Light, false
	default:
		m.style = render.Dark
	}
	m.home = listScreen{Intro: g.Meta.Subtitle, Menu: menu{items: append([]menuItem{m.walkItem(), situationItem()}, homeItems(g)...)}}
	if opts.Kiosk != nil {
		m.home.Menu.items = append(m.home.Menu.items, menuItem{ID: finishID, Title: "Finish and clear",
			Summary: "Clears your questions and answers from this screen, so the next person starts fresh."})
		m.kiosk.LastInput = m.now()
		if len(opts.Kiosk.Warnings) > 0 {
			m.status = "Staff: " + strings.Join(opts.Kiosk.Warnings, " ")
		}
	}
	m.applyTheme()
	m.resize(m.width, m.height)
	return m
}

// Home menu entries that are not sections.
const (
	myQuestionsID = "\x00questions"
	glossaryID    = "\x00glossary"
)

// homeItems are the sections, then My questions and the word list, so that
// everything can be reached by tapping.
func homeItems(g *guide.Guide) []menuItem {
	items := make([]menuItem, 0, len(g.Sections)+2)
	for _, s := range g.Sections {
		items = append(items, menuItem{ID: s.ID, Title: s.Title, Summary: s.Summary})
	}
	return append(items,
		menuItem{ID: myQuestionsID, Title: "My questions", Summary: "The questions you picked for your next visit. Print or save them."},
		menuItem{ID: glossaryID, Title: "Word list", Summary: "Plain meanings of the medical words in this guide."})
}

func pageItems(s *guide.Section) []menuItem {
	items := make([]menuItem, 0, len(s.Pages))
	for _, p := range s.Pages {
		items = append(items, menuItem{ID: p.ID, Title: p.Title, Summary: p.Summary})
	}
	return items
}

// Init asks the terminal for its background colour, to choose light or
// dark, and in kiosk mode starts the idle clock.
func (m Model) Init() tea.Cmd {
	if m.opts.Kiosk != nil {
		return tea.Batch(tea.RequestBackgroundColor, idleTick())
	}
	return tea.RequestBackgroundColor
}

// renderedMsg carries a finished page rendering.
type renderedMsg struct {
	key render.Key
	r   render.Rendered
	err error
}

// Update handles every message: global keys first, then the active screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.opts.Kiosk != nil {
		switch msg.(type) {
		case idleTickMsg:
			return m.kioskTick()
		case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.PasteMsg:
			var swallowed bool
			if m, swallowed = m.kioskInput(); swallowed {
				return m, nil
			}
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, m.renderPage()
	case tea.BackgroundColorMsg:
		if t := m.opts.Theme; t != "" && t != ThemeAuto {
			return m, nil // a forced theme ignores the terminal's background
		}
		m.isDark = msg.IsDark()
		m.applyTheme()
		return m, m.renderPage()
	case renderedMsg:
		if m.screen == readScreen && msg.key == m.page.Want {
			if msg.err != nil {
				m.page.Err = msg.err
			} else {
				first := m.page.Lines == nil
				m.page = m.page.SetRendering(msg.r, m.common.Height)
				m.page = m.page.withHighlights(m.index, first)
				m.keysForScreen()
				return m, m.prefetch()
			}
		}
		return m, nil
	case indexMsg:
		m.index = msg.ix
		if m.screen == searchScreen {
			m.runSearch()
		}
		return m, nil
	case printersMsg, doneMsg:
		return m.handleResult(msg), nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		// Pasted text goes only into a text field, cleaned of control
		// characters and escape sequences first.
		msg.Content = checklist.Sanitize(msg.Content)
		if next, cmd, ok := m.updateTextField(msg); ok {
			return next, cmd
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m.handleWheel(msg), nil
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if panicKey != "" && msg.String() == panicKey {
		panic("deliberate panic (test build)")
	}
	k := m.common.Keys
	m.status = ""
	if m.opts.Kiosk != nil {
		if next, cmd, used := m.kioskKey(msg); used {
			return next, cmd
		}
	}
	// A text field gets every key: no global keys while typing.
	if next, cmd, ok := m.updateTextField(msg); ok {
		return next, cmd
	}
	if m.screen == printScreen && m.print.typing() {
		return m.updatePrint(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.resize(m.width, m.height)
		return m, nil
	case key.Matches(msg, k.Back) && !(m.screen == readScreen && m.overlay.Kind != noOverlay):
		return m.back(), nil
	case key.Matches(msg, k.Search):
		return m.openSearch()
	}
	switch m.screen {
	case homeScreen, sectionScreen, termScreen:
		switch {
		case key.Matches(msg, k.Open):
			return m.openSelected()
		case key.Matches(msg, k.MyQuestions):
			return m.openMine()
		case key.Matches(msg, k.Glossary):
			return m.openGlossary()
		}
		switch m.screen {
		case homeScreen:
			m.home = m.home.Update(msg, &m.common)
		case sectionScreen:
			m.section = m.section.Update(msg, &m.common)
		default:
			m.term = m.term.Update(msg, &m.common)
		}
	case readScreen:
		if m.overlay.Kind != noOverlay {
			return m.updateOverlay(msg)
		}
		switch {
		case key.Matches(msg, k.PageWords):
			return m.openOverlay(termsOverlay), nil
		case key.Matches(msg, k.Sources):
			return m.openOverlay(sourcesOverlay), nil
		case key.Matches(msg, k.Related):
			return m.openOverlay(relatedOverlay), nil
		case m.walk.Active && key.Matches(msg, k.Next):
			return m.walkStep(1)
		case m.walk.Active && key.Matches(msg, k.Prev):
			return m.walkStep(-1)
		case len(m.page.Hits) > 0 && key.Matches(msg, k.NextMatch):
			m.page = m.page.jumpHit(1, m.common.Height)
			return m, nil
		case len(m.page.Hits) > 0 && key.Matches(msg, k.PrevMatch):
			m.page = m.page.jumpHit(-1, m.common.Height)
			return m, nil
		case key.Matches(msg, k.AddQuestions):
			return m.openPick()
		case key.Matches(msg, k.MyQuestions):
			return m.openMine()
		case key.Matches(msg, k.Glossary):
			return m.openGlossary()
		}
		m.page = m.page.Update(msg, &m.common)
	case pickScreen:
		return m.updatePick(msg)
	case myScreen:
		return m.updateMine(msg)
	case printScreen:
		return m.updatePrint(msg)
	case formScreen:
		return m.updateForm(msg)
	case pathScreen:
		return m.updatePath(msg)
	}
	return m, nil
}

// updateTextField gives a key or paste to the screen's text field, if the
// screen is one: there, every key is text, not a command.
func (m Model) updateTextField(msg tea.Msg) (Model, tea.Cmd, bool) {
	var cmd tea.Cmd
	switch m.screen {
	case editScreen:
		m, cmd = m.updateEditor(msg)
	case glossaryScreen:
		m, cmd = m.updateGlossary(msg)
	case searchScreen:
		m, cmd = m.updateSearch(msg)
	default:
		return m, nil, false
	}
	return m, cmd, true
}

const wheelStep = 3

func (m Model) handleWheel(msg tea.MouseWheelMsg) Model {
	delta := 0
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		delta = -1
	case tea.MouseWheelDown:
		delta = 1
	default:
		return m
	}
	switch m.screen {
	case homeScreen:
		m.home = m.home.Scroll(delta, &m.common)
	case sectionScreen:
		m.section = m.section.Scroll(delta, &m.common)
	case readScreen:
		if m.overlay.Kind != noOverlay {
			m.overlay = m.overlay.scroll(delta, &m.common)
			break
		}
		m.page = m.page.Scroll(delta*wheelStep, &m.common)
	case pickScreen:
		m.pick = m.pick.Scroll(delta, &m.common)
	case myScreen:
		m.mine = m.mine.Scroll(delta, &m.common)
	case termScreen:
		m.term = m.term.Scroll(delta, &m.common)
	case formScreen:
		m.sit.Form = m.sit.Form.Scroll(delta, &m.common)
	case pathScreen:
		m.sit.Path = m.sit.Path.Scroll(delta, &m.common)
	case glossaryScreen:
		m.glossary.List = m.glossary.List.Scroll(delta, &m.common)
	}
	return m
}

// handleClick opens the menu row under a left click.
func (m Model) handleClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	mouse := msg.Mouse()
	if mouse.Button != tea.MouseLeft {
		return m, nil
	}
	if m.opts.Kiosk != nil && mouse.Y == m.height-1 && m.width >= MinWidth && m.height >= MinHeight {
		if b, ok := m.buttonAt(mouse.X); ok {
			return b.Do(m)
		}
		return m, nil
	}
	y := mouse.Y - headerHeight
	var hit bool
	switch m.screen {
	case homeScreen:
		m.home, hit = m.home.Click(y, &m.common)
	case sectionScreen:
		m.section, hit = m.section.Click(y, &m.common)
	case pickScreen:
		// A tap on a question ticks or unticks it.
		if m.pick, hit = m.pick.Click(y, &m.common); hit {
			return m.updatePick(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		}
		return m, nil
	case myScreen:
		m.mine, _ = m.mine.Click(y, &m.common)
		return m, nil
	case termScreen:
		m.term, hit = m.term.Click(y, &m.common)
	case formScreen:
		if m.sit.Form, hit = m.sit.Form.Click(y, &m.common); hit {
			return m.answer()
		}
		return m, nil
	case pathScreen:
		if m.sit.Path, hit = m.sit.Path.Click(y, &m.common); hit {
			return m.updatePath(tea.KeyPressMsg{Code: tea.KeyEnter})
		}
		return m, nil
	case glossaryScreen:
		// The list starts below the filter line and a blank line.
		if m.glossary.List, hit = m.glossary.List.Click(y-2, &m.common); hit {
			if it, ok := m.glossary.List.Menu.selected(); ok {
				return m.openTerm(it.ID)
			}
		}
		return m, nil
	}
	if hit {
		return m.openSelected()
	}
	return m, nil
}

// openSelected opens what is under the cursor of the current list.
func (m Model) openSelected() (tea.Model, tea.Cmd) {
	switch m.screen {
	case homeScreen:
		it, ok := m.home.Menu.selected()
		if !ok {
			return m, nil
		}
		switch it.ID {
		case walkID:
			return m.openWalk()
		case situationID:
			return m.openSituation()
		case myQuestionsID:
			return m.openMine()
		case finishID:
			m = m.Reset()
			m.status = "Cleared. The guide is ready for the next person."
			return m, nil
		case glossaryID:
			return m.openGlossary()
		}
		s, ok := m.common.Guide.Section(it.ID)
		if !ok {
			return m, nil
		}
		m.section = listScreen{ID: s.ID, Intro: s.Summary, Menu: menu{items: pageItems(s)}}
		m.push(sectionScreen)
		return m, nil
	case sectionScreen, termScreen:
		list := m.section
		if m.screen == termScreen {
			list = m.term
		}
		it, ok := list.Menu.selected()
		if !ok {
			return m, nil
		}
		return m.OpenPage(it.ID)
	}
	return m, nil
}

// OpenPage shows the page with the given id, rendering it if needed.
func (m Model) OpenPage(id string) (Model, tea.Cmd) {
	if _, ok := m.common.Guide.Page(id); !ok {
		return m, nil
	}
	m.page = pageScreen{ID: id}
	m.overlay = overlay{}
	m.push(readScreen)
	return m, m.renderPage()
}

func (m *Model) push(s screenID) {
	m.history = append(m.history, m.screen)
	m.screen = s
	m.keysForScreen()
}

// back returns to the previous screen; on the home screen it does nothing.
// Leaving the walkthrough's page ends the walk but keeps its place.
func (m Model) back() Model {
	if len(m.history) == 0 {
		return m
	}
	if m.screen == readScreen && m.walk.Active {
		m.leaveWalk()
	}
	m.overlay = overlay{}
	m.screen = m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	m.keysForScreen()
	return m
}

// renderPage makes sure the open page is rendered for the current width and
// style: at once from the cache, or in a command whose result is tagged with
// its key, so a stale result is dropped. Once the page is shown, the pages
// likely to be read next are prefetched (see prefetch).
func (m *Model) renderPage() tea.Cmd {
	if m.screen != readScreen {
		return nil
	}
	p, ok := m.common.Guide.Page(m.page.ID)
	if !ok {
		return nil
	}
	want := render.Key{Page: p.ID, Width: m.common.Width, Style: m.style}
	if want == m.page.Want && m.page.Lines != nil {
		return nil
	}
	m.page.Want = want
	if r, ok := m.common.Cache.Get(want); ok {
		m.page = m.page.SetRendering(r, m.common.Height)
		return m.prefetch()
	}
	cache := m.common.Cache
	return func() tea.Msg {
		r, err := cache.Render(p, want.Width, want.Style)
		return renderedMsg{key: want, r: r, err: err}
	}
}

// applyTheme sets styles for the terminal background; a forced ASCII or
// light style is kept.
func (m *Model) applyTheme() {
	m.common.Styles = NewStyles(m.isDark)
	m.help.Styles = help.DefaultStyles(m.isDark)
	if m.opts.Theme == ThemeHighContrast {
		m.common.Styles = HighContrastStyles()
		plain := lipgloss.NewStyle()
		m.help.Styles = help.Styles{ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			Ellipsis: plain, FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain}
		return
	}
	if m.style == render.Dark || m.style == render.Light {
		if m.isDark {
			m.style = render.Dark
		} else {
			m.style = render.Light
		}
	}
}

// resize records the window size and works out the body area.
func (m *Model) resize(w, h int) {
	if w <= 0 || h <= 0 {
		w, h = defaultWidth, defaultHeight
	}
	m.width, m.height = w, h
	m.help.SetWidth(w)
	m.common.Width = w
	m.keysForScreen()
}

// layout works out the body height, which depends on the footer: the full
// help's size changes with the keys of the current screen.
func (m *Model) layout() {
	m.common.Height = max(1, m.height-headerHeight-m.footerHeight())
}

// keysForScreen enables the bindings that apply to the current screen, so
// the help lists exactly the keys that work here.
func (m *Model) keysForScreen() {
	nav := func(k *KeyMap) []*key.Binding {
		return []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Help, &k.Quit, &k.Search}
	}
	var pick func(*KeyMap) []*key.Binding
	switch m.screen {
	case homeScreen:
		pick = func(k *KeyMap) []*key.Binding { return append(nav(k), &k.Open, &k.MyQuestions, &k.Glossary) }
	case sectionScreen, termScreen:
		pick = func(k *KeyMap) []*key.Binding { return append(nav(k), &k.Open, &k.Back, &k.MyQuestions, &k.Glossary) }
	case readScreen:
		if m.overlay.Kind != noOverlay {
			pick = func(k *KeyMap) []*key.Binding {
				keys := append(nav(k), &k.Back)
				if m.overlay.Kind == relatedOverlay {
					keys = append(keys, &k.Open)
				}
				return keys
			}
			break
		}
		pick = func(k *KeyMap) []*key.Binding {
			keys := append(nav(k), &k.Back, &k.AddQuestions, &k.MyQuestions, &k.Glossary, &k.PageWords, &k.Sources, &k.Related)
			if m.walk.Active {
				keys = append(keys, &k.Next, &k.Prev)
			} else if len(m.page.Hits) > 0 {
				keys = append(keys, &k.NextMatch, &k.PrevMatch)
			}
			return keys
		}
	case glossaryScreen, searchScreen:
		pick = func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Open, &k.Cancel} }
	case formScreen, pathScreen:
		pick = func(k *KeyMap) []*key.Binding { return append(nav(k), &k.Open, &k.Back, &k.MyQuestions) }
	case pickScreen:
		pick = func(k *KeyMap) []*key.Binding { return append(nav(k), &k.Toggle, &k.Back, &k.MyQuestions) }
	case myScreen:
		pick = func(k *KeyMap) []*key.Binding {
			return append(nav(k), &k.Back, &k.MoveUp, &k.MoveDown, &k.Remove, &k.Important, &k.NewQuestion, &k.EditQuestion, &k.Print)
		}
	case editScreen:
		pick = func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Save, &k.Cancel} }
	case printScreen:
		pick = m.print.keys
	}
	keys := DefaultKeyMap().only(pick)
	if m.opts.Kiosk != nil {
		keys.Quit.SetEnabled(false)
		keys.GoHome.SetEnabled(m.screen != homeScreen)
	}
	m.common.Keys = keys
	m.layout()
}
