package plain

import (
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// walkTitle names the home menu's first entry: start the guided walk, or
// go on from the step where the reader left it.
func (s *session) walkTitle() string {
	steps := s.g.Paths.Walkthrough
	if r := s.walkAt; r > 0 && r < len(steps) {
		return s.text.Home.WalkResume(r+1, len(steps))
	}
	return s.text.Home.WalkStart
}

// mainWalk is "Start here": the guided walkthrough, from the step the
// reader left it on. Finishing it starts the next walk from the top.
func (s *session) mainWalk() error {
	steps := s.g.Paths.Walkthrough
	if len(steps) == 0 {
		s.say(s.t.NothingToChoose)
		return nil
	}
	at := s.walkAt
	if at >= len(steps) {
		at = 0
	}
	at, err := s.walk(steps, at, s.t.WalkHome)
	if at >= len(steps) {
		at = 0
	}
	s.walkAt = at
	return err
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
// (named by back). Past the last step comes My questions. It returns the
// step the reader left on, or len(steps) when they finished.
func (s *session) walk(steps []guide.Step, at int, back string) (int, error) {
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
