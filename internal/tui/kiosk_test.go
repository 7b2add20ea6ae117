package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
)

// clock is a settable time for the kiosk's idle tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func kioskModel(t *testing.T, k Kiosk, sp *fakeSpooler) (Model, *clock, *[]string) {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)}
	var logged []string
	k.Now = c.now
	k.Log = func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) }
	opts := Options{Kiosk: &k}
	if sp != nil {
		opts.Print = PrintOptions{Spooler: printing.Spooler{Run: sp.run}, Now: c.now}
	}
	m := New(fixture(t), render.NewCache(render.Document), opts)
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, c, &logged
}

func TestKioskBlocksEveryWayOut(t *testing.T) {
	m, _, _ := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: 10 * time.Second}, nil)
	for _, k := range []string{"q", "ctrl+c", "ctrl+d", "ctrl+z", "ctrl+\\", "ctrl+q", "esc"} {
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("%s quits the kiosk", k)
			}
		}
		if !strings.Contains(screen(m), "Ask staff to close the guide") {
			t.Errorf("%s: no hint:\n%s", k, screen(m))
		}
	}
	if strings.Contains(screen(m), "q quit") {
		t.Error("the help offers q quit in kiosk mode")
	}
	// Inside a text field, q is a letter.
	m = typeText(t, press(t, m, "/"), "q")
	if m.search.Input.Value() != "q" {
		t.Errorf("q in the search box: %q", m.search.Input.Value())
	}
}

func TestKioskIdleResetWipesTheSession(t *testing.T) {
	m, c, logged := kioskModel(t, Kiosk{Idle: 3 * time.Minute, Countdown: 30 * time.Second}, nil)
	m = press(t, choose(t, m, "first"), "enter", "a", "space", "m")
	if m.list.Len() != 1 {
		t.Fatal("setup: nothing ticked")
	}
	c.advance(2 * time.Minute)
	m = tick(m)
	if m.kiosk.Counting {
		t.Fatal("counting down before the idle time")
	}
	c.advance(time.Minute + time.Second)
	m = tick(m)
	if !m.kiosk.Counting || !strings.Contains(screen(m), "Still reading?") || !strings.Contains(screen(m), "30 seconds") {
		t.Fatalf("no countdown after the idle time:\n%s", screen(m))
	}
	// A key only wakes it; nothing else happens.
	m = press(t, m, "d")
	if m.kiosk.Counting || m.list.Len() != 1 || m.screen != myScreen {
		t.Fatalf("a key during the countdown: counting %v, %d questions, screen %v", m.kiosk.Counting, m.list.Len(), m.screen)
	}
	c.advance(3 * time.Minute)
	m = tick(m)
	c.advance(29 * time.Second)
	m = tick(m)
	if m.list.Len() != 1 {
		t.Fatal("reset before the countdown ended")
	}
	c.advance(time.Second)
	m = tick(m)
	if m.list.Len() != 0 || m.screen != homeScreen || len(m.history) != 0 || m.kiosk.Counting {
		t.Fatalf("after the reset: %d questions, screen %v, history %v", m.list.Len(), m.screen, m.history)
	}
	if strings.Contains(screen(m), "My list") || len(*logged) == 0 {
		t.Errorf("trace left or no log line:\n%s\nlog %v", screen(m), *logged)
	}
}

func TestKioskFinishAndClear(t *testing.T) {
	m, _, _ := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second}, nil)
	m = press(t, choose(t, m, "first"), "enter", "a", "space")
	m = update(t, m, tea.PasteMsg{})
	m = choose(t, press(t, m, "H"), finishID)
	if m.list.Len() != 0 || !strings.Contains(screen(m), "ready for the next person") {
		t.Fatalf("finish and clear: %d questions\n%s", m.list.Len(), screen(m))
	}
}

func TestKioskStaffCode(t *testing.T) {
	m, _, logged := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, ExitCode: "4321"}, nil)
	m = press(t, m, "ctrl+e", "ctrl+x")
	if !m.kiosk.Staff || !strings.Contains(screen(m), "Staff code:") {
		t.Fatalf("staff sequence:\n%s", screen(m))
	}
	m = typeText(t, m, "1111")
	if strings.Contains(screen(m), "1111") {
		t.Fatal("the code is shown unmasked")
	}
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if cmd != nil || !strings.Contains(screen(m), "Wrong code") {
		t.Fatalf("a wrong code: cmd %v\n%s", cmd, screen(m))
	}
	m = typeText(t, press(t, m, "ctrl+e", "ctrl+x"), "4321")
	_, cmd = m.Update(keyMsg("enter"))
	if cmd == nil {
		t.Fatal("the right code does not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the right code does not quit")
	}
	if !strings.Contains(strings.Join(*logged, "\n"), "wrong staff code") {
		t.Errorf("log: %v", *logged)
	}
	// Without a configured code the sequence does nothing.
	m, _, _ = kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second}, nil)
	m = press(t, m, "ctrl+e", "ctrl+x")
	if m.kiosk.Staff {
		t.Error("staff prompt without an exit code")
	}
}

func TestKioskPrinting(t *testing.T) {
	sp := &fakeSpooler{}
	m, _, _ := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, sp)
	m = press(t, choose(t, m, "first"), "enter", "a", "space", "m", "p")
	if m.print.Step != stepPreview || strings.Contains(screen(m), "Save to a file") {
		t.Fatalf("kiosk print goes to the preview, with no file choice:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if m.print.Step != stepDone || len(sp.printed) != 1 || !strings.HasPrefix(sp.printed[0], "-d Desk ") {
		t.Fatalf("kiosk print: %v %v\n%s", m.print.Step, sp.printed, screen(m))
	}

	bad := &fakeSpooler{fail: "lp: The printer or class does not exist.\n"}
	m, _, logged := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, bad)
	m = press(t, choose(t, m, "first"), "enter", "a", "space", "m", "p", "enter")
	if !strings.Contains(screen(m), "The printer is not working. Please ask at the desk.") || m.list.Len() != 1 {
		t.Fatalf("failed kiosk print:\n%s", screen(m))
	}
	if m = press(t, m, "enter"); m.print.Step != stepFailed {
		t.Error("enter after a failed kiosk print offered something (files are not allowed)")
	}
	if !strings.Contains(strings.Join(*logged, "\n"), "does not exist") {
		t.Errorf("the detail is not in the staff log: %v", *logged)
	}
}

func TestKioskButtons(t *testing.T) {
	m, _, _ := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second}, nil)
	if !strings.Contains(screen(m), " Back   Home   Add questions   My questions   Print   Help ") && !strings.Contains(screen(m), "Home") {
		t.Fatalf("no button row:\n%s", screen(m))
	}
	assertFits(t, m, 80, 24)
	m = press(t, choose(t, m, "first"), "enter")
	tap := func(m Model, label string) Model {
		t.Helper()
		x := strings.Index(ansi.Strip(m.buttonsView()), label)
		if x < 0 {
			t.Fatalf("no %q button", label)
		}
		return update(t, m, tea.MouseClickMsg{X: x + 1, Y: m.height - 1, Button: tea.MouseLeft})
	}
	m = tap(m, "Add questions")
	if m.screen != pickScreen {
		t.Fatalf("Add questions: screen %v", m.screen)
	}
	m = tap(m, "Home")
	if m.screen != homeScreen {
		t.Fatalf("Home: screen %v", m.screen)
	}
	m = tap(m, "My questions")
	if m.screen != myScreen {
		t.Fatalf("My questions: screen %v", m.screen)
	}
	m = tap(m, "Back")
	if m.screen != homeScreen {
		t.Errorf("Back: screen %v", m.screen)
	}
	// 40 columns: short labels that fit.
	m = update(t, m, tea.WindowSizeMsg{Width: 40, Height: 12})
	assertFits(t, m, 40, 12)
	if !strings.Contains(screen(m), "Mine") {
		t.Errorf("no short labels at 40 columns:\n%s", screen(m))
	}
}

// tick delivers one idle tick without running the next one (which sleeps).
func tick(m Model) Model {
	next, _ := m.Update(idleTickMsg{})
	return next.(Model)
}
