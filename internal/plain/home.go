package plain

import (
	"strconv"

	"github.com/her2guide/her2guide/internal/guide"
)

// home is the main menu: the sections, then search, the word list and My
// questions. It returns only to end the session.
func (s *session) home() error {
	for {
		s.homeMenu()
		n := len(s.g.Sections)
		k, _, err := s.choose(n+3, s.t.PromptHome)
		if err != nil {
			return err
		}
		switch {
		case k <= n:
			err = s.section(s.g.Sections[k-1])
		case k == n+1:
			err = s.search()
		case k == n+2:
			err = s.words()
		default:
			err = s.mine()
		}
		if err != nil {
			return err
		}
	}
}

// homeMenu prints the guide's name, its notice and the main menu.
func (s *session) homeMenu() {
	s.say("")
	s.say(s.g.Meta.Title)
	if s.g.Meta.Subtitle != "" {
		s.say(s.g.Meta.Subtitle)
	}
	s.say(s.g.Meta.Notice)
	s.say("")
	s.say(s.t.MainMenu)
	for i, sec := range s.g.Sections {
		s.item(i+1, sec.Title)
	}
	n := len(s.g.Sections)
	s.item(n+1, s.text.Search)
	s.item(n+2, s.text.WordList)
	mine := s.text.MyQuestions
	if c := s.list.Len(); c > 0 {
		mine += " (" + strconv.Itoa(c) + ")"
	}
	s.item(n+3, mine)
}

// section lists a section's pages and opens the one chosen.
func (s *session) section(sec *guide.Section) error {
	for {
		s.say("")
		s.say(sec.Title)
		s.say(sec.Summary)
		s.say("")
		s.say(s.t.SectionPages)
		for i, p := range sec.Pages {
			s.item(i+1, p.Title)
		}
		k, _, err := s.choose(len(sec.Pages), s.t.PromptMenu, "b")
		if err != nil || k == 0 {
			return err
		}
		if err := s.page(sec.Pages[k-1]); err != nil {
			return err
		}
	}
}
