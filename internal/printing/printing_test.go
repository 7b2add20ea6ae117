package printing

import (
	"context"
	"errors"
	"io"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// Real outputs of CUPS 2.4 clients in the C locale.
const (
	outIdle        = "printer PDF is idle.  enabled since Sun Nov 22 00:23:42 2026\n"
	outTwo         = "printer HP now printing HP-12.  enabled since Sun Nov 22 00:20:01 2026\nprinter PDF is idle.  enabled since Sun Nov 22 00:23:42 2026\n"
	outPaused      = "printer PDF disabled since Sun Nov 22 00:23:42 2026 -\n\tPaused\n"
	outNoDest      = "lpstat: No destinations added.\n"
	outNoSched     = "lpstat: Scheduler is not running.\n"
	outDefault     = "system default destination: PDF\n"
	outNoDefault   = "no system default destination\n"
	outAccepting   = "PDF accepting requests since Sun Nov 22 00:23:42 2026\n"
	outRejecting   = "PDF not accepting requests since Sun Nov 22 00:23:42 2026 -\n\tRejecting Jobs\n"
	outJob         = "request id is PDF-3 (1 file(s))\n"
	outNoPrinter   = "lp: The printer or class does not exist.\n"
	outNoPrinterE  = "lp: Error - The printer or class does not exist.\n"
	outLpNoDefault = "lp: Error - No default destination.\n"
	outNotAccept   = "lp: Destination \"PDF\" is not accepting jobs.\n"
	outRunning     = "scheduler is running\n"
	outNotRunning  = "scheduler is not running\n"
)

var errExit = errors.New("exit status 1")

// reply is a fake command's answer.
type reply struct {
	out string
	err error
}

// fake answers commands by "name args..." and records what ran.
func fake(replies map[string]reply, ran *[]string) Spooler {
	return Spooler{Run: func(_ context.Context, name string, args ...string) ([]byte, error) {
		cmd := strings.Join(append([]string{name}, args...), " ")
		if ran != nil {
			*ran = append(*ran, cmd)
		}
		if r, ok := replies[cmd]; ok {
			return []byte(r.out), r.err
		}
		if strings.HasPrefix(cmd, "lp ") {
			return []byte(outJob), nil
		}
		return nil, errExit
	}}
}

func TestPrinters(t *testing.T) {
	notFound := &exec.Error{Name: "lpstat", Err: exec.ErrNotFound}
	tests := []struct {
		name    string
		replies map[string]reply
		want    []Printer
		kind    Kind
	}{
		{"one idle", map[string]reply{"lpstat -p": {outIdle, nil}, "lpstat -d": {outNoDefault, nil}, "lpstat -a": {outAccepting, nil}},
			[]Printer{{Name: "PDF", State: "idle"}}, -1},
		{"default first", map[string]reply{"lpstat -p": {outTwo, nil}, "lpstat -d": {outDefault, nil}},
			[]Printer{{Name: "PDF", Default: true, State: "idle"}, {Name: "HP", State: "printing"}}, -1},
		{"paused", map[string]reply{"lpstat -p": {outPaused, nil}},
			[]Printer{{Name: "PDF", State: "stopped"}}, -1},
		{"rejecting", map[string]reply{"lpstat -p": {outIdle, nil}, "lpstat -a": {outRejecting, nil}},
			[]Printer{{Name: "PDF", State: "disabled"}}, -1},
		{"no destinations", map[string]reply{"lpstat -p": {outNoDest, errExit}}, nil, NoPrinters},
		{"empty list", map[string]reply{"lpstat -p": {"", nil}}, nil, NoPrinters},
		{"scheduler down", map[string]reply{"lpstat -p": {outNoSched, errExit}}, nil, SpoolerDown},
		{"no lpstat", map[string]reply{"lpstat -p": {"", notFound}}, nil, NoSpoolerTools},
		{"strange", map[string]reply{"lpstat -p": {"lpstat: something odd\n", errExit}}, nil, Other},
	}
	for _, tt := range tests {
		got, err := fake(tt.replies, nil).Printers(context.Background())
		if tt.kind >= 0 {
			var pe *Error
			if !errors.As(err, &pe) || pe.Kind != tt.kind {
				t.Errorf("%s: err = %v, want kind %d", tt.name, err, tt.kind)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Printers() = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

func TestPrint(t *testing.T) {
	notFound := &exec.Error{Name: "lp", Err: exec.ErrNotFound}
	tests := []struct {
		name    string
		printer string
		replies map[string]reply
		job     string
		kind    Kind
		msg     string
	}{
		{"named", "PDF", map[string]reply{"lpstat -p": {outIdle, nil}}, "PDF-3", -1, ""},
		{"default", "", map[string]reply{"lpstat -p": {outIdle, nil}, "lpstat -d": {outDefault, nil}}, "PDF-3", -1, ""},
		{"lpstat missing but lp works", "PDF", nil, "PDF-3", -1, ""},
		{"no such printer", "Nope", map[string]reply{"lp -d Nope -t her2guide questions f.pdf": {outNoPrinter, errExit}, "lpstat -r": {outRunning, nil}},
			"", NoSuchPrinter, `There is no printer called "Nope" on this computer.`},
		{"no such printer, older wording", "Nope", map[string]reply{"lp -d Nope -t her2guide questions f.pdf": {outNoPrinterE, errExit}},
			"", NoSuchPrinter, `There is no printer called "Nope"`},
		{"no default", "", map[string]reply{"lp -t her2guide questions f.pdf": {outLpNoDefault, errExit}, "lpstat -r": {outRunning, nil}},
			"", NoPrinters, "No printer is set up on this computer."},
		{"queues but no default", "", map[string]reply{"lpstat -p": {outIdle, nil}, "lp -t her2guide questions f.pdf": {outLpNoDefault, errExit}, "lpstat -r": {outRunning, nil}},
			"", NoDefault, `This computer has no usual printer; its printer is "PDF".`},
		{"scheduler down", "PDF", map[string]reply{"lp -d PDF -t her2guide questions f.pdf": {outNoPrinterE, errExit}, "lpstat -r": {outNotRunning, nil}},
			"", SpoolerDown, "The print service is not running on this computer."},
		{"paused", "PDF", map[string]reply{"lpstat -p": {outPaused, nil}},
			"", PrinterStopped, `The printer "PDF" is stopped.`},
		{"paused default", "", map[string]reply{"lpstat -p": {outPaused, nil}, "lpstat -d": {outDefault, nil}},
			"", PrinterStopped, `The printer "PDF" is stopped.`},
		{"rejecting", "PDF", map[string]reply{"lp -d PDF -t her2guide questions f.pdf": {outNotAccept, errExit}},
			"", PrinterStopped, `The printer "PDF" is stopped.`},
		{"no lp", "PDF", map[string]reply{"lp -d PDF -t her2guide questions f.pdf": {"", notFound}},
			"", NoSpoolerTools, "the lp command is missing"},
		{"other", "PDF", map[string]reply{"lp -d PDF -t her2guide questions f.pdf": {"lp: Error - unsupported document-format \"x\".\n", errExit}, "lpstat -r": {outRunning, nil}},
			"", Other, `Printing did not work: unsupported document-format "x".`},
	}
	for _, tt := range tests {
		var ran []string
		job, err := fake(tt.replies, &ran).Print(context.Background(), tt.printer, "f.pdf")
		if tt.kind < 0 {
			if err != nil || job != tt.job {
				t.Errorf("%s: Print = %q, %v; want %q (ran %q)", tt.name, job, err, tt.job, ran)
			}
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) || pe.Kind != tt.kind || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v (%+v), want kind %d saying %q", tt.name, err, pe, tt.kind, tt.msg)
			continue
		}
		for cmd, r := range tt.replies {
			if strings.HasPrefix(cmd, "lp ") && r.out != "" && pe.Detail != strings.TrimSpace(r.out) {
				t.Errorf("%s: Detail = %q, want the raw output %q", tt.name, pe.Detail, r.out)
			}
		}
	}
}

func TestPrintArgs(t *testing.T) {
	var ran []string
	s := fake(map[string]reply{"lpstat -p": {outIdle, nil}}, &ran)
	if _, err := s.Print(context.Background(), "", "/tmp/a b.pdf"); err != nil {
		t.Fatal(err)
	}
	if last := ran[len(ran)-1]; last != "lp -t her2guide questions /tmp/a b.pdf" {
		t.Errorf("ran %q, want lp with the title and the file only", last)
	}
	if _, err := s.Print(context.Background(), "PDF", "x.pdf"); err != nil {
		t.Fatal(err)
	}
	if last := ran[len(ran)-1]; last != "lp -d PDF -t her2guide questions x.pdf" {
		t.Errorf("ran %q, want lp -d PDF -t her2guide questions x.pdf", last)
	}
	// The job is named by Title, not by a file name or "(stdin)".
	s.Title = "Clinic sheet"
	if _, err := s.PrintWith(context.Background(), "PDF", func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if last := ran[len(ran)-1]; last != "lp -d PDF -t Clinic sheet -" {
		t.Errorf("ran %q, want lp -d PDF -t Clinic sheet -", last)
	}
}

func TestDefaultSpoolerLocale(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	t.Setenv("LANG", "de_DE.UTF-8")
	t.Setenv("LC_MESSAGES", "de_DE.UTF-8")
	out, err := DefaultSpooler().Run(context.Background(), "sh", "-c", "echo $LANG $LC_ALL $LC_MESSAGES")
	if err != nil || strings.TrimSpace(string(out)) != "C C" {
		t.Errorf("locale seen by the command: %q, %v", out, err)
	}
}

func TestNoDefaultNamesTheQueues(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{nil, "This computer has no usual printer."},
		{[]string{"A"}, `This computer has no usual printer; its printer is "A".`},
		{[]string{"A", "B", "C\x1b[2J"}, `This computer has no usual printer; its printers are "A", "B" and "C".`},
	} {
		if got := (&Error{Kind: NoDefault, Printers: tc.names}).Error(); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.names, got, tc.want)
		}
	}
}
