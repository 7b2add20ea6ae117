package tui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
)

// fakeSpooler answers like lpstat and lp, and records what was printed.
type fakeSpooler struct {
	printed []string
	fail    string // output of a failing lp
}

func (f *fakeSpooler) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err // a cancelled job never reaches the printer
	}
	switch {
	case name == "lpstat" && len(args) > 0 && args[0] == "-p":
		return []byte("printer Desk is idle.  enabled since Sun 22 Nov 2026\nprinter PDF is idle.  enabled since Sun 22 Nov 2026\n"), nil
	case name == "lpstat" && len(args) > 0 && args[0] == "-d":
		return []byte("system default destination: PDF\n"), nil
	case name == "lp":
		if f.fail != "" {
			return []byte(f.fail), errors.New("exit status 1")
		}
		f.printed = append(f.printed, strings.Join(args, " "))
		return []byte("request id is PDF-7 (1 file(s))\n"), nil
	}
	return nil, errors.New("unexpected command " + name)
}

func printModel(t *testing.T, sp *fakeSpooler, dir string) *Model {
	t.Helper()
	opts := Options{Print: PrintOptions{
		Spooler: printing.Spooler{Run: sp.run},
		Version: "test",
		Dir:     dir,
	}, Clock: clock.Fixed(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))}
	m := New(fixture(t), render.NewCache(render.Document), opts)
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(t, choose(t, m, "first"), "enter", "a", "space", "j", "space", "m")
	if !is[*mineScreen](m) || m.ctx.Session.List.Len() != 2 {
		t.Fatalf("setup: %T, %d questions", m.top(), m.ctx.Session.List.Len())
	}
	return m
}

func TestPrintToAPrinter(t *testing.T) {
	sp := &fakeSpooler{}
	m := press(t, printModel(t, sp, t.TempDir()), "p", "enter")
	if !is[*printScreen](m) || !strings.Contains(screen(m), "Print on PDF") || !strings.Contains(screen(m), "Save to a file") {
		t.Fatalf("p: printers not listed:\n%s", screen(m))
	}
	// The default printer comes first.
	if it, _ := ps(m).dest.Menu.selected(); it.ID != "PDF" {
		t.Errorf("first printer = %q, want the default PDF", it.ID)
	}
	m = press(t, m, "enter")
	if ps(m).step != stepPreview || !strings.Contains(screen(m), "Preview") || !strings.Contains(screen(m), "My top 3") {
		t.Fatalf("preview:\n%s", screen(m))
	}
	if len(sp.printed) != 0 {
		t.Fatal("something was printed before the patient confirmed")
	}
	m = press(t, m, "enter")
	if ps(m).step != stepDone || len(sp.printed) != 1 || !strings.HasPrefix(sp.printed[0], "-d PDF ") {
		t.Fatalf("after confirming: step %v, printed %v\n%s", ps(m).step, sp.printed, screen(m))
	}
	if !strings.Contains(screen(m), "the printer PDF") {
		t.Errorf("no success message:\n%s", screen(m))
	}
	if m.ctx.Session.List.Len() != 2 {
		t.Error("printing changed the list")
	}
}

func TestPrintFailureOffersSaving(t *testing.T) {
	dir := t.TempDir()
	sp := &fakeSpooler{fail: "lp: The printer or class does not exist.\n"}
	m := press(t, printModel(t, sp, dir), "p", "enter", "enter", "enter")
	if ps(m).step != stepFailed || !strings.Contains(screen(m), "Your list has not changed") {
		t.Fatalf("failed print:\n%s", screen(m))
	}
	if m.ctx.Session.List.Len() != 2 {
		t.Fatal("a failed print changed the list")
	}
	// Enter: save to a file instead; choose plain text; keep the suggested name.
	m = press(t, m, "enter")
	if ps(m).step != stepFormat {
		t.Fatalf("enter after a failure: step %v", ps(m).step)
	}
	m = press(t, m, "end", "enter")
	if ps(m).step != stepFileName || !strings.Contains(ps(m).name.Value(), filepath.Join(dir, "my-questions-2026-11-22.txt")) {
		t.Fatalf("file name step: %v %q", ps(m).step, ps(m).name.Value())
	}
	// q is typed into the name field, not quit.
	m = press(t, m, "backspace", "backspace", "backspace", "backspace")
	m = typeText(t, m, "q.txt")
	m = press(t, m, "enter", "enter")
	path := filepath.Join(dir, "my-questions-2026-11-22q.txt")
	if ps(m).step != stepDone {
		t.Fatalf("save: step %v\n%s", ps(m).step, screen(m))
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "First?") || !strings.Contains(string(data), "[ ]") {
		t.Fatalf("saved file %s: %v\n%s", path, err, data)
	}
}

func TestSaveErrorsInPlainWords(t *testing.T) {
	m := press(t, printModel(t, &fakeSpooler{}, filepath.Join(t.TempDir(), "missing")), "p", "enter", "end", "enter", "end", "enter", "enter", "enter")
	if ps(m).step != stepFailed || !strings.Contains(screen(m), "does not exist") {
		t.Fatalf("saving into a missing folder:\n%s", screen(m))
	}
}

func TestNoPrintService(t *testing.T) {
	m := New(fixture(t), render.NewCache(render.Document), Options{})
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(t, choose(t, m, "first"), "enter", "a", "space", "m", "p", "enter")
	if !strings.Contains(screen(m), "no print service") || !strings.Contains(screen(m), "Save to a file") {
		t.Fatalf("without a spooler:\n%s", screen(m))
	}
}

// TestSheetCarriesCareTeamPhones: the kiosk's phone numbers reach the sheet
// it prints.
func TestSheetCarriesCareTeamPhones(t *testing.T) {
	m := printModel(t, &fakeSpooler{}, t.TempDir())
	m.ctx.Opts.Print.Phone, m.ctx.Opts.Print.AfterHours = "(555) 010-0100", "(555) 010-0199"
	if s := newPrint(m.ctx).sheet(); s.Phone != "(555) 010-0100" || s.AfterHours != "(555) 010-0199" {
		t.Errorf("sheet phones %q, %q", s.Phone, s.AfterHours)
	}
}

// ps returns the print screen on top.
func ps(m *Model) *printScreen {
	if s, ok := m.top().(*printScreen); ok {
		return s
	}
	return &printScreen{step: -1}
}

// TestSpoolerGetsADeadline: every talk with the spooler has a timeout, so
// a frozen lpstat or lp cannot hold the guide (or a kiosk) for ever.
func TestSpoolerGetsADeadline(t *testing.T) {
	var deadlines []bool
	sp := &fakeSpooler{}
	run := func(ctx context.Context, name string, args ...string) ([]byte, error) {
		_, ok := ctx.Deadline()
		deadlines = append(deadlines, ok)
		return sp.run(ctx, name, args...)
	}
	opts := Options{Print: PrintOptions{Spooler: printing.Spooler{Run: run}, Dir: t.TempDir()}}
	m := New(fixture(t), render.NewCache(render.Document), opts)
	m = press(t, update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}), "m", "n")
	m = press(t, typeText(t, m, "Why?"), "ctrl+s", "p", "enter", "enter", "enter")
	if ps(m).step != stepDone || len(deadlines) < 2 {
		t.Fatalf("step %v, %d spooler calls", ps(m).step, len(deadlines))
	}
	for i, ok := range deadlines {
		if !ok {
			t.Errorf("spooler call %d had no deadline", i)
		}
	}
}

// TestSaveNeverReplacesAFile: saving onto an existing file writes nothing
// and offers the free name beside it, or another name.
func TestSaveNeverReplacesAFile(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "my-questions-2026-11-22.txt")
	if err := os.WriteFile(taken, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := press(t, printModel(t, &fakeSpooler{}, dir), "p", "enter", "end", "enter", "end", "enter", "enter", "enter")
	if ps(m).step != stepExists || !strings.Contains(screen(m), "already a file") || !strings.Contains(screen(m), "my-questions-2026-11-22-2.txt") {
		t.Fatalf("saving onto a file: step %v\n%s", ps(m).step, screen(m))
	}
	if b, _ := os.ReadFile(taken); string(b) != "keep me" {
		t.Fatal("the existing file was changed")
	}
	m = press(t, m, "enter")
	if b, err := os.ReadFile(filepath.Join(dir, "my-questions-2026-11-22-2.txt")); ps(m).step != stepDone || err != nil || !strings.Contains(string(b), "First?") {
		t.Fatalf("save as the free name: step %v, %v", ps(m).step, err)
	}
	// esc instead goes back to the name.
	m = press(t, printModel(t, &fakeSpooler{}, dir), "p", "enter", "end", "enter", "end", "enter", "enter", "enter", "esc")
	if !ps(m).Typing() {
		t.Errorf("esc after a name clash: step %v, want the file name", ps(m).step)
	}
}

// TestFailedSaveOffersAnotherName: after a failed save, enter goes back to
// the file name, not to "save to a file instead"; the preview's enter is
// "save" or "print", never "open".
func TestFailedSaveOffersAnotherName(t *testing.T) {
	m := press(t, printModel(t, &fakeSpooler{}, filepath.Join(t.TempDir(), "missing")), "p", "enter", "end", "enter", "end", "enter", "enter")
	if !strings.Contains(screen(m), "enter save") || strings.Contains(screen(m), "enter open") {
		t.Errorf("preview footer:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if ps(m).step != stepFailed || !strings.Contains(screen(m), "another name or folder") {
		t.Fatalf("failed save: step %v\n%s", ps(m).step, screen(m))
	}
	if m = press(t, m, "enter"); !ps(m).Typing() {
		t.Errorf("enter after a failed save: step %v, want the file name", ps(m).step)
	}
	m = press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p", "enter", "enter")
	if !strings.Contains(screen(m), "enter print") {
		t.Errorf("printer preview footer:\n%s", screen(m))
	}
}
