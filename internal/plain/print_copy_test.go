package plain

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/i18n"
)

// copyPrinter is a fillPrinter that can also make the one-page copy for
// the care team, and says which sheet it made.
type copyPrinter struct {
	fillPrinter
	clinician bool
	about     []export.Fact
	made      int
}

func (c *copyPrinter) MakeCopy(clinician bool, about []export.Fact) {
	c.clinician, c.about, c.made = clinician, about, c.made+1
}

func (c *copyPrinter) Do(ctx context.Context, choice int, items []checklist.Item, name string) (string, error) {
	msg, err := c.fillPrinter.Do(ctx, choice, items, name)
	sheet := "my sheet"
	if c.clinician {
		sheet = fmt.Sprintf("the copy, %d answers", len(c.about))
	}
	return msg + " Made: " + sheet + ".", err
}

// TestWhichSheet: with a Printer that can make the copy for the care team,
// every print or save first asks which sheet; 1, "My sheet", is the
// default on Enter; 2 makes the copy; b goes back and prints nothing.
func TestWhichSheet(t *testing.T) {
	g := bundled(t)
	text := i18n.English()
	run := func(then ...string) (string, *copyPrinter) {
		t.Helper()
		cp := &copyPrinter{fillPrinter: fillPrinter{fakePrinter: fakePrinter{choices: []string{"Save as a text file"}}}}
		script := append([]string{homeMine}, then...)
		list := &checklist.List{}
		if _, err := list.AddOwn("Will I lose my hair?"); err != nil {
			t.Fatal(err)
		}
		return runScript(t, g, lines(script...), Options{Width: 200, Chunk: 10000, Printer: cp, List: list}), cp
	}

	// Enter alone: my sheet; asked again each time; 2: the copy, with no
	// "My situation" answers to ask about.
	out, cp := run("p", "", "1", "p", "2", "1", "q", "1")
	inOrder(t, out, text.Print.Which, "1. "+text.Print.Mine, "2. "+text.Print.Copy, text.Plain.PromptWhich,
		"Print or save My questions:", "Made: my sheet.",
		text.Print.Which, "Print or save My questions:", "Made: the copy, 0 answers.")
	if strings.Contains(out, text.Print.FillAskCopy[:40]) || cp.made != 2 {
		t.Errorf("asked about answers there are none of, or MakeCopy called %d times:\n%s", cp.made, out)
	}

	// b: nothing printed; a wrong number asks again.
	out, cp = run("p", "b", "p", "3", "2", "1", "q", "1")
	inOrder(t, out, text.Print.Which, "Type b to go back", text.Print.Which, "Please type a number from 1 to 2.",
		"Print or save My questions:", "Made: the copy, 0 answers.")
	if n := strings.Count(out, "Print or save My questions:"); n != 1 || cp.made != 1 {
		t.Errorf("after b: %d print menus, MakeCopy called %d times", n, cp.made)
	}

	// A Printer that cannot make the copy: no question.
	out = runScript(t, g, lines(homeMine, "p", "1", "q", "1"), Options{Width: 200, Chunk: 10000,
		Printer: &fakePrinter{choices: []string{"Save as a text file"}}, List: func() *checklist.List {
			l := &checklist.List{}
			if _, err := l.AddOwn("Will I lose my hair?"); err != nil {
				t.Fatal(err)
			}
			return l
		}()})
	if strings.Contains(out, text.Print.Which) {
		t.Errorf("asked which sheet without a copy maker:\n%s", out)
	}
}

// TestCopyAboutMeNeedsConsent: the copy for the care team carries the
// reader's "My situation" answers only when the reader agreed; the
// question names the copy's box and the answers, "no" first and on Enter.
// Each sheet is asked once a session, apart: a yes for my sheet's three
// lines is not a yes for the copy, which shows every answer.
func TestCopyAboutMeNeedsConsent(t *testing.T) {
	g := bundled(t)
	text := i18n.English()
	facts := export.Situation(g, stage2)
	if len(facts) < 3 {
		t.Fatalf("Situation(stage2) = %+v", facts)
	}
	run := func(then ...string) (string, *copyPrinter) {
		t.Helper()
		cp := &copyPrinter{fillPrinter: fillPrinter{fakePrinter: fakePrinter{choices: []string{"Save as a text file"}}}}
		script := append([]string{homeSituation}, formInput(t, g, stage2)...)
		script = append(script, "b", homeMine)
		script = append(script, then...)
		return runScript(t, g, lines(script...), Options{Width: 200, Chunk: 10000, Printer: cp}), cp
	}
	blank := `Sheet: stage "", HER2 "", ER / PR "".`

	// The copy, Enter alone: the box stays blank. My sheet next asks its
	// own question (Enter alone: blank too); a third print asks nothing.
	out, cp := run("p", "2", "", "1", "p", "", "", "1", "p", "", "1", "q", "1")
	inOrder(t, out, text.Print.Which, "The copy for your care team has a box about you.", "1. "+text.Print.FillNoCopy,
		text.Print.FillNoCopySummary, "2. "+text.Print.FillYesCopy, "The copy will say: ", facts[1].Answer+"; "+facts[2].Answer,
		"Print or save My questions:", blank+" Made: the copy, 0 answers.",
		text.Print.Which, "(stage, HER2, ER / PR)", "Print or save My questions:", blank+" Made: my sheet.",
		text.Print.Which, "Print or save My questions:", blank+" Made: my sheet.")
	if n := strings.Count(out, text.Print.FillYesCopy); n != 1 || cp.about != nil {
		t.Errorf("asked %d times, or the box is filled after no: %+v", n, cp.about)
	}
	if n := strings.Count(out, "(stage, HER2, ER / PR)"); n != 1 {
		t.Errorf("my sheet's question asked %d times, want once", n)
	}

	// Yes for the copy: it carries every answer; my sheet then asks its own
	// question, and after no its lines stay blank.
	out, cp = run("p", "2", "2", "1", "p", "1", "", "1", "q", "1")
	inOrder(t, out, fmt.Sprintf("Made: the copy, %d answers.", len(facts)), "(stage, HER2, ER / PR)", blank+" Made: my sheet.")
	if len(cp.about) != 0 || cp.mine != (export.Cancer{}) {
		t.Errorf("after yes for the copy and no for my sheet: about %+v, mine %+v", cp.about, cp.mine)
	}

	// Yes for my sheet: the copy after it still asks, and no leaves its
	// box blank.
	out, cp = run("p", "1", "2", "1", "p", "2", "", "1", "q", "1")
	inOrder(t, out, "(stage, HER2, ER / PR)", "Made: my sheet.", "The copy for your care team has a box about you.", "Made: the copy, 0 answers.")
	if cp.about != nil {
		t.Errorf("the copy after yes for my sheet, no for the copy: about %+v", cp.about)
	}
}
