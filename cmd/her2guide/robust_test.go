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
// found it: main screen, no mouse reporting, cursor shown. Call it after
// WaitForExit, when tmux has read all the program wrote.
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
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 40, 12, binary(t))
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
	// The page drawn for 80x24: its header on the first line and its
	// footer on the last (a frame for another size, cut by tmux, has
	// only one of them).
	tm.WaitUntil("the page drawn for 80x24", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return len(lines) == 24 && strings.Contains(lines[0], "Reviewed 20") && strings.Contains(lines[23], "esc back")
	})
	tm.Send("Escape")
	// The section list has "enter open" in its help; the page does not
	// (and its header already names the page, so the title alone would
	// not show that Escape has been read before q is sent).
	tm.WaitFor("What does HER2-positive mean?", "enter open")
	tm.Send("q")
	if got := tm.WaitForExit(); got != 0 {
		t.Fatalf("exit status %d, want 0", got)
	}
	assertTerminalRestored(t, tm)
}

// TestSignalsEndCleanly sends SIGTERM and SIGHUP to the running guide.
func TestSignalsEndCleanly(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			pidFile := filepath.Join(t.TempDir(), "pid")
			tm := e2e.StartTmux(t, 80, 24, fmt.Sprintf("sh -c 'echo $$ > %s; exec %s'", pidFile, bin))
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
			if got := tm.WaitForExit(); got != 0 {
				t.Errorf("exit status after %v: %d, want 0", sig, got)
			}
			assertTerminalRestored(t, tm)
		})
	}
}

// TestPanicRestoresTerminal builds the guide with a key that panics on
// purpose (-tags paniccheck) and checks that the terminal is usable after.
func TestPanicRestoresTerminal(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	bin := e2e.BuildTags(t, t.TempDir(), "her2guide-panic", "paniccheck")
	dir := t.TempDir()
	pidFile, errOut := filepath.Join(dir, "pid"), filepath.Join(dir, "stderr")
	tm := e2e.StartTmux(t, 80, 24, fmt.Sprintf("sh -c 'echo $$ > %s; exec %s 2> %s'", pidFile, bin, errOut))
	tm.WaitFor("Start here")
	tm.Send("Down", "Down", "Enter", "Enter")
	tm.WaitFor("Reviewed 20")
	// If it fails, show the screen and stderr; if the program still runs,
	// first make it write where each goroutine is (SIGQUIT): a key that
	// never arrived and a shutdown that hangs look the same from here.
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		if !tm.Exited() {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(e2e.WaitForFile(t, pidFile)))); err == nil {
				_ = syscall.Kill(pid, syscall.SIGQUIT)
				tm.WaitForExit()
			}
		}
		stderr, _ := os.ReadFile(errOut)
		t.Logf("screen at failure:\n%s\nstderr:\n%s", tm.Screen(), stderr)
	})
	tm.Send("C-]")
	if got := tm.WaitForExit(); got == 0 {
		t.Errorf("exit status after a panic is 0")
	}
	assertTerminalRestored(t, tm)
	stderr, _ := os.ReadFile(errOut)
	if !strings.Contains(string(stderr), "stopped because of an internal error") {
		t.Errorf("no plain message after the panic")
	}
	t.Logf("stderr after the panic:\n%s", stderr)
}
