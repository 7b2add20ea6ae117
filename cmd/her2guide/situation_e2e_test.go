package main

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/e2e"
)

// selectedTitle is the title on the screen's selected row ("› 3. Title").
func selectedTitle(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "› "); ok {
			if _, title, ok := strings.Cut(rest, ". "); ok {
				return strings.TrimSpace(title)
			}
		}
	}
	return ""
}

// hasLine reports whether a line of the screen, spaces trimmed, is want.
func hasLine(screen, want string) bool {
	for _, line := range strings.Split(screen, "\n") {
		if strings.TrimSpace(line) == want {
			return true
		}
	}
	return false
}

// TestSearchArrowsInTmux: in a real terminal, the arrow keys move the
// selection in search results and enter opens the result selected, not the
// first (issue 21).
func TestSearchArrowsInTmux(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 100, 30, "XDG_DATA_HOME="+t.TempDir()+" "+binary(t))
	tm.WaitFor("My situation (private)")
	tm.Send("/")
	tm.WaitFor("Search:")
	// Type as a person does, a letter at a time, each shown with its
	// results: the selection must not trail a result typing pushed down.
	typed := ""
	for _, r := range "heart" {
		typed += string(r)
		tm.Send("-l", string(r))
		tm.WaitUntil("results for "+typed, func(s string) bool {
			return hasLine(s, "Search: "+typed) && (selectedTitle(s) != "" || strings.Contains(s, "Nothing found"))
		})
	}
	first := tm.WaitUntil("results for heart", func(s string) bool {
		return strings.Contains(s, "3. ") && selectedTitle(s) != ""
	})
	if !strings.Contains(first, "› 1. ") {
		t.Errorf("after typing, the selection is not on the best result:\n%s", first)
	}
	top := selectedTitle(first)
	tm.Send("Down", "Down")
	moved := tm.WaitUntil("the selection on the third result", func(s string) bool {
		return strings.Contains(s, "› 3. ")
	})
	third := selectedTitle(moved)
	if third == "" || third == top {
		t.Fatalf("Down twice: selected %q (top %q)\n%s", third, top, moved)
	}
	tm.Send("Up")
	tm.WaitUntil("the selection on the second result", func(s string) bool { return strings.Contains(s, "› 2. ") })
	tm.Send("Down", "Enter")
	title := strings.TrimPrefix(third, "Word list: ")
	page := tm.WaitForGone("Search:")
	if !strings.Contains(page, title) {
		t.Errorf("enter did not open the third result %q:\n%s", third, page)
	}
	tm.Send("C-c")
}

// TestRelatedMidWalkInTmux: a related page opened from a step of the
// reader's own path shows no step in its footer; back returns to the step.
func TestRelatedMidWalkInTmux(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 100, 30, "XDG_DATA_HOME="+t.TempDir()+" "+binary(t))
	tm.WaitFor("My situation (private)")
	tm.Send("Down", "Enter")
	tm.WaitFor("What was your HER2 result?")
	tm.Send("Home", "Enter") // IHC 3+
	tm.WaitFor("What stage is your cancer?")
	tm.Send("Home", "Down", "Down", "Enter") // stage 2
	tm.WaitFor("hormone receptor")
	tm.Send("Home", "Down", "Enter") // HR-negative
	tm.WaitFor("Where are you in your treatment?")
	tm.Send("Home", "Enter") // not started
	tm.WaitFor("What else matters to you?")
	tm.Send("Enter")
	tm.WaitFor("Your own path")
	tm.Send("Enter")
	step := tm.WaitFor("Step 1 of")
	tm.Send("r")
	tm.WaitFor("Related")
	tm.Send("Home", "Enter")
	related := tm.WaitForGone("Step 1 of")
	if strings.Contains(related, "n next") {
		t.Errorf("the related page keeps the walk's keys:\n%s", related)
	}
	tm.Send("Escape")
	back := tm.WaitFor("Step 1 of")
	if !strings.Contains(step, strings.Split(strings.TrimSpace(back), "\n")[0]) {
		t.Logf("step:\n%s\nback:\n%s", step, back)
	}
	tm.Send("C-c")
}
