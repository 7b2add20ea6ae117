package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/e2e"
	"github.com/her2guide/her2guide/internal/guide"
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
	// The real binary keeps a list only when asked, but a list kept in the
	// real home folder would show up in these runs: point them elsewhere.
	os.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
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
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 100, 30, binary(t))

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
	// tmux cuts the old frame to the new size at once; the program's own
	// frame for 60x20 has the page's header on the first line and its
	// footer on the last.
	narrow := tm.WaitUntil("the page drawn for 60x20", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return len(lines) == 20 && strings.Contains(lines[0], "Reviewed 20") && strings.Contains(lines[19], "esc back")
	})
	for i, line := range strings.Split(strings.TrimRight(narrow, "\n"), "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("after resize, line %d is %d wide: %q", i, n, line)
		}
	}

	tm.Send("Escape")
	// The section list has "enter open" in its help; the page does not.
	tm.WaitFor("What does HER2-positive mean?", "enter open")
	tm.Send("Escape")
	tm.WaitFor("Treatment stage by stage")
	tm.Send("q")
	if got := tm.WaitForExit(); got != 0 {
		t.Fatalf("exit status %d, want 0", got)
	}
}

// TestNoTerminal checks that the interactive guide refuses to start without
// a terminal, with a message naming the commands that do work.
func TestNoTerminal(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

// TestNewcomerInTmux is a newcomer who knows "HER2-positive, stage 2": fill
// in My situation, follow the path two steps, search for "ultralow", open
// the result, look up a word, and quit.
func TestNewcomerInTmux(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 100, 30, binary(t))
	tm.WaitFor("My situation (private)")
	tm.Send("Down", "Enter")
	tm.WaitFor("Question 1 of", "What was your HER2 result?")
	// Each question starts on "I don't know": Home goes to the first answer.
	tm.Send("Home", "Enter") // HER2-positive, IHC 3+
	tm.WaitFor("Question 2 of", "What stage is your cancer?")
	tm.Send("Home", "Down", "Down", "Enter") // Stage 2
	tm.WaitFor("Question 3 of", "hormone receptor")
	tm.Send("Enter") // hormone receptors: I don't know
	tm.WaitFor("Question 4 of", "Where are you in your treatment?")
	tm.Send("Home", "Down", "Enter") // treatment before surgery
	tm.WaitFor("What else matters to you?")
	tm.Send("Enter") // nothing ticked
	path := tm.WaitFor("Your own path", "What usually happens for stage 2?", "questions were added", "My list: ")
	t.Logf("path screen:\n%s", path)
	tm.Send("Enter")
	tm.WaitFor("Step 1 of")
	tm.Send("n")
	step2 := tm.WaitFor("Step 2 of")
	t.Logf("second step:\n%s", step2)
	tm.Send("Escape")
	tm.WaitFor("Your own path")
	tm.Send("Escape")
	tm.WaitFor("Start here")
	tm.Send("/")
	tm.WaitFor("Search:")
	tm.Send("-l", "ultralow")
	tm.WaitFor("HER2-positive, HER2-low, HER2-ultralow")
	tm.Send("Enter")
	tm.WaitFor("Match 1 of")
	tm.Send("Escape")
	tm.WaitFor("Search: ultralow")
	tm.Send("Escape")
	tm.WaitFor("Start here")
	tm.Send("w")
	tm.WaitFor("Find a word:")
	tm.Send("-l", "pertuzumab")
	tm.WaitFor("pertuzumab")
	tm.Send("Enter")
	tm.WaitFor("Pages that use it")
	tm.Send("Escape")
	tm.WaitFor("Find a word:")
	tm.Send("Escape")
	tm.WaitFor("Start here")
	// The list (pre-ticked by My situation) is not printed or saved: q asks
	// first, and a second q quits.
	tm.Send("q")
	tm.WaitFor("not printed or saved", "Quit anyway")
	tm.Send("q")
	if got := tm.WaitForExit(); got != 0 {
		t.Fatalf("exit status %d, want 0", got)
	}
}

// firstQuestion is the start of a bundled page's first question (as much
// as fits on one line at 100 columns), read from the content, which
// writers change.
func firstQuestion(t *testing.T, id string) string {
	t.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := g.Page(id)
	if !ok || len(p.Questions) == 0 {
		t.Fatalf("no page %q with questions", id)
	}
	f := strings.Fields(p.Questions[0])
	return strings.Join(f[:min(5, len(f))], " ")
}

// TestQuestionsToFileInTmux: open a page, tick two questions, add one of
// your own, open My questions, move one to the top, save to a file, and
// check the file.
func TestQuestionsToFileInTmux(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	home := t.TempDir()
	tm := e2e.StartTmux(t, 100, 30, fmt.Sprintf("HOME=%s LANG=en_US.UTF-8 %s", home, binary(t)))
	tm.WaitFor("Understanding your diagnosis")
	tm.Send("Down", "Down", "Enter") // the first section
	tm.WaitFor("What does HER2-positive mean?")
	tm.Send("Enter")
	tm.WaitFor("Reviewed 20")
	tm.Send("a")
	first := firstQuestion(t, "her2-positive")
	tm.WaitFor("[ ] " + first)
	tm.Send("Space", "Down", "Down", "Space")
	tm.WaitFor("My list: 2")
	tm.Send("m")
	tm.WaitFor("My questions (2)")
	tm.Send("n")
	tm.WaitFor("Write your own question")
	tm.Send("-l", "Can my sister come to my visits, and can I record them?")
	tm.Send("C-s")
	tm.WaitFor("My questions (3)", "Can my sister come")
	// Move my own question (the last) to the top and mark it most important.
	tm.Send("End", "K", "K", "t")
	tm.WaitFor("1. * Can my sister come")
	tm.Send("p")
	tm.WaitFor("Which sheet do you want?", "My sheet")
	tm.Send("Enter") // My sheet
	tm.WaitFor("Save to a file")
	tm.Send("End", "Enter") // Save to a file
	tm.WaitFor("Save as which kind of file?")
	tm.Send("End", "Enter") // plain text
	tm.WaitFor("Save to this file:")
	tm.Send("Enter")
	tm.WaitFor("Preview", "Questions for my oncologist")
	tm.Send("Enter")
	done := tm.WaitFor("Done: your questions went to")
	t.Logf("after saving:\n%s", done)
	// The file is named for the day it was saved, by the program's clock
	// (the TUI has no fixed date): find it rather than guess the name, so
	// that a run across midnight passes.
	saved, err := filepath.Glob(filepath.Join(home, "my-questions-*.txt"))
	if err != nil || len(saved) != 1 {
		t.Fatalf("want one my-questions-*.txt in the home folder, found %v (%v)", saved, err)
	}
	data, err := os.ReadFile(saved[0])
	if err != nil {
		t.Fatalf("saved file: %v", err)
	}
	text := string(data)
	top := strings.Index(text, "Can my sister come")
	other := strings.Index(text, first)
	if top < 0 || other < 0 || top > other {
		t.Errorf("the top question is not first in the file:\n%s", text)
	}
	if !strings.Contains(text, "[ ]") {
		t.Errorf("no checkboxes in the file:\n%s", text)
	}
	if !strings.Contains(text, "WHEN TO CALL RIGHT AWAY") || !strings.Contains(text, "100.4°F (38°C)") {
		t.Errorf("no \"When to call right away\" box in the file:\n%s", text)
	}
	t.Logf("saved file:\n%s", text)
	tm.Send("Escape")
	tm.WaitForGone("Done: your questions went to")
	tm.Send("q")
	if got := tm.WaitForExit(); got != 0 {
		t.Fatalf("exit status %d, want 0", got)
	}
}
