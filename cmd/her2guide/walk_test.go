package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/e2e"
)

// TestStageTwoWalkInTmux is a stage 2 reader in the real binary: "Start
// here", "No, it has not spread", n through every step to "You're ready".
// No page for spread cancer may come on the way, and the last page's
// starter questions must be on the list at the end.
func TestStageTwoWalkInTmux(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 100, 30, binary(t))
	tm.WaitFor("Start here, step by step")
	tm.Send("Enter")
	tm.WaitFor("has your cancer spread", "No, it has not spread")
	tm.Send("Home", "Enter") // the first answer: No, it has not spread
	// The progress line: "Step 7 of 11 — Stage 2 · 5 questions (a) · …".
	step := regexp.MustCompile(`Step (\d+) of (\d+) — (.*)`)
	first := tm.WaitFor("Step 1 of")
	var labels []string
	screen := first
	for i := 1; ; i++ {
		m := step.FindStringSubmatch(lineWith(screen, "Step "+strconv.Itoa(i)+" of"))
		if m == nil {
			t.Fatalf("step %d: no progress line:\n%s", i, screen)
		}
		total, label := m[2], strings.TrimSpace(strings.SplitN(m[3], " · ", 2)[0])
		labels = append(labels, label)
		for _, spread := range []string{"Stage 4", "First treatment", "Second treatment", "Later treatments",
			"Brain metastases", "When treatment stops working", "What doctors do next"} {
			if label == spread {
				t.Fatalf("step %d is %q, a page for spread cancer, on an early-stage walk (steps so far %v)", i, label, labels)
			}
		}
		tm.Send("n")
		if strconv.Itoa(i) == total {
			break
		}
		screen = tm.WaitFor("Step " + strconv.Itoa(i+1) + " of")
		if i > 40 {
			t.Fatal("the walk does not end")
		}
	}
	t.Logf("steps: %v", labels)
	if len(labels) < 5 || labels[len(labels)-1] != "Your questions" {
		t.Errorf("steps %v: want the whole early walk, ending on Your questions", labels)
	}
	ready := tm.WaitFor("You're ready.", "questions are on your list")
	if !regexp.MustCompile(`You're ready\. \d+ questions are on your list, \d+ of them from`).MatchString(strings.Join(strings.Fields(ready), " ")) {
		t.Errorf("the starter questions are not on the list:\n%s", ready)
	}
	tm.Send("m")
	list := tm.WaitFor("My questions (")
	if strings.Contains(list, "My questions (0)") {
		t.Errorf("My questions is empty after the walk:\n%s", list)
	}
	// The list is not saved: q asks, and Quit anyway quits.
	tm.Send("q")
	tm.WaitFor("Quit anyway")
	tm.Send("q")
	if got := tm.WaitForExit(); got != 0 {
		t.Fatalf("exit status %d, want 0", got)
	}
}

// lineWith is the first line of screen that holds s, or "".
func lineWith(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
