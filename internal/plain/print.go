package plain

import (
	"fmt"
	"strings"
)

// printList offers the Printer's ways to print or save the list and
// carries out the one chosen. Failures are told to the reader, and the
// list is kept.
func (s *session) printList() error {
	if s.list.Len() == 0 {
		s.say("Your list is empty, so there is nothing to print yet.")
		return nil
	}
	choices, note := s.print.Choices(s.ctx)
	s.say("")
	if note != "" {
		s.say(note)
	}
	if len(choices) == 0 {
		s.say("Sorry, there is no way to print or save here. Your list is kept.")
		return nil
	}
	s.say("Print or save My questions:")
	for i, c := range choices {
		s.item(i+1, c)
	}
	k, _, err := s.choose(len(choices), promptMenu, "b")
	if err != nil || k == 0 {
		return err
	}
	done, err := s.print.Do(s.ctx, k-1, s.list.Items())
	if err != nil {
		s.say(fmt.Sprintf("Sorry, that did not work: %v Your list is kept.", strings.TrimSpace(err.Error())))
		return nil
	}
	s.say(done)
	return nil
}
