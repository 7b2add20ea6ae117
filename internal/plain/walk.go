package plain

import (
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// walkTitle names the home menu's first entry: start the guided walk, or
// go on from the step where the reader left it.
func (s *session) walkTitle() string {
	if r := s.walkAt; r > 0 && r < len(s.walkSteps) {
		return s.text.Home.WalkResume(r+1, len(s.walkSteps))
	}
	return s.text.Home.WalkStart
}

// Answers to the walk's first question, numbered as the TUI lists them.
const (
	askEarly = iota + 1
	askSpread
	askUnsure
	askEvery
	askSituation
)

// visitPage is the page on getting ready for a visit.
const visitPage = guide.VisitPage

// mainWalk is "Start here": it resumes the walk where the reader left it,
// or asks first (privately, skippably) whether the cancer has spread, so
// that the walk fits the reader, and ends on "You're ready".
func (s *session) mainWalk() error {
	if len(s.g.Paths.Walkthrough) == 0 {
		s.say(s.t.NothingToChoose)
		return nil
	}
	if s.walkAt <= 0 || s.walkAt >= len(s.walkSteps) {
		t := s.text.Walk
		s.say("")
		s.say(t.Ask)
		for i, label := range []string{t.Early, t.Spread, t.Unsure, t.Every, t.Situation} {
			s.item(i+1, label)
		}
		k, _, err := s.choose(askSituation, s.t.PromptMenu, "b")
		switch {
		case err != nil || k == 0:
			return err
		case k == askSituation:
			return s.situation()
		}
		s.walkSteps, s.walkAt = fitSteps(s.g, k), 0
	}
	at, err := s.walk(s.walkSteps, s.walkAt, s.t.WalkHome, s.ready)
	if at >= len(s.walkSteps) {
		at = 0
	}
	s.walkAt = at
	return err
}

// fitSteps are the walkthrough's steps for an answer to the first
// question (guide.FitWalk, as the TUI's walk).
func fitSteps(g *guide.Guide, answer int) []guide.Step {
	switch answer {
	case askEarly:
		return g.FitWalk(guide.FitEarly)
	case askUnsure:
		return g.FitWalk(guide.FitUnsure)
	}
	return g.FitWalk(guide.FitEvery)
}

// ready ends the walk: the last page's questions start the list, as the
// walk promised, and the reader can print or save the list, look at it,
// read how to get ready for the visit, or go home.
func (s *session) ready(last *guide.Page) error {
	t := s.text.Walk
	added, title := 0, ""
	if last != nil {
		title = last.Title
		for _, it := range checklist.Suggested(last) {
			if !s.list.Has(it.ID) && s.list.Toggle(it) {
				added++
			}
		}
	}
	visit, hasVisit := s.g.Page(visitPage)
	for {
		s.say("")
		s.say(t.ReadyCrumb)
		s.say(t.ReadyIntro(s.list.Len(), added, title))
		items := []string{t.ReadyPrint, t.ReadyList}
		if hasVisit {
			items = append(items, visit.Title)
		}
		items = append(items, t.ReadyHome)
		for i, it := range items {
			s.item(i+1, it)
		}
		k, _, err := s.choose(len(items), s.t.PromptMenu, "b")
		var open error
		switch {
		case err != nil:
			return err
		case k == 0 || k == len(items):
			return nil
		case k == 1 && s.print != nil:
			open = s.printList()
		case k <= 2:
			open = s.mine()
		default:
			open = s.page(visit)
		}
		if open != nil {
			return open
		}
	}
}

// Step menu entries, numbered the same on every step.
const (
	stepNext = iota + 1
	stepPrev
	stepAdd
	stepBack
)

// walk shows steps one page at a time from step at, each page followed by
// a numbered menu: next, previous, add the page's questions, and back
// (named by back). Past the last step comes end, given the last page (nil
// if it is missing), or My questions when end is nil. It returns the step
// the reader left on, or len(steps) when they finished.
func (s *session) walk(steps []guide.Step, at int, back string, end func(last *guide.Page) error) (int, error) {
	for {
		st := steps[at]
		s.say("")
		s.say(s.text.Page.Step(at+1, len(steps), st.Label))
		p, ok := s.g.Page(st.Page)
		if ok {
			if _, err := s.readPage(p); err != nil {
				return at, err
			}
		} else {
			s.say(s.t.StepNotShown)
		}
		move, err := s.stepMenu(steps, at, p, back)
		if err != nil || move == 0 {
			return at, err
		}
		if at+move >= len(steps) {
			if end != nil {
				return len(steps), end(p)
			}
			s.say("")
			s.say(s.t.WalkEnd)
			return len(steps), s.mine()
		}
		at += move
	}
}

// stepMenu offers the step's choices until the reader moves: it returns
// 1 for the next step, -1 for the previous one, 0 to leave the walk.
func (s *session) stepMenu(steps []guide.Step, at int, p *guide.Page, back string) (int, error) {
	var qs []checklist.Item
	if p != nil {
		qs = checklist.Suggested(p)
	}
	for {
		s.say("")
		s.say(s.text.Page.Step(at+1, len(steps), steps[at].Label))
		if at+1 < len(steps) {
			s.item(stepNext, s.t.WalkNext(steps[at+1].Label))
		} else {
			s.item(stepNext, s.t.WalkFinish)
		}
		s.item(stepPrev, s.t.WalkPrev)
		s.item(stepAdd, s.t.WalkAdd(len(qs)))
		s.item(stepBack, back)
		k, word, err := s.choose(stepBack, s.t.PromptStep, "n", "p", "a", "b")
		if err != nil {
			return 0, err
		}
		switch {
		case k == stepNext || word == "n":
			return 1, nil
		case k == stepPrev || word == "p":
			if at == 0 {
				s.say(s.text.Page.FirstStep)
				continue
			}
			return -1, nil
		case k == stepAdd || word == "a":
			if len(qs) == 0 {
				s.say(s.t.WalkNoQs)
				continue
			}
			if err := s.pageQuestions(p); err != nil {
				return 0, err
			}
		default:
			return 0, nil
		}
	}
}
