package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/her2guide/her2guide/internal/checklist"
)

const promptNew = "Type your question on one line and press Enter. Press Enter alone to cancel."

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
			s.say("Please type a command. Type h for the list of commands.")
			continue
		}
		cmd := fields[0]
		switch {
		case isQuit(cmd) && len(fields) == 1:
			return errQuit
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
		case cmd == "l" && len(fields) == 1:
			s.listMine()
		case (cmd == "h" || cmd == "?") && len(fields) == 1:
			s.mineHelp()
		case len(fields) == 1 && isNumber(cmd):
			s.say(fmt.Sprintf("To change question %s, type a command and its number, for example d %s to remove it or t %s to mark it most important.", cmd, cmd, cmd))
		case cmd == "d" || cmd == "t" || cmd == "u" || cmd == "up" || cmd == "down":
			s.change(cmd, fields[1:])
		default:
			s.say(fmt.Sprintf("Sorry, %q is not a command here. Type h for the list of commands.", text))
		}
	}
}

// minePrompt says what can be typed on My questions, in short; mineHelp
// says it in full.
func (s *session) minePrompt() string {
	if s.list.Len() == 0 {
		return "Type n to write a question. Type b to go back, q to quit."
	}
	cmds := "n, d N, t N, u N, down N, l"
	if s.print != nil {
		cmds += ", p"
	}
	return "Type a command (" + cmds + ") and press Enter. Type h for help, b to go back, q to quit."
}

// mineHelp explains every command of My questions.
func (s *session) mineHelp() {
	s.say("Commands, each followed by Enter:")
	s.say("  n       write a question of your own")
	s.say("  d 2     remove question 2")
	s.say("  t 2     mark or unmark question 2 as most important")
	s.say("  u 2     move question 2 up")
	s.say("  down 2  move question 2 down")
	s.say("  l       list the questions again")
	if s.print != nil {
		s.say("  p       print or save the list")
	}
}

// listMine prints the list in the patient's order, top ones starred.
func (s *session) listMine() {
	items := s.list.Items()
	s.say("")
	if len(items) == 0 {
		s.say("My questions: none yet. Open a page, read to its end and type a to add its questions, or type n to write your own.")
		return
	}
	s.say(fmt.Sprintf("My questions (%d). The ones marked * are the most important (up to %d); they print first.",
		len(items), checklist.MaxTop))
	for i, it := range items {
		mark := "  "
		if it.Top {
			mark = "* "
		}
		s.item(i+1, mark+it.Text)
		if it.Own {
			s.note("Your own question.")
		} else {
			s.note("From \"" + it.TopicTitle + "\".")
		}
	}
}

// newQuestion reads one line and adds it as the patient's own question.
func (s *session) newQuestion() error {
	text, err := s.read(promptNew)
	if err != nil {
		return err
	}
	if text == "" {
		s.say("Nothing added.")
		return nil
	}
	it, err := s.list.AddOwn(text)
	if err != nil {
		s.say("Nothing added: the question is empty.")
		return nil
	}
	s.say("Added: " + it.Text)
	s.listMine()
	return nil
}

// change carries out d, t, u and down on the question numbered in args.
func (s *session) change(cmd string, args []string) {
	items := s.list.Items()
	if len(items) == 0 {
		s.say("Your list is empty, so there is nothing to change.")
		return
	}
	if len(args) != 1 {
		s.say(fmt.Sprintf("Type %s and the question's number, for example %s 1.", cmd, cmd))
		return
	}
	k, err := strconv.Atoi(args[0])
	if err != nil || k < 1 || k > len(items) {
		s.say(pleaseNumber(len(items)))
		return
	}
	i := k - 1
	it := items[i]
	switch cmd {
	case "d":
		s.list.Remove(it.ID)
		s.say("Removed: " + it.Text)
		if !it.Own {
			s.say("It is still on its page if you want it back.")
		}
	case "t":
		if !s.toggleTop(items, i) {
			return
		}
	case "u", "up":
		if i == 0 {
			s.say("That question is already first.")
			return
		}
		s.list.Move(it.ID, -1)
		s.say(fmt.Sprintf("Moved up to number %d.", k-1))
	case "down":
		if i == len(items)-1 {
			s.say("That question is already last.")
			return
		}
		s.list.Move(it.ID, 1)
		s.say(fmt.Sprintf("Moved down to number %d.", k+1))
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
			s.say(fmt.Sprintf("You can mark up to %d questions as most important. Type t and the number of a marked one to unmark it first.", checklist.MaxTop))
		} else {
			s.say("Sorry, that did not work: " + err.Error())
		}
		return false
	}
	if it.Top {
		for j := i; j+1 < len(items) && items[j+1].Top; j++ {
			s.list.Move(it.ID, 1)
		}
		s.say("No longer marked most important: " + it.Text)
		return true
	}
	for j := i; j > 0 && !items[j-1].Top; j-- {
		s.list.Move(it.ID, -1)
	}
	s.say("Marked most important: " + it.Text)
	return true
}

// isNumber reports whether s is a whole number.
func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
