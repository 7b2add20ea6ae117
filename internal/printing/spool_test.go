package printing

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/safetext"
)

// fakeTools puts shell scripts named after the spooler's commands first on
// PATH, and returns a folder they can write what they saw into (the
// scripts get its path written in, since their environment is minimal).
func fakeTools(t *testing.T, scripts map[string]string) (seen string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake spooler is made of shell scripts")
	}
	bin, seen := t.TempDir(), t.TempDir()
	for name, body := range scripts {
		body = strings.ReplaceAll(body, "$SEEN", seen)
		if err := os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return seen
}

const (
	scriptLpstat = `case "$1" in
-p) echo "printer PDF is idle.  enabled since Sun Nov 22 00:23:42 2026";;
-d) echo "system default destination: PDF";;
-a) echo "PDF accepting requests since Sun Nov 22 00:23:42 2026";;
esac`
	scriptLp = `echo "$@" > $SEEN/args
cat > $SEEN/stdin
env > $SEEN/env
echo "request id is PDF-9 (1 file(s))"`
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPrintWithNeverWritesAFile: the sheet goes to lp on its standard
// input; no file with the patient's questions is made, not even for a
// moment, so none is left behind when the program is stopped mid-print.
func TestPrintWithNeverWritesAFile(t *testing.T) {
	seen := fakeTools(t, map[string]string{"lpstat": scriptLpstat, "lp": scriptLp})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sheet := "%PDF-1.7 Will I lose my hair?"
	var during []os.DirEntry
	job, err := DefaultSpooler().PrintWith(context.Background(), "PDF", func(w io.Writer) error {
		_, err := io.WriteString(w, sheet)
		during, _ = os.ReadDir(tmp)
		return err
	})
	if err != nil || job != "PDF-9" {
		t.Fatalf("PrintWith = %q, %v", job, err)
	}
	if got := read(t, filepath.Join(seen, "stdin")); got != sheet {
		t.Errorf("lp read %q on its standard input, want the sheet", got)
	}
	if args := read(t, filepath.Join(seen, "args")); strings.TrimSpace(args) != "-d PDF -t her2guide questions -" {
		t.Errorf("lp was run with %q, want -d PDF -t her2guide questions - (a job name, standard input and no file)", args)
	}
	after, _ := os.ReadDir(tmp)
	if len(during)+len(after) != 0 {
		t.Errorf("files in TMPDIR while printing %v, after %v", during, after)
	}
}

// TestChildrenGetAMinimalEnvironment: lp and lpstat see PATH, HOME, the C
// locale and CUPS's own settings, and nothing else: no staff code, no
// HER2GUIDE_* variable, no secret of the caller's.
func TestChildrenGetAMinimalEnvironment(t *testing.T) {
	seen := fakeTools(t, map[string]string{"lpstat": scriptLpstat + "\nenv > $SEEN/lpstat-env", "lp": scriptLp})
	t.Setenv("HER2GUIDE_EXIT_CODE", "staff-secret")
	t.Setenv("HER2GUIDE_LOG", "/var/log/kiosk.log")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "hunter2")
	t.Setenv("TEA_TRACE", "/tmp/trace")
	t.Setenv("LANG", "de_DE.UTF-8")
	t.Setenv("LC_MESSAGES", "de_DE.UTF-8")
	t.Setenv("CUPS_SERVER", "printhost:631")
	t.Setenv("HOME", "/home/desk")
	if _, err := DefaultSpooler().PrintWith(context.Background(), "", func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"env", "lpstat-env"} {
		got := map[string]string{}
		for _, kv := range strings.Split(strings.TrimSpace(read(t, filepath.Join(seen, file))), "\n") {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "PWD", "OLDPWD", "SHLVL", "_": // the shell's own
				continue
			}
			got[k] = v
		}
		want := map[string]string{"PATH": os.Getenv("PATH"), "HOME": "/home/desk", "LANG": "C", "LC_ALL": "C", "CUPS_SERVER": "printhost:631"}
		if len(got) != len(want) {
			t.Errorf("%s: the child's environment is %q, want only %q", file, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s=%q, want %q", file, k, got[k], v)
			}
		}
	}
}

// blocking answers lpstat, and hangs on lp until its context ends, like a
// frozen cupsd; it records what ran.
func blocking(ran *[]string, lpOut string) func(context.Context, string, ...string) ([]byte, error) {
	return func(ctx context.Context, name string, args ...string) ([]byte, error) {
		*ran = append(*ran, strings.Join(append([]string{name}, args...), " "))
		switch name {
		case "lpstat":
			return []byte(outIdle), nil
		case "lp":
			<-ctx.Done()
			return []byte(lpOut), errors.New("signal: killed")
		}
		return nil, nil
	}
}

// TestSpoolerTimesOut: a print service that does not answer is given up
// on after Timeout, with a typed error that says so; a job lp reported
// before it was stopped is cancelled, so it cannot print after the patient
// has gone.
func TestSpoolerTimesOut(t *testing.T) {
	var ran []string
	s := Spooler{Run: blocking(&ran, ""), Timeout: 50 * time.Millisecond}
	start := time.Now()
	_, err := s.Print(context.Background(), "PDF", "f.pdf")
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != NotAnswering || !strings.Contains(Explain(err), "not answering") {
		t.Fatalf("err = %v (%+v), want kind NotAnswering", err, pe)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("gave up after %v", d)
	}
	if slices.ContainsFunc(ran, func(c string) bool { return strings.HasPrefix(c, "cancel") }) {
		t.Errorf("cancelled with no job known: %q", ran)
	}

	// lp said which job it queued, then hung.
	ran = nil
	s = Spooler{Run: blocking(&ran, outJob), Timeout: 50 * time.Millisecond}
	if _, err := s.Print(context.Background(), "PDF", "f.pdf"); !errors.As(err, &pe) || pe.Kind != NotAnswering {
		t.Fatalf("err = %v, want NotAnswering", err)
	}
	if !slices.Contains(ran, "cancel PDF-3") || !strings.Contains(pe.Detail, "job PDF-3 cancelled") {
		t.Errorf("the late job was not cancelled: ran %q, detail %q", ran, pe.Detail)
	}

	// lpstat hangs: Print gives up without trying lp.
	ran = nil
	s = Spooler{Run: func(ctx context.Context, name string, args ...string) ([]byte, error) {
		ran = append(ran, name)
		<-ctx.Done()
		return nil, errors.New("signal: killed")
	}, Timeout: 50 * time.Millisecond}
	if _, err := s.Print(context.Background(), "PDF", "f.pdf"); !errors.As(err, &pe) || pe.Kind != NotAnswering || slices.Contains(ran, "lp") {
		t.Errorf("hung lpstat: err %v, ran %q", err, ran)
	}
	if _, err := s.Printers(context.Background()); !errors.As(err, &pe) || pe.Kind != NotAnswering {
		t.Errorf("hung lpstat -p: %v", err)
	}
}

// TestSpoolerDefaultTimeout: with Timeout unset every command still has a
// deadline of DefaultTimeout, and a caller's earlier deadline wins.
func TestSpoolerDefaultTimeout(t *testing.T) {
	if DefaultTimeout <= 0 || DefaultTimeout > 30*time.Second {
		t.Fatalf("DefaultTimeout = %v", DefaultTimeout)
	}
	var left []time.Duration
	s := Spooler{Run: func(ctx context.Context, name string, args ...string) ([]byte, error) {
		d, ok := ctx.Deadline()
		if !ok {
			left = append(left, -1)
		} else {
			left = append(left, time.Until(d))
		}
		return []byte(outIdle), nil
	}}
	if _, err := s.Printers(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, l := range left {
		if l <= 0 || l > DefaultTimeout {
			t.Errorf("a command had %v left, want at most %v", l, DefaultTimeout)
		}
	}
	left = nil
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if _, err := s.Printers(ctx); err != nil {
		t.Fatal(err)
	}
	if left[0] > time.Second {
		t.Errorf("the caller's deadline was not kept: %v left", left[0])
	}
}

// TestCallerGivesUpAfterQueueing: when the caller's context ends (the
// kiosk was reset) as lp reports its job, the job is cancelled.
func TestCallerGivesUpAfterQueueing(t *testing.T) {
	var ran []string
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := Spooler{Run: func(_ context.Context, name string, args ...string) ([]byte, error) {
		ran = append(ran, strings.Join(append([]string{name}, args...), " "))
		switch name {
		case "lpstat":
			return []byte(outIdle), nil
		case "lp":
			cancel()
			return []byte(outJob), nil
		}
		return nil, nil
	}}
	_, err := s.Print(ctx, "PDF", "f.pdf")
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != Cancelled || !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want kind Cancelled", err)
	}
	if !slices.Contains(ran, "cancel PDF-3") {
		t.Errorf("the job was not cancelled: ran %q", ran)
	}
}

// TestFrozenLpIsKilledAndItsJobCancelled runs the real commands: an lp
// that reports its job and then hangs is stopped after Timeout, and
// `cancel JOB` is run.
func TestFrozenLpIsKilledAndItsJobCancelled(t *testing.T) {
	seen := fakeTools(t, map[string]string{
		"lpstat": scriptLpstat,
		"lp":     "cat > /dev/null\necho 'request id is PDF-11 (1 file(s))'\nexec sleep 30",
		"cancel": `echo "$@" >> $SEEN/cancelled`,
	})
	s := DefaultSpooler()
	s.Timeout = time.Second
	start := time.Now()
	_, err := s.PrintWith(context.Background(), "PDF", func(w io.Writer) error { _, err := w.Write([]byte("%PDF")); return err })
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != NotAnswering {
		t.Fatalf("err = %v, want NotAnswering", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if got := strings.TrimSpace(read(t, filepath.Join(seen, "cancelled"))); got != "PDF-11" {
		t.Errorf("cancel got %q, want PDF-11", got)
	}
}

// TestDetailIsSanitised: what the spooler says goes into logs and error
// messages without escape sequences, C1 or bidi controls.
func TestDetailIsSanitised(t *testing.T) {
	hostile := "lp: Error - \x1b]0;owned\x07bad\u009b31m \u202Etxt.exe\xff\n"
	s := fake(map[string]reply{"lp -d PDF -t her2guide questions f.pdf": {hostile, errExit}, "lpstat -p": {outIdle, nil}}, nil)
	_, err := s.Print(context.Background(), "PDF", "f.pdf")
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	for _, got := range []string{pe.Detail, pe.Error(), Explain(err)} {
		if !safetext.Safe(got) || strings.ContainsRune(got, '\x1b') {
			t.Errorf("unsafe text %q", got)
		}
	}
	if !strings.Contains(pe.Detail, `bad\u009b31m \u202etxt.exe\xff`) {
		t.Errorf("Detail = %q, want the controls written out", pe.Detail)
	}
}

// TestCancelNeverGetsAnOption: a job id that looks like an option (from a
// strange or hostile lp) is not given to cancel, where "-a" would cancel
// every job.
func TestCancelNeverGetsAnOption(t *testing.T) {
	var ran []string
	s := Spooler{Run: blocking(&ran, "request id is -a-1 (1 file(s))\n"), Timeout: 10 * time.Millisecond}
	if _, err := s.Print(context.Background(), "PDF", "f.pdf"); err == nil {
		t.Fatal("no error")
	}
	if slices.ContainsFunc(ran, func(c string) bool { return strings.HasPrefix(c, "cancel") }) {
		t.Errorf("ran %q", ran)
	}
}
