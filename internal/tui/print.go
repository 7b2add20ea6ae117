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
	"github.com/her2guide/her2guide/internal/printing"
)

// PrintOptions say where the question list can go.
type PrintOptions struct {
	// Spooler talks to the system's print spooler.
	Spooler printing.Spooler
	// Version is printed in the footer of the sheet.
	Version string
	// Now gives the date printed on the sheet.
	Now func() time.Time
	// Dir is the folder offered for saved files.
	Dir string
	// Paper is the PDF paper size.
	Paper export.Paper
	// Phone and AfterHours are the care team's numbers for the sheet's
	// "when to call right away" box; empty leaves a line to write on.
	Phone, AfterHours string
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
)

const saveToFileID = "\x00file"

// printFlow is the "Print or save" screen: destination, format, file name,
// preview, then the result. Nothing is written until the patient confirms.
type printFlow struct {
	Step     printStep
	Dest     listScreen
	Formats  listScreen
	Name     textinput.Model
	Preview  pageScreen
	Printer  string // chosen printer, "" when saving to a file
	Format   export.Format
	Message  string
	Loading  bool
	Printers []printing.Printer
	// Kiosk prints only to the kiosk's printer: no list, no files.
	Kiosk bool
}

// typing reports whether a text field has the keys.
func (f printFlow) typing() bool { return f.Step == stepFileName }

// keys enables the bindings of the current step.
func (f printFlow) keys(k *KeyMap) []*key.Binding {
	nav := []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Help, &k.Quit}
	switch f.Step {
	case stepDestination, stepFormat, stepPreview:
		return append(nav, &k.Open, &k.Back)
	case stepFileName:
		return []*key.Binding{&k.Open, &k.Cancel}
	case stepFailed:
		if f.Kiosk {
			return []*key.Binding{&k.Back}
		}
		return []*key.Binding{&k.Open, &k.Back, &k.Quit}
	}
	return []*key.Binding{&k.Back, &k.Quit}
}

type printersMsg struct {
	printers []printing.Printer
	err      error
}

type doneMsg struct {
	where string
	err   error
}

// openPrint starts "Print or save" and asks the spooler for its printers.
func (m Model) openPrint() (Model, tea.Cmd) {
	if m.list.Len() == 0 {
		m.status = "Your list is empty. Add questions first."
		return m, nil
	}
	if k := m.opts.Kiosk; k != nil {
		m.print = printFlow{Kiosk: true, Printer: k.Printer, Format: "pdf"}
		m.push(printScreen)
		m.showPreview()
		return m, nil
	}
	m.print = printFlow{Step: stepDestination, Loading: true}
	m.print.Dest = listScreen{Intro: "Where should your questions go?", Menu: menu{items: destItems(nil)}}
	m.push(printScreen)
	sp := m.opts.Print.Spooler
	if sp.Run == nil {
		return m, func() tea.Msg { return printersMsg{nil, &printing.Error{Kind: printing.NoSpoolerTools}} }
	}
	return m, func() tea.Msg {
		ps, err := sp.Printers(context.Background())
		return printersMsg{ps, err}
	}
}

func destItems(ps []printing.Printer) []menuItem {
	var items []menuItem
	for _, p := range ps {
		sum := "Print on " + p.Name + "."
		if p.Default {
			sum = "Print on " + p.Name + ", this computer's usual printer."
		}
		if p.State == "stopped" || p.State == "disabled" {
			sum += " It looks " + p.State + " now."
		}
		items = append(items, menuItem{ID: p.Name, Title: "Print on " + p.Name, Summary: sum})
	}
	return append(items, menuItem{ID: saveToFileID, Title: "Save to a file", Summary: "Save the list as PDF, web page, Markdown or plain text."})
}

var formatItems = []menuItem{
	{ID: "pdf", Title: "PDF", Summary: "Best for printing later or sending by email."},
	{ID: "html", Title: "Web page (HTML)", Summary: "Opens in any web browser, and prints well from there."},
	{ID: "markdown", Title: "Markdown", Summary: "Plain text with checkboxes, for notes apps."},
	{ID: "text", Title: "Plain text", Summary: "Works everywhere."},
}

// sheet builds the printout from the patient's list.
func (m Model) sheet() export.Sheet {
	now := time.Now
	if m.opts.Print.Now != nil {
		now = m.opts.Print.Now
	}
	s := export.NewSheet(m.common.Guide, m.list.Items(), now(), m.opts.Print.Version)
	s.Phone, s.AfterHours = m.opts.Print.Phone, m.opts.Print.AfterHours
	return s
}

func (m Model) paper() export.Paper {
	if m.opts.Print.Paper == "" {
		return "a4"
	}
	return m.opts.Print.Paper
}

// updatePrint handles keys in "Print or save".
func (m Model) updatePrint(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	f := &m.print
	k := m.common.Keys
	switch f.Step {
	case stepDestination:
		if key.Matches(msg, k.Open) {
			it, ok := f.Dest.Menu.selected()
			if !ok {
				return m, nil
			}
			if it.ID == saveToFileID {
				f.Printer = ""
				f.Formats = listScreen{Intro: "Save as which kind of file?", Menu: menu{items: formatItems}}
				f.Step = stepFormat
			} else {
				f.Printer, f.Format = it.ID, "pdf"
				m.showPreview()
			}
			m.keysForScreen()
			return m, nil
		}
		f.Dest = f.Dest.Update(msg, &m.common)
	case stepFormat:
		if key.Matches(msg, k.Back) {
			f.Step = stepDestination
			m.keysForScreen()
			return m, nil
		}
		if key.Matches(msg, k.Open) {
			it, _ := f.Formats.Menu.selected()
			f.Format = export.Format(it.ID)
			ti := newField("", "", 4096, m.common.Width)
			ti.SetValue(filepath.Join(m.opts.Print.Dir, "my-questions-"+m.sheet().Date.Format("2006-01-02")+f.Format.Extension()))
			f.Name = ti
			f.Step = stepFileName
			m.keysForScreen()
			return m, f.Name.Focus()
		}
		f.Formats = f.Formats.Update(msg, &m.common)
	case stepFileName:
		switch {
		case key.Matches(msg, k.Cancel):
			f.Step = stepFormat
			m.keysForScreen()
			return m, nil
		case msg.String() == "enter":
			if strings.TrimSpace(f.Name.Value()) == "" {
				m.status = "Type a file name first."
				return m, nil
			}
			m.showPreview()
			return m, nil
		}
		var cmd tea.Cmd
		f.Name, cmd = f.Name.Update(msg)
		return m, cmd
	case stepPreview:
		switch {
		case key.Matches(msg, k.Open):
			f.Step = stepWorking
			m.keysForScreen()
			return m, m.deliver()
		case key.Matches(msg, k.Back) && f.Kiosk:
			return m.back(), nil
		case key.Matches(msg, k.Back):
			if f.Printer != "" {
				f.Step = stepDestination
			} else {
				f.Step = stepFileName
				cmd := f.Name.Focus()
				m.keysForScreen()
				return m, cmd
			}
			m.keysForScreen()
			return m, nil
		}
		f.Preview = f.Preview.Update(msg, &m.common)
	case stepFailed:
		if key.Matches(msg, k.Open) && !f.Kiosk {
			// Offer to save to a file instead; the list is untouched.
			f.Printer = ""
			f.Formats = listScreen{Intro: "Save as which kind of file?", Menu: menu{items: formatItems}}
			f.Step = stepFormat
			m.keysForScreen()
			return m, nil
		}
		if key.Matches(msg, k.Back) {
			return m.back(), nil
		}
	case stepDone:
		if key.Matches(msg, k.Back) {
			return m.back(), nil
		}
	}
	return m, nil
}

// showPreview renders the text version of exactly what will be printed.
func (m *Model) showPreview() {
	f := &m.print
	var buf bytes.Buffer
	if err := export.Write(&buf, m.sheet(), "text", m.paper()); err != nil {
		f.Step, f.Message = stepFailed, "The preview could not be made: "+err.Error()
		m.keysForScreen()
		return
	}
	f.Preview = pageScreen{Lines: strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")}
	f.Step = stepPreview
	m.keysForScreen()
}

// deliver prints or saves in a command; the result comes back as doneMsg.
func (m Model) deliver() tea.Cmd {
	f := m.print
	sheet, paper, sp := m.sheet(), m.paper(), m.opts.Print.Spooler
	if f.Printer != "" || f.Kiosk {
		printer := f.Printer
		where := "the printer " + printer
		if printer == "" {
			where = "the printer"
		}
		return func() tea.Msg {
			return doneMsg{where: where, err: printSheet(sp, printer, sheet, paper)}
		}
	}
	path, format := strings.TrimSpace(f.Name.Value()), f.Format
	return func() tea.Msg {
		return doneMsg{where: path, err: saveSheet(path, sheet, format, paper)}
	}
}

// printSheet sends the sheet to the printer as a PDF.
func printSheet(sp printing.Spooler, printer string, s export.Sheet, paper export.Paper) error {
	_, err := sp.PrintWith(context.Background(), printer, func(w io.Writer) error { return export.Write(w, s, "pdf", paper) })
	return err
}

// saveSheet writes the sheet to a file (atomically, with plain errors).
func saveSheet(path string, s export.Sheet, f export.Format, paper export.Paper) error {
	return export.WriteFile(path, s, f, paper)
}

// handleResult records the outcome of printing or saving.
func (m Model) handleResult(msg tea.Msg) Model {
	f := &m.print
	switch msg := msg.(type) {
	case printersMsg:
		f.Loading = false
		f.Printers = msg.printers
		f.Dest = f.Dest.withItems(destItems(msg.printers))
		if msg.err != nil {
			f.Dest.Intro = printing.Explain(msg.err) + " You can still save to a file."
		}
	case doneMsg:
		switch {
		case msg.err != nil && f.Kiosk:
			// The patient gets the desk message; the detail goes to the staff log.
			f.Step, f.Message = stepFailed, deskMessage
			detail := ""
			var pe *printing.Error
			if errors.As(msg.err, &pe) && pe.Detail != "" {
				detail = " (spooler said: " + pe.Detail + ")"
			}
			m.logf("printing failed: %v%s", msg.err, detail)
		case msg.err != nil:
			f.Step = stepFailed
			f.Message = printing.Explain(msg.err) + " Your list has not changed."
		default:
			f.Step = stepDone
			f.Message = "Done: your questions went to " + msg.where + "."
		}
	}
	m.keysForScreen()
	return m
}

// View renders the current step.
func (f printFlow) View(c *Common) string {
	switch f.Step {
	case stepDestination:
		if f.Loading {
			return f.Dest.View(c) + "\n\n" + c.Styles.Muted.Render("Looking for printers…")
		}
		return f.Dest.View(c)
	case stepFormat:
		return f.Formats.View(c)
	case stepFileName:
		return c.Styles.Title.Render("Save to this file:") + "\n" + f.Name.View()
	case stepPreview:
		what := "Press enter to print on " + f.Printer + "."
		switch {
		case f.Kiosk:
			what = "Press enter to print."
		case f.Printer == "":
			what = "Press enter to save it."
		}
		cc := *c
		cc.Height = max(1, c.Height-2)
		return c.Styles.Title.Render("Preview. "+what) + "\n\n" + f.Preview.View(&cc)
	case stepWorking:
		return c.Styles.Muted.Render("Working…")
	case stepDone:
		return c.Styles.Title.Render(lipgloss.Wrap(f.Message, c.Width, "/ ")) + "\n\nPress esc to go back to your list."
	case stepFailed:
		if f.Kiosk {
			return c.Styles.Error.Render(lipgloss.Wrap(f.Message, c.Width, "/ ")) + "\n\nYour questions are still here. Tap Back to see them."
		}
		return c.Styles.Error.Render(lipgloss.Wrap(f.Message, c.Width, "/ ")) + "\n\nPress enter to save to a file instead, or esc to go back."
	}
	return ""
}
