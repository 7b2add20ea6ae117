package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/her2guide/her2guide/internal/e2e"
)

// The binary is built once per test run, into a folder removed at the end.
var (
	buildDir  string
	buildOnce sync.Once
	builtPath string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "her2guide-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	buildDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() { builtPath = e2e.Build(t, buildDir) })
	if builtPath == "" {
		t.Fatal("the binary could not be built (see the first failing test)")
	}
	return builtPath
}

// TestInteractiveInTmux runs the real guide in a real terminal: open a
// topic, scroll, resize, go back, quit, and check it exited with status 0.
func TestInteractiveInTmux(t *testing.T) {
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	status := filepath.Join(t.TempDir(), "status")
	tm := e2e.StartTmux(t, 100, 30, fmt.Sprintf("%s; echo $? > %s; sleep 30", bin, status))

	tm.WaitFor("HER2 Guide", "not medical advice", "Understanding your diagnosis", "q quit")
	tm.Send("Down", "Down", "Enter")
	tm.WaitFor("HER2 Guide › Understanding your diagnosis", "What does HER2-positive mean?")
	tm.Send("Enter")
	first := tm.WaitFor("What does HER2-positive mean?", "Reviewed 20", "Top ·")

	tm.Send("PageDown")
	scrolled := tm.WaitFor("% ·")
	if scrolled == first {
		t.Fatal("PageDown did not change the screen")
	}
	tm.Send("End")
	tm.WaitFor("End ·", "Sources")

	tm.Resize(60, 20)
	narrow := tm.WaitFor("Reviewed 20")
	for i, line := range strings.Split(strings.TrimRight(narrow, "\n"), "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("after resize, line %d is %d wide: %q", i, n, line)
		}
	}

	tm.Send("Escape")
	// The section list has "enter open" in its help; the page does not.
	tm.WaitFor("1. What does HER2-positive mean?", "enter open")
	tm.Send("Escape")
	tm.WaitFor("Treatment stage by stage")
	tm.Send("q")
	if got := strings.TrimSpace(string(e2e.WaitForFile(t, status))); got != "0" {
		t.Fatalf("exit status %s, want 0", got)
	}
}

// TestNoTerminal checks that the interactive guide refuses to start without
// a terminal, with a message naming the commands that do work.
func TestNoTerminal(t *testing.T) {
	bin := binary(t)
	out, err := runBin(bin, "")
	if err == nil {
		t.Fatalf("exit status 0 without a terminal; output:\n%s", out)
	}
	for _, want := range []string{"needs a terminal", "her2guide topics", "her2guide show"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestShowPiped checks that show writes plain ASCII text into a pipe.
func TestShowPiped(t *testing.T) {
	out, err := runBin(binary(t), "", "show", "her2-testing", "--width", "50")
	if err != nil {
		t.Fatalf("show: %v\n%s", err, out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("piped output contains escape sequences")
	}
	if !strings.Contains(out, "How is HER2 tested?") {
		t.Errorf("output lacks the title:\n%s", out)
	}
}
