package guide

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/her2guide/her2guide/internal/safetext"
)

// validator checks the rules that span files: ids, references, dates.
type validator struct {
	c     *problems
	g     *Guide
	rules Rules
	docs  docs
	extra map[*Page]bool // the clinic pages, held to the clinic minimums
}

func (v *validator) sections(src Source) {
	file := display(src, "sections.yaml")
	lines := itemLines(v.docs, "sections.yaml")
	seen := map[string]bool{}
	kept := v.g.Sections[:0]
	for i, s := range v.g.Sections {
		line := lineAt(lines, i)
		if s == nil {
			v.c.add(file, line, "empty section entry")
			continue
		}
		s.Line = line
		for _, f := range []struct{ name, val string }{{"id", s.ID}, {"title", s.Title}, {"summary", s.Summary}} {
			if strings.TrimSpace(f.val) == "" {
				v.c.add(file, line, "section is missing required field %q", f.name)
			}
		}
		if s.ID != "" && !idPattern.MatchString(s.ID) {
			v.c.add(file, line, "section id %q must be lower-case letters, digits and single dashes", s.ID)
		}
		if seen[s.ID] {
			v.c.add(file, line, "duplicate section id %q", s.ID)
		}
		seen[s.ID] = true
		kept = append(kept, s)
	}
	v.g.Sections = kept
}

func (v *validator) terms(src Source) {
	first := map[string]*Term{}
	for _, t := range v.g.Terms {
		for _, f := range []struct{ name, val string }{{"id", t.ID}, {"term", t.Term}, {"definition", t.Definition}} {
			if strings.TrimSpace(f.val) == "" {
				v.c.add(t.File, t.Line, "glossary entry %q is missing required field %q", t.ID, f.name)
			}
		}
		if t.ID != "" && !idPattern.MatchString(t.ID) {
			v.c.add(t.File, t.Line, "glossary id %q must be lower-case letters, digits and single dashes", t.ID)
		}
		for _, text := range append([]string{t.Term, t.Say, t.Definition}, t.AKA...) {
			if !safetext.Safe(text) {
				v.c.add(t.File, t.Line, "glossary entry %q contains a control character, an escape sequence or a text direction mark", t.ID)
				break
			}
		}
		if prev, ok := first[t.ID]; ok {
			v.c.add(t.File, t.Line, "duplicate glossary id %q (first defined at %s:%d)", t.ID, prev.File, prev.Line)
			continue
		}
		first[t.ID] = t
	}
}

func (v *validator) pages() {
	sections := map[string]bool{}
	for _, s := range v.g.Sections {
		sections[s.ID] = true
	}
	terms := map[string]bool{}
	for _, t := range v.g.Terms {
		terms[t.ID] = true
	}
	ids := map[string]*Page{}
	orders := map[string]*Page{}
	for _, p := range v.g.Pages {
		if p.ID == "" {
			continue
		}
		if prev, ok := ids[p.ID]; ok {
			v.c.add(p.File, p.line("id"), "duplicate page id %q (also used by %s)", p.ID, prev.File)
			continue
		}
		ids[p.ID] = p
	}
	for _, p := range v.g.Pages {
		if p.Section != "" && !sections[p.Section] {
			v.c.add(p.File, p.line("section"), "unknown section %q (known: %s)", p.Section, strings.Join(v.sectionIDs(), ", "))
		}
		if p.Order > 0 && p.Section != "" {
			key := p.Section + "\x00" + strconv.Itoa(p.Order)
			if prev, ok := orders[key]; ok && prev != p {
				v.c.add(p.File, p.line("order"), "order %d is already used in section %q by %s", p.Order, p.Section, prev.File)
			}
			orders[key] = p
		}
		v.dates(p)
		v.lists(p)
		for i, id := range p.Related {
			switch {
			case id == p.ID:
				v.c.add(p.File, p.line(item("related", i)), "related lists the page itself (%q)", id)
			case ids[id] == nil:
				v.c.add(p.File, p.line(item("related", i)), "related page %q does not exist%s", id, suggestion(id, keys(ids)))
			}
		}
		for i, id := range p.Glossary {
			if !terms[id] {
				v.c.add(p.File, p.line(item("glossary", i)), "glossary term %q does not exist%s", id, suggestion(id, keys(terms)))
			}
		}
	}
}

func (v *validator) dates(p *Page) {
	if p.Reviewed.IsZero() || p.NextReview.IsZero() {
		return
	}
	if !v.rules.Now.IsZero() && p.Reviewed.After(v.rules.Now) {
		v.c.add(p.File, p.line("reviewed"), "reviewed date %s is in the future", p.Reviewed.Format("2006-01-02"))
	}
	if !p.NextReview.After(p.Reviewed) {
		v.c.add(p.File, p.line("next_review"), "next_review must be after reviewed")
	} else if v.rules.MaxReviewGap > 0 && p.NextReview.Sub(p.Reviewed) > v.rules.MaxReviewGap {
		v.c.add(p.File, p.line("next_review"), "next_review must be at most 12 months after reviewed")
	}
}

func (v *validator) lists(p *Page) {
	sources, questions := v.rules.MinSources, v.rules.MinQuestions
	if v.extra[p] {
		sources, questions = v.rules.ClinicMinSources, v.rules.ClinicMinQuestions
	}
	if len(p.Sources) < sources {
		v.c.add(p.File, p.line("sources"), "needs at least %s, has %d", plural(sources, "source"), len(p.Sources))
	}
	if len(p.Questions) < questions {
		v.c.add(p.File, p.line("questions"), "needs at least %s, has %d", plural(questions, "question"), len(p.Questions))
	}
	for _, key := range []string{"sources", "questions"} {
		list := p.Sources
		if key == "questions" {
			list = p.Questions
		}
		for i, s := range list {
			if strings.TrimSpace(s) == "" {
				v.c.add(p.File, p.line(item(key, i)), "%s item %d is empty", key, i+1)
			}
		}
	}
}

func (v *validator) sectionIDs() []string {
	out := make([]string, 0, len(v.g.Sections))
	for _, s := range v.g.Sections {
		out = append(out, s.ID)
	}
	return out
}

// plural is "1 source" or "2 sources".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func item(key string, i int) string { return key + "[" + strconv.Itoa(i) + "]" }

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func suggestion(id string, known []string) string {
	if s := Closest(id, known, 1); len(s) > 0 {
		return " (did you mean " + strconv.Quote(s[0]) + "?)"
	}
	return ""
}

// Overdue lists the pages whose next review date has passed.
func Overdue(g *Guide, now time.Time) Problems {
	var out Problems
	if g == nil {
		return nil
	}
	for _, p := range g.Pages {
		if !p.NextReview.IsZero() && now.After(p.NextReview) {
			out = append(out, Problem{p.File, p.line("next_review"), "review is overdue: next_review " + p.NextReview.Format("2006-01-02") + " has passed"})
		}
	}
	return out
}

// paths checks that every step of the walkthrough names a page and a label.
func (v *validator) paths(src Source) {
	file := display(src, "paths.yaml")
	lines := stepLines(v.docs)
	ids := map[string]bool{}
	for _, p := range v.g.Pages {
		ids[p.ID] = true
	}
	if len(v.g.Paths.Walkthrough) == 0 {
		v.c.add(file, 0, "walkthrough has no steps")
	}
	v.situation(src, ids)
	seen := map[string]bool{}
	for i, s := range v.g.Paths.Walkthrough {
		line := lineAt(lines, i)
		switch {
		case s.Page == "":
			v.c.add(file, line, "walkthrough step %d has no page", i+1)
		case !ids[s.Page]:
			v.c.add(file, line, "walkthrough page %q does not exist%s", s.Page, suggestion(s.Page, keys(ids)))
		case seen[s.Page]:
			v.c.add(file, line, "walkthrough lists page %q twice", s.Page)
		}
		seen[s.Page] = true
		if strings.TrimSpace(s.Label) == "" {
			v.c.add(file, line, "walkthrough step %d has no label", i+1)
		}
	}
}

// situation checks the "My situation" form: ids, labels, pages, question
// references, and an "I don't know" answer for every question.
func (v *validator) situation(src Source, pages map[string]bool) {
	file := display(src, "paths.yaml")
	setSituationLines(v.docs, v.g.Paths.Situation)
	qids := map[string]bool{}
	done := map[string]map[string]bool{} // earlier questions' answer ids
	for _, q := range v.g.Paths.Situation {
		if q.ID == "" || strings.TrimSpace(q.Ask) == "" {
			v.c.add(file, q.Line, "situation question needs an id and an ask")
		}
		if qids[q.ID] {
			v.c.add(file, q.Line, "duplicate situation question id %q", q.ID)
		}
		v.when(file, q.Line, "question "+strconv.Quote(q.ID), q.When, done)
		qids[q.ID] = true
		aids := map[string]bool{}
		for _, a := range q.Answers {
			if a.ID == "" || strings.TrimSpace(a.Label) == "" {
				v.c.add(file, a.Line, "answer in %q needs an id and a label", q.ID)
			}
			if aids[a.ID] {
				v.c.add(file, a.Line, "duplicate answer id %q in %q", a.ID, q.ID)
			}
			aids[a.ID] = true
			for _, p := range a.Pages {
				if !pages[p] {
					v.c.add(file, a.Line, "answer %q of %q: page %q does not exist%s", a.ID, q.ID, p, suggestion(p, keys(pages)))
				}
			}
			for _, ref := range a.Questions {
				v.questionRef(file, a.Line, q.ID, a.ID, ref)
			}
			what := fmt.Sprintf("answer %q of %q", a.ID, q.ID)
			v.when(file, a.Line, what, a.When, done)
			if a.Note != "" && !safetext.Safe(a.Note) {
				v.c.add(file, a.Line, "%s: note contains a control character, an escape sequence or a text direction mark", what)
			}
			for _, also := range a.Also {
				if len(also.When) == 0 {
					v.c.add(file, a.Line, "%s: an also needs a when", what)
				}
				v.when(file, a.Line, what, also.When, done)
				for _, p := range also.Pages {
					if !pages[p] {
						v.c.add(file, a.Line, "%s: page %q does not exist%s", what, p, suggestion(p, keys(pages)))
					}
				}
				for _, ref := range also.Questions {
					v.questionRef(file, a.Line, q.ID, a.ID, ref)
				}
			}
		}
		if !aids[Unsure] {
			v.c.add(file, q.Line, "situation question %q has no %q answer (\"I don't know\")", q.ID, Unsure)
		}
		done[q.ID] = aids
	}
	v.pathOrder(file, pages)
	v.conflicts(file)
}

// when checks a rule names earlier situation questions and answers they
// have.
func (v *validator) when(file string, line int, what string, w When, done map[string]map[string]bool) {
	for _, qid := range slices.Sorted(maps.Keys(w)) {
		aids, ok := done[qid]
		if !ok {
			v.c.add(file, line, "%s: when names %q, which is not an earlier situation question%s", what, qid, suggestion(qid, keys(done)))
			continue
		}
		if len(w[qid]) == 0 {
			v.c.add(file, line, "%s: when names no answers of %q", what, qid)
		}
		for _, id := range w[qid] {
			if !aids[id] {
				v.c.add(file, line, "%s: when: question %q has no answer %q%s", what, qid, id, suggestion(id, keys(aids)))
			}
		}
	}
}

// pathOrder checks the path list: real pages, each once, each with a why
// line; and that it lists every page an answer can add.
func (v *validator) pathOrder(file string, pages map[string]bool) {
	if len(v.g.Paths.Path) == 0 {
		return
	}
	var lines []int
	if n := pathsNode(v.docs, "path"); n != nil {
		for _, item := range n.Content {
			lines = append(lines, item.Line)
		}
	}
	listed := map[string]bool{}
	for i := range v.g.Paths.Path {
		e := &v.g.Paths.Path[i]
		e.Line = lineAt(lines, i)
		switch {
		case !pages[e.Page]:
			v.c.add(file, e.Line, "path: page %q does not exist%s", e.Page, suggestion(e.Page, keys(pages)))
		case listed[e.Page]:
			v.c.add(file, e.Line, "path lists page %q twice", e.Page)
		}
		listed[e.Page] = true
		if strings.TrimSpace(e.Why) == "" {
			v.c.add(file, e.Line, "path: page %q has no why line", e.Page)
		} else if !safetext.Safe(e.Why) {
			v.c.add(file, e.Line, "path: why line of %q contains a control character, an escape sequence or a text direction mark", e.Page)
		}
		for _, ref := range e.Questions {
			v.questionRef(file, e.Line, "path", e.Page, ref)
		}
	}
	for _, q := range v.g.Paths.Situation {
		for _, a := range q.Answers {
			all := slices.Clone(a.Pages)
			for _, also := range a.Also {
				all = append(all, also.Pages...)
			}
			for _, p := range all {
				if pages[p] && !listed[p] {
					v.c.add(file, a.Line, "answer %q of %q adds page %q, which path does not list (add it with a why line)", a.ID, q.ID, p)
				}
			}
		}
	}
}

// conflicts checks each conflict names two situation questions, answers
// they have, and a message; and records the questions in the form's order.
func (v *validator) conflicts(file string) {
	var lines []int
	if n := pathsNode(v.docs, "conflicts"); n != nil {
		for _, item := range n.Content {
			lines = append(lines, item.Line)
		}
	}
	qs := v.g.Paths.Situation
	known := map[string]bool{}
	for _, q := range qs {
		known[q.ID] = true
	}
	for i := range v.g.Paths.Conflicts {
		c := &v.g.Paths.Conflicts[i]
		c.Line = lineAt(lines, i)
		if len(c.Answers) != 2 {
			v.c.add(file, c.Line, "conflict %d names %d questions, want 2", i+1, len(c.Answers))
		}
		if strings.TrimSpace(c.Message) == "" {
			v.c.add(file, c.Line, "conflict %d has no message", i+1)
		} else if !safetext.Safe(c.Message) {
			v.c.add(file, c.Line, "conflict %d message contains a control character, an escape sequence or a text direction mark", i+1)
		}
		for _, qid := range slices.Sorted(maps.Keys(c.Answers)) {
			if !known[qid] {
				v.c.add(file, c.Line, "conflict %d: situation question %q does not exist%s", i+1, qid, suggestion(qid, keys(known)))
			}
			if len(c.Answers[qid]) == 0 {
				v.c.add(file, c.Line, "conflict %d: no answers of %q", i+1, qid)
			}
		}
		c.Questions = nil
		for _, q := range qs {
			ids, ok := c.Answers[q.ID]
			if !ok {
				continue
			}
			c.Questions = append(c.Questions, q.ID)
			aids := map[string]bool{}
			for _, a := range q.Answers {
				aids[a.ID] = true
			}
			for _, id := range ids {
				switch {
				case id == Unsure:
					v.c.add(file, c.Line, "conflict %d: %q of %q cannot clash with anything", i+1, id, q.ID)
				case !aids[id]:
					v.c.add(file, c.Line, "conflict %d: question %q has no answer %q%s", i+1, q.ID, id, suggestion(id, keys(aids)))
				}
			}
		}
	}
}

// questionRef checks a reference to a suggested question: a bank id, or
// "page#n" for a question written on a page.
func (v *validator) questionRef(file string, line int, q, a, ref string) {
	if !v.hasQuestion(ref) {
		known := make([]string, 0, len(v.g.Bank))
		for _, b := range v.g.Bank {
			known = append(known, b.ID)
		}
		v.c.add(file, line, "answer %q of %q: no question %q%s", a, q, ref, suggestion(ref, known))
	}
}
