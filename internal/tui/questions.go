package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// Checkbox marks: the tick is a character, so it does not rely on colour.
const (
	boxTicked   = "[x] "
	boxUnticked = "[ ] "
	markTop     = "* "
	markPlain   = "  "
)

// pickScreen shows a page's suggested questions with a checkbox each.
type pickScreen struct {
	ctx       *Context
	page      *guide.Page
	suggested []checklist.Item
	list      listScreen
}

var _ Screen = (*pickScreen)(nil)

func newPick(ctx *Context, p *guide.Page) *pickScreen {
	return &pickScreen{ctx: ctx, page: p, suggested: checklist.Suggested(p),
		list: listScreen{ID: p.ID, Intro: ctx.Text.Questions.PickIntro(p.Title), Reserve: 3}}
}

// Show ticks the boxes of the questions on the list.
func (s *pickScreen) Show() tea.Cmd {
	items := make([]menuItem, len(s.suggested))
	for i, it := range s.suggested {
		mark := boxUnticked
		if s.ctx.Session.List.Has(it.ID) {
			mark = boxTicked
		}
		items[i] = menuItem{ID: it.ID, Title: it.Text, Summary: it.Text, Mark: mark}
	}
	s.list = s.list.withItems(items)
	return nil
}

// toggle ticks or unticks the selected question.
func (s *pickScreen) toggle() {
	i := s.list.Menu.cursor
	if i >= 0 && i < len(s.suggested) {
		s.ctx.Session.List.Toggle(s.suggested[i])
		s.Show()
	}
}

// Update ticks with space, x or enter, and moves the cursor.
func (s *pickScreen) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(kp, s.tick()) {
		s.toggle()
		return nil
	}
	s.list = s.list.Update(kp, s.listCtx())
	return nil
}

// listCtx gives the list keys without space, which ticks here.
func (s *pickScreen) listCtx() *Context {
	c := *s.ctx
	c.Keys.PageDown = minus(c.Keys.PageDown, "space")
	return &c
}

// Bindings: tick, and the list's movement keys (space ticks here, so it
// does not page down).
func (s *pickScreen) Bindings() []key.Binding {
	return append([]key.Binding{s.tick()}, s.listCtx().Keys.nav()...)
}

// tick is space, x or enter.
func (s *pickScreen) tick() key.Binding {
	t := s.ctx.Keys.Toggle
	return key.NewBinding(key.WithKeys(append(t.Keys(), "enter")...), key.WithHelp(t.Help().Key, t.Help().Desc))
}

// Crumbs are the page's and "Questions".
func (s *pickScreen) Crumbs() []string {
	return pageCrumbs(s.ctx, s.page.ID, s.ctx.Text.Questions.Crumb)
}

// Click ticks or unticks the question under a tap.
func (s *pickScreen) Click(_, y int) tea.Cmd {
	var hit bool
	if s.list, hit = s.list.Click(y, s.listCtx()); hit {
		s.toggle()
	}
	return nil
}

// Scroll moves the cursor (mouse wheel).
func (s *pickScreen) Scroll(delta int) { s.list = s.list.Scroll(delta, s.listCtx()) }

// View draws the checklist.
func (s *pickScreen) View() string { return s.list.View(s.listCtx()) }

// mineScreen is "My questions": the patient's list in their order, the top
// questions starred.
type mineScreen struct {
	ctx  *Context
	list listScreen
	// removed is the question last removed, and where, for undo.
	removed *removedItem
}

type removedItem struct {
	item checklist.Item
	at   int
}

var _ Screen = (*mineScreen)(nil)

func newMine(ctx *Context) *mineScreen { return &mineScreen{ctx: ctx} }

// Show refreshes the list from the session.
func (s *mineScreen) Show() tea.Cmd {
	l := &s.ctx.Session.List
	t := s.ctx.Text.Questions
	all := l.Items()
	items := make([]menuItem, len(all))
	for i, it := range all {
		mark := markPlain
		if it.Top {
			mark = markTop
		}
		about := t.OwnQuestion
		if !it.Own {
			about = t.From(it.TopicTitle)
		}
		items[i] = menuItem{ID: it.ID, Title: it.Text, Summary: about + ": " + it.Text, Mark: mark}
	}
	s.list.Intro = t.MineIntro(l.Len())
	if l.Len() == 0 {
		s.list.Intro = t.MineEmpty
	}
	switch keep := s.ctx.Session.keep; {
	case !s.ctx.keepOffered():
	case keep.on:
		s.list.Intro += s.ctx.Text.Keep.Keeping
	case l.Len() > 0:
		s.list.Intro += s.ctx.Text.Keep.Offer
	}
	s.list = s.list.withItems(items)
	_, _, rows, _ := s.list.layout(s.ctx)
	s.list.Menu = s.list.Menu.clamp(rows)
	return nil
}

// Update moves, stars, removes, writes and prints questions.
func (s *mineScreen) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := s.ctx.Keys
	l := &s.ctx.Session.List
	it, has := s.list.Menu.selected()
	var cmd tea.Cmd
	switch {
	case key.Matches(kp, k.MoveUp) && has:
		l.Move(it.ID, -1)
		s.list.Menu.cursor--
	case key.Matches(kp, k.MoveDown) && has:
		l.Move(it.ID, 1)
		s.list.Menu.cursor++
	case key.Matches(kp, k.Remove) && has:
		own := s.own(it.ID)
		for i, q := range l.Items() {
			if q.ID == it.ID {
				s.removed = &removedItem{item: q, at: i}
			}
		}
		l.Remove(it.ID)
		if own {
			cmd = s.ctx.status(s.ctx.Text.Questions.RemovedOwn)
		} else {
			cmd = s.ctx.status(s.ctx.Text.Questions.Removed)
		}
	case s.removed != nil && key.Matches(kp, k.Undo):
		l.Restore(s.removed.item, s.removed.at)
		s.list.Menu.cursor = s.removed.at
		s.removed = nil
		cmd = s.ctx.status(s.ctx.Text.Questions.Undone)
	case key.Matches(kp, k.Important) && has:
		if err := l.SetTop(it.ID, it.Mark != markTop); err != nil {
			cmd = s.ctx.status(s.ctx.Text.Questions.TopLimit)
		}
	case key.Matches(kp, s.keepKey()):
		s.ctx.startKeeping()
	case key.Matches(kp, s.forgetKey()):
		cmd = s.ctx.forgetKept()
	case key.Matches(kp, k.NewQuestion):
		return s.ctx.push(newEditor(s.ctx, "", ""))
	case key.Matches(kp, k.EditQuestion) && has:
		for _, q := range l.Items() {
			if q.ID == it.ID && q.Own {
				return s.ctx.push(newEditor(s.ctx, q.ID, q.Text))
			}
		}
		return s.ctx.status(s.ctx.Text.Questions.OnlyOwnEdit)
	case key.Matches(kp, k.Print):
		if l.Len() == 0 {
			return s.ctx.status(s.ctx.Text.ListEmpty)
		}
		return s.ctx.push(newPrint(s.ctx))
	default:
		s.list = s.list.Update(kp, s.ctx)
		return nil
	}
	s.Show()
	return cmd
}

func (s *mineScreen) own(id string) bool {
	for _, q := range s.ctx.Session.List.Items() {
		if q.ID == id {
			return q.Own
		}
	}
	return false
}

// Bindings: the list's keys, and those that change it.
func (s *mineScreen) Bindings() []key.Binding {
	k := s.ctx.Keys
	out := []key.Binding{k.NewQuestion}
	if s.removed != nil {
		out = append(out, k.Undo)
	}
	if s.ctx.Session.List.Len() > 0 {
		print := k.Print
		if s.ctx.Opts.Print.Desk {
			print = key.NewBinding(key.WithKeys(k.Print.Keys()...), key.WithHelp(k.Print.Help().Key, s.ctx.Text.Keys.PrintOnly))
		}
		out = append(out, print, k.Important, k.Remove, k.MoveUp, k.MoveDown, k.EditQuestion)
	}
	for _, b := range []key.Binding{s.keepKey(), s.forgetKey()} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	if s.ctx.Session.List.Len() > 0 {
		out = append(out, k.nav()...)
	}
	return out
}

// keepKey is "keep my list on this computer": offered outside the kiosk
// while the list has questions and is not kept.
func (s *mineScreen) keepKey() key.Binding {
	b := s.ctx.Keys.Keep
	b.SetEnabled(s.ctx.keepOffered() && !s.ctx.Session.keep.on && s.ctx.Session.List.Len() > 0)
	return b
}

// forgetKey is "forget my list": offered while the list is kept or a file
// is there.
func (s *mineScreen) forgetKey() key.Binding {
	b := s.ctx.Keys.Forget
	k := s.ctx.Session.keep
	b.SetEnabled(s.ctx.keepOffered() && (k.on || k.file))
	return b
}

// Hides m: this is My questions.
func (s *mineScreen) Hides(b *key.Binding) bool {
	return b.Help().Desc == s.ctx.Keys.MyQuestions.Help().Desc
}

// Crumbs name the screen.
func (s *mineScreen) Crumbs() []string { return []string{s.ctx.Text.MyQuestions} }

// Click selects the question under a tap.
func (s *mineScreen) Click(_, y int) tea.Cmd {
	s.list, _ = s.list.Click(y, s.ctx)
	return nil
}

// Scroll moves the cursor (mouse wheel).
func (s *mineScreen) Scroll(delta int) { s.list = s.list.Scroll(delta, s.ctx) }

// View draws the list.
func (s *mineScreen) View() string { return s.list.View(s.ctx) }

// editorScreen is the text box for the patient's own question.
type editorScreen struct {
	ctx *Context
	// id is the question being edited, or "" for a new one.
	id   string
	area textarea.Model
}

var _ Screen = (*editorScreen)(nil)

func newEditor(ctx *Context, id, text string) *editorScreen {
	ta := textarea.New()
	ta.Placeholder = ctx.Text.Questions.Placeholder
	ta.SetStyles(editorStyles(ctx.Dark))
	ta.CharLimit = checklist.MaxOwnLength
	ta.KeyMap.Paste.SetEnabled(false) // no clipboard tools; see newField
	ta.KeyMap.CopySelection.SetEnabled(false)
	ta.ShowLineNumbers = false
	// The terminal's own cursor, not a drawn one: screen readers follow it,
	// and it does not need a blink timer.
	ta.SetVirtualCursor(false)
	ta.SetValue(text)
	ta.Focus()
	return &editorScreen{ctx: ctx, id: id, area: ta}
}

// editorStyles starts from Bubbles' styles for the terminal's background
// (New picks the dark ones, whose black cursor line hid typed text on a
// light terminal) and leaves the typed line and the prompt in the
// terminal's own colours, which are readable on any background.
func editorStyles(isDark bool) textarea.Styles {
	st := textarea.DefaultStyles(isDark)
	plain := lipgloss.NewStyle()
	state := textarea.StyleState{
		Base: plain, Text: plain, Prompt: plain, CursorLine: plain,
		LineNumber: plain, CursorLineNumber: plain, EndOfBuffer: plain,
		Placeholder: PlaceholderStyle(isDark),
		// A selection shows in reverse video, which needs no colour.
		Selection: plain.Reverse(true),
	}
	st.Focused, st.Blurred = state, state
	return st
}

// Show sizes the box.
func (s *editorScreen) Show() tea.Cmd {
	s.area.SetWidth(max(10, s.ctx.Width))
	s.area.SetHeight(max(1, min(6, s.ctx.Height-2)))
	return nil
}

// Typing is always true.
func (s *editorScreen) Typing() bool { return true }

// Update sends keys to the text box; only save and cancel are ours.
func (s *editorScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.ctx.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Cancel):
			return s.ctx.back()
		case key.Matches(msg, k.Save):
			l := &s.ctx.Session.List
			var err error
			if s.id == "" {
				_, err = l.AddOwn(s.area.Value())
			} else {
				err = l.EditOwn(s.id, s.area.Value())
			}
			if err != nil {
				return s.ctx.status(s.ctx.Text.Questions.Empty)
			}
			return s.ctx.back()
		}
	case tea.PasteMsg:
	default:
		return nil
	}
	var cmd tea.Cmd
	s.area, cmd = s.area.Update(msg)
	return cmd
}

// View is a one-line title above the text box.
func (s *editorScreen) View() string {
	title := s.ctx.Text.Questions.WriteTitle
	if s.id != "" {
		title = s.ctx.Text.Questions.EditTitle
	}
	return s.ctx.Styles.Title.Render(title) + "\n" + s.area.View()
}

// Bindings are save and cancel; every other key is typed.
func (s *editorScreen) Bindings() []key.Binding {
	return []key.Binding{s.ctx.Keys.Save, s.ctx.Keys.Cancel}
}

// Crumbs name the screen.
func (s *editorScreen) Crumbs() []string { return []string{s.ctx.Text.MyQuestions} }

// Cursor is the text box's cursor, below the title line.
func (s *editorScreen) Cursor() *tea.Cursor {
	c := s.area.Cursor()
	if c != nil {
		c.Y++
	}
	return c
}

// Cursor is on the selected question.
func (s *pickScreen) Cursor() *tea.Cursor { return s.list.cursorAt(s.listCtx(), 0) }

// Cursor is on the selected question.
func (s *mineScreen) Cursor() *tea.Cursor { return s.list.cursorAt(s.ctx, 0) }
