package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/keep"
	"github.com/her2guide/her2guide/internal/plain"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/safetext"
)

// plainEnv is the environment variable that turns plain mode on.
const plainEnv = "HER2GUIDE_PLAIN"

// plainFlag is the root's persistent flag for plain mode.
const plainFlag = "plain"

// addPlainFlag adds --plain to the root command and all its children.
func addPlainFlag(root *cobra.Command) {
	root.PersistentFlags().Bool(plainFlag, false,
		"plain text for screen readers ("+plainEnv+"=1)")
}

// plainWanted reports whether the guide should run in plain mode: --plain
// when given, otherwise HER2GUIDE_PLAIN.
func plainWanted(cmd *cobra.Command, env Env) bool {
	if f := cmd.Flags().Lookup(plainFlag); f != nil && f.Changed {
		on, err := strconv.ParseBool(f.Value.String())
		return err == nil && on
	}
	if env.Getenv == nil {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(env.Getenv(plainEnv))) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// runPlain runs the line-by-line guide on the command's standard input and
// output. It needs no terminal.
func runPlain(cmd *cobra.Command, env Env) error {
	paper, err := paperFlag(cmd)
	if err != nil {
		return err
	}
	g, err := bundled()
	if err != nil {
		return err
	}
	width := 0
	if env.TermWidth != nil {
		width = env.TermWidth()
	}
	dir, err := os.UserHomeDir()
	if err != nil {
		dir = "."
	}
	pr := &sheetPrinter{g: g, spooler: printing.DefaultSpooler(), dir: dir, now: env.Now,
		version: cmd.Root().Version, paper: paper}
	// "Keep my list on this computer" keeps it here, when the reader
	// chooses it, as in the full-screen guide; with no home folder it is
	// not offered. (The kiosk refuses --plain, so it never gets here.)
	keepPath, err := keep.Path()
	if err != nil {
		keepPath = ""
	}
	// Ctrl-C and SIGTERM end the session even while it waits for a line.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return plain.Run(ctx, g, env.Stdin, env.Stdout,
		plain.Options{Width: width, Height: termHeight(env), Printer: pr, Keep: keepPath})
}

// termHeight is the height of the terminal on standard output, so that a
// part of a page fills the screen and no more; 0 when standard output is
// not a terminal (a pipe, a file, a test).
func termHeight(env Env) int {
	if env.IsTerminal == nil {
		return 0
	}
	if _, out := env.IsTerminal(); !out {
		return 0
	}
	f, ok := env.Stdout.(*os.File)
	if !ok {
		return 0
	}
	_, h, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return h
}

// sheetPrinter shows, saves or prints the plain guide's question list as
// the sheet from internal/export.
type sheetPrinter struct {
	g       *guide.Guide
	spooler printing.Spooler
	// dir is the folder files are saved in.
	dir     string
	now     clock.Clock
	version string
	paper   export.Paper
	// mine fills the sheet's "About my cancer" lines when the reader
	// agreed (see FillAbout).
	mine export.Cancer
	// clinician makes the next sheets the one-page copy for the care
	// team, with about in its "About me" box (see MakeCopy).
	clinician bool
	about     []export.Fact
	// printers are the queues offered by the last Choices, after the
	// fixed choices.
	printers []string
}

var _ plain.Printer = (*sheetPrinter)(nil)

// saveChoice is a fixed choice: show the sheet here, or save it as a file.
type saveChoice struct {
	label  string
	format export.Format
	show   bool
}

// saveChoices come first, so their numbers do not depend on the printers.
func saveChoices() []saveChoice {
	return []saveChoice{
		{label: "Show the sheet here as plain text", format: export.Text, show: true},
		{label: "Save as a PDF file (best for printing later or email)", format: export.PDF},
		{label: "Save as a web page (HTML file)", format: export.HTML},
		{label: "Save as a Markdown file", format: export.Markdown},
		{label: "Save as a plain text file", format: export.Text},
	}
}

// Choices lists the fixed choices, then one per print queue.
func (p *sheetPrinter) Choices(ctx context.Context) ([]string, string) {
	var out []string
	for _, c := range saveChoices() {
		out = append(out, c.label)
	}
	p.printers = nil
	if p.spooler.Run == nil {
		return out, ""
	}
	ps, err := p.spooler.Printers(ctx)
	if err != nil {
		return out, printing.Explain(err) + " You can still save the list to a file."
	}
	for _, q := range ps {
		label := "Print on " + safetext.Line(q.Name)
		if q.Default {
			label += " (this computer's usual printer)"
		}
		if q.State == "stopped" || q.State == "disabled" {
			label += "; it looks " + q.State + " now"
		}
		p.printers = append(p.printers, q.Name)
		out = append(out, label)
	}
	return out, ""
}

// Keeps is false for showing the sheet: only saving or printing keeps the
// list, for the plain guide's question before quitting.
func (p *sheetPrinter) Keeps(choice int) bool {
	fixed := saveChoices()
	return choice < 0 || choice >= len(fixed) || !fixed[choice].show
}

var _ plain.Keeper = (*sheetPrinter)(nil)

// FillAbout fills the "About my cancer" lines of the next sheets with
// mine; the zero Cancer leaves them blank.
func (p *sheetPrinter) FillAbout(mine export.Cancer) { p.mine = mine }

var _ plain.AboutFiller = (*sheetPrinter)(nil)

// MakeCopy makes the next sheets the one-page copy for the care team with
// about in its "About me" box, or the reader's own sheet.
func (p *sheetPrinter) MakeCopy(clinician bool, about []export.Fact) {
	p.clinician, p.about = clinician, about
}

var _ plain.CopyMaker = (*sheetPrinter)(nil)

// Do shows, saves or prints the sheet. A save goes to name, or to the
// day's usual name in p.dir when name is "".
func (p *sheetPrinter) Do(ctx context.Context, choice int, items []checklist.Item, name string) (string, error) {
	sheet := export.NewSheet(p.g, items, p.now.Now(), p.version)
	sheet.Mine = p.mine
	sheet.Clinician, sheet.About = p.clinician, p.about
	fixed := saveChoices()
	switch {
	case choice >= 0 && choice < len(fixed) && fixed[choice].show:
		var buf bytes.Buffer
		if err := export.Write(&buf, sheet, export.Text, p.paper); err != nil {
			return "", errors.New(printing.Explain(err))
		}
		return "Here is your sheet:\n\n" + strings.TrimRight(buf.String(), "\n") + "\n\nEnd of the sheet.", nil
	case choice >= 0 && choice < len(fixed):
		path, err := p.save(sheet, fixed[choice].format, name)
		if errors.Is(err, export.ErrExists) {
			return "", err // the plain guide asks for another name
		}
		if err != nil {
			return "", errors.New(printing.Explain(err))
		}
		return "Saved your questions to " + safetext.Line(path) + ".", nil
	case choice >= len(fixed) && choice-len(fixed) < len(p.printers):
		name := p.printers[choice-len(fixed)]
		if err := p.send(ctx, name, sheet); err != nil {
			return "", errors.New(printing.Explain(err))
		}
		return "Sent your questions to the printer " + safetext.Line(name) + ".", nil
	}
	return "", errors.New("that choice is not on the list")
}

// save writes the sheet to a new file, never over an existing one (that
// is an *export.ExistsError): to name, taken from p.dir when relative and
// given the format's extension when it has none, or to the usual name.
func (p *sheetPrinter) save(s export.Sheet, f export.Format, name string) (string, error) {
	path := export.DefaultName(p.dir, f, s.Date)
	if name != "" {
		path = name
		if !filepath.IsAbs(path) {
			path = filepath.Join(p.dir, path)
		}
		if filepath.Ext(path) == "" {
			path += f.Extension()
		}
	}
	return path, export.CreateFile(path, s, f, p.paper)
}

// send prints the sheet as a PDF on the named queue.
func (p *sheetPrinter) send(ctx context.Context, printer string, s export.Sheet) error {
	_, err := p.spooler.PrintWith(ctx, printer, func(w io.Writer) error { return export.Write(w, s, export.PDF, p.paper) })
	return err
}
