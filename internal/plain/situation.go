package plain

import (
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// situation is "My situation": the private form, one question at a time,
// then the reader's own path. The answers live only in this session:
// never written, logged or sent.
func (s *session) situation() error {
	qs := s.g.Paths.Situation
	if len(qs) == 0 {
		s.say(s.t.NothingToChoose)
		return nil
	}
	// From the first unanswered question; with every question answered
	// but two answers that cannot both be true, from the check.
	from := len(qs)
	for i, q := range qs {
		if _, ok := s.answers[q.ID]; !ok {
			from = i
			break
		}
	}
	if from < len(qs) || len(s.g.Conflicts(s.answers)) > 0 {
		s.say("")
		s.say(s.text.MySituation)
		s.say(s.text.Situation.Privacy)
		done, err := s.form(from)
		if err != nil || !done {
			return err
		}
	}
	return s.path()
}

// form asks the questions from number i on, each with its numbered
// answers and none chosen for the reader. b goes back a question, or
// leaves the form from the first. It reports whether every question got
// an answer. Before it adds anything, it checks that no two answers clash
// (as paths.yaml's conflicts say) and, if two do, asks which is right and
// that question again.
func (s *session) form(i int) (done bool, err error) {
	qs := s.g.Paths.Situation
	// fixing is set while one clashing answer is changed: its answer (or
	// b) goes back to the check, not on through the form.
	fixing := false
	for {
		for i < len(qs) {
			q := qs[i]
			s.say("")
			s.say(s.text.Situation.Question(i+1, len(qs), q.Ask))
			for j, a := range q.Answers {
				s.item(j+1, a.Label)
			}
			prompt := s.t.PromptAnswer
			if i == 0 || fixing {
				prompt = s.t.PromptMenu
			}
			k, _, err := s.choose(len(q.Answers), prompt, "b")
			if err != nil {
				return false, err
			}
			switch {
			case k == 0 && fixing:
				i = len(qs)
			case k == 0 && i == 0:
				return false, nil
			case k == 0:
				i--
			case fixing:
				s.answers[q.ID] = q.Answers[k-1].ID
				i = len(qs)
			default:
				s.answers[q.ID] = q.Answers[k-1].ID
				i++
			}
		}
		cs := s.g.Conflicts(s.answers)
		if len(cs) == 0 {
			break
		}
		j, err := s.check(cs[0])
		if err != nil {
			return false, err
		}
		if j < 0 { // b: back to the last question
			i, fixing = len(qs)-1, false
			continue
		}
		i, fixing = j, true
	}
	s.preTick()
	return true, nil
}

// check shows a conflict's message and a choice to change either answer.
// It returns the index of the question to ask again, or -1 for b.
func (s *session) check(c guide.Conflict) (int, error) {
	qs := s.g.Paths.Situation
	t := s.text.Situation
	var which []int
	s.say("")
	s.say(t.Check)
	s.say(c.Message)
	for _, id := range c.Questions {
		for i, q := range qs {
			if q.ID != id {
				continue
			}
			label := ""
			for _, a := range q.Answers {
				if a.ID == s.answers[q.ID] {
					label = a.Label
				}
			}
			which = append(which, i)
			s.item(len(which), t.Change(q.Ask, label))
		}
	}
	k, _, err := s.choose(len(which), s.t.PromptMenu, "b")
	if err != nil || k == 0 {
		return -1, err
	}
	return which[k-1], nil
}

// preTick adds the questions the answers call for to the list, and
// remembers the ones it added so "Start over" can offer to take them off.
func (s *session) preTick() {
	_, refs := s.g.SituationPath(s.answers)
	for _, ref := range refs {
		id, n, ok := guide.ParseQuestionRef(ref)
		if !ok {
			continue
		}
		p, ok := s.g.Page(id)
		if !ok || n > len(p.Questions) {
			continue
		}
		it := checklist.Suggested(p)[n-1]
		if !s.list.Has(it.ID) && s.list.Toggle(it) {
			s.added = append(s.added, it)
		}
	}
}

// path shows the reader's own path: the questions the answers added, the
// pages in reading order (each opens a walk through the path from there),
// a walk from the first, and "Start over".
func (s *session) path() error {
	for {
		ids, _ := s.g.SituationPath(s.answers)
		var steps []guide.Step
		for _, id := range ids {
			if p, ok := s.g.Page(id); ok {
				steps = append(steps, guide.Step{Page: p.ID, Label: p.Title})
			}
		}
		s.say("")
		s.say(s.text.MySituation)
		if added := s.stillAdded(); len(added) > 0 {
			s.say(s.t.PathAdded)
			for _, it := range added {
				s.note("- " + it.Text)
			}
		}
		s.say(s.t.PathIntro(len(steps)))
		for i, st := range steps {
			s.item(i+1, st.Label)
		}
		n := len(steps)
		s.item(n+1, s.t.PathWalk)
		s.item(n+2, s.text.Situation.StartOver)
		k, _, err := s.choose(n+2, s.t.PromptMenu, "b")
		switch {
		case err != nil || k == 0:
			return err
		case k <= n+1 && n > 0:
			from := 0
			if k <= n {
				from = k - 1
			}
			_, err = s.walk(steps, from, s.t.WalkToPath, nil)
		case k == n+2:
			if err := s.startOver(); err != nil {
				return err
			}
			done, err := s.form(0)
			if err != nil || !done {
				return err
			}
		}
		if err != nil {
			return err
		}
	}
}

// stillAdded are the questions the answers added that are still on the
// list, in the order they were added.
func (s *session) stillAdded() []checklist.Item {
	var out []checklist.Item
	for _, it := range s.added {
		if s.list.Has(it.ID) {
			out = append(out, it)
		}
	}
	return out
}

// startOver clears the answers and offers to take the questions they
// added off the list.
func (s *session) startOver() error {
	if added := s.stillAdded(); len(added) > 0 {
		s.say("")
		s.say(s.t.RemoveAdded(len(added)))
		s.item(1, s.t.RemoveYes)
		s.item(2, s.t.RemoveNo)
		k, _, err := s.choose(2, s.t.PromptHome)
		if err != nil {
			return err
		}
		if k == 1 {
			for _, it := range added {
				s.list.Remove(it.ID)
			}
			s.say(s.t.RemovedAdded(len(added)))
		}
	}
	s.answers = map[string]string{}
	s.added = nil
	s.say(s.text.Situation.Cleared)
	return nil
}
