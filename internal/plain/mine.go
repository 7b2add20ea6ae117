package plain

import (
	"errors"
	"strconv"
	"strings"

	"github.com/her2guide/her2guide/internal/checklist"
)

// mine is My questions: the list, and one-line commands to change it.
func (s *session) mine() error {
	s.listMine()
	if s.list.Len() > 0 {
		s.mineHelp()
	}
	for {
		text, err := s.read(s.minePrompt())
		if err != nil {
			return err
		}
		fields := strings.Fields(strings.ToLower(text))
		if len(fields) == 0 {
			s.say(s.t.TypeCommand)
			continue
		}
		cmd := fields[0]
		switch {
		case isQuit(cmd) && len(fields) == 1:
			if ok, err := s.confirmQuit(); err != nil || ok {
				return cmpErr(err)
			}
		case cmd == "b" && len(fields) == 1:
			return nil
		case cmd == "n" && len(fields) == 1:
			if err := s.newQuestion(); err != nil {
				return err
			}
		case cmd == "p" && len(fields) == 1 && s.print != nil:
			if err := s.printList(); err != nil {
				return err
			}
		case cmd == "c" && len(fields) == 1 && s.canKeep():
			s.startKeeping()
		case cmd == "f" && len(fields) == 1 && s.canForget():
			s.forgetKept()
		case cmd == "l" && len(fields) == 1:
			s.listMine()
		case (cmd == "h" || cmd == "?") && len(fields) == 1:
			s.mineHelp()
		case len(fields) == 1 && isNumber(cmd):
			s.say(s.t.ChangeHow(cmd))
		case cmd == "e":
			if err := s.edit(fields[1:]); err != nil {
				return err
			}
		case cmd == "d" || cmd == "t" || cmd == "u" || cmd == "up" || cmd == "down":

			s.change(cmd, fields[1:])
		default:
			s.say(s.t.NotACommand(text))
		}
	}
}

// minePrompt says what can be typed on My questions, in short; mineHelp
// says it in full.
func (s *session) minePrompt() string {
	if s.list.Len() == 0 {
		if s.canForget() {
			return s.t.MinePromptEmptyForget
		}
		return s.t.MinePromptEmpty
	}
	cmds := s.t.MineCommands
	if s.print != nil {
		cmds += s.t.MinePrintCommand
	}
	if s.canKeep() {
		cmds += s.t.MineKeepCommand
	}
	if s.canForget() {
		cmds += s.t.MineForgetCommand
	}
	return s.t.MinePrompt(cmds)
}

// keepStatus says whether the list is kept on this computer, or offers to
// keep it: nothing is said when keeping is not offered.
func (s *session) keepStatus() {
	switch {
	case s.keepOffered() && s.keep.on:
		s.say(s.t.Keeping)
	case s.canKeep():
		s.say(s.t.KeepOffer)
	}
}

// mineHelp explains every command of My questions.
func (s *session) mineHelp() {
	for _, l := range s.t.MineHelp {
		s.say(l)
	}
	if s.print != nil {
		s.say(s.t.MineHelpPrint)
	}
	if s.canKeep() {
		s.say(s.t.MineHelpKeep)
	}
	if s.canForget() {
		s.say(s.t.MineHelpForget)
	}
}

// listMine prints the list in the patient's order, top ones starred, and
// whether it is kept on this computer.
func (s *session) listMine() {
	items := s.list.Items()
	s.say("")
	defer s.keepStatus()
	if len(items) == 0 {
		s.say(s.t.MineEmpty)
		return
	}
	s.say(s.t.MineIntro(len(items), checklist.MaxTop))
	for i, it := range items {
		mark := "  "
		if it.Top {
			mark = "* "
		}
		s.item(i+1, mark+it.Text)
		if it.Own {
			s.note(s.t.OwnQuestion)
		} else {
			s.note(s.t.From(it.TopicTitle))
		}
	}
}

// newQuestion reads one line and adds it as the patient's own question.
func (s *session) newQuestion() error {
	text, err := s.read(s.t.PromptNew)
	if err != nil {
		return err
	}
	if text == "" {
		s.say(s.t.NothingAdded)
		return nil
	}
	it, err := s.list.AddOwn(text)
	if err != nil {
		s.say(s.t.NothingAddedEmpty)
		return nil
	}
	s.say(s.t.Added + it.Text)
	s.listMine()
	return nil
}

// edit changes the words of the patient's own question numbered in args.
func (s *session) edit(args []string) error {
	items := s.list.Items()
	if len(items) == 0 {
		s.say(s.t.ListEmpty)
		return nil
	}
	if len(args) != 1 {
		s.say(s.t.TypeNumber("e"))
		return nil
	}
	k, err := strconv.Atoi(args[0])
	if err != nil || k < 1 || k > len(items) {
		s.say(s.pleaseNumber(len(items)))
		return nil
	}
	it := items[k-1]
	if !it.Own {
		s.say(s.t.NotOwn)
		return nil
	}
	text, err := s.read(s.t.PromptEdit(it.Text))
	if err != nil {
		return err
	}
	if text == "" || s.list.EditOwn(it.ID, text) != nil {
		s.say(s.t.NothingChanged)
		return nil
	}
	s.say(s.t.Edited + checklist.Sanitize(text))
	s.listMine()
	return nil
}

// change carries out d, t, u and down on the question numbered in args.
func (s *session) change(cmd string, args []string) {
	items := s.list.Items()
	if len(items) == 0 {
		s.say(s.t.ListEmpty)
		return
	}
	if len(args) != 1 {
		s.say(s.t.TypeNumber(cmd))
		return
	}
	k, err := strconv.Atoi(args[0])
	if err != nil || k < 1 || k > len(items) {
		s.say(s.pleaseNumber(len(items)))
		return
	}
	i := k - 1
	it := items[i]
	switch cmd {
	case "d":
		s.list.Remove(it.ID)
		s.say(s.t.Removed + it.Text)
		if !it.Own {
			s.say(s.t.StillOnPage)
		}
	case "t":
		if !s.toggleTop(items, i) {
			return
		}
	case "u", "up":
		if i == 0 {
			s.say(s.t.AlreadyFirst)
			return
		}
		s.list.Move(it.ID, -1)
		s.say(s.t.MovedUp(k - 1))
	case "down":
		if i == len(items)-1 {
			s.say(s.t.AlreadyLast)
			return
		}
		s.list.Move(it.ID, 1)
		s.say(s.t.MovedDown(k + 1))
	}
	s.listMine()
}

// toggleTop marks or unmarks items[i] as most important. A marked question
// moves up to join the other marked ones at the start of the list, so the
// list reads in the order it prints; an unmarked one moves down past them.
// It reports whether anything changed.
func (s *session) toggleTop(items []checklist.Item, i int) bool {
	it := items[i]
	if err := s.list.SetTop(it.ID, !it.Top); err != nil {
		if errors.Is(err, checklist.ErrTooManyTop) {
			s.say(s.t.TopLimit(checklist.MaxTop))
		} else {
			s.say(s.t.DidNotWork + err.Error())
		}
		return false
	}
	if it.Top {
		for j := i; j+1 < len(items) && items[j+1].Top; j++ {
			s.list.Move(it.ID, 1)
		}
		s.say(s.t.Unmarked + it.Text)
		return true
	}
	for j := i; j > 0 && !items[j-1].Top; j-- {
		s.list.Move(it.ID, -1)
	}
	s.say(s.t.Marked + it.Text)
	return true
}

// isNumber reports whether s is a whole number.
func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
