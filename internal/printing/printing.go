// Package printing sends files to the computer's print spooler through the
// CUPS command-line clients (lp, lpstat), and turns their failures into
// plain words a patient can act on. It needs no cgo and has no UI code.
package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/her2guide/her2guide/internal/safetext"
)

// Printer is one print queue.
type Printer struct {
	Name    string
	Default bool
	// State is "idle", "printing", "stopped" (paused: lpstat says
	// "disabled"; jobs wait) or "disabled" (not accepting jobs).
	State string
}

// Spooler talks to the print spooler by running its client commands.
type Spooler struct {
	// Run runs a command and returns its standard output and error,
	// combined. Tests replace it.
	Run func(ctx context.Context, name string, args ...string) ([]byte, error)
	// RunInput runs a command as Run does, with data as its standard
	// input: lp reads the sheet from it, so the sheet is never written to
	// a file. When it is nil, Run runs the command without the data, which
	// suits fakes that do not look at what is printed.
	RunInput func(ctx context.Context, data io.Reader, name string, args ...string) ([]byte, error)
	// Title is the job's name in the print queue and on a banner page
	// (lp -t). Zero means DefaultTitle. A sheet sent on standard input
	// would otherwise be called "(stdin)", and a file by its own name.
	Title string
	// Timeout bounds each command, so a print service that has stopped
	// answering cannot hold a patient on "Working…". Zero means
	// DefaultTimeout. A caller's earlier deadline wins.
	Timeout time.Duration
}

// DefaultTitle is the job name when Spooler.Title is empty: the question
// sheet is what her2guide prints.
const DefaultTitle = "her2guide questions"

// DefaultTimeout is how long a spooler command may take when
// Spooler.Timeout is zero. lpstat and lp answer in well under a second
// when the print service is working, also for a printer on the network:
// the job is queued, not printed, before lp returns.
const DefaultTimeout = 10 * time.Second

// DefaultSpooler runs the real commands, in the C locale so their output
// can be read, with a minimal environment (see ChildEnv), and kills a
// command that takes longer than the timeout.
func DefaultSpooler() Spooler {
	return Spooler{
		Run: func(ctx context.Context, name string, args ...string) ([]byte, error) {
			return command(ctx, nil, name, args...)
		},
		RunInput: command,
	}
}

// command runs name with data on its standard input.
func command(ctx context.Context, data io.Reader, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = ChildEnv(os.Environ())
	cmd.Stdin = data
	// A killed command's own children may hold its output open: stop
	// waiting for them soon after.
	cmd.WaitDelay = time.Second
	return cmd.CombinedOutput()
}

// ChildEnv is the environment the spooler's commands get, from the
// program's environment env: PATH to find them, HOME for the reader's own
// CUPS settings (~/.cups/lpoptions and client.conf: the usual printer, the
// print server), CUPS's variables (CUPS_SERVER, CUPS_USER, CUPS_ENCRYPTION
// and the rest, IPP_PORT), and the C locale. Nothing else reaches them: no
// HER2GUIDE_* variable (the kiosk's staff code), no secret of the caller's.
func ChildEnv(env []string) []string {
	kept := make([]string, 0, 8)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "PATH", name == "HOME", name == "IPP_PORT", strings.HasPrefix(name, "CUPS_"):
			kept = append(kept, kv)
		}
	}
	return append(kept, "LANG=C", "LC_ALL=C")
}

// run runs one command with the spooler's timeout, feeding it data when
// data is not nil. A command that ran out of time or whose caller gave up
// returns an error that wraps the context's (context.DeadlineExceeded or
// context.Canceled), with whatever it printed before it was stopped.
func (s Spooler) run(ctx context.Context, data io.Reader, name string, args ...string) ([]byte, error) {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var out []byte
	var err error
	if data != nil && s.RunInput != nil {
		out, err = s.RunInput(cctx, data, name, args...)
	} else {
		out, err = s.Run(cctx, name, args...)
	}
	if err != nil && cctx.Err() != nil {
		err = fmt.Errorf("%s: %w (%v)", name, cctx.Err(), err)
	}
	return out, err
}

// Kind says what went wrong, so a screen can offer the right way out.
type Kind int

// The kinds of printing failure.
const (
	Other          Kind = iota
	NoPrinters          // no print queue is set up
	NoSuchPrinter       // the named queue does not exist
	PrinterStopped      // the queue is paused or refuses jobs
	SpoolerDown         // the print service (cupsd) is not running
	NoSpoolerTools      // lp or lpstat is not installed
	NotAnswering        // the print service did not answer in time
	Cancelled           // the caller gave up (the kiosk was reset)
	NoDefault           // queues exist, none is the default, none was named
)

// Error is a printing failure. Error() is a plain sentence for the patient;
// Detail keeps the command's own output for logs.
type Error struct {
	Kind    Kind
	Printer string // the printer concerned, if any
	// Detail is what the failing command printed, made safe for a log or
	// a terminal with safetext.Text.
	Detail string
	Err    error // the underlying error, if any
	// Printers names the print queues there are, for NoDefault.
	Printers []string
}

// Error returns the plain-language message.
func (e *Error) Error() string {
	switch e.Kind {
	case NoPrinters:
		return "No printer is set up on this computer."
	case NoDefault:
		names := make([]string, len(e.Printers))
		for i, n := range e.Printers {
			names[i] = strconv.Quote(safetext.Line(n))
		}
		switch len(names) {
		case 0:
			return "This computer has no usual printer."
		case 1:
			return fmt.Sprintf("This computer has no usual printer; its printer is %s.", names[0])
		}
		return fmt.Sprintf("This computer has no usual printer; its printers are %s and %s.",
			strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
	case NoSuchPrinter:
		return fmt.Sprintf("There is no printer called %q on this computer.", e.Printer)
	case PrinterStopped:
		if e.Printer == "" {
			return "The printer is stopped."
		}
		return fmt.Sprintf("The printer %q is stopped.", e.Printer)
	case SpoolerDown:
		return "The print service is not running on this computer."
	case NoSpoolerTools:
		return "This computer has no print service (the lp command is missing)."
	case NotAnswering:
		return "The print service is not answering."
	case Cancelled:
		return "Printing was stopped."
	}
	if line := firstLine(e.Detail); line != "" {
		return "Printing did not work: " + line
	}
	if e.Err != nil {
		return "Printing did not work: " + e.Err.Error()
	}
	return "Printing did not work."
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// firstLine is the first non-empty line of out without the command's
// "lp: " or "lpstat: " prefix and CUPS's "Error - ".
func firstLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		for _, p := range []string{"lp:", "lpstat:", "Error -"} {
			l = strings.TrimSpace(strings.TrimPrefix(l, p))
		}
		if l != "" {
			return l
		}
	}
	return ""
}

// classify turns a failed command's output into an *Error.
func classify(printer string, out []byte, err error) *Error {
	detail := safetext.Text(strings.TrimSpace(string(out)))
	e := &Error{Kind: Other, Printer: printer, Detail: detail, Err: err}
	low := strings.ToLower(detail)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = NotAnswering
	case errors.Is(err, context.Canceled):
		e.Kind = Cancelled
	case errors.Is(err, exec.ErrNotFound):
		e.Kind = NoSpoolerTools
	case strings.Contains(low, "scheduler is not running"),
		strings.Contains(low, "unable to connect to server"),
		strings.Contains(low, "connection refused"):
		e.Kind = SpoolerDown
	case strings.Contains(low, "no destinations added"),
		strings.Contains(low, "no default destination"):
		e.Kind = NoPrinters
	case strings.Contains(low, "printer or class does not exist"),
		strings.Contains(low, "invalid destination name"),
		strings.Contains(low, "unknown destination"):
		e.Kind = NoSuchPrinter
	case strings.Contains(low, "not accepting jobs"),
		strings.Contains(low, "is not accepting"):
		e.Kind = PrinterStopped
	}
	return e
}

// Printers lists the print queues, the default first, then by name as
// lpstat gives them. No queue at all is a *Error of kind NoPrinters.
func (s Spooler) Printers(ctx context.Context) ([]Printer, error) {
	out, err := s.run(ctx, nil, "lpstat", "-p")
	if err != nil {
		return nil, classify("", out, err)
	}
	printers := parsePrinters(string(out))
	if len(printers) == 0 {
		if e := classify("", out, nil); e.Kind != Other {
			return nil, e
		}
		return nil, &Error{Kind: NoPrinters, Detail: safetext.Text(strings.TrimSpace(string(out)))}
	}
	// Best effort from here: the list above is already useful.
	if out, err := s.run(ctx, nil, "lpstat", "-a"); err == nil {
		for _, name := range parseRejecting(string(out)) {
			for i := range printers {
				if printers[i].Name == name && printers[i].State != "stopped" {
					printers[i].State = "disabled"
				}
			}
		}
	}
	if out, err := s.run(ctx, nil, "lpstat", "-d"); err == nil {
		if def := parseDefault(string(out)); def != "" {
			for i := range printers {
				if printers[i].Name == def {
					printers[i].Default = true
					p := printers[i]
					copy(printers[1:i+1], printers[:i])
					printers[0] = p
					break
				}
			}
		}
	}
	return printers, nil
}

var (
	// printer PDF is idle.  enabled since Sun Nov 22 00:23:42 2026
	// printer HP now printing HP-12.  enabled since ...
	// printer PDF disabled since Sun Nov 22 00:23:42 2026 -
	rePrinter = regexp.MustCompile(`^printer (\S+) (is idle|now printing|disabled)`)
	// PDF not accepting requests since Sun Nov 22 00:23:42 2026 -
	reRejecting = regexp.MustCompile(`^(\S+) not accepting requests`)
	// system default destination: PDF
	reDefault = regexp.MustCompile(`^system default destination: (\S+)`)
	// request id is PDF-3 (1 file(s)). The id is given to cancel, so it
	// must not look like an option.
	reRequest = regexp.MustCompile(`request id is ([^-\s]\S*-[0-9]+)`)
)

func parsePrinters(out string) []Printer {
	var ps []Printer
	for _, l := range strings.Split(out, "\n") {
		m := rePrinter.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		state := map[string]string{"is idle": "idle", "now printing": "printing", "disabled": "stopped"}[m[2]]
		ps = append(ps, Printer{Name: m[1], State: state})
	}
	return ps
}

func parseRejecting(out string) []string {
	var names []string
	for _, l := range strings.Split(out, "\n") {
		if m := reRejecting.FindStringSubmatch(l); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}

func parseDefault(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if m := reDefault.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			return m[1]
		}
	}
	return ""
}

// Print sends file to printer, or to the default printer when printer is
// "", with `lp [-d NAME] -t TITLE FILE`, and returns the spooler's job id. It first
// checks, when lpstat answers, that the printer is not stopped, so a job is
// not left waiting in a paused queue while the patient thinks it printed.
func (s Spooler) Print(ctx context.Context, printer, file string) (string, error) {
	return s.print(ctx, printer, file, nil)
}

// PrintWith sends the document that write writes to printer ("" for the
// default) on lp's standard input (`lp [-d NAME] -t TITLE -`), and returns
// the job id. The document is
// made in memory and never written to a file, so no copy of the patient's
// questions is left behind if the program is stopped while printing.
func (s Spooler) PrintWith(ctx context.Context, printer string, write func(io.Writer) error) (string, error) {
	var doc bytes.Buffer
	if err := write(&doc); err != nil {
		return "", fmt.Errorf("could not prepare the page to print: %w", err)
	}
	return s.print(ctx, printer, "", &doc)
}

// print sends file, or data when file is "", to printer. When lp reports a
// job but runs out of time, or the caller gives up, the job is cancelled:
// it must not come out of the printer after the patient has left.
func (s Spooler) print(ctx context.Context, printer, file string, data io.Reader) (string, error) {
	ps, err := s.Printers(ctx)
	var pe *Error
	if errors.As(err, &pe) && (pe.Kind == NotAnswering || pe.Kind == Cancelled) {
		return "", err
	}
	for _, p := range ps {
		if (p.Name == printer || (printer == "" && p.Default)) && (p.State == "stopped" || p.State == "disabled") {
			return "", &Error{Kind: PrinterStopped, Printer: p.Name, Detail: "printer state: " + p.State}
		}
	}
	var args []string
	if printer != "" {
		args = append(args, "-d", printer)
	}
	title := s.Title
	if title == "" {
		title = DefaultTitle
	}
	args = append(args, "-t", title)
	if file == "" {
		file = "-" // standard input, and nothing else
	}
	args = append(args, file)
	out, err := s.run(ctx, data, "lp", args...)
	job := ""
	if m := reRequest.FindStringSubmatch(string(out)); m != nil {
		job = m[1]
	}
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("lp: %w", ctx.Err())
	}
	if err != nil {
		e := classify(printer, out, err)
		if job != "" && (e.Kind == NotAnswering || e.Kind == Cancelled) {
			e.Detail = strings.TrimSpace(e.Detail + "\n" + s.cancelJob(ctx, job))
		}
		// With the scheduler down, lp says the printer does not exist:
		// ask the scheduler itself before blaming the printer.
		if e.Kind == NoSuchPrinter || e.Kind == NoPrinters || e.Kind == Other {
			if r, rerr := s.run(ctx, nil, "lpstat", "-r"); rerr == nil && strings.Contains(strings.ToLower(string(r)), "not running") {
				e.Kind = SpoolerDown
			}
		}
		// "No default destination" with queues listed: there are
		// printers, just no usual one. Name them.
		if e.Kind == NoPrinters && printer == "" && len(ps) > 0 {
			e.Kind = NoDefault
			for _, p := range ps {
				e.Printers = append(e.Printers, p.Name)
			}
		}
		return "", e
	}
	return job, nil
}

// cancelJob cancels a job that was queued too late, with `cancel JOB`, in
// its own time (the caller's has run out), and says how that went, for the
// log. If the print service does not answer now either, the job waits for
// it as lp did, and nothing more can be done from here.
func (s Spooler) cancelJob(ctx context.Context, job string) string {
	out, err := s.run(context.WithoutCancel(ctx), nil, "cancel", job)
	if err != nil {
		return "could not cancel job " + safetext.Line(job) + ": " + safetext.Line(strings.TrimSpace(string(out))+" "+err.Error())
	}
	return "job " + safetext.Line(job) + " cancelled"
}

// Plain is the patient's sentence (the same as Error).
func (e *Error) Plain() string { return e.Error() }

// Explain says what went wrong in words a patient can act on: the Plain
// sentence of any error in the chain that has one (printing and saving
// errors do), else a general sentence with the system's words.
func Explain(err error) string {
	var p interface{ Plain() string }
	if errors.As(err, &p) {
		return p.Plain()
	}
	return fmt.Sprintf("Something went wrong (%v).", err)
}
