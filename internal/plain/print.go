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
	clinician, ok, err := s.askWhich()
	if err != nil || !ok {
		return err
	}
	if ok, err := s.askFill(clinician); err != nil || !ok {
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

// CopyMaker is an optional part of a Printer: it makes the sheets that Do
// makes next the one-page copy for the care team (export.Sheet.Clinician)
// with about in its "About me" box (export.Sheet.About; nil leaves the box
// blank), or the reader's own sheet when clinician is false. Only with it
// does the plain guide ask which sheet to make.
type CopyMaker interface {
	MakeCopy(clinician bool, about []export.Fact)
}

// askWhich asks, each time the list is printed or saved, which sheet to
// make: "My sheet" is 1 and Enter alone, the copy for the care team 2. It
// reports ok false when the reader goes back: nothing is printed.
func (s *session) askWhich() (clinician, ok bool, err error) {
	if _, maker := s.print.(CopyMaker); !maker {
		return false, true, nil
	}
	t := s.text.Print
	s.say("")
	s.say(t.Which)
	s.item(1, t.Mine)
	s.note(t.MineSummary)
	s.item(2, t.Copy)
	s.note(t.CopySummary)
	k, w, err := s.choose(2, s.t.PromptWhich, "", "b")
	if err != nil || w == "b" {
		return false, false, err
	}
	return k == 2, true, nil
}

// askFill asks, once a session and only when the "My situation" answers
// fill something on the sheet chosen, whether to fill it from them: the
// "About my cancer" lines of the reader's sheet, or the "About me" box of
// the copy for the care team. "No" is 1 and Enter alone (a sheet may be
// seen by others); each sheet is asked once a session, apart, since the
// copy shows more of the answers. It then tells the
// Printer what to fill and which sheet to make. It reports false when the
// reader goes back: nothing is printed, and the question is asked again
// next time.
func (s *session) askFill(clinician bool) (bool, error) {
	f, filler := s.print.(AboutFiller)
	c, maker := s.print.(CopyMaker)
	if !filler && !maker {
		return true, nil
	}
	mine := export.AboutCancer(s.g, s.answers)
	var about []export.Fact
	if maker {
		about = export.Situation(s.g, s.answers)
	}
	t := s.text.Print
	var ask, no, noSummary, yes, yesSummary string
	switch {
	case clinician:
		var answers []string
		for _, fact := range about {
			answers = append(answers, fact.Answer)
		}
		if len(answers) > 0 {
			ask, no, noSummary = t.FillAskCopy, t.FillNoCopy, t.FillNoCopySummary
			yes, yesSummary = t.FillYesCopy, t.FillYesCopySummary(answers)
		}
	case filler:
		var lines []string
		for _, v := range []string{mine.Stage, mine.HER2, mine.HR} {
			if v != "" {
				lines = append(lines, v)
			}
		}
		if len(lines) > 0 {
			ask, no, noSummary = t.FillAsk, t.FillNo, t.FillNoSummary
			yes, yesSummary = t.FillYes, t.FillYesSummary(lines)
		}
	}
	asked, agreed := &s.fillAsked, &s.fillAbout
	if clinician {
		asked, agreed = &s.copyAsked, &s.copyAbout
	}
	if !*asked && ask != "" {
		s.say("")
		s.say(ask)
		s.item(1, no)
		s.note(noSummary)
		s.item(2, yes)
		s.note(yesSummary)
		k, w, err := s.choose(2, s.t.PromptFill, "", "b")
		if err != nil || w == "b" {
			return false, err
		}
		*asked, *agreed = true, k == 2
	}
	if !*agreed || !clinician {
		about = nil
	}
	if !*agreed {
		mine = export.Cancer{}
	}
	if filler {
		f.FillAbout(mine)
	}
	if maker {
		c.MakeCopy(clinician, about)
	}
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
