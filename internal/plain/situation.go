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
	for i, q := range qs {
		if _, ok := s.answers[q.ID]; !ok {
			s.say("")
			s.say(s.text.MySituation)
			s.say(s.text.Situation.Privacy)
			done, err := s.form(i)
			if err != nil || !done {
				return err
			}
			break
		}
	}
	return s.path()
}

// form asks the questions from number i on, each with its numbered
// answers and none chosen for the reader. b goes back a question, or
// leaves the form from the first. It reports whether every question got
// an answer.
func (s *session) form(i int) (done bool, err error) {
	qs := s.g.Paths.Situation
	for i < len(qs) {
		q := qs[i]
		s.say("")
		s.say(s.text.Situation.Question(i+1, len(qs), q.Ask))
		for j, a := range q.Answers {
			s.item(j+1, a.Label)
		}
		prompt := s.t.PromptAnswer
		if i == 0 {
			prompt = s.t.PromptMenu
		}
		k, _, err := s.choose(len(q.Answers), prompt, "b")
		if err != nil {
			return false, err
		}
		if k == 0 {
			if i == 0 {
				return false, nil
			}
			i--
			continue
		}
		s.answers[q.ID] = q.Answers[k-1].ID
		i++
	}
	s.preTick()
	return true, nil
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
