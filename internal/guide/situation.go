package guide

import (
	"slices"
	"strings"
)

// Answers to the "My situation" form map a question id to the answer id
// given. A question with many answers holds its ids joined by commas
// ("tdxd,tdm1"), and "" when the reader ticked none.

// Picks splits an answer value into its answer ids.
func Picks(v string) []string {
	var out []string
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// Holds reports whether the rule fits the answers (an empty rule always
// does).
func (w When) Holds(answers map[string]string) bool {
	for q, ids := range w {
		v, ok := answers[q]
		if !ok {
			return false
		}
		hit := false
		for _, id := range Picks(v) {
			if slices.Contains(ids, id) {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// Effective returns the answers that count: those to questions whose when
// rule fits the earlier answers, keeping only answer ids the question has
// and whose own rule fits. A question with one answer keeps its first id.
// Answers to questions the form would not ask drop out, so a changed
// stage never leaves a stage 4 treatment behind.
func (g *Guide) Effective(answers map[string]string) map[string]string {
	eff := map[string]string{}
	for _, q := range g.Paths.Situation {
		v, ok := answers[q.ID]
		if !ok || !q.When.Holds(eff) {
			continue
		}
		var keep []string
		for _, id := range Picks(v) {
			for _, a := range q.Answers {
				if a.ID == id && a.When.Holds(eff) && !slices.Contains(keep, id) {
					keep = append(keep, id)
				}
			}
		}
		switch {
		case q.Many && len(keep) == 0 && strings.TrimSpace(v) == "":
			eff[q.ID] = ""
		case len(keep) == 0:
		case q.Many:
			eff[q.ID] = strings.Join(keep, ",")
		default:
			eff[q.ID] = keep[0]
		}
	}
	return eff
}

// Asks reports whether the form asks question i, given the answers.
func (g *Guide) Asks(i int, answers map[string]string) bool {
	qs := g.Paths.Situation
	return i >= 0 && i < len(qs) && qs[i].When.Holds(g.Effective(answers))
}

// Offered returns the answers of question i the form offers, given the
// answers to the questions before it.
func (g *Guide) Offered(i int, answers map[string]string) []Answer {
	eff := g.Effective(answers)
	var out []Answer
	for _, a := range g.Paths.Situation[i].Answers {
		if a.When.Holds(eff) {
			out = append(out, a)
		}
	}
	return out
}

// NextQuestion returns the index of the first question the form asks that
// has no answer that counts, or len(Situation) when every one has.
func (g *Guide) NextQuestion(answers map[string]string) int {
	eff := g.Effective(answers)
	for i, q := range g.Paths.Situation {
		if !q.When.Holds(eff) {
			continue
		}
		if _, ok := eff[q.ID]; !ok {
			return i
		}
	}
	return len(g.Paths.Situation)
}

// Adjacent returns the question the form asks after (step 1) or before
// (step -1) question i, or -1 before the first and len(Situation) after
// the last.
func (g *Guide) Adjacent(i, step int, answers map[string]string) int {
	eff := g.Effective(answers)
	qs := g.Paths.Situation
	for j := i + step; j >= 0 && j < len(qs); j += step {
		if qs[j].When.Holds(eff) {
			return j
		}
	}
	if step < 0 {
		return -1
	}
	return len(qs)
}

// PathPage is one page of a reader's own path.
type PathPage struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Why says in one line why the page is on this path.
	Why string `json:"why"`
}

// Path is what a reader's answers lead to: the pages in the order
// paths.yaml gives (the reader's own situation first, background last),
// the ids of the questions to pre-tick (no repeats) and the banners of the
// answers given.
type Path struct {
	Pages     []PathPage `json:"pages"`
	Questions []string   `json:"questions"`
	Notes     []string   `json:"notes,omitempty"`
}

// PathFor computes the reader's own path from the answers. The TUI,
// --plain and the path command all use it.
func (g *Guide) PathFor(answers map[string]string) Path {
	eff := g.Effective(answers)
	var path Path
	want := map[string]bool{}
	seen := map[string]bool{}
	addQ := func(refs []string) {
		for _, ref := range refs {
			if q, ok := g.Question(ref); ok {
				ref = q.ID
			}
			if !seen[ref] {
				seen[ref] = true
				path.Questions = append(path.Questions, ref)
			}
		}
	}
	for _, q := range g.Paths.Situation {
		v, ok := eff[q.ID]
		if !ok {
			continue
		}
		picks := Picks(v)
		for _, a := range q.Answers {
			if !slices.Contains(picks, a.ID) {
				continue
			}
			for _, p := range a.Pages {
				want[p] = true
			}
			addQ(a.Questions)
			if a.Note != "" && !slices.Contains(path.Notes, a.Note) {
				path.Notes = append(path.Notes, a.Note)
			}
			for _, also := range a.Also {
				if also.When.Holds(eff) {
					for _, p := range also.Pages {
						want[p] = true
					}
					addQ(also.Questions)
				}
			}
		}
	}
	placed := map[string]bool{}
	add := func(id, why string) {
		if p, ok := g.Page(id); ok && !placed[id] {
			placed[id] = true
			path.Pages = append(path.Pages, PathPage{ID: id, Title: p.Title, Why: why})
		}
	}
	for _, e := range g.Paths.Path {
		if want[e.Page] {
			add(e.Page, e.Why)
			addQ(e.Questions)
		}
	}
	for _, p := range g.Pages { // pages paths.yaml does not order, if any
		if want[p.ID] {
			add(p.ID, "")
		}
	}
	// The questions follow the pages, so the sheet too starts with the
	// reader's own situation; questions of pages not on the path go last.
	at := map[string]int{} // each question's first page on the path
	for i, pp := range path.Pages {
		if p, ok := g.Page(pp.ID); ok {
			for _, id := range p.QuestionIDs {
				if _, done := at[id]; !done {
					at[id] = i
				}
			}
		}
	}
	rank := func(id string) int {
		if i, ok := at[id]; ok {
			return i
		}
		return len(path.Pages)
	}
	slices.SortStableFunc(path.Questions, func(a, b string) int { return rank(a) - rank(b) })
	return path
}

// SituationPath returns the pages (in path order) and the question ids
// (no repeats) that the given answers lead to: the
// ids of PathFor.
func (g *Guide) SituationPath(answers map[string]string) (pages []string, questions []string) {
	p := g.PathFor(answers)
	for _, pp := range p.Pages {
		pages = append(pages, pp.ID)
	}
	return pages, p.Questions
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
		if !ok || !slices.ContainsFunc(Picks(a), func(id string) bool { return slices.Contains(ids, id) }) {
			return false
		}
	}
	return true
}

// FormPlace returns question i's number among the questions the form asks
// and how many it will ask, given the answers so far. A question whose rule
// waits on a question not answered yet (but still to be asked) counts as
// asked, so the count can only shrink as the reader answers.
func (g *Guide) FormPlace(i int, answers map[string]string) (n, of int) {
	eff := g.Effective(answers)
	maybe := map[string]bool{} // questions asked, or that may yet be
	for j, q := range g.Paths.Situation {
		possible := true
		for k, ids := range q.When {
			v, answered := eff[k]
			switch {
			case answered && !When(map[string][]string{k: ids}).Holds(map[string]string{k: v}):
				possible = false
			case !answered && !maybe[k]:
				possible = false
			}
		}
		if !possible {
			continue
		}
		maybe[q.ID] = true
		of++
		if j <= i {
			n++
		}
	}
	return n, of
}

// AnswerLabel is the label of the answer given (v, answer ids joined by
// commas), the labels joined by "; " for several.
func (q Question) AnswerLabel(v string) string {
	var labels []string
	for _, id := range Picks(v) {
		for _, a := range q.Answers {
			if a.ID == id {
				labels = append(labels, a.Label)
			}
		}
	}
	return strings.Join(labels, "; ")
}
