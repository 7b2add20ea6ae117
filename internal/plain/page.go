package plain

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// page prints a page in chunks, then offers its questions.
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
			return errQuit
		case low == "b":
			return nil
		case low == "a":
			if err := s.pageQuestions(p); err != nil {
				return err
			}
		default:
			s.say(s.t.TypeAOrB)
		}
	}
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
	back, err := s.pager(tidy(r.Lines))
	if err != nil || back {
		return false, err
	}
	s.say(s.t.EndOfPage)
	return true, nil
}

// pager prints lines about s.chunk at a time, waiting for Enter between
// chunks. It reports whether the reader typed b to stop.
func (s *session) pager(lines []string) (back bool, err error) {
	parts := chunks(lines, s.chunk)
	for i, part := range parts {
		for _, l := range part {
			s.out.line(l)
		}
		if i == len(parts)-1 {
			break
		}
		prompt := s.t.Part(i+1, len(parts))
		for {
			text, err := s.read(prompt)
			if err != nil {
				return false, err
			}
			low := strings.ToLower(text)
			if isQuit(low) {
				return false, errQuit
			}
			if low == "b" {
				return true, nil
			}
			if low == "" {
				break
			}
			s.say(s.t.PressEnterForMore)
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
			if lines[i-1] == "" && (i < 2 || !isHeading(lines[i-2])) {
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

// isHeading reports whether a rendered line is a Markdown heading.
func isHeading(l string) bool {
	return strings.HasPrefix(strings.TrimSpace(l), "#")
}

// tidy strips any escape sequences and trailing spaces from rendered lines,
// keeps at most one blank line in a row, and drops blank lines at either
// end.
func tidy(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		l = strings.TrimRight(ansi.Strip(l), " \t")
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

// box is the tick mark of a suggested question.
func (s *session) box(it checklist.Item) string {
	if s.list.Has(it.ID) {
		return "[x] "
	}
	return "[ ] "
}
