package plain

// Keeper is an optional part of a Printer: it tells whether a choice
// keeps the list (saves or prints it) rather than only showing it. A
// Printer without it keeps the list with every choice that succeeds.
type Keeper interface {
	Keeps(choice int) bool
}

// unsaved reports whether the list has questions that are not printed,
// saved or kept on this computer as they are now.
func (s *session) unsaved() bool {
	return s.list.Len() > 0 && s.list.Mark() != s.saved && !s.keptAsIs()
}

// kept notes that choice of the Printer succeeded for the list as it is.
func (s *session) kept(choice int) {
	if k, ok := s.print.(Keeper); ok && !k.Keeps(choice) {
		return
	}
	s.saved = s.list.Mark()
}

// confirmQuit is asked when the reader types q. With questions that are
// not printed or saved, it asks the TUI's question first: print or save
// first, quit anyway, or stay. It reports whether to quit; on false the
// caller asks its own question again. Typing q again quits.
func (s *session) confirmQuit() (bool, error) {
	if !s.unsaved() || s.asking {
		return true, nil // q at the quit question itself quits
	}
	q := s.text.Quit
	s.say("")
	s.say(q.Intro(s.list.Len()))
	choices := []struct{ label, summary string }{
		{q.SaveFirst, q.SaveSummary}, {q.Anyway, q.AnywaySummary}, {q.Stay, q.StaySummary},
	}
	if s.print == nil {
		choices = choices[1:]
	}
	for i, c := range choices {
		s.item(i+1, c.label)
		s.note(c.summary)
	}
	s.asking = true
	k, _, err := s.choose(len(choices), s.t.PromptMenu, "b")
	s.asking = false
	switch {
	case err == errQuit:
		return true, nil
	case err != nil:
		return false, err
	case k == 0:
		return false, nil
	}
	switch choices[k-1].label {
	case q.Anyway:
		return true, nil
	case q.SaveFirst:
		if err := s.printList(); err != nil {
			return false, err
		}
		// Quit once the list is kept, as the reader asked to.
		return !s.unsaved(), nil
	}
	return false, nil
}
