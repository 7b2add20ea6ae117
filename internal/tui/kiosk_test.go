package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
)

// staffLog records log lines; it says whether a line was written while
// Update ran (it must not be).
type staffLog struct {
	mu       sync.Mutex
	lines    []string
	inUpdate bool
	early    bool
}

func (l *staffLog) log(f string, a ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.inUpdate {
		l.early = true
	}
	l.lines = append(l.lines, fmt.Sprintf(f, a...))
}

func (l *staffLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// kioskRig is a kiosk with a fake clock and log; its messages run through
// run, with Update watched for log writes.
type kioskRig struct {
	*KioskModel
	clock *clock.Manual
	log   *staffLog
}

// Update marks the time inside Update for the staff log.
func (k *kioskRig) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k.log.mu.Lock()
	k.log.inUpdate = true
	k.log.mu.Unlock()
	_, cmd := k.KioskModel.Update(msg)
	k.log.mu.Lock()
	k.log.inUpdate = false
	k.log.mu.Unlock()
	return k, cmd
}

func kioskModel(t *testing.T, k Kiosk, sp *fakeSpooler) *kioskRig {
	t.Helper()
	c := clock.NewManual(time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	l := &staffLog{}
	k.Log = l.log
	opts := Options{Clock: c.Clock()}
	if sp != nil {
		opts.Print = PrintOptions{Spooler: printing.Spooler{Run: sp.run}}
	}
	r := &kioskRig{KioskModel: NewKiosk(fixture(t), render.NewCache(render.Document), opts, k), clock: c, log: l}
	r.tick = func() tea.Cmd { return nil } // the tests deliver ticks themselves
	kpress(t, r, tea.WindowSizeMsg{Width: 80, Height: 24})
	return r
}

// kpress sends keys (names as keyMsg takes them) or messages to the kiosk.
func kpress(t *testing.T, k *kioskRig, msgs ...any) *kioskRig {
	t.Helper()
	for _, m := range msgs {
		if s, ok := m.(string); ok {
			m = keyMsg(s)
		}
		run(t, k, m)
	}
	if k.log.early {
		t.Fatal("the staff log was written during Update")
	}
	return k
}

func kscreen(k *kioskRig) string { return ansi.Strip(k.View().Content) }

// kchoose picks a home entry in the kiosk's guide.
func kchoose(t *testing.T, k *kioskRig, id string) *kioskRig {
	t.Helper()
	kpress(t, k, "home")
	for i, it := range home(k.guide).list.Menu.items {
		if it.ID == id {
			for ; i > 0; i-- {
				kpress(t, k, "j")
			}
			return kpress(t, k, "enter")
		}
	}
	t.Fatalf("no home entry %q", id)
	return k
}

func TestKioskBlocksEveryWayOut(t *testing.T) {
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: 10 * time.Second}, nil)
	for _, key := range []string{"q", "ctrl+c", "ctrl+d", "ctrl+z", "ctrl+\\", "ctrl+q", "esc"} {
		if run(t, k, keyMsg(key)) {
			t.Fatalf("%s quits the kiosk", key)
		}
		if !strings.Contains(kscreen(k), "Ask staff to close the guide") {
			t.Errorf("%s: no hint:\n%s", key, kscreen(k))
		}
	}
	if run(t, k, keyMsg("esc")); len(k.guide.stack) != 1 {
		t.Error("esc left the home screen")
	}
	if strings.Contains(kscreen(k), "q quit") {
		t.Error("the help offers q quit in kiosk mode")
	}
	// Inside a text field, q is a letter.
	kpress(t, k, "/", "q")
	if s, ok := k.guide.top().(*searchScreen); !ok || s.input.Value() != "q" {
		t.Errorf("q in the search box: %T", k.guide.top())
	}
}

func TestKioskIdleResetWipesTheSession(t *testing.T) {
	k := kioskModel(t, Kiosk{Idle: 3 * time.Minute, Countdown: 30 * time.Second}, nil)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", "m")
	list := &k.guide.ctx.Session.List
	if list.Len() != 1 {
		t.Fatal("setup: nothing ticked")
	}
	k.clock.Advance(2 * time.Minute)
	kpress(t, k, idleTickMsg{})
	if k.counting {
		t.Fatal("counting down before the idle time")
	}
	k.clock.Advance(time.Minute + time.Second)
	kpress(t, k, idleTickMsg{})
	if !k.counting || !strings.Contains(kscreen(k), "Still reading?") || !strings.Contains(kscreen(k), "30 seconds") {
		t.Fatalf("no countdown after the idle time:\n%s", kscreen(k))
	}
	// A key only wakes it; nothing else happens.
	kpress(t, k, "d")
	if k.counting || list.Len() != 1 || !is[*mineScreen](k.guide) {
		t.Fatalf("a key during the countdown: counting %v, %d questions, %T", k.counting, list.Len(), k.guide.top())
	}
	k.clock.Advance(3 * time.Minute)
	kpress(t, k, idleTickMsg{})
	k.clock.Advance(29 * time.Second)
	kpress(t, k, idleTickMsg{})
	if k.guide.ctx.Session.List.Len() != 1 {
		t.Fatal("reset before the countdown ended")
	}
	k.clock.Advance(time.Second)
	kpress(t, k, idleTickMsg{})
	if k.guide.ctx.Session.List.Len() != 0 || len(k.guide.stack) != 1 || k.counting {
		t.Fatalf("after the reset: %d questions, %d screens", k.guide.ctx.Session.List.Len(), len(k.guide.stack))
	}
	if strings.Contains(kscreen(k), "My list") || !strings.Contains(k.log.String(), "idle reset") {
		t.Errorf("trace left or no log line:\n%s\nlog %v", kscreen(k), k.log)
	}
}

func TestKioskFinishAndClear(t *testing.T) {
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second}, nil)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", tea.PasteMsg{}, "H")
	kchoose(t, k, finishID)
	if k.guide.ctx.Session.List.Len() != 0 || !strings.Contains(kscreen(k), "ready for the next person") {
		t.Fatalf("finish and clear: %d questions\n%s", k.guide.ctx.Session.List.Len(), kscreen(k))
	}
}

func TestKioskStaffCode(t *testing.T) {
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, ExitCode: "4321"}, nil)
	kpress(t, k, "ctrl+e", "ctrl+x")
	if !k.staff || !strings.Contains(kscreen(k), "Staff code:") {
		t.Fatalf("staff sequence:\n%s", kscreen(k))
	}
	kpress(t, k, "1", "1", "1", "1")
	if strings.Contains(kscreen(k), "1111") {
		t.Fatal("the code is shown unmasked")
	}
	if run(t, k, keyMsg("enter")) || !strings.Contains(kscreen(k), "Wrong code") {
		t.Fatalf("a wrong code:\n%s", kscreen(k))
	}
	k.clock.Advance(time.Second) // the wait after one wrong code
	kpress(t, k, "ctrl+e", "ctrl+x", "4", "3", "2", "1")
	if !run(t, k, keyMsg("enter")) {
		t.Fatal("the right code does not quit")
	}
	if log := k.log.String(); !strings.Contains(log, "wrong staff code") || !strings.Contains(log, "staff exit") {
		t.Errorf("log: %v", log)
	}
	if k.log.early {
		t.Error("the staff log was written during Update")
	}
	// Without a configured code the sequence does nothing.
	k = kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second}, nil)
	if kpress(t, k, "ctrl+e", "ctrl+x"); k.staff {
		t.Error("staff prompt without an exit code")
	}
}

func TestKioskPrinting(t *testing.T) {
	sp := &fakeSpooler{}
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, sp)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", "m", "p", "enter")
	if ps(k.guide).step != stepPreview || strings.Contains(kscreen(k), "Save to a file") {
		t.Fatalf("kiosk print goes to the preview, with no file choice:\n%s", kscreen(k))
	}
	kpress(t, k, "enter")
	if ps(k.guide).step != stepDone || len(sp.printed) != 1 || !strings.HasPrefix(sp.printed[0], "-d Desk ") {
		t.Fatalf("kiosk print: %v %v\n%s", ps(k.guide).step, sp.printed, kscreen(k))
	}

	bad := &fakeSpooler{fail: "lp: The printer or class does not exist.\n"}
	k = kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, bad)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", "m", "p", "enter", "enter")
	if !strings.Contains(kscreen(k), "The printer is not working. Please ask at the desk.") || k.guide.ctx.Session.List.Len() != 1 {
		t.Fatalf("failed kiosk print:\n%s", kscreen(k))
	}
	if kpress(t, k, "enter"); ps(k.guide).step != stepFailed {
		t.Error("enter after a failed kiosk print offered something (files are not allowed)")
	}
	if !strings.Contains(k.log.String(), "does not exist") {
		t.Errorf("the detail is not in the staff log: %v", k.log)
	}
}

func TestKioskButtons(t *testing.T) {
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second}, nil)
	if !strings.Contains(kscreen(k), " Back   Home   Add questions   My questions   Print   Help ") {
		t.Fatalf("no button row:\n%s", kscreen(k))
	}
	if lines := strings.Split(k.View().Content, "\n"); len(lines) != 24 {
		t.Errorf("kiosk frame has %d lines, want 24", len(lines))
	}
	kpress(t, kchoose(t, k, "first"), "enter")
	tap := func(label string) {
		t.Helper()
		rows := strings.Split(ansi.Strip(k.buttonsView()), "\n")
		x := strings.Index(rows[buttonRows/2], label)
		if x < 0 {
			t.Fatalf("no %q button", label)
		}
		kpress(t, k, tea.MouseClickMsg{X: len([]rune(rows[buttonRows/2][:x])) + 1, Y: k.height - 1, Button: tea.MouseLeft})
	}
	tap("Add questions")
	if !is[*pickScreen](k.guide) {
		t.Fatalf("Add questions: %T", k.guide.top())
	}
	tap("Home")
	if len(k.guide.stack) != 1 {
		t.Fatalf("Home: %T", k.guide.top())
	}
	tap("My questions")
	if !is[*mineScreen](k.guide) {
		t.Fatalf("My questions: %T", k.guide.top())
	}
	tap("Back")
	if len(k.guide.stack) != 1 {
		t.Errorf("Back: %T", k.guide.top())
	}
	// 40 columns: short labels that fit.
	kpress(t, k, tea.WindowSizeMsg{Width: 40, Height: 12})
	for i, l := range strings.Split(k.View().Content, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line %d is wider than 40", i)
		}
	}
	if !strings.Contains(kscreen(k), "Mine") {
		t.Errorf("no short labels at 40 columns:\n%s", kscreen(k))
	}
}

// exec runs a command the way the runtime would and returns its messages
// (a batch gives several).
func execCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, execCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// TestKioskPrintNeverCrossesPatients: patient A prints, then "Finish and
// clear"; patient B reaches the preview and prints. A's job, still in
// flight, is cancelled by the reset, is not shown to B, and is logged.
func TestKioskPrintNeverCrossesPatients(t *testing.T) {
	sp := &fakeSpooler{}
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, sp)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "space", "m", "p", "enter")
	_, jobA := k.Update(keyMsg("enter")) // A's print starts; not run yet
	kpress(t, k, "H")
	kchoose(t, k, finishID)
	kpress(t, kchoose(t, k, "first"), "enter", "a", "j", "space", "m", "p", "enter")
	_, jobB := k.Update(keyMsg("enter"))
	if ps(k.guide).step != stepWorking {
		t.Fatalf("B's print: step %v", ps(k.guide).step)
	}
	for _, msg := range execCmd(jobA) {
		kpress(t, k, msg)
	}
	if ps(k.guide).step != stepWorking || strings.Contains(kscreen(k), "Done") {
		t.Fatalf("A's late result reached B's screen:\n%s", kscreen(k))
	}
	if len(sp.printed) != 0 || !strings.Contains(k.log.String(), "print cancelled: the session was cleared") {
		t.Errorf("A's job was not cancelled or not logged: printed %v, log:\n%s", sp.printed, k.log)
	}
	for _, msg := range execCmd(jobB) {
		kpress(t, k, msg)
	}
	if ps(k.guide).step != stepDone || len(sp.printed) != 1 || !strings.Contains(k.log.String(), "printed on the printer Desk") {
		t.Errorf("B's print: step %v, printed %v, log:\n%s", ps(k.guide).step, sp.printed, k.log)
	}
}

// TestKioskStaffCodeLockout: after a wrong code the prompt waits 1 s, then
// 2 s, 4 s …, before it checks any code, even the right one.
func TestKioskStaffCodeLockout(t *testing.T) {
	k := kioskModel(t, Kiosk{Idle: time.Hour, Countdown: time.Second, ExitCode: "4321"}, nil)
	try := func(code string) bool {
		t.Helper()
		kpress(t, k, "ctrl+e", "ctrl+x")
		for _, r := range code {
			kpress(t, k, string(r))
		}
		return run(t, k, keyMsg("enter"))
	}
	if try("1111") {
		t.Fatal("a wrong code quit")
	}
	if try("4321") || !strings.Contains(kscreen(k), "Try again in 1s") {
		t.Fatalf("the right code worked during the lockout:\n%s", kscreen(k))
	}
	k.clock.Advance(time.Second)
	if try("2222"); !strings.Contains(k.log.String(), "(2 in a row); the next try waits 2s") {
		t.Errorf("second wrong code: log\n%s", k.log)
	}
	k.clock.Advance(time.Second)
	if try("4321") {
		t.Fatal("the right code worked 1 s into a 2 s lockout")
	}
	k.clock.Advance(time.Second)
	if !try("4321") {
		t.Fatal("the right code did not work after the lockout")
	}
}

// TestNoClipboardTools: ctrl+v in a text field runs no clipboard program
// (it returns no command); the terminal's own paste still works.
func TestNoClipboardTools(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "/")
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'v', Mod: tea.ModCtrl}); cmd != nil {
		for _, msg := range execCmd(cmd) {
			if msg != nil {
				t.Errorf("ctrl+v in the search field ran a command that returned %T", msg)
			}
		}
	}
	m = press(t, m, "m", "n")
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'v', Mod: tea.ModCtrl}); cmd != nil {
		for _, msg := range execCmd(cmd) {
			if msg != nil {
				t.Errorf("ctrl+v in the question box ran a command that returned %T", msg)
			}
		}
	}
}

// FuzzKiosk sends random keys, taps, pastes and resizes to the kiosk. It
// must never quit (the exit code cannot be typed from these keys), never
// offer to save a file, and never write patient text to the staff log.
func FuzzKiosk(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 11, 0, 23, 0, 12, 5, 40, 0, 1})
	f.Add([]byte{0, 12, 0, 13, 0, 0, 0, 23, 7, 66, 0, 24, 0, 12, 0, 21, 0, 22, 0, 20})
	f.Add([]byte{6, 23, 6, 23, 0, 2, 6, 23, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, ExitCode: "zzzz"}, &fakeSpooler{})
		for i, msg := range messages(data) {
			if i%7 == 6 {
				msg = keyMsg([]string{"ctrl+e", "ctrl+x"}[i%2])
			}
			if run(t, k, msg) {
				t.Fatalf("%T %v quit the kiosk", msg, msg)
			}
			if s, ok := k.guide.top().(*printScreen); ok && (s.step == stepFormat || s.step == stepFileName || s.step == stepExists) {
				t.Fatalf("%T %v reached a save step (%v)", msg, msg, s.step)
			}
		}
		log := k.log.String()
		for _, patient := range []string{"First?", "Second?", "Third?", "pasted"} {
			if strings.Contains(log, patient) {
				t.Fatalf("the staff log holds patient text %q:\n%s", patient, log)
			}
		}
	})
}

// tapText taps the first cell showing text in the kiosk's frame.
func tapText(t *testing.T, k *kioskRig, text string) {
	t.Helper()
	for y, line := range strings.Split(kscreen(k), "\n") {
		if x := strings.Index(line, text); x >= 0 {
			kpress(t, k, tea.MouseClickMsg{X: len([]rune(line[:x])) + 1, Y: y, Button: tea.MouseLeft})
			return
		}
	}
	t.Fatalf("nothing to tap: %q is not on the screen:\n%s", text, kscreen(k))
}

// TestKioskByTouchAlone: from the home screen to a printed sheet with taps
// only: a page, its questions, My questions, star, print, print now.
func TestKioskByTouchAlone(t *testing.T) {
	sp := &fakeSpooler{}
	k := kioskModel(t, Kiosk{Idle: time.Minute, Countdown: time.Second, Printer: "Desk"}, sp)
	tapText(t, k, "First section")
	tapText(t, k, "What is alpha?")
	tapText(t, k, "Add questions")
	tapText(t, k, "[ ] Second?")
	if !k.guide.ctx.Session.List.Has("alpha#2") {
		t.Fatalf("tapping a question did not tick it:\n%s", kscreen(k))
	}
	tapText(t, k, "My questions")
	tapText(t, k, "Star")
	if it := k.guide.ctx.Session.List.Items(); !it[0].Top {
		t.Fatalf("Star did not star the selected question:\n%s", kscreen(k))
	}
	if lines := strings.Split(k.View().Content, "\n"); len(lines) != 24 || !strings.Contains(lines[22], "Remove") {
		t.Fatalf("the buttons are not three rows at the bottom:\n%s", kscreen(k))
	}
	tapText(t, k, " Print ")
	tapText(t, k, "My sheet")
	tapText(t, k, "Print now")
	if ps(k.guide).step != stepDone || len(sp.printed) != 1 {
		t.Fatalf("printing by touch: step %v, printed %v\n%s", ps(k.guide).step, sp.printed, kscreen(k))
	}
}
