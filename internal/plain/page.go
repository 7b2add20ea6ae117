package plain

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// page prints a page in chunks, then offers its questions, its words and
// its related pages.
func (s *session) page(p *guide.Page) error {
	whole, err := s.readPage(p)
	if err != nil || !whole {
		return err
	}
	for {
		text, err := s.read(s.t.PromptPageEnd)
		if err != nil {
			return err
		}
		switch low := strings.ToLower(text); {
		case isQuit(low):
			if ok, err := s.confirmQuit(); err != nil || ok {
				return cmpErr(err)
			}
		case low == "b":
			return nil
		default:
			done, err := s.pageCommand(p, low)
			if err != nil {
				return err
			}
			if !done {
				s.say(s.t.TypeAOrB)
			}
		}
	}
}

// pageCommand carries out a page's own commands, at its end and at every
// "Part N" prompt: a adds its questions, t shows its words, r its related
// pages. It reports whether low was one of them.
func (s *session) pageCommand(p *guide.Page, low string) (bool, error) {
	switch low {
	case "a":
		return true, s.pageQuestions(p)
	case "t":
		return true, s.pageWords(p)
	case "r":
		return true, s.related(p)
	}
	return false, nil
}

// readPage prints a page's title and its text in chunks, and says so at
// the end. It reports whether the reader read to the end: false when they
// typed b, or when the page could not be shown (which it says).
func (s *session) readPage(p *guide.Page) (whole bool, err error) {
	s.say("")
	s.say(p.Title)
	r, err := s.cache.Render(p, s.width, render.ASCII)
	if err != nil {
		s.say(s.t.PageNotShown(err))
		return false, nil
	}
	back, err := s.pager(tidy(r.Lines), func(part, parts int) string { return s.t.PagePart(part, parts) },
		func(low string) (bool, error) { return s.pageCommand(p, low) })
	if err != nil || back {
		return false, err
	}
	s.say(s.t.EndOfPage)
	return true, nil
}

// pager prints lines about s.chunk at a time, asking with prompt (given the
// part and the number of parts) before each next chunk: Enter goes on, b
// stops, and any other word goes to cmd, when it is not nil, which reports
// whether it knew the word. It reports whether the reader typed b to stop.
func (s *session) pager(lines []string, prompt func(part, parts int) string, cmd func(low string) (bool, error)) (back bool, err error) {
	parts := chunks(lines, s.chunk)
	for i, part := range parts {
		for _, l := range part {
			s.out.line(l)
		}
		if i == len(parts)-1 {
			break
		}
		for {
			text, err := s.read(prompt(i+1, len(parts)))
			if err != nil {
				return false, err
			}
			low := strings.ToLower(text)
			if isQuit(low) {
				if ok, err := s.confirmQuit(); err != nil || ok {
					return false, cmpErr(err)
				}
				continue
			}
			if low == "b" {
				return true, nil
			}
			if low == "" {
				break
			}
			done := false
			if cmd != nil {
				if done, err = cmd(low); err != nil {
					return false, err
				}
			}
			if !done {
				if cmd != nil {
					s.say(s.t.PressEnterOrCommand)
				} else {
					s.say(s.t.PressEnterForMore)
				}
			}
		}
	}
	return false, nil
}

// chunks cuts lines into runs of at most size lines, ending a run after a
// blank line in its second half when there is one, so that paragraphs stay
// whole.
func chunks(lines []string, size int) [][]string {
	var out [][]string
	for len(lines) > size {
		cut := size
		for i := size; i > size/2; i-- {
			if lines[i-1] == "" && (i < 2 || !headingAt(lines, i-2)) {
				cut = i
				break
			}
		}
		out = append(out, lines[:cut])
		lines = lines[cut:]
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
	}
	if len(lines) > 0 {
		out = append(out, lines)
	}
	return out
}

// headingAt reports whether lines[j] is a heading. The styles print
// headings without their Markdown marks, so a heading is a line that
// starts with "#" or stands alone between blank lines with no sentence end.
func headingAt(lines []string, j int) bool {
	t := strings.TrimSpace(lines[j])
	switch {
	case strings.HasPrefix(t, "#"):
		return true
	case t == "" || j > 0 && lines[j-1] != "":
		return false
	}
	return !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ":") && !strings.HasPrefix(t, "•")
}

// tidy strips any escape sequences and trailing spaces from rendered lines,
// keeps at most one blank line in a row, and drops blank lines at either
// end.
func tidy(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		l = strings.TrimRight(ansi.Strip(l), " \t")
		l = strings.ReplaceAll(l, string(noBreakHyphen), "-")
		if t := strings.TrimSpace(l); t != "" && strings.Trim(t, "=-_") == "" {
			continue // an underline or a rule, said as "equals equals"
		}
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// pageQuestions lists the page's questions with a box each; a number ticks
// or unticks one.
func (s *session) pageQuestions(p *guide.Page) error {
	items := checklist.Suggested(p)
	s.say("")
	s.say(s.t.PickIntro(p.Title))
	if len(items) == 0 {
		s.say(s.t.WalkNoQs)
		return nil
	}
	for i, it := range items {
		s.item(i+1, s.box(it)+it.Text)
	}
	for {
		k, _, err := s.choose(len(items), s.t.PromptPageQs, "b")
		if err != nil || k == 0 {
			return err
		}
		it := items[k-1]
		done := s.t.Unticked
		if s.list.Toggle(it) {
			done = s.t.Ticked
		}
		s.say(done)
		s.item(k, s.box(it)+it.Text)
	}
}

// box says whether a suggested question is ticked, in words: a screen
// reader says nothing for "[ ]".
func (s *session) box(it checklist.Item) string {
	if s.list.Has(it.ID) {
		return s.t.TickedMark
	}
	return s.t.UntickedMark
}

// pageWords lists the words of the word list a page uses; a number opens
// one.
func (s *session) pageWords(p *guide.Page) error {
	var terms []*guide.Term
	var names []string
	for _, id := range p.Glossary {
		if t, ok := s.g.Term(id); ok {
			terms, names = append(terms, t), append(names, t.Term)
		}
	}
	if len(terms) == 0 {
		s.say("")
		s.say(s.t.NoPageWords)
		return nil
	}
	return s.pickLoop(s.t.PageWords(p.Title), names, s.t.PromptOpen,
		func(i int) error { return s.term(terms[i]) })
}

// related lists a page's related pages; a number opens one.
func (s *session) related(p *guide.Page) error {
	var pages []*guide.Page
	var titles []string
	for _, id := range p.Related {
		if rp, ok := s.g.Page(id); ok {
			pages, titles = append(pages, rp), append(titles, rp.Title)
		}
	}
	if len(pages) == 0 {
		s.say("")
		s.say(s.t.NoRelatedPages)
		return nil
	}
	return s.pickLoop(s.t.RelatedPages(p.Title), titles, s.t.PromptOpenPage,
		func(i int) error { return s.page(pages[i]) })
}

// pickLoop shows heading and the numbered labels, and opens the one the
// reader picks, until they go back.
func (s *session) pickLoop(heading string, labels []string, prompt string, open func(i int) error) error {
	for {
		s.say("")
		s.say(heading)
		for i, l := range labels {
			s.item(i+1, l)
		}
		k, _, err := s.choose(len(labels), prompt, "b")
		if err != nil || k == 0 {
			return err
		}
		if err := open(k - 1); err != nil {
			return err
		}
	}
}
