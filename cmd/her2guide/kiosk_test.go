package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/her2guide/her2guide/internal/e2e"
)

// startKiosk runs `her2guide kiosk ARGS` in tmux and waits for its home
// screen.
func startKiosk(t *testing.T, args string) *e2e.Tmux {
	t.Helper()
	e2e.NeedTool(t, "tmux")
	tm := e2e.StartTmux(t, 100, 30, binary(t)+" kiosk "+args)
	tm.WaitFor("Start here", "Finish and clear")
	return tm
}

// tap sends a left click at the first screen cell showing text, as a
// terminal does: an SGR mouse press and release.
func tap(t *testing.T, tm *e2e.Tmux, text string) {
	t.Helper()
	tapLine(t, tm, text, false)
}

// tapButton taps the last place text shows: the kiosk's buttons are at the
// bottom, below any header or list that shows the same words.
func tapButton(t *testing.T, tm *e2e.Tmux, text string) {
	t.Helper()
	tapLine(t, tm, text, true)
}

func tapLine(t *testing.T, tm *e2e.Tmux, text string, last bool) {
	t.Helper()
	screen := tm.Screen()
	lines := strings.Split(screen, "\n")
	for i := range lines {
		y := i
		if last {
			y = len(lines) - 1 - i
		}
		line := lines[y]
		if x := strings.Index(line, text); x >= 0 {
			col := len([]rune(line[:x])) + 2
			tm.Send("-l", fmt.Sprintf("\x1b[<0;%d;%dM\x1b[<0;%d;%dm", col, y+1, col, y+1))
			return
		}
	}
	t.Fatalf("nothing to tap: %q is not on the screen:\n%s", text, screen)
}

func TestKioskEscapeKeysAndStaffCode(t *testing.T) {
	t.Parallel()
	tm := startKiosk(t, "--exit-code 2468")
	const hint = "Ask staff to close the guide"
	for _, k := range []string{"q", "C-c", "C-d", "C-z", `C-\`, "Escape"} {
		tm.Send(k)
		// The hint shows only once the kiosk has read the key: it was
		// cleared before this key was sent.
		tm.WaitFor(hint)
		if tm.Exited() {
			t.Fatalf("%s ended the kiosk", k)
		}
		tm.Send("Down") // clear the hint
		tm.WaitForGone(hint)
	}
	tm.Send("C-e", "C-x")
	tm.WaitFor("Staff code:")
	tm.Send("-l", "1357")
	tm.Send("Enter")
	tm.WaitFor("Wrong code")
	// The kiosk is still running if it answers the next keys (the home
	// screen may show between ctrl+e and ctrl+x: wait for the prompt).
	tm.Send("C-e", "C-x")
	prompt := tm.WaitUntil("a fresh staff code prompt", func(s string) bool {
		return strings.Contains(s, "Staff code:") && !strings.Contains(s, "Wrong code") || e2e.ShowsExit(s)
	})
	if e2e.ShowsExit(prompt) {
		t.Fatalf("a wrong code ended the kiosk:\n%s", prompt)
	}
	tm.Send("-l", "2468")
	typed := tm.WaitUntil("four masked characters after \"Staff code:\"", func(s string) bool {
		return maskedField(s, "Staff code:") == 4
	})
	if strings.Contains(typed, "2468") {
		t.Errorf("the staff code is visible:\n%s", typed)
	}
	tm.Send("Enter")
	// One wrong code locks the prompt for 1 s: a right code typed sooner is
	// refused with "Try again in …". Then it must work.
	for try := 0; ; try++ {
		s := tm.WaitUntil("the exit or the lockout message", func(s string) bool {
			return e2e.ShowsExit(s) || strings.Contains(s, "Try again in")
		})
		if e2e.ShowsExit(s) {
			break
		}
		if try == 5 {
			t.Fatalf("the right code never worked:\n%s", s)
		}
		time.Sleep(1100 * time.Millisecond) // the lockout after one wrong code
		tm.Send("C-e", "C-x")
		tm.WaitUntil("a staff code prompt", func(s string) bool { return strings.Contains(s, "Staff code:") })
		tm.Send("-l", "2468")
		tm.Send("Enter")
	}
	if got := tm.WaitForExit(); got != 0 {
		t.Fatalf("exit status %d, want 0", got)
	}
	assertTerminalRestored(t, tm)
}

// maskedField returns how many characters follow label on its line when
// they are all one mask character (not a digit), else -1.
func maskedField(screen, label string) int {
	for _, line := range strings.Split(screen, "\n") {
		_, rest, ok := strings.Cut(line, label)
		if !ok {
			continue
		}
		r := []rune(strings.TrimSpace(rest))
		for _, c := range r {
			if c != r[0] || unicode.IsDigit(c) {
				return -1
			}
		}
		return len(r)
	}
	return -1
}

// TestKioskTaps works the kiosk by taps alone. The idle time is far longer
// than the test, so no reset can swallow a tap.
func TestKioskTaps(t *testing.T) {
	t.Parallel()
	tm := startKiosk(t, "--idle 1h")
	tapQuestion(t, tm)
	tapButton(t, tm, "My questions")
	tm.WaitFor("My questions (1)", "Which HER2 drugs do you suggest")
}

// TestKioskTapsToAPrintedSheet is a whole kiosk session by taps alone,
// from home to a sheet printed through the real spooler: a question ticked
// on a page, starred on My questions, the one-page copy for the care
// team, its preview, Print now.
func TestKioskTapsToAPrintedSheet(t *testing.T) {
	t.Parallel()
	needPDFQueue(t)
	tm := startKiosk(t, "--idle 1h --printer PDF")
	tapQuestion(t, tm)
	tapButton(t, tm, "My questions")
	tm.WaitFor("My questions (1)", "Star", "Remove")
	tapButton(t, tm, "Star")
	tm.WaitFor("* Which HER2 drugs do you suggest")
	tapButton(t, tm, "Print")
	tm.WaitFor("Which sheet do you want?")
	tap(t, tm, "A one-page copy for my care team")
	tm.WaitFor("Print now")
	tapButton(t, tm, "Print now")
	tm.WaitFor("Done: your questions went to the printer PDF")
}

// needPDFQueue skips (or, under HER2GUIDE_E2E=1, fails) without the CUPS
// queue named PDF that .ci/run sets up.
func needPDFQueue(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"lp", "lpstat"} {
		e2e.NeedTool(t, tool)
	}
	if out, err := runBin("lpstat", "", "-p", "PDF"); err != nil {
		msg := "END-TO-END TEST NOT RUN: no CUPS queue named PDF (see .ci/run): " + out
		if e2e.Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// tapQuestion taps its way to a page's questions and ticks one.
func tapQuestion(t *testing.T, tm *e2e.Tmux) {
	t.Helper()
	tap(t, tm, "Understanding your diagnosis")
	tm.WaitFor("What does HER2-positive mean?")
	tap(t, tm, "What does HER2-positive mean?")
	tm.WaitFor("Reviewed 20")
	tap(t, tm, "Add questions")
	tm.WaitFor("[ ] Which HER2 drugs do you suggest")
	tap(t, tm, "Which HER2 drugs do you suggest")
	tm.WaitFor("[x] Which HER2 drugs do you suggest", "My list: 1")
}

// TestKioskIdleReset lets the kiosk sit: it asks "Still reading?", then
// wipes the session. This runs on real time, so it only checks that the
// reset comes, with a long deadline; the timing itself (idle, countdown, a
// key during the countdown) is tested with a fake clock in internal/tui.
func TestKioskIdleReset(t *testing.T) {
	t.Parallel()
	// Long enough that the keys below arrive well within it.
	tm := startKiosk(t, "--idle 3s --countdown 2s")
	tm.Send("Down", "Down", "Enter", "Enter", "a", "Space")
	ticked := tm.WaitFor("[x] ", "My list: 1")
	patience := tm.Patience
	tm.Patience = 2 * time.Minute
	// The countdown notice may come and go between two looks at the
	// screen; what must come is a clean home screen.
	home := tm.WaitForChange(ticked, "Start here", "Finish and clear")
	if strings.Contains(home, "My list") {
		t.Fatalf("the ticked question survived the idle reset:\n%s", home)
	}
	tm.Patience = patience
	tap(t, tm, "My questions")
	tm.WaitFor("none yet")
}

func TestKioskPrinting(t *testing.T) {
	t.Parallel()
	needPDFQueue(t)
	log := filepath.Join(t.TempDir(), "kiosk.log")
	tm := startKiosk(t, "--printer PDF --log "+log)
	tm.Send("Down", "Down", "Enter", "Enter", "a", "Space", "m", "p")
	tm.WaitFor("Which sheet do you want?")
	tm.Send("Enter") // My sheet
	tm.WaitFor("Press enter to print")
	tm.Send("Enter")
	tm.WaitFor("Done: your questions went to the printer PDF")

	tm2 := startKiosk(t, "--printer NoSuchPrinter --log "+log)
	tm2.Send("Down", "Down", "Enter", "Enter", "a", "Space", "m", "p")
	tm2.WaitFor("Which sheet do you want?")
	tm2.Send("Enter")
	tm2.WaitFor("Press enter to print")
	tm2.Send("Enter")
	tm2.WaitFor("The printer is not working. Please ask at the desk.")
	e2e.WaitForFileContains(t, log, "NoSuchPrinter")
}

func TestKioskSkipsABrokenClinicPage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := "---\nid: clinic-contacts\ntitle: Who do I call at this clinic?\nsummary: The clinic's numbers.\nsection: talking\norder: 90\nreviewed: 2026-11-01\nnext_review: 2027-05-01\nsources:\n  - \"Clinic policy, 2026.\"\n  - \"Clinic staff list, 2026.\"\nquestions:\n  - \"Who do I call at night?\"\n  - \"Who is my nurse navigator?\"\n  - \"Where do I park?\"\n---\n\nAsk at the desk for the nurse navigator.\n"
	bad := strings.Replace(good, "id: clinic-contacts", "id: clinic-broken", 1) + "\n"
	bad = strings.Replace(bad, "order: 90", "order: 91\ncolour: red", 1)
	for name, body := range map[string]string{"clinic-contacts.md": good, "clinic-broken.md": bad} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log := filepath.Join(t.TempDir(), "kiosk.log")
	tm := startKiosk(t, "--content "+dir+" --log "+log)
	first := tm.Screen()
	if !strings.Contains(first, "Staff") {
		t.Errorf("no staff-visible warning at start:\n%s", first)
	}
	tm.Send("Down", "Down", "Down", "Down", "Down", "Down", "Enter")
	tm.WaitFor("Who do I call at this clinic?")
	e2e.WaitForFileContains(t, log, "clinic-broken.md")
}
