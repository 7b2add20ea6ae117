package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/safetext"
)

// PrintOptions say where the question list can go.
type PrintOptions struct {
	// Spooler talks to the system's print spooler.
	Spooler printing.Spooler
	// Version is printed in the footer of the sheet.
	Version string
	// Dir is the folder offered for saved files.
	Dir string
	// Paper is the PDF paper size.
	Paper export.Paper
	// Phone and AfterHours are the care team's numbers for the sheet's
	// "when to call right away" box; empty leaves a line to write on.
	Phone, AfterHours string
	// Clinic is the clinic's name for the sheet's endorsement line ("Your
	// care team at <Clinic> wants you to ask these questions."); empty
	// prints none.
	Clinic string
	// Desk prints only to Printer (empty: the default printer): no list of
	// printers and no saving to files. Failures say "ask at the desk".
	Desk    bool
	Printer string
}

// printStep is where the patient is in "Print or save".
type printStep int

const (
	stepDestination printStep = iota
	stepFormat
	stepFileName
	stepPreview
	stepWorking
	stepDone
	stepFailed
	// stepExists: a file is already at the chosen name; nothing was written.
	stepExists
	// stepFill asks, once a session and before anything else, whether the
	// sheet's "About my cancer" lines are filled from "My situation".
	stepFill
	// stepWhich asks, first each time, which sheet to make: the reader's
	// own or the one-page copy for the care team.
	stepWhich
)

const (
	saveToFileID = "\x00file"
	fillNoID     = "\x00no"
	fillYesID    = "\x00yes"
	sheetMineID  = "\x00mine"
	sheetCopyID  = "\x00copy"
)

// printScreen is "Print or save": which sheet, destination, format, file
// name, preview, then the result. Nothing is written until the patient
// confirms. Back goes to the step before; from the first step it leaves
// the screen.
type printScreen struct {
	ctx  *Context
	step printStep
	// which asks which sheet; clinician is the answer: the one-page copy
	// for the care team (export.Sheet.Clinician) instead of the reader's
	// own sheet. It lives only as long as this screen: every print or save
	// asks again, with the reader's own sheet first.
	which     listScreen
	clinician bool
	dest      listScreen
	fill      listScreen
	formats   listScreen
	name      textinput.Model
	preview   textView
	printer   string // chosen printer, "" when saving to a file
	format    export.Format
	message   string
	loading   bool
	printers  []printing.Printer
	// free is a free name beside the file that exists, "" when none.
	free string
}

var _ Screen = (*printScreen)(nil)

type printersMsg struct {
	printers []printing.Printer
	err      error
}

// doneMsg is the outcome of printing or saving; detail is the spooler's own
// words, for a staff log.
type doneMsg struct {
	where string
	err   error
	// job is the screen that asked, session the patient it was for: a
	// result for another job or an earlier patient is not shown.
	job     *printScreen
	session *Session
}

// newPrint opens "Print or save" on its first question: which sheet.
func newPrint(ctx *Context) *printScreen {
	t := ctx.Text.Print
	return &printScreen{ctx: ctx, step: stepWhich, which: listScreen{Intro: t.Which, Menu: menu{items: []menuItem{
		{ID: sheetMineID, Title: t.Mine, Summary: t.MineSummary},
		{ID: sheetCopyID, Title: t.Copy, Summary: t.CopySummary},
	}}}}
}

// chosen goes on from the choice of sheet: to the question whether to
// fill the sheet from "My situation" (asked once a session, and only when
// the answers would fill something on this sheet), else to where it goes.
func (s *printScreen) chosen(clinician bool) tea.Cmd {
	s.clinician = clinician
	if items, ask := fillItems(s.ctx, clinician); items != nil && !*s.consent().asked {
		s.step = stepFill
		s.fill = listScreen{Intro: ask, Menu: menu{items: items}}
		return nil
	}
	s.start()
	return s.Show()
}

// consent points at the session's answer to whether this sheet is filled
// from "My situation": the reader's sheet and the copy are asked apart.
func (s *printScreen) consent() (c struct{ asked, yes *bool }) {
	if s.clinician {
		c.asked, c.yes = &s.ctx.Session.copyAsked, &s.ctx.Session.copyAbout
	} else {
		c.asked, c.yes = &s.ctx.Session.fillAsked, &s.ctx.Session.fillAbout
	}
	return c
}

// fillItems are the choices, and the question, for filling the sheet from
// "My situation": the "About my cancer" lines of the reader's sheet, or
// the "About me" box of the copy for the care team. "No" comes first (the
// default: a sheet may be seen by others). Items are nil when the answers
// fill nothing.
func fillItems(ctx *Context, clinician bool) (items []menuItem, ask string) {
	t := ctx.Text.Print
	if clinician {
		var answers []string
		for _, f := range export.Situation(ctx.Guide, ctx.Session.Answers) {
			answers = append(answers, f.Answer)
		}
		if len(answers) == 0 {
			return nil, ""
		}
		return []menuItem{
			{ID: fillNoID, Title: t.FillNoCopy, Summary: t.FillNoCopySummary},
			{ID: fillYesID, Title: t.FillYesCopy, Summary: t.FillYesCopySummary(answers)},
		}, t.FillAskCopy
	}
	mine := export.AboutCancer(ctx.Guide, ctx.Session.Answers)
	var lines []string
	for _, v := range []string{mine.Stage, mine.HER2, mine.HR} {
		if v != "" {
			lines = append(lines, v)
		}
	}
	if len(lines) == 0 {
		return nil, ""
	}
	return []menuItem{
		{ID: fillNoID, Title: t.FillNo, Summary: t.FillNoSummary},
		{ID: fillYesID, Title: t.FillYes, Summary: t.FillYesSummary(lines)},
	}, t.FillAsk
}

// start goes to the first step of printing or saving: the preview at a
// desk, else where the sheet goes.
func (s *printScreen) start() {
	ctx := s.ctx
	if ctx.Opts.Print.Desk {
		s.printer, s.format = ctx.Opts.Print.Printer, export.PDF
		s.showPreview()
		return
	}
	s.step = stepDestination
	if s.dest.Menu.items != nil {
		return // back here from the first question: the printers are asked for
	}
	s.loading = true
	s.dest = listScreen{Intro: ctx.Text.Print.Where, Menu: menu{items: destItems(ctx.Text, nil)}}
}

// Show asks the spooler for its printers the first time.
func (s *printScreen) Show() tea.Cmd {
	if s.step != stepDestination || !s.loading || s.printers != nil {
		return nil
	}
	sp := s.ctx.Opts.Print.Spooler
	if sp.Run == nil {
		return func() tea.Msg { return printersMsg{nil, &printing.Error{Kind: printing.NoSpoolerTools}} }
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), spoolerTimeout)
		defer cancel()
		ps, err := sp.Printers(ctx)
		return printersMsg{ps, err}
	}
}

// spoolerTimeout bounds every talk with the print spooler.
const spoolerTimeout = 20 * time.Second

func destItems(text *i18n.Catalog, ps []printing.Printer) []menuItem {
	t := text.Print
	var items []menuItem
	for _, p := range ps {
		sum := t.PrintOnSummary(p.Name, p.Default)
		if p.State == "stopped" || p.State == "disabled" {
			sum += t.LooksState(p.State)
		}
		// A printer's name comes from the spooler: never raw to the terminal.
		name := safetext.Line(p.Name)
		items = append(items, menuItem{ID: p.Name, Title: t.PrintOn(name), Summary: safetext.Line(sum)})
	}
	return append(items, menuItem{ID: saveToFileID, Title: t.SaveToFile, Summary: t.SaveSummary})
}

// formatItems are the kinds of file the list can be saved as.
func formatItems(text *i18n.Catalog) []menuItem {
	t := text.Print
	return []menuItem{
		{ID: string(export.PDF), Title: t.PDF, Summary: t.PDFSummary},
		{ID: string(export.HTML), Title: t.HTML, Summary: t.HTMLSummary},
		{ID: string(export.Markdown), Title: t.Markdown, Summary: t.MarkdownSummary},
		{ID: string(export.Text), Title: t.Text, Summary: t.TextSummary},
	}
}

// sheet builds the printout from the patient's list.
func (s *printScreen) sheet() export.Sheet {
	o := s.ctx.Opts.Print
	sh := export.NewSheet(s.ctx.Guide, s.ctx.Session.List.Items(), s.ctx.now(), o.Version)
	sh.Phone, sh.AfterHours = o.Phone, o.AfterHours
	sh.Clinic = o.Clinic
	sh.Clinician = s.clinician
	// The reader's answers go on a sheet only with their consent to that
	// sheet; without it the lines and the box stay blank.
	if *s.consent().yes {
		sh.Mine = export.AboutCancer(s.ctx.Guide, s.ctx.Session.Answers)
		if s.clinician {
			sh.About = export.Situation(s.ctx.Guide, s.ctx.Session.Answers)
		}
	}
	return sh
}

func (s *printScreen) paper() export.Paper {
	if s.ctx.Opts.Print.Paper == "" {
		return export.A4
	}
	return s.ctx.Opts.Print.Paper
}

// Typing is true while the file name is typed.
func (s *printScreen) Typing() bool { return s.step == stepFileName }

// Update handles the results of the spooler and the keys of each step.
func (s *printScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case printersMsg:
		if s.step != stepDestination || !s.loading {
			return nil
		}
		s.loading, s.printers = false, msg.printers
		s.dest = s.dest.withItems(destItems(s.ctx.Text, msg.printers))
		if msg.err != nil {
			s.dest.Intro = printing.Explain(msg.err) + s.ctx.Text.Print.CanStillSave
		}
		return nil
	case doneMsg:
		if s.step != stepWorking || msg.job != s || msg.session != s.ctx.Session {
			return nil
		}
		var exists *export.ExistsError
		switch {
		case errors.As(msg.err, &exists):
			s.step, s.message, s.free = stepExists, exists.Plain(), exists.Free
		case msg.err != nil && s.ctx.Opts.Print.Desk:
			s.step, s.message = stepFailed, s.ctx.Text.Print.Desk
		case msg.err != nil:
			s.step, s.message = stepFailed, printing.Explain(msg.err)+s.ctx.Text.Print.Unchanged
		default:
			s.step, s.message = stepDone, s.ctx.Text.Print.Done(safetext.Line(msg.where))
			s.ctx.Session.saved = listMark(&s.ctx.Session.List)
		}
		return nil
	case tea.PasteMsg:
		if s.step == stepFileName {
			var cmd tea.Cmd
			s.name, cmd = s.name.Update(msg)
			return cmd
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *printScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.ctx.Keys
	switch s.step {
	case stepWhich:
		switch {
		case key.Matches(msg, k.Open):
			it, ok := s.which.Menu.selected()
			if !ok {
				return nil
			}
			return s.chosen(it.ID == sheetCopyID)
		case key.Matches(msg, k.Back):
			return s.ctx.back()
		}
		s.which = s.which.Update(msg, s.ctx)
	case stepFill:
		switch {
		case key.Matches(msg, k.Open):
			it, ok := s.fill.Menu.selected()
			if !ok {
				return nil
			}
			c := s.consent()
			*c.asked, *c.yes = true, it.ID == fillYesID
			s.start()
			return s.Show()
		case key.Matches(msg, k.Back):
			// Unanswered: asked again next time.
			s.step = stepWhich
			return nil
		}
		s.fill = s.fill.Update(msg, s.ctx)
	case stepDestination:
		if key.Matches(msg, k.Back) {
			s.step = stepWhich
			return nil
		}
		if key.Matches(msg, k.Open) {
			it, ok := s.dest.Menu.selected()
			if !ok {
				return nil
			}
			if it.ID == saveToFileID {
				s.chooseFormat()
			} else {
				s.printer, s.format = it.ID, export.PDF
				s.showPreview()
			}
			return nil
		}
		s.dest = s.dest.Update(msg, s.ctx)
	case stepFormat:
		if key.Matches(msg, k.Back) {
			s.step = stepDestination
			return nil
		}
		if key.Matches(msg, k.Open) {
			it, _ := s.formats.Menu.selected()
			s.format = export.Format(it.ID)
			s.name = newField("", "", 4096, s.ctx.Width, s.ctx.Dark)
			s.name.SetValue(export.DefaultName(s.ctx.Opts.Print.Dir, s.format, s.sheet().Date))
			s.name.CursorEnd()
			s.step = stepFileName
			return s.name.Focus()
		}
		s.formats = s.formats.Update(msg, s.ctx)
	case stepFileName:
		switch {
		case key.Matches(msg, k.Cancel):
			s.step = stepFormat
			return nil
		case msg.String() == "enter":
			if strings.TrimSpace(s.name.Value()) == "" {
				return s.ctx.status(s.ctx.Text.Print.TypeName)
			}
			s.showPreview()
			return nil
		}
		var cmd tea.Cmd
		s.name, cmd = s.name.Update(msg)
		return cmd
	case stepPreview:
		switch {
		case key.Matches(msg, k.Open):
			s.step = stepWorking
			return s.deliver()
		case key.Matches(msg, k.Back):
			switch {
			case s.ctx.Opts.Print.Desk:
				s.step = stepWhich
			case s.printer != "":
				s.step = stepDestination
			default:
				s.step = stepFileName
				return s.name.Focus()
			}
			return nil
		}
		s.preview, _ = s.preview.scrollKey(msg, k, s.previewHeight())
	case stepFailed:
		if key.Matches(msg, k.Open) && !s.ctx.Opts.Print.Desk {
			if s.printer == "" {
				// A save failed: another name or folder.
				s.step = stepFileName
				return s.name.Focus()
			}
			// Printing failed: offer to save to a file instead; the list
			// is untouched.
			s.printer = ""
			s.chooseFormat()
			return nil
		}
		if key.Matches(msg, k.Back) {
			return s.ctx.back()
		}
	case stepDone:
		if key.Matches(msg, k.Back) {
			return s.ctx.back()
		}
	case stepExists:
		switch {
		case key.Matches(msg, k.Open) && s.free != "":
			// Save under the free name; it is checked again on writing.
			s.name.SetValue(s.free)
			s.name.CursorEnd()
			s.step = stepWorking
			return s.deliver()
		case key.Matches(msg, k.Back):
			// Back to the name, to type another.
			s.step = stepFileName
			return s.name.Focus()
		}
	}
	return nil
}

func (s *printScreen) chooseFormat() {
	s.formats = listScreen{Intro: s.ctx.Text.Print.WhichFormat, Menu: menu{items: formatItems(s.ctx.Text)}}
	s.step = stepFormat
}

// previewHeight is the body less the preview's title and a blank line.
func (s *printScreen) previewHeight() int { return max(1, s.ctx.Height-2) }

// showPreview lays out the text version of exactly what will be printed.
func (s *printScreen) showPreview() {
	var buf bytes.Buffer
	if err := export.Write(&buf, s.sheet(), export.Text, s.paper()); err != nil {
		s.step, s.message = stepFailed, s.ctx.Text.Print.PreviewFailed(err)
		return
	}
	s.preview = textView{Lines: strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")}
	s.step = stepPreview
}

// deliver prints or saves in a command; the result comes back as doneMsg.
func (s *printScreen) deliver() tea.Cmd {
	sheet, paper, sp := s.sheet(), s.paper(), s.ctx.Opts.Print.Spooler
	session := s.ctx.Session
	if s.printer != "" || s.ctx.Opts.Print.Desk {
		printer := s.printer
		where := s.ctx.Text.Print.ThePrinter(printer)
		return func() tea.Msg {
			// Wiping the session (a kiosk reset) cancels the print.
			ctx, cancel := context.WithTimeout(session.ctx, spoolerTimeout)
			defer cancel()
			_, err := sp.PrintWith(ctx, printer, func(w io.Writer) error { return export.Write(w, sheet, export.PDF, paper) })
			return doneMsg{where: where, err: err, job: s, session: session}
		}
	}
	path, format := strings.TrimSpace(s.name.Value()), s.format
	return func() tea.Msg {
		return doneMsg{where: path, err: export.CreateFile(path, sheet, format, paper), job: s, session: session}
	}
}

// Bindings are those of the current step.
func (s *printScreen) Bindings() []key.Binding {
	k := s.ctx.Keys
	nav := k.nav()
	switch s.step {
	case stepWhich, stepFill, stepDestination:
		return append([]key.Binding{k.Open, k.Back}, nav...)
	case stepFormat:
		return append([]key.Binding{k.Open, k.Back}, nav...)
	case stepPreview:
		// Enter prints or saves: the help says which, not "open".
		what := s.ctx.Text.Keys.Save
		if s.printer != "" || s.ctx.Opts.Print.Desk {
			what = s.ctx.Text.Keys.PrintOnly
		}
		return append([]key.Binding{key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp(k.Open.Help().Key, what)), k.Back}, nav...)
	case stepFileName:
		return []key.Binding{k.Open, k.Cancel}
	case stepFailed:
		if s.ctx.Opts.Print.Desk {
			return []key.Binding{k.Back}
		}
		if s.printer == "" {
			return []key.Binding{key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp(k.Open.Help().Key, s.ctx.Text.Keys.AnotherName)), k.Back}
		}
		return []key.Binding{key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp(k.Open.Help().Key, s.ctx.Text.Keys.SaveToFile)), k.Back}
	case stepDone:
		return []key.Binding{k.Back}
	case stepExists:
		back := key.NewBinding(key.WithKeys(k.Back.Keys()...), key.WithHelp(k.Back.Help().Key, s.ctx.Text.Keys.AnotherName))
		if s.free == "" {
			return []key.Binding{back}
		}
		return []key.Binding{key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp(k.Open.Help().Key, s.ctx.Text.Keys.SaveAs(filepath.Base(s.free)))), back}
	}
	return nil
}

// Crumbs name the screen.
func (s *printScreen) Crumbs() []string {
	return []string{s.ctx.Text.MyQuestions, s.ctx.Text.PrintOrSave}
}

// Cursor is the file name's cursor, below its title line.
func (s *printScreen) Cursor() *tea.Cursor {
	if s.step != stepFileName {
		return nil
	}
	c := s.name.Cursor()
	if c != nil {
		c.Y++
	}
	return c
}

// Click chooses the row under a tap on the lists.
func (s *printScreen) Click(_, y int) tea.Cmd {
	var hit bool
	switch s.step {
	case stepWhich:
		s.which, hit = s.which.Click(y, s.ctx)
	case stepFill:
		s.fill, hit = s.fill.Click(y, s.ctx)
	case stepDestination:
		s.dest, hit = s.dest.Click(y, s.ctx)
	case stepFormat:
		s.formats, hit = s.formats.Click(y, s.ctx)
	}
	if hit {
		return s.key(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	return nil
}

// View draws the current step.
func (s *printScreen) View() string {
	c, t := s.ctx, s.ctx.Text.Print
	switch s.step {
	case stepWhich:
		return s.which.View(c)
	case stepFill:
		return s.fill.View(c)
	case stepDestination:
		if s.loading {
			return s.dest.View(c) + "\n\n" + c.Styles.Muted.Render(t.LookingFor)
		}
		return s.dest.View(c)
	case stepFormat:
		return s.formats.View(c)
	case stepFileName:
		return c.Styles.Title.Render(t.SaveToThisFile) + "\n" + s.name.View()
	case stepPreview:
		what := t.PressPrintOn(s.printer)
		switch {
		case c.Opts.Print.Desk:
			what = t.PressPrint
		case s.printer == "":
			what = t.PressSave
		}
		return c.Styles.Title.Render(t.Preview(what)) + "\n\n" + strings.Join(s.preview.view(s.previewHeight()), "\n")
	case stepWorking:
		return c.Styles.Muted.Render(t.Working)
	case stepDone:
		return c.Styles.Title.Render(lipgloss.Wrap(s.message, c.Width, "/ ")) + "\n\n" + t.DoneBack
	case stepExists:
		what := t.ExistsBack
		if s.free != "" {
			what = t.ExistsFree(filepath.Base(s.free))
		}
		return c.Styles.Title.Render(lipgloss.Wrap(s.message, c.Width, "/ ")) + "\n\n" + what
	case stepFailed:
		if c.Opts.Print.Desk {
			return c.Styles.Error.Render(lipgloss.Wrap(s.message, c.Width, "/ ")) + "\n\n" + t.DeskFailed
		}
		if s.printer == "" {
			return c.Styles.Error.Render(lipgloss.Wrap(s.message, c.Width, "/ ")) + "\n\n" + t.FailedSave
		}
		return c.Styles.Error.Render(lipgloss.Wrap(s.message, c.Width, "/ ")) + "\n\n" + t.FailedOffer
	}
	return ""
}
