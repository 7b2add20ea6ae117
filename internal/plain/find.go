package plain

import (
	"fmt"
	"strings"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/search"
)

// Limits on what search and the word list print.
const (
	maxResults = 15
	maxMatches = 10
)

// search asks for words and lists the pages and glossary entries that
// match; a number opens one.
func (s *session) search() error {
	if s.index == nil {
		s.index = search.New(s.g)
	}
	for {
		s.say("")
		q, err := s.read(s.t.PromptSearch)
		if err != nil {
			return err
		}
		if q == "" || strings.EqualFold(q, "b") {
			return nil
		}
		if isQuit(strings.ToLower(q)) {
			if ok, err := s.confirmQuit(); err != nil || ok {
				return cmpErr(err)
			}
			continue
		}
		if err := s.results(q); err != nil {
			return err
		}
	}
}

// results lists the matches for q until the reader goes back.
func (s *session) results(q string) error {
	res := s.index.Search(q, maxResults)
	if len(res) == 0 {
		s.say(s.t.NothingFound(q))
		return nil
	}
	for {
		s.say("")
		s.say(s.t.Results(q, len(res)))
		for i, r := range res {
			title := r.Title
			if r.TermID != "" {
				title = s.t.WordResult(title)
			}
			s.item(i+1, title)
			if r.Snippet != "" {
				s.note(r.Snippet)
			}
		}
		k, _, err := s.choose(len(res), s.t.PromptOpen, "b")
		if err != nil || k == 0 {
			return err
		}
		if err := s.open(res[k-1]); err != nil {
			return err
		}
	}
}

// open shows a search result: a page, or a glossary entry.
func (s *session) open(r search.Result) error {
	if r.PageID != "" {
		if p, ok := s.g.Page(r.PageID); ok {
			return s.page(p)
		}
	}
	if t, ok := s.g.Term(r.TermID); ok {
		return s.term(t)
	}
	s.say(s.t.CannotOpen)
	return nil
}

// words looks words up in the glossary, or prints all of it.
func (s *session) words() error {
	for {
		s.say("")
		s.say(s.t.WordListTitle)
		q, err := s.read(s.t.PromptWord)
		if err != nil {
			return err
		}
		low := strings.ToLower(q)
		switch {
		case isQuit(low):
			if ok, err := s.confirmQuit(); err != nil || ok {
				return cmpErr(err)
			}
		case low == "b":
			return nil
		case q == "":
			err = s.allWords()
		default:
			err = s.lookUp(q)
		}
		if err != nil {
			return err
		}
	}
}

// allWords prints every glossary entry, in chunks.
func (s *session) allWords() error {
	var lines []string
	for _, t := range s.g.Terms {
		lines = append(lines, s.entry(t, false)...)
		lines = append(lines, "")
	}
	back, err := s.pager(lines, s.t.Part, nil)
	if err == nil && !back {
		s.say(s.t.EndOfWords)
	}
	return err
}

// lookUp shows the entry named q, or the entries that match it, as the
// one glossary lookup (search.(*Index).Terms) finds them.
func (s *session) lookUp(q string) error {
	if s.index == nil {
		s.index = search.New(s.g)
	}
	matches := s.index.Terms(q)
	if len(matches) > 0 && matches[0].Exact {
		return s.term(matches[0].Term)
	}
	var terms []*guide.Term
	var names []string
	for _, m := range matches[:min(len(matches), maxMatches)] {
		terms, names = append(terms, m.Term), append(names, m.Term.Term)
	}
	if len(terms) == 0 {
		s.say(s.t.NoWord(q))
		return nil
	}
	if len(terms) == 1 {
		return s.term(terms[0])
	}
	return s.pickLoop(s.t.WordsMatch(q), names, s.t.PromptOpen,
		func(i int) error { return s.term(terms[i]) })
}

// term prints one glossary entry; a number opens a page that uses it.
func (s *session) term(t *guide.Term) error {
	for {
		s.say("")
		for _, l := range s.entry(t, true) {
			s.out.line(l)
		}
		pages := s.g.PagesUsing(t.ID)
		if len(pages) == 0 {
			return nil
		}
		k, _, err := s.choose(len(pages), s.t.PromptOpenPage, "b")
		if err != nil || k == 0 {
			return err
		}
		if err := s.page(pages[k-1]); err != nil {
			return err
		}
	}
}

// entry is a glossary entry as lines: the term, how to say it, other
// names, the meaning and the pages that use it, numbered when numbered is
// true.
func (s *session) entry(t *guide.Term, numbered bool) []string {
	const indent = "  "
	width := s.width - len(indent)
	lines := []string{s.spoken(t.Term)}
	add := func(text string) {
		lines = append(lines, strings.Split(indent+wrap(s.spoken(text), width, indent), "\n")...)
	}
	if t.Say != "" {
		add(s.t.Say + t.Say)
	}
	if len(t.AKA) > 0 {
		add(s.t.AlsoCalled + strings.Join(t.AKA, ", "))
	}
	add(s.t.Meaning + t.Definition)
	pages := s.g.PagesUsing(t.ID)
	switch {
	case len(pages) == 0:
		add(s.t.NoPageUses)
	case numbered:
		add(s.t.PagesUsing)
		for i, p := range pages {
			num := fmt.Sprintf("%d. ", i+1)
			pad := indent + strings.Repeat(" ", len(num))
			lines = append(lines, strings.Split(indent+num+wrap(s.spoken(p.Title), width-len(num), pad), "\n")...)
		}
	default:
		titles := make([]string, len(pages))
		for i, p := range pages {
			titles[i] = p.Title
		}
		add(s.t.Pages + strings.Join(titles, "; "))
	}
	return lines
}
