package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// The answers to the walk's first question.
const (
	walkEarly     = "\x00early"
	walkSpread    = "\x00spread"
	walkUnsure    = "\x00unsure"
	walkEverySt   = "\x00every"
	walkSituation = "\x00situation"
	readyPrint    = "\x00print"
	readyList     = "\x00list"
	readyVisit    = "\x00visit"
	readyHome     = "\x00home"
	// visitPageID is the page on getting ready for a visit.
	visitPageID = guide.VisitPage
)

// openWalk resumes the reader's walkthrough, or starts one by asking
// whether the cancer has spread.
func openWalk(ctx *Context) tea.Cmd {
	if len(ctx.Guide.Paths.Walkthrough) == 0 {
		return nil
	}
	if steps := ctx.Session.Walk; len(steps) > 0 && ctx.Session.WalkResume > 0 && ctx.Session.WalkResume < len(steps) {
		return ctx.push(walkPage(ctx, steps, ctx.Session.WalkResume))
	}
	return ctx.push(newWalkAsk(ctx))
}

func walkPage(ctx *Context, steps []guide.Step, at int) *pageScreen {
	p := newPage(ctx, steps[at].Page)
	p.walk = &walk{Steps: steps, Index: at, Main: true}
	return p
}

// newWalkAsk asks, privately and skippably, whether the cancer has spread,
// so that the walk fits the reader: early-stage readers skip the pages for
// spread cancer unless they ask for every step; "I don't know" also leads
// to getting ready for a visit; or "My situation" instead.
func newWalkAsk(ctx *Context) *menuScreen {
	t := ctx.Text.Walk
	items := []menuItem{
		{ID: walkEarly, Title: t.Early, Summary: t.EarlySummary},
		{ID: walkSpread, Title: t.Spread, Summary: t.SpreadSummary},
		{ID: walkUnsure, Title: t.Unsure, Summary: t.UnsureSummary},
		{ID: walkEverySt, Title: t.Every, Summary: t.EverySummary},
		{ID: walkSituation, Title: t.Situation, Summary: t.SituationSummary},
	}
	s := &menuScreen{ctx: ctx, crumbs: []string{t.Crumb}, list: listScreen{Intro: t.Ask, Menu: menu{items: items}}}
	s.open = func(it menuItem) tea.Cmd {
		if it.ID == walkSituation {
			ctx.send(backMsg{})
			return openSituation(ctx)
		}
		steps := walkSteps(ctx.Guide, it.ID)
		ctx.Session.Walk, ctx.Session.WalkResume = steps, 0
		return ctx.replace(walkPage(ctx, steps, 0))
	}
	return s
}

// walkSteps are the walkthrough's steps for an answer (guide.FitWalk).
func walkSteps(g *guide.Guide, answer string) []guide.Step {
	switch answer {
	case walkEarly:
		return g.FitWalk(guide.FitEarly)
	case walkUnsure:
		return g.FitWalk(guide.FitUnsure)
	}
	return g.FitWalk(guide.FitEvery)
}

// newReady ends the walk: the questions of its last page start the list,
// as the walk promised, and the reader is offered to print or save the
// list, look at it, get ready for the visit, or go back to the start.
func newReady(ctx *Context, lastPage string) *menuScreen {
	t := ctx.Text.Walk
	added, title := 0, ""
	if p, ok := ctx.Guide.Page(lastPage); ok {
		title = p.Title
		for _, it := range checklist.Suggested(p) {
			if !ctx.Session.List.Has(it.ID) {
				ctx.Session.List.Toggle(it)
				added++
			}
		}
	}
	items := []menuItem{
		{ID: readyPrint, Title: t.ReadyPrint, Summary: t.ReadyPrintSummary},
		{ID: readyList, Title: t.ReadyList, Summary: t.ReadyListSummary},
	}
	if v, ok := ctx.Guide.Page(visitPageID); ok {
		items = append(items, menuItem{ID: readyVisit, Title: v.Title, Summary: v.Summary})
	}
	items = append(items, menuItem{ID: readyHome, Title: t.ReadyHome, Summary: t.ReadyHomeSummary})
	s := &menuScreen{ctx: ctx, crumbs: []string{t.Crumb, t.ReadyCrumb},
		list: listScreen{Intro: t.ReadyIntro(ctx.Session.List.Len(), added, title), Menu: menu{items: items}}}
	s.open = func(it menuItem) tea.Cmd {
		switch it.ID {
		case readyPrint:
			return ctx.send(pushMsg{newMine(ctx)}, pushMsg{newPrint(ctx)})
		case readyList:
			return ctx.push(newMine(ctx))
		case readyVisit:
			return ctx.push(newPage(ctx, visitPageID))
		}
		return ctx.send(homeMsg{})
	}
	return s
}
