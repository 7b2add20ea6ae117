package plain

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
)

// showPrinter is a fakePrinter whose first choice only shows the sheet.
type showPrinter struct{ fakePrinter }

func (showPrinter) Keeps(choice int) bool { return choice != 0 }

func oneQuestion(t *testing.T) *checklist.List {
	t.Helper()
	list := &checklist.List{}
	if _, err := list.AddOwn("Will I lose my hair?"); err != nil {
		t.Fatal(err)
	}
	return list
}

// TestQuitAsksWhenTheListIsNotSaved: q with questions that are not
// printed or saved asks the TUI's question; stay asks again where the
// reader was, print first quits once the list is saved, and a list
// already saved quits at once.
func TestQuitAsksWhenTheListIsNotSaved(t *testing.T) {
	g := bundled(t)
	const intro = "You have 1 question on your list that is not printed or saved."
	fp := &fakePrinter{choices: []string{"Save as a text file"}}

	// Stay, from a page, then quit anyway.
	out := runScript(t, g, lines("3", "q", "3", "q", "2"), Options{List: oneQuestion(t), Printer: fp})
	inOrder(t, out, intro, "1. Print or save my questions first", "2. Quit anyway", "3. Stay",
		intro, "Goodbye.")
	if n := strings.Count(out, intro); n != 2 {
		t.Errorf("asked %d times, want 2", n)
	}

	// q at the question quits; b stays.
	out = runScript(t, g, lines("q", "b", "q", "q"), Options{List: oneQuestion(t), Printer: fp})
	inOrder(t, out, intro, intro, "Goodbye.")

	// Print first: the print menu, then quit once it is saved.
	fp = &fakePrinter{choices: []string{"Save as a text file"}}
	out = runScript(t, g, lines("q", "1", "1"), Options{List: oneQuestion(t), Printer: fp})
	inOrder(t, out, intro, "Print or save My questions:", "Saved to /home/a/questions.txt.", "Goodbye.")
	if len(fp.got) != 1 {
		t.Errorf("printed %d questions, want 1", len(fp.got))
	}

	// Saved already: no question. Changed since: asked again.
	list := oneQuestion(t)
	out = runScript(t, g, lines("9", "p", "1", "q"), Options{List: list, Printer: fp})
	if strings.Contains(out, intro) {
		t.Errorf("asked after the list was saved:\n%s", out)
	}
	out = runScript(t, g, lines("9", "p", "1", "n", "Is it safe to drive?", "q"), Options{List: oneQuestion(t), Printer: fp})
	inOrder(t, out, "Saved to", "You have 2 questions on your list that are not printed or saved.")

	// Only showing the sheet does not keep the list.
	sp := &showPrinter{fakePrinter{choices: []string{"Show the sheet here", "Save as a text file"}}}
	out = runScript(t, g, lines("9", "p", "1", "q"), Options{List: oneQuestion(t), Printer: sp})
	inOrder(t, out, "Saved to", intro)

	// An empty list, or no printer offered: q quits, or asks without the
	// print choice.
	out = runScript(t, g, lines("q"), Options{Printer: fp})
	if strings.Contains(out, "not printed or saved") || !strings.Contains(out, "Goodbye.") {
		t.Errorf("empty list:\n%s", out)
	}
	out = runScript(t, g, lines("q", "1"), Options{List: oneQuestion(t)})
	inOrder(t, out, intro, "1. Quit anyway", "2. Stay", "Goodbye.")
	if strings.Contains(out, "Print or save my questions first") {
		t.Error("offers printing without a printer")
	}
}
