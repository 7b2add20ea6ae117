package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/keep"
	"github.com/her2guide/her2guide/internal/render"
)

// keptPath points XDG_DATA_HOME at a new folder and returns the kept
// list's path there: the tests never touch the real home folder.
func keptPath(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path, err := keep.Path()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// keepModel is the guide outside the kiosk, offering to keep the list at
// path, started as the runtime starts it (Init's commands run).
func keepModel(t *testing.T, path string) *Model {
	t.Helper()
	m := New(fixture(t), render.NewCache(render.Document), Options{Keep: path})
	update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	run(t, m, m.Init()())
	return m
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func TestKeepIsOfferedAndWritesOnlyWhenChosen(t *testing.T) {
	path := keptPath(t)
	m := keepModel(t, path)
	m = press(t, openPage(t, m), "a", "space", "j", "space", "m")
	if !is[*mineScreen](m) || m.ctx.Session.List.Len() != 2 {
		t.Fatalf("setup: %T with %d questions", m.top(), m.ctx.Session.List.Len())
	}
	if exists(filepath.Dir(path)) {
		t.Fatal("something was written before the reader chose to keep the list")
	}
	press(t, m, "?")
	if s := screen(m); !strings.Contains(s, "keep my list on this computer") || !strings.Contains(s, "nothing is saved unless you do") {
		t.Fatalf("keeping is not offered:\n%s", s)
	}
	if strings.Contains(screen(m), "forget my list") {
		t.Error("forget is offered with no list kept")
	}
	press(t, m, "?", "c")
	items, err := keep.Load(path)
	if err != nil || len(items) != 2 {
		t.Fatalf("after c: kept %d questions, %v", len(items), err)
	}
	if s := screen(m); !strings.Contains(s, "Your list is kept on this computer") || !strings.Contains(s, "Kept on this computer: changes are kept") {
		t.Errorf("keeping is not said:\n%s", s)
	}
	if m.ctx.Session.Unsaved() {
		t.Error("a kept list counts as unsaved")
	}
	// A kept list follows changes.
	press(t, m, "n")
	m = typeText(t, m, "Can I travel?")
	press(t, m, "ctrl+s")
	if items, _ := keep.Load(path); len(items) != 3 || items[2].Text != "Can I travel?" {
		t.Fatalf("kept list did not follow a change: %+v", items)
	}
	// Quit does not ask: the list is kept as it is.
	if !run(t, m, keyMsg("q")) {
		t.Errorf("q asked before quitting with a kept list: %T", m.top())
	}
}

func TestKeptListComesBackAndCanBeForgotten(t *testing.T) {
	path := keptPath(t)
	want := []checklist.Item{{ID: "alpha#1", Topic: "alpha", TopicTitle: "Alpha", Text: "First?"}, {ID: "own-2", Text: "Mine?", Own: true}}
	if err := keep.Save(path, want); err != nil {
		t.Fatal(err)
	}
	m := keepModel(t, path)
	if m.ctx.Session.List.Len() != 2 {
		t.Fatalf("kept list not loaded: %v", m.ctx.Session.List.Items())
	}
	if s := screen(m); !strings.Contains(s, "Welcome back") {
		t.Errorf("the status line does not say the list is back:\n%s", s)
	}
	m = press(t, m, "m")
	if s := screen(m); !strings.Contains(s, "Mine?") || !strings.Contains(s, "Kept on this computer") {
		t.Errorf("My questions after start:\n%s", s)
	}
	press(t, m, "F")
	if exists(path) {
		t.Fatal("F did not delete the kept list")
	}
	if s := screen(m); !strings.Contains(s, "deleted from this computer") {
		t.Errorf("forgetting is not said:\n%s", s)
	}
	// Forgotten: changes are no longer written, and quit asks again.
	press(t, m, "d")
	if exists(path) {
		t.Error("a change after forgetting wrote the list again")
	}
	if !m.ctx.Session.Unsaved() {
		t.Error("a forgotten list counts as saved")
	}
}

func TestUnreadableKeptListIsLeftAlone(t *testing.T) {
	path := keptPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	const foreign = `{"not": "ours"}`
	if err := os.WriteFile(path, []byte(foreign), 0o600); err != nil {
		t.Fatal(err)
	}
	m := keepModel(t, path)
	if s := screen(m); !strings.Contains(s, "could not be read") {
		t.Errorf("the status line does not say the file is unreadable:\n%s", s)
	}
	m = press(t, openPage(t, m), "a", "space", "m", "c")
	if got, _ := os.ReadFile(path); string(got) != foreign {
		t.Fatal("keeping replaced a file it could not read")
	}
	if s := screen(m); !strings.Contains(s, "could not be kept") {
		t.Errorf("the failed keep is not said:\n%s", s)
	}
	press(t, m, "F")
	if exists(path) {
		t.Error("F did not delete the unreadable file")
	}
}

func TestKioskNeverKeeps(t *testing.T) {
	path := keptPath(t)
	kept := []checklist.Item{{ID: "own-1", Text: "Someone else's question?", Own: true}}
	if err := keep.Save(path, kept); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l := &staffLog{}
	c := clock.NewManual(time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	r := &kioskRig{KioskModel: NewKiosk(fixture(t), render.NewCache(render.Document), Options{Keep: path, Clock: c.Clock()}, Kiosk{Log: l.log}), clock: c, log: l}
	r.tick = func() tea.Cmd { return nil }
	kpress(t, r, tea.WindowSizeMsg{Width: 80, Height: 24})
	run(t, r, r.Init()())
	if n := r.guide.ctx.Session.List.Len(); n != 0 {
		t.Fatalf("the kiosk loaded a kept list: %d questions", n)
	}
	kchoose(t, r, myQuestionsID)
	kpress(t, r, "n")
	for _, ch := range "Mine?" {
		kpress(t, r, tea.KeyPressMsg{Code: ch, Text: string(ch)})
	}
	kpress(t, r, "ctrl+s", "?")
	if n := r.guide.ctx.Session.List.Len(); n != 1 {
		t.Fatalf("setup: the kiosk list has %d questions, want 1", n)
	}
	s := kscreen(r)
	if strings.Contains(s, "keep my list") || strings.Contains(s, "forget my list") || strings.Contains(s, "on this computer") {
		t.Errorf("the kiosk offers keeping:\n%s", s)
	}
	kpress(t, r, "?", "c", "F")
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(before) {
		t.Errorf("the kiosk changed the kept list (%v)", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the kiosk wrote into the data folder: %v", entries)
	}
}
