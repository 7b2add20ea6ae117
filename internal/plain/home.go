package plain

import (
	"strconv"

	"github.com/her2guide/her2guide/internal/guide"
)

// home is the main menu, numbered as the TUI's home screen is: "Start
// here", "My situation", the sections, My questions and the word list;
// search, which the TUI opens with a key, comes last. It returns only to
// end the session.
func (s *session) home() error {
	for {
		s.homeMenu()
		n := len(s.g.Sections)
		const first = 3 // the first section's number
		k, _, err := s.choose(n+5, s.t.PromptHome)
		if err != nil {
			return err
		}
		switch {
		case k == 1:
			err = s.mainWalk()
		case k == 2:
			err = s.situation()
		case k < first+n:
			err = s.section(s.g.Sections[k-first])
		case k == first+n:
			err = s.mine()
		case k == first+n+1:
			err = s.words()
		default:
			err = s.search()
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
	s.item(1, s.walkTitle())
	s.item(2, s.text.Situation.Title)
	for i, sec := range s.g.Sections {
		s.item(i+3, sec.Title)
	}
	n := len(s.g.Sections) + 3
	mine := s.text.MyQuestions
	if c := s.list.Len(); c > 0 {
		mine += " (" + strconv.Itoa(c) + ")"
	}
	s.item(n, mine)
	s.item(n+1, s.text.WordList)
	s.item(n+2, s.text.Search)
	if s.notice != "" {
		s.say("")
		s.say(s.notice)
		s.notice = ""
	}
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
