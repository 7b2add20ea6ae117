package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

const startOverID = "\x00startover"

func situationItem(ctx *Context) menuItem {
	t := ctx.Text.Situation
	return menuItem{ID: situationID, Title: t.Title, Summary: t.Summary + t.Privacy}
}

// openSituation shows the form at its first unanswered question, or the
// path when every question is answered. The answers live only in the
// session: never written, logged or sent.
func openSituation(ctx *Context) tea.Cmd {
	qs := ctx.Guide.Paths.Situation
	if len(qs) == 0 {
		return nil
	}
	if i := ctx.Guide.NextQuestion(ctx.Session.Answers); i < len(qs) {
		return ctx.push(newForm(ctx, i))
	}
	// Answers left while the form asked again still do not fit together:
	// ask again rather than build a path from them.
	if cs := conflicts(ctx); len(cs) > 0 {
		f := newForm(ctx, ctx.Guide.Adjacent(len(qs), -1, ctx.Session.Answers))
		return ctx.send(pushMsg{f}, pushMsg{newCheck(ctx, f, cs[0])})
	}
	return ctx.push(newPath(ctx))
}

// conflicts are the clashes among the answers that count.
func conflicts(ctx *Context) []guide.Conflict {
	return ctx.Guide.Conflicts(ctx.Guide.Effective(ctx.Session.Answers))
}

// formScreen asks one question of "My situation" at a time: those whose
// when: rule the earlier answers fit, with the answers it offers them. A
// question with many answers has a box per answer: space ticks, enter
// goes on.
type formScreen struct {
	ctx   *Context
	index int
	list  listScreen
	// fixing is set while the reader changes one answer that clashed with
	// another: answering it goes back to the check, not on to the next.
	fixing bool
	// filling is set once a changed answer opened questions not answered
	// yet: the form then asks only those.
	filling bool
	// ticked are the answers ticked on a question with many answers.
	ticked map[string]bool
}

var _ Screen = (*formScreen)(nil)

func newForm(ctx *Context, i int) *formScreen {
	s := &formScreen{ctx: ctx, index: i}
	s.load()
	return s
}

// load shows the current question with its answers, the cursor on the
// answer given before, if any.
func (s *formScreen) load() {
	g := s.ctx.Guide
	q := g.Paths.Situation[s.index]
	offered := g.Offered(s.index, s.ctx.Session.Answers)
	items := make([]menuItem, len(offered))
	given := guide.Picks(s.ctx.Session.Answers[q.ID])
	if q.Many {
		s.ticked = map[string]bool{}
		for _, id := range given {
			s.ticked[id] = true
		}
	}
	// No answer is chosen for the reader: the cursor starts on "I don't
	// know" (unless they answered before), so enter alone never claims a
	// stage or a spread they did not say. On a question with many
	// answers, nothing is ticked for them and the cursor starts on top.
	cursor, answered := 0, false
	for i, a := range offered {
		items[i] = menuItem{ID: a.ID, Title: a.Label, Summary: s.ctx.Text.Situation.Privacy}
		if q.Many {
			items[i].Mark = boxUnticked
			if s.ticked[a.ID] {
				items[i].Mark = boxTicked
			}
			continue
		}
		if len(given) > 0 && given[0] == a.ID {
			cursor, answered = i, true
		}
		if a.ID == guide.Unsure && !answered {
			cursor = i
		}
	}
	n, of := g.FormPlace(s.index, s.ctx.Session.Answers)
	intro := s.ctx.Text.Situation.Question(n, of, q.Ask)
	if q.Many {
		intro += "\n" + s.ctx.Text.Situation.ManyKeys
	}
	if s.list.ID == q.ID && s.list.Menu.cursor < len(items) {
		cursor = s.list.Menu.cursor // a tick keeps the cursor where it was
	}
	s.list = listScreen{ID: q.ID, Intro: intro, Menu: menu{items: items, cursor: cursor}}
}

// many reports whether the current question takes many answers.
func (s *formScreen) many() bool { return s.ctx.Guide.Paths.Situation[s.index].Many }

// toggle ticks or unticks the selected answer of a question with many.
func (s *formScreen) toggle() {
	if it, ok := s.list.Menu.selected(); ok {
		s.ticked[it.ID] = !s.ticked[it.ID]
		s.ctx.Session.Answers[s.ctx.Guide.Paths.Situation[s.index].ID] = s.tickedValue()
		s.load()
		s.Show()
	}
}

// tickedValue is the ticked answers' ids, in the question's order.
func (s *formScreen) tickedValue() string {
	var ids []string
	for _, it := range s.list.Menu.items {
		if s.ticked[it.ID] {
			ids = append(ids, it.ID)
		}
	}
	return strings.Join(ids, ",")
}

// listCtx gives the list keys without space on a question with many
// answers, where space ticks.
func (s *formScreen) listCtx() *Context {
	if !s.many() {
		return s.ctx
	}
	c := *s.ctx
	c.Keys.PageDown = minus(c.Keys.PageDown, "space")
	return &c
}

// Show keeps the cursor in view.
func (s *formScreen) Show() tea.Cmd {
	_, _, rows, _ := s.list.layout(s.ctx)
	s.list.Menu = s.list.Menu.clamp(rows)
	return nil
}

// Update: enter answers and moves on; back goes to the previous question.
func (s *formScreen) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	prev := s.ctx.Guide.Adjacent(s.index, -1, s.ctx.Session.Answers)
	switch {
	case s.many() && key.Matches(kp, s.ctx.Keys.Toggle):
		s.toggle()
		return nil
	case key.Matches(kp, s.ctx.Keys.Open):
		return s.answer()
	case s.fixing && key.Matches(kp, s.ctx.Keys.Back):
		return s.finish()
	case prev >= 0 && key.Matches(kp, s.ctx.Keys.Back):
		s.index, s.filling = prev, false
		s.load()
		return nil
	}
	s.list = s.list.Update(kp, s.listCtx())
	return nil
}

// answer records the selected answer; after the last question the path
// replaces the form.
func (s *formScreen) answer() tea.Cmd {
	g := s.ctx.Guide
	qs := g.Paths.Situation
	if s.many() {
		s.ctx.Session.Answers[qs[s.index].ID] = s.tickedValue()
	} else {
		it, ok := s.list.Menu.selected()
		if !ok {
			return nil
		}
		s.ctx.Session.Answers[qs[s.index].ID] = it.ID
	}
	next := g.Adjacent(s.index, 1, s.ctx.Session.Answers)
	if s.filling {
		next = g.NextQuestion(s.ctx.Session.Answers)
	}
	if !s.fixing && next < len(qs) {
		s.index = next
		s.load()
		return nil
	}
	return s.finish()
}

// finish builds the path from the answers, unless a changed answer opened
// a question not answered yet (the form asks it), or two answers cannot
// both be true: then it asks which is right.
func (s *formScreen) finish() tea.Cmd {
	if next := s.ctx.Guide.NextQuestion(s.ctx.Session.Answers); next < len(s.ctx.Guide.Paths.Situation) {
		s.index, s.fixing, s.filling = next, false, true
		s.load()
		return nil
	}
	s.filling = false
	if cs := conflicts(s.ctx); len(cs) > 0 {
		return s.ctx.push(newCheck(s.ctx, s, cs[0]))
	}
	return s.ctx.replace(newPath(s.ctx))
}

// newCheck shows a conflict's message over the form, with a choice to
// change either answer; choosing one goes back to the form at that
// question. Back returns to the form as it was.
func newCheck(ctx *Context, f *formScreen, c guide.Conflict) *menuScreen {
	qs := ctx.Guide.Paths.Situation
	t := ctx.Text.Situation
	var items []menuItem
	for _, id := range c.Questions {
		for _, q := range qs {
			if q.ID != id {
				continue
			}
			label := q.AnswerLabel(ctx.Session.Answers[q.ID])
			items = append(items, menuItem{ID: q.ID, Title: t.Change(q.Ask, label), Summary: t.Privacy})
		}
	}
	s := &menuScreen{ctx: ctx, crumbs: []string{ctx.Text.MySituation, t.Check},
		list: listScreen{Intro: c.Message, Menu: menu{items: items}}}
	s.open = func(it menuItem) tea.Cmd {
		for i, q := range qs {
			if q.ID == it.ID {
				f.index, f.fixing = i, true
				f.load()
			}
		}
		return ctx.back()
	}
	return s
}

// Bindings: answer, the list's keys, and back to the previous question.
func (s *formScreen) Bindings() []key.Binding {
	k := s.listCtx().Keys
	out := []key.Binding{k.Open}
	if s.many() {
		out = append(out, k.Toggle)
	}
	if s.fixing {
		out = append(out, key.NewBinding(key.WithKeys(k.Back.Keys()...), key.WithHelp(k.Back.Help().Key, s.ctx.Text.Situation.BackToCheck)))
	} else if s.ctx.Guide.Adjacent(s.index, -1, s.ctx.Session.Answers) >= 0 {
		out = append(out, key.NewBinding(key.WithKeys(k.Back.Keys()...), key.WithHelp(k.Back.Help().Key, s.ctx.Text.Keys.PreviousQuestion)))
	}
	return append(out, k.nav()...)
}

// Crumbs name the screen.
func (s *formScreen) Crumbs() []string { return []string{s.ctx.Text.MySituation} }

// Click answers with the row under a tap.
func (s *formScreen) Click(_, y int) tea.Cmd {
	var hit bool
	if s.list, hit = s.list.Click(y, s.listCtx()); hit {
		if s.many() {
			s.toggle()
			return nil
		}
		return s.answer()
	}
	return nil
}

// Scroll moves the cursor (mouse wheel).
func (s *formScreen) Scroll(delta int) { s.list = s.list.Scroll(delta, s.ctx) }

// View draws the question and its answers.
func (s *formScreen) View() string { return s.list.View(s.ctx) }

// newPath is the reader's own path: the pages the answers call for, in
// reading order, walkable with n and p, and "Start over". Building it
// pre-ticks the questions the answers call for.
func newPath(ctx *Context) *menuScreen {
	g := ctx.Guide
	path := g.PathFor(ctx.Session.Answers)
	ticked := 0
	for _, it := range checklist.PathItems(g, path) {
		if ctx.Session.List.Add(it) {
			ticked++
			ctx.Session.situationAdded = append(ctx.Session.situationAdded, it.ID)
		}
	}
	var steps []guide.Step
	var items []menuItem
	for _, pp := range path.Pages {
		steps = append(steps, guide.Step{Page: pp.ID, Label: pp.Title})
		why := pp.Why
		if why == "" {
			if p, ok := g.Page(pp.ID); ok {
				why = p.Summary
			}
		}
		items = append(items, menuItem{ID: pp.ID, Title: pp.Title, Summary: why})
	}
	t := ctx.Text.Situation
	items = append(items, menuItem{ID: startOverID, Title: t.StartOver, Summary: t.StartOverSummary})
	intro := t.PathIntro(len(steps))
	if ticked > 0 {
		intro += " " + t.PathTicked(ticked)
	}
	if len(path.Notes) > 0 {
		intro = strings.Join(path.Notes, "\n") + "\n\n" + intro
	}
	s := &menuScreen{ctx: ctx, crumbs: []string{ctx.Text.MySituation}, list: listScreen{Intro: intro, Menu: menu{items: items}}}
	s.open = func(it menuItem) tea.Cmd {
		if it.ID == startOverID {
			return startOver(ctx)
		}
		p := newPage(ctx, it.ID)
		p.walk = &walk{Steps: steps, Index: s.list.Menu.cursor}
		return ctx.push(p)
	}
	return s
}

const (
	removeAddedID = "\x00removeadded"
	keepAddedID   = "\x00keepadded"
)

// startOver clears the answers; when they put questions on the list that
// are still there, it first asks whether to remove those too.
func startOver(ctx *Context) tea.Cmd {
	var added []string
	for _, id := range ctx.Session.situationAdded {
		if ctx.Session.List.Has(id) {
			added = append(added, id)
		}
	}
	clear := func(remove bool) tea.Cmd {
		ctx.Session.Answers = map[string]string{}
		ctx.Session.situationAdded = nil
		msg := ctx.Text.Situation.Cleared
		if remove {
			for _, id := range added {
				ctx.Session.List.Remove(id)
			}
			msg += " " + ctx.Text.Plain.RemovedAdded(len(added))
		}
		return ctx.send(homeMsg{}, statusMsg(msg))
	}
	if len(added) == 0 {
		return clear(false)
	}
	t := ctx.Text.Plain
	ask := &menuScreen{ctx: ctx, crumbs: []string{ctx.Text.MySituation, ctx.Text.Situation.StartOver},
		list: listScreen{Intro: t.RemoveAdded(len(added)), Menu: menu{items: []menuItem{
			{ID: removeAddedID, Title: t.RemoveYes},
			{ID: keepAddedID, Title: t.RemoveNo},
		}}}}
	ask.open = func(it menuItem) tea.Cmd { return clear(it.ID == removeAddedID) }
	return ctx.push(ask)
}

// Cursor is on the selected answer.
func (s *formScreen) Cursor() *tea.Cursor { return s.list.cursorAt(s.ctx, 0) }
