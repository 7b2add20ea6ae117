package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/kiosk"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/tui"
)

func kioskCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kiosk",
		Short: "Run the guide locked down for a clinic",
		Long: "kiosk runs the guide for a waiting room: patients cannot quit it, save files or " +
			"leave a trace for the next person. After --idle without input a notice counts " +
			"down for --countdown, then the session is wiped and the home screen returns. " +
			"\"Print my questions\" goes to --printer. Staff end the kiosk with ctrl+e, ctrl+x " +
			"and the --exit-code (without one, only a signal ends it). Keep the code in the " +
			"config file: flags show in ps. The code needs at least 4 characters.\n\n" +
			"Every flag can also be set in a TOML file (--config FILE, keys named like the " +
			"flags) and by HER2GUIDE_IDLE, HER2GUIDE_COUNTDOWN, HER2GUIDE_PRINTER, " +
			"HER2GUIDE_EXIT_CODE, HER2GUIDE_CONTENT, HER2GUIDE_CONTENT_OVERRIDE, " +
			"HER2GUIDE_LOG, HER2GUIDE_PHONE, HER2GUIDE_AFTER_HOURS_PHONE and HER2GUIDE_CLINIC. " +
			"--clinic prints \"Your care team at CLINIC wants you to ask these questions.\" on " +
			"every sheet (at most 60 characters). Flags win over " +
			"variables, which win over the file. Nothing is written to disk except the --log " +
			"file.",
		Example: "  her2guide kiosk --config /etc/her2guide/kiosk.toml\n" +
			"  her2guide kiosk --idle 2m --printer desk --content /srv/clinic-pages --log /var/log/her2guide/kiosk.log",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runKiosk(cmd, env) },
	}
	f := cmd.Flags()
	f.Duration(kiosk.KeyIdle, kiosk.DefaultIdle, "time idle before \"Still reading?\" (1s to 24h)")
	f.Duration(kiosk.KeyCountdown, kiosk.DefaultCountdown, "how long \"Still reading?\" waits (1s to 10m)")
	f.String(kiosk.KeyPrinter, "", "print queue (default: the system's default printer)")
	f.String(kiosk.KeyExitCode, "", "staff code to end the kiosk (put it in the config)")
	f.String(kiosk.KeyContent, "", "folder of the clinic's own pages, added to the guide")
	f.Bool(kiosk.KeyContentOverride, false, "let a clinic page replace a built-in page")
	f.String(kiosk.KeyLog, "", "staff log file, appended to (default: no log)")
	f.String(kiosk.KeyPhone, "", "daytime phone for the \"When to call right away\" box")
	f.String(kiosk.KeyAfterHoursPhone, "", "phone for after hours, printed beside the daytime one")
	f.String(kiosk.KeyClinic, "", "the clinic's name for the sheet's endorsement line")
	f.String("config", "", "a TOML file with any of the settings above")
	return cmd
}

// errKioskNoTerminal explains that the kiosk must run on a terminal.
var errKioskNoTerminal = errors.New("the kiosk needs a terminal, and this input or output is not one.\n" +
	"Run it from the login shell of the kiosk's terminal (see \"Running on a real kiosk\" in the README)")

// traceVars make Bubble Tea write a trace of every key (the staff code, a
// patient's questions) to a file, or a debug dump: the kiosk clears them
// before Bubble Tea starts.
var traceVars = []string{"TEA_TRACE", "TEA_DEBUG"}

// otherEnvVars are the HER2GUIDE_ variables read outside the kiosk: the
// guide's --plain switch and the end-to-end tests' switch (internal/e2e).
var otherEnvVars = []string{plainEnv, "HER2GUIDE_E2E"}

func runKiosk(cmd *cobra.Command, env Env) error {
	if f := cmd.Flags().Lookup("plain"); f != nil && f.Changed {
		return errors.New("the kiosk has no --plain mode: it always runs the full-screen guide")
	}
	// The process environment itself, whatever env reads: Bubble Tea and
	// every child process (lp, lpstat) see it.
	for _, k := range traceVars {
		os.Unsetenv(k) // cannot fail for a valid name
	}
	// Every stop signal is the kiosk's own, so it can tell a signal from
	// staff closing it. Not cancelled with the command's context: main
	// cancels that on SIGHUP, and the kiosk must know which signal it was.
	ctx, stopSignals := notifyStop(context.WithoutCancel(cmd.Context()))
	defer stopSignals()
	cfg, err := kioskConfig(cmd, env)
	// Read now; no child may see the code.
	os.Unsetenv(kiosk.EnvVar(kiosk.KeyExitCode))
	if err != nil {
		// Not starting with the file name: Fang title-cases the first word.
		return fmt.Errorf("the kiosk's settings have a problem:\n%w", err)
	}
	if in, out := env.IsTerminal(); !in || !out {
		return errKioskNoTerminal
	}
	now := env.Now.Now // the system clock when env.Now is nil
	logf, closeLog, err := openKioskLog(cfg.Log, now)
	if err != nil {
		return err
	}
	defer closeLog()
	logf("kiosk started: %s", describeKiosk(cfg))
	g, warnings, err := kioskGuide(cfg, logf, now())
	if err != nil {
		logf("kiosk stopped: %v", err)
		return err
	}
	getenv := env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	m := tui.NewKiosk(g, render.NewCache(render.Document), tui.Options{
		Print: tui.PrintOptions{
			Spooler:    printing.DefaultSpooler(),
			Version:    cmd.Root().Version,
			Paper:      defaultPaper(getenv),
			Phone:      cfg.Phone,
			AfterHours: cfg.AfterHoursPhone,
			Clinic:     cfg.Clinic,
		},
		Clock: env.Now,
	}, tui.Kiosk{
		Idle:      cfg.Idle,
		Countdown: cfg.Countdown,
		ExitCode:  cfg.ExitCode,
		Printer:   cfg.Printer,
		Log:       logf,
		Warnings:  warnings,
	})
	// Bubble Tea's own handler would end the program on SIGINT or SIGTERM
	// as if it quit normally; the context reports the signal instead.
	cmd.SetContext(ctx)
	err = runProgram(cmd, env, m, tea.WithoutSignalHandler())
	var sig signalStop
	switch {
	case errors.As(context.Cause(ctx), &sig):
		logf("kiosk stopped by signal %s", sig.name())
		if env.status == nil {
			return sig
		}
		// Said here, not through Fang: Fang's error box first asks the
		// terminal for its background colour, and a terminal that is
		// going away (the reason for SIGHUP) may never answer, which
		// hung the exit (TestKioskSignals, about 1 run in 10 under load).
		fmt.Fprintln(env.Stderr, "her2guide: "+sig.Error()+".")
		*env.status = sig.ExitStatus()
		return nil
	case err != nil:
		logf("kiosk stopped: %v", err)
		return err
	}
	logf("kiosk stopped by staff")
	return nil
}

// stopSignals end the kiosk. SIGQUIT too: Go's default prints a goroutine
// dump on the patient's screen and leaves the terminal raw.
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// notifyStop returns a context cancelled by the first of stopSignals, with
// a signalStop as its cause, and a function that stops listening.
func notifyStop(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	go func() {
		select {
		case s := <-ch:
			if n, ok := s.(syscall.Signal); ok {
				cancel(signalStop{n})
			}
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		cancel(nil)
	}
}

// signalStop is the error of a kiosk ended by a signal: not a staff exit.
// Its exit status is 128 + the signal's number, as a shell reports a
// process killed by that signal.
type signalStop struct{ sig syscall.Signal }

func (e signalStop) Error() string { return "the kiosk was stopped by signal " + e.name() }

// ExitStatus is the process's exit status (not ExitCode, which exec.ExitError has too).
func (e signalStop) ExitStatus() int { return 128 + int(e.sig) }

// name is the signal's usual name, such as SIGTERM.
func (e signalStop) name() string {
	switch e.sig {
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGQUIT:
		return "SIGQUIT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return fmt.Sprintf("%d (%s)", int(e.sig), e.sig)
}

// kioskConfig merges the kiosk settings: defaults, --config file, HER2GUIDE_*
// variables, then the flags given on the command line.
func kioskConfig(cmd *cobra.Command, env Env) (kiosk.Config, error) {
	file, err := cmd.Flags().GetString("config")
	if err != nil {
		return kiosk.Config{}, err
	}
	flags := map[string]string{}
	known := map[string]bool{}
	for _, k := range kiosk.Keys() {
		known[k] = true
	}
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if known[f.Name] {
			flags[f.Name] = f.Value.String()
		}
	})
	var environ []string
	if env.Environ != nil {
		environ = env.Environ()
	}
	cfg, err := kiosk.Load(flags, env.Getenv, file)
	return cfg, errors.Join(kiosk.CheckEnviron(environ, otherEnvVars...), err)
}

// openKioskLog opens the staff log for appending, creating it readable by
// its owner only. With no file it returns a log that writes nothing and
// touches no disk. Each line starts with the time; a message cannot break
// a line. A failed write is dropped: a full disk must not stop the kiosk.
func openKioskLog(file string, now func() time.Time) (logf func(string, ...any), closeLog func(), err error) {
	if file == "" {
		return func(string, ...any) {}, func() {}, nil
	}
	if err := checkLogFile(file); err != nil {
		return nil, nil, err
	}
	// O_NONBLOCK: should a FIFO take the file's place after the check,
	// opening it fails instead of waiting for a reader forever. It changes
	// nothing for a regular file.
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open the staff log: %w", err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close() // nothing written
		return nil, nil, fmt.Errorf("cannot use the staff log %s: it is no longer a regular file", file)
	}
	l := &kioskLog{w: f, now: now}
	return l.printf, func() { l.close(f) }, nil
}

// checkLogFile accepts a regular file or a path where none exists yet; the
// log is never a FIFO (opening it would hang the start), a device, a folder
// or a link to somewhere else.
func checkLogFile(file string) error {
	fi, err := os.Lstat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil // created by the caller
	case err != nil:
		return fmt.Errorf("cannot open the staff log: %w", err)
	case fi.Mode().IsRegular():
		return nil
	}
	what := "not a file"
	switch m := fi.Mode(); {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	}
	return fmt.Errorf("cannot use the staff log %s: it is %s, not a regular file. Set log to the path of a file", file, what)
}

// kioskLog writes timestamped lines; the TUI may log from its commands, so
// it is safe for concurrent use.
type kioskLog struct {
	mu     sync.Mutex
	w      io.Writer
	now    func() time.Time
	closed bool
}

func (l *kioskLog) printf(format string, args ...any) {
	msg := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, fmt.Sprintf(format, args...))
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	// Dropped on failure: see openKioskLog.
	fmt.Fprintf(l.w, "%s %s\n", l.now().Format(time.RFC3339), msg)
}

func (l *kioskLog) close(c io.Closer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		l.closed = true
		c.Close() // lines already written stay written; nothing to report
	}
}

// kioskGuide loads the bundled guide with the clinic's pages, if any. Each
// skipped page becomes one short warning for staff and its every problem a
// log line; a page past its review date is a warning but still shown.
func kioskGuide(cfg kiosk.Config, logf func(string, ...any), now time.Time) (*guide.Guide, []string, error) {
	if cfg.Content == "" {
		g, err := bundled()
		return g, nil, err
	}
	rules := guide.DefaultRules(time.Time{}) // as bundled(): a wrong clock must not hide pages
	base := guide.Source{FS: content.FS(), Name: content.Name}
	dir := filepath.ToSlash(cfg.Content)
	c, err := guide.LoadClinic(base, guide.Source{FS: os.DirFS(cfg.Content), Name: dir}, rules, cfg.ContentOverride)
	if err != nil {
		return nil, nil, fmt.Errorf("the built-in content is broken (run her2guide check):\n%w", err)
	}
	var warnings []string
	for _, s := range c.Skipped {
		if s.Folder {
			// The folder itself: no page was skipped, none was read.
			logf("clinic pages not loaded: %s", s.Problems[0])
			warnings = append(warnings, fmt.Sprintf("No clinic pages: %s.", s.Problems[0].Msg))
			continue
		}
		for _, p := range s.Problems {
			logf("clinic page skipped: %s", p)
		}
		w := fmt.Sprintf("Clinic page %s skipped: %s.", path.Base(s.File), s.Problems[0])
		if n := len(s.Problems) - 1; n > 0 {
			w += fmt.Sprintf(" %d more: run her2guide check %s.", n, cfg.Content)
		}
		warnings = append(warnings, w)
	}
	for _, id := range c.Replaced {
		logf("clinic page %s replaces the bundled page", id)
	}
	for _, p := range guide.Overdue(c.Guide, now) {
		if strings.HasPrefix(p.File, dir+"/") {
			logf("clinic page %s", p)
			warnings = append(warnings, fmt.Sprintf("Clinic page %s: %s.", path.Base(p.File), p.Msg))
		}
	}
	return c.Guide, warnings, nil
}

// describeKiosk sums up the settings for the log, without the exit code.
func describeKiosk(c kiosk.Config) string {
	printer := c.Printer
	if printer == "" {
		printer = "(default)"
	}
	s := fmt.Sprintf("idle %s, countdown %s, printer %s, exit code set: %t", c.Idle, c.Countdown, printer, c.ExitCode != "")
	if c.Content != "" {
		s += fmt.Sprintf(", clinic pages %s (override %t)", c.Content, c.ContentOverride)
	}
	return s
}
