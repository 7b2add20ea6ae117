package plain

import (
	"slices"
	"strconv"
	"strings"

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
	// From the first question the form asks that has no answer; with
	// every one answered but two answers that cannot both be true, from
	// the check.
	from := s.g.NextQuestion(s.answers)
	if from < len(qs) || len(s.conflicts()) > 0 {
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

// conflicts are the clashes among the answers that count.
func (s *session) conflicts() []guide.Conflict {
	return s.g.Conflicts(s.g.Effective(s.answers))
}

// form asks the questions from number i on, each with its numbered
// answers and none chosen for the reader, skipping those whose when: rule
// the answers so far do not fit, and offering only the answers whose rule
// they fit. A question with many answers takes several numbers (or none).
// b goes back a question, or leaves the form from the first. It reports
// whether every question got an answer. Before it adds anything, it checks
// that no two answers clash (as paths.yaml's conflicts say) and, if two
// do, asks which is right and that question again.
func (s *session) form(i int) (done bool, err error) {
	qs := s.g.Paths.Situation
	// fixing is set while one clashing answer is changed: its answer (or
	// b) goes back to the check, not on through the form.
	fixing := false
	// filling is set once a changed answer opened questions not yet
	// answered: the form then asks only those.
	filling := false
	for {
		if i < len(qs) && !s.g.Asks(i, s.answers) {
			i = s.g.Adjacent(i, 1, s.answers)
		}
		for i < len(qs) {
			q := qs[i]
			offered := s.g.Offered(i, s.answers)
			first := s.g.Adjacent(i, -1, s.answers) < 0
			s.say("")
			n, of := s.g.FormPlace(i, s.answers)
			s.say(s.text.Situation.Question(n, of, q.Ask))
			for j, a := range offered {
				s.item(j+1, a.Label)
			}
			var val string
			var back bool
			if q.Many {
				val, back, err = s.chooseMany(offered)
			} else {
				prompt := s.t.PromptAnswer
				if first || fixing {
					prompt = s.t.PromptMenu
				}
				var k int
				k, _, err = s.choose(len(offered), prompt, "b")
				back = k == 0
				if !back {
					val = offered[k-1].ID
				}
			}
			if err != nil {
				return false, err
			}
			switch {
			case back && fixing:
				i = len(qs)
			case back && first:
				return false, nil
			case back:
				i, filling = s.g.Adjacent(i, -1, s.answers), false
			case fixing:
				s.answers[q.ID] = val
				i = len(qs)
			case filling:
				s.answers[q.ID] = val
				i = s.g.NextQuestion(s.answers)
			default:
				s.answers[q.ID] = val
				i = s.g.Adjacent(i, 1, s.answers)
			}
		}
		// A changed answer can open a question not answered yet.
		if next := s.g.NextQuestion(s.answers); next < len(qs) {
			i, fixing, filling = next, false, true
			continue
		}
		filling = false
		cs := s.conflicts()
		if len(cs) == 0 {
			break
		}
		j, err := s.check(cs[0])
		if err != nil {
			return false, err
		}
		if j < 0 { // b: back to the last question
			i, fixing = s.g.Adjacent(len(qs), -1, s.answers), false
			continue
		}
		i, fixing = j, true
	}
	s.preTick()
	return true, nil
}

// chooseMany reads the numbers of every answer that fits, separated by
// commas or spaces; Enter alone ticks none. It returns the answer ids
// joined by commas, or back for b.
func (s *session) chooseMany(offered []guide.Answer) (val string, back bool, err error) {
	for {
		text, err := s.read(s.text.Situation.ManyPrompt)
		if err != nil {
			return "", false, err
		}
		low := strings.ToLower(strings.TrimSpace(text))
		if isQuit(low) {
			if ok, err := s.confirmQuit(); err != nil || ok {
				return "", false, cmpErr(err)
			}
			continue
		}
		if low == "b" {
			return "", true, nil
		}
		var ids []string
		ok := true
		for _, f := range strings.FieldsFunc(low, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			k, err := strconv.Atoi(f)
			if err != nil || k < 1 || k > len(offered) {
				ok = false
				break
			}
			if id := offered[k-1].ID; !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		if ok {
			return strings.Join(ids, ","), false, nil
		}
		s.say(s.text.Situation.ManyAgain(len(offered)))
	}
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
			label := q.AnswerLabel(s.answers[q.ID])
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
	for _, it := range checklist.PathItems(s.g, s.g.PathFor(s.answers)) {
		if s.list.Add(it) {
			s.added = append(s.added, it)
		}
	}
}

// path shows the reader's own path: the questions the answers added, the
// pages in reading order (each opens a walk through the path from there),
// a walk from the first, and "Start over".
func (s *session) path() error {
	for {
		path := s.g.PathFor(s.answers)
		var steps []guide.Step
		for _, pp := range path.Pages {
			steps = append(steps, guide.Step{Page: pp.ID, Label: pp.Title})
		}
		s.say("")
		s.say(s.text.MySituation)
		for _, n := range path.Notes {
			s.say(n)
		}
		if added := s.stillAdded(); len(added) > 0 {
			s.say(s.t.PathAdded)
			for _, it := range added {
				s.note("- " + it.Text)
			}
		}
		s.say(s.t.PathIntro(len(steps)))
		for i, pp := range path.Pages {
			s.item(i+1, pp.Title)
			if pp.Why != "" {
				s.note(pp.Why)
			}
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
			done, err := s.form(s.g.NextQuestion(s.answers))
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
