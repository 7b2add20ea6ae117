package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/her2guide/her2guide/internal/e2e"
)

// assertTerminalRestored checks that the program left the terminal as it
// found it: main screen, no mouse reporting, cursor shown.
func assertTerminalRestored(t *testing.T, tm *e2e.Tmux) {
	t.Helper()
	for f, want := range map[string]string{"#{alternate_on}": "0", "#{mouse_any_flag}": "0", "#{cursor_flag}": "1"} {
		if got := tm.Format(f); got != want {
			t.Errorf("after exit %s = %s, want %s", f, got, want)
		}
	}
}

// TestSmallWindowsAndResizeStorm runs the guide at 40x12, shrinks it to
// 20x6, throws many sizes at it, and checks it ends usable.
func TestSmallWindowsAndResizeStorm(t *testing.T) {
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	status := filepath.Join(t.TempDir(), "status")
	tm := e2e.StartTmux(t, 40, 12, fmt.Sprintf("%s; echo $? > %s; sleep 30", bin, status))
	tm.WaitFor("Start here", "not medical advice")
	tm.Send("Down", "Down", "Enter", "Enter")
	page := tm.WaitFor("Reviewed 20")
	for i, line := range strings.Split(strings.TrimRight(page, "\n"), "\n") {
		if n := len([]rune(line)); n > 40 {
			t.Errorf("40x12: line %d is %d wide: %q", i, n, line)
		}
	}
	tm.Resize(20, 6)
	tm.WaitFor("larger")
	for i := 0; i < 40; i++ {
		tm.Resize(1+(i*37)%140, 1+(i*11)%50)
	}
	tm.Resize(80, 24)
	tm.WaitFor("What does HER2-positive mean?", "Reviewed 20")
	tm.Send("Escape")
	tm.WaitFor("1. What does HER2-positive mean?")
	tm.Send("q")
	if got := strings.TrimSpace(string(e2e.WaitForFile(t, status))); got != "0" {
		t.Fatalf("exit status %s, want 0", got)
	}
	assertTerminalRestored(t, tm)
}

// TestSignalsEndCleanly sends SIGTERM and SIGHUP to the running guide.
func TestSignalsEndCleanly(t *testing.T) {
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			pidFile, status := filepath.Join(dir, "pid"), filepath.Join(dir, "status")
			tm := e2e.StartTmux(t, 80, 24, fmt.Sprintf("sh -c 'echo $$ > %s; exec %s'; echo $? > %s; sleep 30", pidFile, bin, status))
			tm.WaitFor("Start here")
			tm.Send("Down", "Down", "Enter", "Enter")
			tm.WaitFor("Reviewed 20")
			pid, err := strconv.Atoi(strings.TrimSpace(string(e2e.WaitForFile(t, pidFile))))
			if err != nil {
				t.Fatal(err)
			}
			if err := syscall.Kill(pid, sig); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(e2e.WaitForFile(t, status))); got != "0" {
				t.Errorf("exit status after %v: %s, want 0", sig, got)
			}
			assertTerminalRestored(t, tm)
		})
	}
}

// TestPanicRestoresTerminal builds the guide with a key that panics on
// purpose (-tags paniccheck) and checks that the terminal is usable after.
func TestPanicRestoresTerminal(t *testing.T) {
	e2e.NeedTool(t, "tmux")
	bin := e2e.BuildTags(t, t.TempDir(), "her2guide-panic", "paniccheck")
	dir := t.TempDir()
	status, errOut := filepath.Join(dir, "status"), filepath.Join(dir, "stderr")
	tm := e2e.StartTmux(t, 80, 24, fmt.Sprintf("%s 2> %s; echo $? > %s; sleep 30", bin, errOut, status))
	tm.WaitFor("Start here")
	tm.Send("Down", "Down", "Enter", "Enter")
	tm.WaitFor("Reviewed 20")
	// If it fails, show what was on the screen and in stderr: a key that
	// never arrived and a shutdown that hung look the same from here (one
	// CI run out of about 50 timed out waiting for the exit status).
	t.Cleanup(func() {
		if t.Failed() {
			stderr, _ := os.ReadFile(errOut)
			t.Logf("screen at failure:\n%s\nstderr:\n%s", tm.Screen(), stderr)
		}
	})
	tm.Send("C-]")
	if got := strings.TrimSpace(string(e2e.WaitForFile(t, status))); got == "0" {
		t.Errorf("exit status after a panic is 0")
	}
	assertTerminalRestored(t, tm)
	stderr, _ := os.ReadFile(errOut)
	t.Logf("stderr after the panic:\n%s", stderr)
}
