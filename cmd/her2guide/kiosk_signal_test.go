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

// TestKioskSignals: a signal must not look like staff closing the kiosk.
// SIGTERM, SIGINT, SIGHUP and SIGQUIT end it with 128 + the signal's number,
// as a shell reports a process killed by it, restore the terminal (SIGQUIT
// used to print a goroutine dump and leave it raw), and the staff log says
// which signal it was. TEA_TRACE set in its environment writes nothing.
func TestKioskSignals(t *testing.T) {
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP, syscall.SIGQUIT} {
		name := map[syscall.Signal]string{syscall.SIGTERM: "SIGTERM", syscall.SIGINT: "SIGINT", syscall.SIGHUP: "SIGHUP", syscall.SIGQUIT: "SIGQUIT"}[sig]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			pidFile, status := filepath.Join(dir, "pid"), filepath.Join(dir, "status")
			logFile, trace, errOut := filepath.Join(dir, "kiosk.log"), filepath.Join(dir, "trace"), filepath.Join(dir, "stderr")
			tm := e2e.StartTmux(t, 100, 30, fmt.Sprintf(
				"sh -c 'echo $$ > %s; TEA_TRACE=%s exec %s kiosk --exit-code 2468 --log %s 2> %s'; echo $? > %s; sleep 30",
				pidFile, trace, bin, logFile, errOut, status))
			tm.WaitFor("Start here", "Finish and clear")
			tm.Send("Down", "Enter")
			pid, err := strconv.Atoi(strings.TrimSpace(string(e2e.WaitForFile(t, pidFile))))
			if err != nil {
				t.Fatal(err)
			}
			if err := syscall.Kill(pid, sig); err != nil {
				t.Fatal(err)
			}
			if got, want := strings.TrimSpace(string(e2e.WaitForFile(t, status))), fmt.Sprint(128+int(sig)); got != want {
				t.Errorf("exit status after %s: %s, want %s", name, got, want)
			}
			assertTerminalRestored(t, tm)
			stderr, _ := os.ReadFile(errOut)
			if strings.Contains(string(stderr), "goroutine") {
				t.Errorf("a goroutine dump after %s:\n%s", name, stderr)
			}
			log, err := os.ReadFile(logFile)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(log), "kiosk stopped by signal "+name+"\n") {
				t.Errorf("the log does not name %s:\n%s", name, log)
			}
			if _, err := os.Stat(trace); !os.IsNotExist(err) {
				t.Errorf("TEA_TRACE wrote a trace: %v", err)
			}
		})
	}
}

// TestKioskStaffExit: only the staff code ends the kiosk with status 0, and
// the log says so.
func TestKioskStaffExit(t *testing.T) {
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	dir := t.TempDir()
	status, logFile := filepath.Join(dir, "status"), filepath.Join(dir, "kiosk.log")
	tm := e2e.StartTmux(t, 100, 30, fmt.Sprintf("%s kiosk --exit-code 2468 --log %s; echo $? > %s; sleep 30", bin, logFile, status))
	tm.WaitFor("Start here", "Finish and clear")
	tm.Send("C-e", "C-x")
	tm.WaitFor("Staff code:")
	tm.Send("-l", "2468")
	tm.Send("Enter")
	if got := strings.TrimSpace(string(e2e.WaitForFile(t, status))); got != "0" {
		t.Fatalf("exit status %s, want 0", got)
	}
	assertTerminalRestored(t, tm)
	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(log), " kiosk stopped by staff\n") {
		t.Errorf("log:\n%s", log)
	}
}
