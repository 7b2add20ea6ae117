package guide

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
