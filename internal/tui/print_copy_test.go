package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/her2guide/her2guide/internal/export"
)

// copySheet is the one-page copy for the care team of m's list, written
// here apart from the print screen: with the reader's "My situation"
// answers in its "About me" box when about is true.
func copySheet(t *testing.T, m *Model, about bool) string {
	t.Helper()
	sh := export.NewSheet(m.ctx.Guide, m.ctx.Session.List.Items(), m.ctx.now(), m.ctx.Opts.Print.Version)
	sh.Clinician = true
	if about {
		sh.About = export.Situation(m.ctx.Guide, m.ctx.Session.Answers)
		sh.Mine = export.AboutCancer(m.ctx.Guide, m.ctx.Session.Answers)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, sh, export.Text, export.A4); err != nil {
		t.Fatal(err)
	}
	return strings.TrimRight(buf.String(), "\n")
}

// TestPrintAsksWhichSheet: print or save asks first which sheet, "My
// sheet" selected; enter on it makes the reader's own sheet; down, enter
// makes the one-page copy for the care team, printed or saved; esc goes
// from where the sheet goes back to the question, and from the question
// out of the screen.
func TestPrintAsksWhichSheet(t *testing.T) {
	sp := &fakeSpooler{}
	m := press(t, printModel(t, sp, t.TempDir()), "p")
	text := m.ctx.Text.Print
	s := screen(m)
	if ps(m).step != stepWhich {
		t.Fatalf("p: step %v, want the choice of sheet\n%s", ps(m).step, s)
	}
	for _, want := range []string{text.Which, "› 1. " + text.Mine, "2. " + text.Copy, text.MineSummary, "enter", "esc"} {
		if !strings.Contains(s, want) {
			t.Errorf("the choice of sheet lacks %q:\n%s", want, s)
		}
	}
	if s := screen(press(t, m, "down")); !strings.Contains(strings.Join(strings.Fields(s), " "), text.CopySummary) {
		t.Errorf("the copy's summary is not shown on it:\n%s", s)
	}

	// My sheet, the default: the reader's own sheet.
	m = press(t, printModel(t, sp, t.TempDir()), "p", "enter")
	if ps(m).step != stepDestination || ps(m).clinician {
		t.Fatalf("enter on My sheet: step %v, clinician %v", ps(m).step, ps(m).clinician)
	}
	// Esc: back to the question, the choice kept; esc again leaves.
	if m = press(t, m, "esc"); ps(m).step != stepWhich {
		t.Fatalf("esc on where it goes: step %v, want the choice of sheet", ps(m).step)
	}
	if m = press(t, m, "enter", "enter"); ps(m).step != stepPreview || previewText(m) == copySheet(t, m, false) {
		t.Fatalf("my sheet's preview is the copy, or no preview:\n%s", screen(m))
	}
	if m = press(t, m, "esc", "esc", "esc"); is[*printScreen](m) {
		t.Fatal("esc on the choice of sheet did not leave")
	}

	// The copy for the care team, printed: the preview is the copy, and
	// with no "My situation" answers nothing is asked about them.
	m = press(t, printModel(t, sp, t.TempDir()), "p", "down", "enter")
	if ps(m).step != stepDestination || !ps(m).clinician {
		t.Fatalf("the copy: step %v, clinician %v", ps(m).step, ps(m).clinician)
	}
	m = press(t, m, "enter")
	if got, want := previewText(m), copySheet(t, m, false); got != want {
		t.Fatalf("the copy's preview:\n%s\nwant:\n%s", got, want)
	}
	if m = press(t, m, "enter"); ps(m).step != stepDone || len(sp.printed) != 1 || !ps(m).sheet().Clinician {
		t.Fatalf("printing the copy: step %v, printed %v", ps(m).step, sp.printed)
	}

	// The copy saved as a text file is the copy.
	dir := t.TempDir()
	m = press(t, printModel(t, &fakeSpooler{}, dir), "p", "down", "enter", "end", "enter", "end", "enter", "enter", "enter")
	if ps(m).step != stepDone {
		t.Fatalf("saving the copy: step %v\n%s", ps(m).step, screen(m))
	}
	data, err := os.ReadFile(filepath.Join(dir, "my-questions-2026-11-22.txt"))
	if err != nil || strings.TrimRight(string(data), "\n") != copySheet(t, m, false) {
		t.Fatalf("the saved copy (%v):\n%s", err, data)
	}
}

// TestPrintWhichSheetByMouse: a tap on the copy's row chooses it.
func TestPrintWhichSheetByMouse(t *testing.T) {
	m := press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p")
	// The header, the question (one line), a blank line, then the rows.
	m = update(t, m, tea.MouseClickMsg{X: 5, Y: headerHeight + 2 + 1, Button: tea.MouseLeft})
	if ps(m).step != stepDestination || !ps(m).clinician {
		t.Fatalf("tap on the copy: step %v, clinician %v\n%s", ps(m).step, ps(m).clinician, screen(m))
	}
}

// TestPrintWhichSheetGolden is the choice of sheet as the reader sees it.
func TestPrintWhichSheetGolden(t *testing.T) {
	golden.RequireEqual(t, screen(press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p")))
}

// TestCopyAboutMeNeedsConsent: the copy for the care team prints the
// reader's "My situation" answers only when the reader agreed; the
// question names the copy's box and what it will say, "no" first; one
// answer a session covers both sheets.
func TestCopyAboutMeNeedsConsent(t *testing.T) {
	answers := map[string]string{"her2": "ihc3", "stage": "2", "hormone": "unsure"}
	facts := export.Situation(bundledGuide(t), answers)
	if len(facts) < 2 {
		t.Fatalf("Situation = %+v", facts)
	}

	// No, the default: the box stays blank.
	m := press(t, fillModel(t, answers), "m", "p", "down", "enter")
	text := m.ctx.Text.Print
	s := strings.Join(strings.Fields(screen(m)), " ")
	if ps(m).step != stepFill || !strings.Contains(s, text.FillAskCopy[:40]) || !strings.Contains(s, "› 1. "+text.FillNoCopy) {
		t.Fatalf("the copy's question:\n%s", screen(m))
	}
	m = press(t, m, "enter", "enter")
	if got, want := previewText(m), copySheet(t, m, false); got != want {
		t.Errorf("the copy after no:\n%s\nwant:\n%s", got, want)
	}
	for _, f := range facts {
		if strings.Contains(previewText(m), f.Question) {
			t.Errorf("the copy after no prints %q", f.Question)
		}
	}

	// Yes: the question says what the copy will say, and it does.
	m = press(t, fillModel(t, answers), "m", "p", "down", "enter", "down")
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, facts[0].Answer+"; "+facts[1].Answer) {
		t.Errorf("yes does not say what the copy will say:\n%s", screen(m))
	}
	m = press(t, m, "enter", "enter")
	if got, want := previewText(m), copySheet(t, m, true); got != want || !strings.Contains(got, facts[0].Answer) {
		t.Errorf("the copy after yes:\n%s\nwant:\n%s", got, want)
	}

	// A yes for My sheet (stage, HER2 and ER/PR) is not a yes for the
	// copy, which shows every answer: the copy asks, with No the default;
	// asked once, each sheet keeps its answer for the session.
	m = press(t, fillModel(t, answers), "m", "p", "enter", "down", "enter", "esc", "down", "enter")
	if ps(m).step != stepFill || !m.ctx.Session.fillAbout || m.ctx.Session.copyAsked {
		t.Fatalf("the copy after yes on My sheet: step %v, fill %v, copy asked %v", ps(m).step, m.ctx.Session.fillAbout, m.ctx.Session.copyAsked)
	}
	m = press(t, m, "enter")
	if ps(m).step != stepDestination || !m.ctx.Session.copyAsked || m.ctx.Session.copyAbout {
		t.Fatalf("no for the copy: step %v, asked %v, yes %v", ps(m).step, m.ctx.Session.copyAsked, m.ctx.Session.copyAbout)
	}
	m = press(t, m, "esc")
	if ps(m).step != stepWhich {
		t.Fatalf("esc on where it goes: step %v, want the choice of sheet", ps(m).step)
	}
	m = press(t, m, "up", "enter")
	if ps(m).step != stepDestination || !m.ctx.Session.fillAbout {
		t.Errorf("My sheet again: step %v (asked again?), fill %v", ps(m).step, m.ctx.Session.fillAbout)
	}

	// Answers that fill no "About my cancer" line ("I don't know") are
	// still the reader's situation: asked for the copy, not for My sheet.
	unsure := map[string]string{"her2": "unsure", "stage": "unsure"}
	if m = press(t, fillModel(t, unsure), "m", "p", "enter"); ps(m).step != stepDestination {
		t.Errorf("My sheet with nothing to fill: step %v", ps(m).step)
	}
	if m = press(t, fillModel(t, unsure), "m", "p", "down", "enter"); ps(m).step != stepFill {
		t.Errorf("the copy with only I don't know: step %v, want the question", ps(m).step)
	}
}

// TestKioskPrintsTheCopy: at the kiosk the choice of sheet comes first,
// by tap as by key; the copy for the care team goes to the desk's printer
// after its preview; Back from the preview returns to the choice; a reset
// forgets the choice, and the next patient starts on "My sheet".
func TestKioskPrintsTheCopy(t *testing.T) {
	sp := &fakeSpooler{}
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, sp)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", "m", "p")
	if ps(k.guide).step != stepWhich {
		t.Fatalf("kiosk print: step %v, want the choice of sheet\n%s", ps(k.guide).step, kscreen(k))
	}
	tapText(t, k, k.guide.ctx.Text.Print.Copy)
	if ps(k.guide).step != stepPreview || !ps(k.guide).clinician || strings.Contains(kscreen(k), "Save to a file") {
		t.Fatalf("tap on the copy: step %v, clinician %v\n%s", ps(k.guide).step, ps(k.guide).clinician, kscreen(k))
	}
	if got, want := strings.Join(ps(k.guide).preview.Lines, "\n"), copySheet(t, k.guide, false); got != want {
		t.Errorf("the kiosk's preview is not the copy:\n%s", got)
	}
	if kpress(t, k, "esc"); ps(k.guide).step != stepWhich {
		t.Fatalf("esc on the kiosk's preview: step %v, want the choice of sheet", ps(k.guide).step)
	}
	kpress(t, k, "enter") // the copy is still selected
	if tapText(t, k, k.guide.ctx.Text.Kiosk.Back); ps(k.guide).step != stepWhich {
		t.Fatalf("the Back button on the kiosk's preview: step %v, want the choice of sheet", ps(k.guide).step)
	}
	kpress(t, k, "enter")
	tapText(t, k, "Print now")
	if ps(k.guide).step != stepDone || len(sp.printed) != 1 || !strings.HasPrefix(sp.printed[0], "-d Desk ") || !ps(k.guide).sheet().Clinician {
		t.Fatalf("printing the copy at the desk: step %v, printed %v\n%s", ps(k.guide).step, sp.printed, kscreen(k))
	}

	kpress(t, k, "H")
	kchoose(t, k, finishID)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", "m", "p")
	if it, _ := ps(k.guide).which.Menu.selected(); ps(k.guide).step != stepWhich || ps(k.guide).clinician || it.ID != sheetMineID {
		t.Fatalf("after a reset: step %v, clinician %v, selected %q", ps(k.guide).step, ps(k.guide).clinician, it.ID)
	}
	if kpress(t, k, "enter"); ps(k.guide).sheet().Clinician {
		t.Error("the next patient's sheet is the copy")
	}
}
