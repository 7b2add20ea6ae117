package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/guide"
)

// menuScreen is a screen that introduces a list and opens what the reader
// picks from it: the home screen, a section, a glossary term's pages.
type menuScreen struct {
	ctx    *Context
	list   listScreen
	crumbs []string
	// open is what choosing an item does.
	open func(it menuItem) tea.Cmd
	// refresh, when set, rebuilds the items each time the screen shows.
	refresh func(s *menuScreen)
}

var _ Screen = (*menuScreen)(nil)

// Show refreshes the items and keeps the cursor on one.
func (s *menuScreen) Show() tea.Cmd {
	if s.refresh != nil {
		s.refresh(s)
	}
	_, _, rows, _ := s.list.layout(s.ctx)
	s.list.Menu = s.list.Menu.clamp(rows)
	return nil
}

// Update moves the cursor, or opens the selected item.
func (s *menuScreen) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(kp, s.ctx.Keys.Open) {
		return s.openSelected()
	}
	s.list = s.list.Update(kp, s.ctx)
	return nil
}

func (s *menuScreen) openSelected() tea.Cmd {
	if it, ok := s.list.Menu.selected(); ok && s.open != nil {
		return s.open(it)
	}
	return nil
}

// View draws the intro, the menu and the selected item's summary.
func (s *menuScreen) View() string { return s.list.View(s.ctx) }

// Bindings are open and the list's movement keys.
func (s *menuScreen) Bindings() []key.Binding {
	if len(s.list.Menu.items) == 0 {
		return nil
	}
	return append([]key.Binding{s.ctx.Keys.Open}, s.ctx.Keys.nav()...)
}

// Crumbs say where the list is.
func (s *menuScreen) Crumbs() []string { return s.crumbs }

// Click opens the row under a tap.
func (s *menuScreen) Click(_, y int) tea.Cmd {
	var hit bool
	if s.list, hit = s.list.Click(y, s.ctx); hit {
		return s.openSelected()
	}
	return nil
}

// Scroll moves the cursor (mouse wheel).
func (s *menuScreen) Scroll(delta int) { s.list = s.list.Scroll(delta, s.ctx) }

// Home menu entries that are not sections.
const (
	walkID        = "\x00walk"
	situationID   = "\x00situation"
	myQuestionsID = "\x00questions"
	glossaryID    = "\x00glossary"
	finishID      = "\x00finish"
)

// newHome is the home screen: the walkthrough, "My situation", the
// sections, My questions and the word list, so that everything can be
// reached by tapping.
func newHome(ctx *Context) *menuScreen {
	g := ctx.Guide
	s := &menuScreen{ctx: ctx, list: listScreen{Intro: g.Meta.Subtitle}}
	s.refresh = func(s *menuScreen) {
		t := ctx.Text
		items := []menuItem{walkItem(ctx), situationItem(ctx)}
		for _, sec := range g.Sections {
			items = append(items, menuItem{ID: sec.ID, Title: sec.Title, Summary: sec.Summary})
		}
		items = append(items,
			menuItem{ID: myQuestionsID, Title: t.MyQuestions, Summary: t.Home.MyQuestionsSummary},
			menuItem{ID: glossaryID, Title: t.WordList, Summary: t.Home.WordListSummary})
		if ctx.Opts.Finish {
			items = append(items, menuItem{ID: finishID, Title: t.Home.Finish, Summary: t.Home.FinishSummary})
		}
		s.list = s.list.withItems(items)
	}
	s.open = func(it menuItem) tea.Cmd {
		switch it.ID {
		case walkID:
			return openWalk(ctx)
		case situationID:
			return openSituation(ctx)
		case myQuestionsID:
			return ctx.push(newMine(ctx))
		case glossaryID:
			return ctx.push(newWords(ctx))
		case finishID:
			return func() tea.Msg { return finishMsg{} }
		}
		if sec, ok := g.Section(it.ID); ok {
			return ctx.push(newSection(ctx, sec))
		}
		return nil
	}
	s.refresh(s)
	return s
}

// newSection lists a section's pages.
func newSection(ctx *Context, sec *guide.Section) *menuScreen {
	items := make([]menuItem, 0, len(sec.Pages))
	for _, p := range sec.Pages {
		items = append(items, menuItem{ID: p.ID, Title: p.Title, Summary: p.Summary})
	}
	return &menuScreen{ctx: ctx, crumbs: []string{sec.Title},
		list: listScreen{ID: sec.ID, Intro: sec.Summary, Menu: menu{items: items}},
		open: func(it menuItem) tea.Cmd { return ctx.push(newPage(ctx, it.ID)) }}
}

// quitScreen asks before quitting with questions that are not printed or
// saved: print or save them first, quit anyway, or stay.
type quitScreen struct{ *menuScreen }

const (
	saveFirstID = "\x00savefirst"
	quitID      = "\x00quit"
	stayID      = "\x00stay"
)

func newQuit(ctx *Context) *quitScreen {
	t := ctx.Text.Quit
	items := []menuItem{
		{ID: saveFirstID, Title: t.SaveFirst, Summary: t.SaveSummary},
		{ID: quitID, Title: t.Anyway, Summary: t.AnywaySummary},
		{ID: stayID, Title: t.Stay, Summary: t.StaySummary},
	}
	s := &menuScreen{ctx: ctx, crumbs: []string{t.Crumb},
		list: listScreen{Intro: t.Intro(ctx.Session.List.Len()), Menu: menu{items: items}}}
	s.open = func(it menuItem) tea.Cmd {
		switch it.ID {
		case saveFirstID:
			return ctx.send(replaceMsg{newMine(ctx)}, pushMsg{newPrint(ctx)})
		case quitID:
			return tea.Quit
		}
		return ctx.back()
	}
	return &quitScreen{s}
}

// Cursor is on the selected row.
func (s *menuScreen) Cursor() *tea.Cursor { return s.list.cursorAt(s.ctx, 0) }
