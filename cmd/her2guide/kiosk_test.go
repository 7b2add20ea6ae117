package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/e2e"
)

// startKiosk runs `her2guide kiosk ARGS` in tmux and returns the session
// and the file its exit status will be written to.
func startKiosk(t *testing.T, args string) (*e2e.Tmux, string) {
	t.Helper()
	e2e.NeedTool(t, "tmux")
	bin := binary(t)
	status := filepath.Join(t.TempDir(), "status")
	tm := e2e.StartTmux(t, 100, 30, fmt.Sprintf("%s kiosk %s; echo $? > %s; sleep 30", bin, args, status))
	tm.WaitFor("Start here", "Finish and clear")
	return tm, status
}

// tap sends a left click at the first screen cell showing text, as a
// terminal does: an SGR mouse press and release.
func tap(t *testing.T, tm *e2e.Tmux, text string) {
	t.Helper()
	for y, line := range strings.Split(tm.Screen(), "\n") {
		if x := strings.Index(line, text); x >= 0 {
			col := len([]rune(line[:x])) + 2
			tm.Send("-l", fmt.Sprintf("\x1b[<0;%d;%dM\x1b[<0;%d;%dm", col, y+1, col, y+1))
			return
		}
	}
	t.Fatalf("nothing to tap: %q is not on the screen:\n%s", text, tm.Screen())
}

func TestKioskEscapeKeysAndStaffCode(t *testing.T) {
	tm, status := startKiosk(t, "--exit-code 2468")
	for _, k := range []string{"q", "C-c", "C-d", "C-z", `C-\`, "Escape"} {
		tm.Send(k)
		tm.WaitFor("Ask staff to close the guide")
		tm.Send("Down") // clear the hint
		tm.WaitFor("Start here")
		if _, err := os.Stat(status); err == nil {
			t.Fatalf("%s ended the kiosk", k)
		}
	}
	tm.Send("C-e", "C-x")
	tm.WaitFor("Staff code:")
	tm.Send("-l", "1357")
	tm.Send("Enter")
	tm.WaitFor("Wrong code")
	if _, err := os.Stat(status); err == nil {
		t.Fatal("a wrong code ended the kiosk")
	}
	tm.Send("C-e", "C-x")
	tm.WaitFor("Staff code:")
	tm.Send("-l", "2468")
	if strings.Contains(tm.Screen(), "2468") {
		t.Error("the staff code is visible")
	}
	tm.Send("Enter")
	if got := strings.TrimSpace(string(e2e.WaitForFile(t, status))); got != "0" {
		t.Fatalf("exit status %s, want 0", got)
	}
	assertTerminalRestored(t, tm)
}

func TestKioskTapAndIdleReset(t *testing.T) {
	tm, _ := startKiosk(t, "--idle 2s --countdown 1s")
	tap(t, tm, "Understanding your diagnosis")
	tm.WaitFor("1. What does HER2-positive mean?")
	tap(t, tm, "What does HER2-positive mean?")
	tm.WaitFor("Reviewed 20")
	tap(t, tm, "Add questions")
	tm.WaitFor("[ ] Which HER2 drugs do you suggest")
	tap(t, tm, "Which HER2 drugs do you suggest")
	tm.WaitFor("[x] Which HER2 drugs do you suggest", "My list: 1")
	// Nobody answers: the notice, then a clean start.
	tm.WaitFor("Still reading?")
	screen := tm.WaitFor("Start here", "Finish and clear")
	if strings.Contains(screen, "My list") {
		t.Fatalf("the ticked question survived the idle reset:\n%s", screen)
	}
	tap(t, tm, "My questions")
	tm.WaitFor("none yet")
}

func TestKioskPrinting(t *testing.T) {
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
	log := filepath.Join(t.TempDir(), "kiosk.log")
	tm, _ := startKiosk(t, "--printer PDF --log "+log)
	tm.Send("Down", "Down", "Enter", "Enter", "a", "Space", "m", "p")
	tm.WaitFor("Press enter to print")
	tm.Send("Enter")
	tm.WaitFor("Done: your questions went to the printer PDF")

	tm2, _ := startKiosk(t, "--printer NoSuchPrinter --log "+log)
	tm2.Send("Down", "Down", "Enter", "Enter", "a", "Space", "m", "p")
	tm2.WaitFor("Press enter to print")
	tm2.Send("Enter")
	tm2.WaitFor("The printer is not working. Please ask at the desk.")
	data, _ := os.ReadFile(log)
	if !strings.Contains(string(data), "NoSuchPrinter") {
		t.Errorf("the staff log lacks the detail:\n%s", data)
	}
}

func TestKioskSkipsABrokenClinicPage(t *testing.T) {
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
	tm, _ := startKiosk(t, "--content "+dir+" --log "+log)
	first := tm.Screen()
	if !strings.Contains(first, "Staff") {
		t.Errorf("no staff-visible warning at start:\n%s", first)
	}
	tm.Send("Down", "Down", "Down", "Down", "Down", "Down", "Enter")
	tm.WaitFor("Who do I call at this clinic?")
	data, _ := os.ReadFile(log)
	if !strings.Contains(string(data), "clinic-broken.md") {
		t.Errorf("the log does not name the broken page:\n%s", data)
	}
}
