// Package printing sends files to the computer's print spooler through the
// CUPS command-line clients (lp, lpstat), and turns their failures into
// plain words a patient can act on. It needs no cgo and has no UI code.
package printing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
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
}

// DefaultSpooler runs the real commands, in the C locale so their output
// can be read.
func DefaultSpooler() Spooler {
	return Spooler{Run: func(ctx context.Context, name string, args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, name, args...)
		env := make([]string, 0, len(os.Environ())+2)
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANGUAGE=") {
				env = append(env, kv)
			}
		}
		cmd.Env = append(env, "LANG=C", "LC_ALL=C")
		return cmd.CombinedOutput()
	}}
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
)

// Error is a printing failure. Error() is a plain sentence for the patient;
// Detail keeps the command's own output for logs.
type Error struct {
	Kind    Kind
	Printer string // the printer concerned, if any
	Detail  string // the raw output of the failing command
	Err     error  // the underlying error, if any
}

// Error returns the plain-language message.
func (e *Error) Error() string {
	switch e.Kind {
	case NoPrinters:
		return "No printer is set up on this computer."
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
	detail := strings.TrimSpace(string(out))
	e := &Error{Kind: Other, Printer: printer, Detail: detail, Err: err}
	low := strings.ToLower(detail)
	switch {
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
	out, err := s.Run(ctx, "lpstat", "-p")
	if err != nil {
		return nil, classify("", out, err)
	}
	printers := parsePrinters(string(out))
	if len(printers) == 0 {
		if e := classify("", out, nil); e.Kind != Other {
			return nil, e
		}
		return nil, &Error{Kind: NoPrinters, Detail: strings.TrimSpace(string(out))}
	}
	// Best effort from here: the list above is already useful.
	if out, err := s.Run(ctx, "lpstat", "-a"); err == nil {
		for _, name := range parseRejecting(string(out)) {
			for i := range printers {
				if printers[i].Name == name && printers[i].State != "stopped" {
					printers[i].State = "disabled"
				}
			}
		}
	}
	if out, err := s.Run(ctx, "lpstat", "-d"); err == nil {
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
	// request id is PDF-3 (1 file(s))
	reRequest = regexp.MustCompile(`request id is (\S+)`)
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
// "", with `lp [-d NAME] FILE`, and returns the spooler's job id. It first
// checks, when lpstat answers, that the printer is not stopped, so a job is
// not left waiting in a paused queue while the patient thinks it printed.
func (s Spooler) Print(ctx context.Context, printer, file string) (string, error) {
	if ps, err := s.Printers(ctx); err == nil {
		for _, p := range ps {
			if (p.Name == printer || (printer == "" && p.Default)) && (p.State == "stopped" || p.State == "disabled") {
				return "", &Error{Kind: PrinterStopped, Printer: p.Name, Detail: "printer state: " + p.State}
			}
		}
	}
	args := []string{file}
	if printer != "" {
		args = []string{"-d", printer, file}
	}
	out, err := s.Run(ctx, "lp", args...)
	if err != nil {
		e := classify(printer, out, err)
		// With the scheduler down, lp says the printer does not exist:
		// ask the scheduler itself before blaming the printer.
		if e.Kind == NoSuchPrinter || e.Kind == NoPrinters || e.Kind == Other {
			if r, rerr := s.Run(ctx, "lpstat", "-r"); rerr == nil && strings.Contains(strings.ToLower(string(r)), "not running") {
				e.Kind = SpoolerDown
			}
		}
		return "", e
	}
	if m := reRequest.FindStringSubmatch(string(out)); m != nil {
		return m[1], nil
	}
	return "", nil
}

// PrintWith writes a document with write into a temporary file, sends it to
// printer ("" for the default) and removes the file. It returns the job id.
func (s Spooler) PrintWith(ctx context.Context, printer string, write func(io.Writer) error) (string, error) {
	tmp, err := os.CreateTemp("", "her2guide-print-*.pdf")
	if err != nil {
		return "", fmt.Errorf("could not prepare the page to print: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return "", fmt.Errorf("could not prepare the page to print: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("could not prepare the page to print: %w", err)
	}
	return s.Print(ctx, printer, tmp.Name())
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
