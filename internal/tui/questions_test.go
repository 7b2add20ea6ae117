package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// openPage goes from home to the first page of the first section.
func openPage(t *testing.T, m *Model) *Model {
	t.Helper()
	m = press(t, choose(t, m, "first"), "enter")
	onPage(t, m)
	return m
}

func typeText(t *testing.T, m *Model, s string) *Model {
	t.Helper()
	for _, r := range s {
		m = update(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func TestTickQuestionsFromAPage(t *testing.T) {
	m := openPage(t, newModel(t, 80, 24))
	m = press(t, m, "a")
	if !is[*pickScreen](m) || !strings.Contains(screen(m), "[ ] 1") && !strings.Contains(screen(m), "[ ] First?") {
		t.Fatalf("a did not open the page's questions:\n%s", screen(m))
	}
	m = press(t, m, "space", "j", "space")
	if m.ctx.Session.List.Len() != 2 {
		t.Fatalf("ticked %d questions, want 2", m.ctx.Session.List.Len())
	}
	if !strings.Contains(screen(m), "[x] First?") || !strings.Contains(screen(m), "My list: 2") {
		t.Errorf("ticks or header counter not shown:\n%s", screen(m))
	}
	m = press(t, m, "space")
	if m.ctx.Session.List.Len() != 1 {
		t.Errorf("untick: %d questions, want 1", m.ctx.Session.List.Len())
	}
	// A tap on a row ticks it: header (2) + intro lines + blank + row 3.
	_, top, _, _ := m.top().(*pickScreen).list.layout(m.ctx)
	m = update(t, m, tea.MouseClickMsg{X: 6, Y: headerHeight + top + 2, Button: tea.MouseLeft})
	if m.ctx.Session.List.Len() != 2 || !m.ctx.Session.List.Has("alpha#3") {
		t.Errorf("tap did not tick the third question: %v", m.ctx.Session.List.Items())
	}
	m = press(t, m, "esc")
	if !is[*pageScreen](m) {
		t.Errorf("esc from questions: %T, want the page", m.top())
	}
}

func TestMyQuestionsEditing(t *testing.T) {
	m := openPage(t, newModel(t, 80, 24))
	m = press(t, m, "a", "space", "j", "space", "j", "space", "esc", "esc", "j", "enter", "a", "space", "m")
	if !is[*mineScreen](m) || m.ctx.Session.List.Len() != 4 {
		t.Fatalf("%T with %d questions, want my questions with 4", m.top(), m.ctx.Session.List.Len())
	}
	first := m.ctx.Session.List.Items()[0].ID
	m = press(t, m, "J")
	if m.ctx.Session.List.Items()[1].ID != first || m.top().(*mineScreen).list.Menu.cursor != 1 {
		t.Errorf("J did not move the question down: %v", m.ctx.Session.List.Items())
	}
	m = press(t, m, "K")
	if m.ctx.Session.List.Items()[0].ID != first {
		t.Errorf("K did not move it back up")
	}
	m = press(t, m, "t", "j", "t", "j", "t", "j", "t")
	tops := 0
	for _, it := range m.ctx.Session.List.Items() {
		if it.Top {
			tops++
		}
	}
	if tops != 3 || !strings.Contains(screen(m), "up to 3") {
		t.Errorf("%d top questions after marking 4, want 3 and a message:\n%s", tops, screen(m))
	}
	if !strings.Contains(screen(m), "* First?") {
		t.Errorf("top questions are not marked with *:\n%s", screen(m))
	}
	m = press(t, m, "d")
	if m.ctx.Session.List.Len() != 3 {
		t.Errorf("d: %d questions, want 3", m.ctx.Session.List.Len())
	}
}

func TestOwnQuestionIsSanitisedAndEditable(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "m", "n")
	if !is[*editorScreen](m) {
		t.Fatalf("n: %T", m.top())
	}
	// Global keys are text while typing: q must not quit, m must not navigate.
	m = typeText(t, m, "Can my mum come? q")
	m = update(t, m, tea.PasteMsg{Content: "\x1b[31mred\x1b[0m\x07 text"})
	m = press(t, m, "ctrl+s")
	if !is[*mineScreen](m) || m.ctx.Session.List.Len() != 1 {
		t.Fatalf("after save: %T, %d questions", m.top(), m.ctx.Session.List.Len())
	}
	got := m.ctx.Session.List.Items()[0]
	if !got.Own || got.Text != "Can my mum come? qred text" {
		t.Errorf("own question = %+v", got)
	}
	m = press(t, m, "e")
	if !is[*editorScreen](m) {
		t.Fatalf("e on own question: %T", m.top())
	}
	m = press(t, m, "end")
	m = typeText(t, m, "!")
	m = press(t, m, "ctrl+s")
	if got := m.ctx.Session.List.Items()[0].Text; got != "Can my mum come? qred text!" {
		t.Errorf("edited text = %q", got)
	}
	m = press(t, m, "n", "esc")
	if !is[*mineScreen](m) || m.ctx.Session.List.Len() != 1 {
		t.Errorf("esc in the editor: %T, %d questions", m.top(), m.ctx.Session.List.Len())
	}
	m = press(t, m, "n", "ctrl+s")
	if !is[*editorScreen](m) || !strings.Contains(screen(m), "empty") {
		t.Errorf("saving an empty question: %T\n%s", m.top(), screen(m))
	}
}

func TestMyQuestionsGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		m := openPage(t, newModel(t, size[0], size[1]))
		m = press(t, m, "a", "space", "j", "j", "space", "m", "t")
		assertFits(t, m, size[0], size[1])
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			golden.RequireEqual(t, screen(m))
		})
	}
}

// TestQuitAsksWhenTheListIsNotSaved: with questions that are not printed
// or saved, q and ctrl+c ask first; "Stay" keeps everything; a second q
// quits; after saving, q quits at once.
func TestQuitAsksWhenTheListIsNotSaved(t *testing.T) {
	m := press(t, openPage(t, newModel(t, 80, 24)), "a", "space")
	for _, k := range []string{"q", "ctrl+c"} {
		if run(t, m, keyMsg(k)) {
			t.Fatalf("%s quit with an unsaved list", k)
		}
		if !is[*quitScreen](m) || !strings.Contains(screen(m), "1 question on your list that is not printed or saved") {
			t.Fatalf("%s: %T\n%s", k, m.top(), screen(m))
		}
		m = press(t, m, "end", "enter") // Stay
		if !is[*pickScreen](m) || m.ctx.Session.List.Len() != 1 {
			t.Fatalf("Stay: %T with %d questions", m.top(), m.ctx.Session.List.Len())
		}
	}
	press(t, m, "q")
	if !run(t, m, keyMsg("q")) {
		t.Error("q on the question did not quit")
	}
	// "Print or save first" opens the print flow on My questions.
	m = press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "q", "enter")
	if !is[*printScreen](m) || !is[*mineScreen](&Model{stack: m.stack[:len(m.stack)-1]}) {
		t.Fatalf("print first: %T", m.top())
	}
	m = press(t, m, "enter", "enter", "enter") // my sheet, on the first printer
	if ps(m).step != stepDone {
		t.Fatalf("print: step %v", ps(m).step)
	}
	if !run(t, m, keyMsg("q")) {
		t.Error("q after printing asked again")
	}
}

// TestUndoRemove: a removed question comes back where it was with u.
func TestUndoRemove(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "m", "n")
	m = press(t, typeText(t, m, "Can I drive?"), "ctrl+s", "n")
	m = press(t, typeText(t, m, "Can I work?"), "ctrl+s", "home", "d")
	if m.ctx.Session.List.Len() != 1 || !strings.Contains(screen(m), "Press u to undo") {
		t.Fatalf("d: %d questions\n%s", m.ctx.Session.List.Len(), screen(m))
	}
	m = press(t, m, "u")
	items := m.ctx.Session.List.Items()
	if len(items) != 2 || items[0].Text != "Can I drive?" || !strings.Contains(screen(m), "Your question is back") {
		t.Fatalf("u: %v\n%s", items, screen(m))
	}
	if strings.Contains(screen(m), "u undo") {
		t.Error("undo still offered after undoing")
	}
}

// TestEditorRewrapsOnResize: the question being written wraps to the new
// width when the window shrinks, and nothing typed is lost.
func TestEditorRewrapsOnResize(t *testing.T) {
	m := press(t, newModel(t, 120, 24), "m", "n")
	const q = "Will the treatment make it hard to look after my two small children during the week?"
	m = typeText(t, m, q)
	if lines(screen(m), "children during the week?") != 1 {
		t.Fatalf("at 120 columns the question is not on one line:\n%s", screen(m))
	}
	m = update(t, m, tea.WindowSizeMsg{Width: 50, Height: 24})
	narrow := screen(m)
	for i, l := range strings.Split(narrow, "\n") {
		if w := ansi.StringWidth(l); w > 50 {
			t.Errorf("line %d is %d wide at 50 columns: %q", i+1, w, l)
		}
	}
	if lines(narrow, "week?") != 1 || lines(narrow, "Will the") != 1 {
		t.Errorf("the question is not wrapped whole at 50 columns:\n%s", narrow)
	}
	if !strings.Contains(strings.Join(strings.Fields(narrow), " "), "small") {
		t.Errorf("the question is not shown:\n%s", narrow)
	}
	m = press(t, m, "ctrl+s")
	if items := m.ctx.Session.List.Items(); len(items) != 1 || items[0].Text != q {
		t.Errorf("after resizing and saving: %+v", items)
	}
}

// lines counts the lines of s that hold sub.
func lines(s, sub string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			n++
		}
	}
	return n
}
