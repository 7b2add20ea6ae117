package guide

import "slices"

// SituationPath returns the pages (in reading order) and the question
// references ("page#n", in answer order, no repeats) that the given answers
// lead to. answers maps a situation question id to an answer id; questions
// left out add nothing.
func (g *Guide) SituationPath(answers map[string]string) (pages []string, questions []string) {
	want := map[string]bool{}
	seen := map[string]bool{}
	for _, q := range g.Paths.Situation {
		for _, a := range q.Answers {
			if answers[q.ID] != a.ID {
				continue
			}
			for _, p := range a.Pages {
				want[p] = true
			}
			for _, ref := range a.Questions {
				if !seen[ref] {
					seen[ref] = true
					questions = append(questions, ref)
				}
			}
		}
	}
	for _, p := range g.Pages {
		if want[p.ID] {
			pages = append(pages, p.ID)
		}
	}
	return pages, questions
}

// Conflicts returns the conflicts the answers fall into, in the order
// paths.yaml lists them: each names answers that cannot both be true.
// Questions not yet answered clash with nothing.
func (g *Guide) Conflicts(answers map[string]string) []Conflict {
	var out []Conflict
	for _, c := range g.Paths.Conflicts {
		if clashes(c, answers) {
			out = append(out, c)
		}
	}
	return out
}

func clashes(c Conflict, answers map[string]string) bool {
	if len(c.Answers) == 0 {
		return false
	}
	for q, ids := range c.Answers {
		a, ok := answers[q]
		if !ok || !slices.Contains(ids, a) {
			return false
		}
	}
	return true
}
