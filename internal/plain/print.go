package plain

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/her2guide/her2guide/internal/export"
)

// printList offers the Printer's ways to print or save the list and
// carries out the one chosen. Failures are told to the reader, and the
// list is kept.
func (s *session) printList() error {
	if s.list.Len() == 0 {
		s.say(s.t.NothingToPrint)
		return nil
	}
	if ok, err := s.askFill(); err != nil || !ok {
		return err
	}
	choices, note := s.print.Choices(s.ctx)
	s.say("")
	if note != "" {
		s.say(note)
	}
	if len(choices) == 0 {
		s.say(s.t.NoWayToPrint)
		return nil
	}
	s.say(s.t.PrintTitle)
	for i, c := range choices {
		s.item(i+1, c)
	}
	k, _, err := s.choose(len(choices), s.t.PromptMenu, "b")
	if err != nil || k == 0 {
		return err
	}
	done, err := s.print.Do(s.ctx, k-1, s.list.Items(), "")
	var taken *export.ExistsError
	for errors.As(err, &taken) {
		name, ok, rerr := s.otherName(taken)
		if rerr != nil {
			return rerr
		}
		if !ok {
			s.say(s.t.NothingSaved)
			return nil
		}
		done, err = s.print.Do(s.ctx, k-1, s.list.Items(), name)
	}
	if err != nil {
		s.say(s.t.PrintFailed(strings.TrimSpace(err.Error())))
		return nil
	}
	s.kept(k - 1)
	s.say(aloudLines(done, s.t.SheetBlank))
	return nil
}

// AboutFiller is an optional part of a Printer: it fills the sheet's
// "About my cancer" lines (see export.Sheet.Mine) of the sheets that Do
// makes next, or leaves them blank for the zero Cancer. Only with it does
// the plain guide ask whether to fill them.
type AboutFiller interface {
	FillAbout(mine export.Cancer)
}

// askFill asks, once a session and only when the "My situation" answers
// fill a line, whether the sheet's "About my cancer" lines are filled from
// them; "No, leave them blank" is 1 and Enter alone (a sheet may be seen by
// others). It then tells the Printer what to fill. It reports false when
// the reader goes back: nothing is printed, and the question is asked again
// next time.
func (s *session) askFill() (bool, error) {
	f, ok := s.print.(AboutFiller)
	if !ok {
		return true, nil
	}
	mine := export.AboutCancer(s.g, s.answers)
	if !s.fillAsked && !mine.Empty() {
		var lines []string
		for _, v := range []string{mine.Stage, mine.HER2, mine.HR} {
			if v != "" {
				lines = append(lines, v)
			}
		}
		t := s.text.Print
		s.say("")
		s.say(t.FillAsk)
		s.item(1, t.FillNo)
		s.note(t.FillNoSummary)
		s.item(2, t.FillYes)
		s.note(t.FillYesSummary(lines))
		k, w, err := s.choose(2, s.t.PromptFill, "", "b")
		if err != nil || w == "b" {
			return false, err
		}
		s.fillAsked, s.fillAbout = true, k == 2
	}
	if !s.fillAbout {
		mine = export.Cancer{}
	}
	f.FillAbout(mine)
	return true, nil
}

// otherName tells the reader that a file with the name is already there
// and asks for another: Enter takes the free name, if there is one, and a
// name typed without a folder goes in the same folder. It reports false
// when the reader goes back.
func (s *session) otherName(taken *export.ExistsError) (string, bool, error) {
	dir := filepath.Dir(taken.Path)
	s.say(s.t.FileExists(filepath.Base(taken.Path), dir))
	prompt := s.t.PromptOtherName
	if taken.Free != "" {
		prompt = s.t.PromptFreeName(filepath.Base(taken.Free))
	}
	for {
		text, err := s.read(prompt)
		if err != nil {
			return "", false, err
		}
		low := strings.ToLower(text)
		switch {
		case isQuit(low):
			if ok, err := s.confirmQuit(); err != nil || ok {
				return "", false, cmpErr(err)
			}
		case low == "b":
			return "", false, nil
		case text == "" && taken.Free != "":
			return taken.Free, true, nil
		case text == "":
			s.say(s.t.TypeFileName)
			continue
		case !filepath.IsAbs(text):
			text = filepath.Join(dir, text)
		}
		return text, true, nil
	}
}
