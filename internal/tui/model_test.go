package tui

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// fixture is a small guide: two sections, three long pages, one term, a
// walkthrough and a one-question "My situation".
func fixture(t testing.TB) *guide.Guide {
	t.Helper()
	long := strings.Repeat("This sentence is here to make the page long enough to scroll. ", 6)
	pageText := func(id, section string, order int, title string) string {
		return "---\nid: " + id + "\ntitle: " + title + "\nsummary: A short summary of " + id + ".\nsection: " + section +
			"\norder: " + string(rune('0'+order)) + "\nreviewed: 2026-11-01\nnext_review: 2027-05-01\nsources:\n  - \"Source one. J Test 2025.\"\n  - \"Source two. NEJM 2024.\"\nquestions:\n  - \"First?\"\n  - \"Second?\"\n  - \"Third?\"\nglossary: [her2]\n---\n\nThe short answer comes first.\n\n## A heading?\n\n" +
			long + "\n\n" + long + "\n\n## Another heading?\n\n" + long + "\n\n- one\n- two\n"
	}
	fsys := fstest.MapFS{
		"guide.yaml":          {Data: []byte("title: HER2 Guide\nsubtitle: A plain-language guide\nnotice: For learning only, not medical advice.\n")},
		"sections.yaml":       {Data: []byte("- id: first\n  title: First section\n  summary: The first section.\n- id: second\n  title: Second section\n  summary: The second section.\n")},
		"glossary/terms.yaml": {Data: []byte("- id: her2\n  term: HER2\n  definition: A protein.\n")},
		"paths.yaml": {Data: []byte("walkthrough:\n  - page: alpha\n    label: Alpha\n  - page: gamma\n    label: Gamma\n    spread: true\n" +
			"situation:\n  - id: stage\n    ask: What stage?\n    answers:\n" +
			"      - id: one\n        label: Stage one\n        pages: [beta, alpha]\n        questions: [alpha#2]\n" +
			"      - id: unsure\n        label: I don't know\n        pages: [gamma]\n        questions: []\n")},
		"safety.yaml":    {Data: []byte("[]\n")},
		"figures.yaml":   {Data: []byte("[]\n")},
		"pages/alpha.md": {Data: []byte(pageText("alpha", "first", 1, "What is alpha?"))},
		"pages/beta.md":  {Data: []byte(pageText("beta", "first", 2, "What is beta?"))},
		"pages/gamma.md": {Data: []byte(pageText("gamma", "second", 1, "What is gamma?"))},
	}
	g, err := guide.Load(guide.Source{FS: fsys, Name: "fixture"}, guide.DefaultRules(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func newModel(t testing.TB, w, h int) *Model {
	t.Helper()
	m := New(fixture(t), render.NewCache(render.Document), Options{})
	return update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// run sends msg to a model and runs what it returns to completion, feeding
// the results back, as the Bubble Tea runtime would (batches included).
// It stops at tea.Quit and reports whether it got there.
func run(t testing.TB, m tea.Model, msg tea.Msg) bool {
	t.Helper()
	queue := []tea.Msg{msg}
	for i := 0; len(queue) > 0; i++ {
		if i > 200 {
			t.Fatal("more than 200 messages: a loop?")
		}
		msg, queue = queue[0], queue[1:]
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.QuitMsg:
			return true
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		_, cmd := m.Update(msg)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return false
}

// update sends msg to the guide (see run).
func update(t testing.TB, m *Model, msg tea.Msg) *Model {
	t.Helper()
	run(t, m, msg)
	return m
}

func press(t testing.TB, m *Model, keys ...string) *Model {
	t.Helper()
	for _, k := range keys {
		update(t, m, keyMsg(k))
	}
	return m
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+e":
		return tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl}
	case "ctrl+x":
		return tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "ctrl+z":
		return tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	case "ctrl+q":
		return tea.KeyPressMsg{Code: 'q', Mod: tea.ModCtrl}
	case "ctrl+\\":
		return tea.KeyPressMsg{Code: '\\', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// home returns the home screen.
func home(m *Model) *menuScreen { return m.stack[0].(*menuScreen) }

// choose moves the home cursor to the entry with the given id by pressing
// keys, then presses enter.
func choose(t testing.TB, m *Model, id string) *Model {
	t.Helper()
	if len(m.stack) != 1 {
		t.Fatalf("choose %q: not on the home screen (%T)", id, m.top())
	}
	m = press(t, m, "home")
	for i, it := range home(m).list.Menu.items {
		if it.ID == id {
			for ; i > 0; i-- {
				m = press(t, m, "j")
			}
			return press(t, m, "enter")
		}
	}
	t.Fatalf("no home entry %q", id)
	return m
}

// onPage returns the top screen as a page, failing if it is not one.
func onPage(t testing.TB, m *Model) *pageScreen {
	t.Helper()
	p, ok := m.top().(*pageScreen)
	if !ok {
		t.Fatalf("top screen is %T, want a page\n%s", m.top(), screen(m))
	}
	return p
}

// is reports whether the top screen has type T.
func is[T Screen](m *Model) bool {
	_, ok := m.top().(T)
	return ok
}

func screen(m *Model) string { return ansi.Strip(m.Render()) }

func assertFits(t *testing.T, m *Model, w, h int) {
	t.Helper()
	lines := strings.Split(m.Render(), "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d wide, want <= %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
}

func TestNavigateOpenReadBack(t *testing.T) {
	m := newModel(t, 80, 24)
	if len(m.stack) != 1 || !strings.Contains(screen(m), "First section") {
		t.Fatalf("not on home:\n%s", screen(m))
	}
	m = choose(t, m, "first")
	if s, ok := m.top().(*menuScreen); !ok || s.list.ID != "first" {
		t.Fatalf("enter on home: %T", m.top())
	}
	m = press(t, m, "j", "enter")
	p := onPage(t, m)
	if p.id != "beta" || !p.rendered || !strings.Contains(screen(m), "The short answer comes first.") {
		t.Fatalf("enter on second topic: page %q\n%s", p.id, screen(m))
	}
	if !strings.Contains(screen(m), "First section › What is beta?") || !strings.Contains(screen(m), "Reviewed 2026-11-01") {
		t.Errorf("header lacks crumbs or reviewed date:\n%s", screen(m))
	}
	m = press(t, m, "esc")
	if s, ok := m.top().(*menuScreen); !ok || s.list.ID != "first" || s.list.Menu.cursor != 1 {
		t.Fatalf("esc from page: %T, want the section with the cursor on beta", m.top())
	}
	m = press(t, m, "backspace")
	if len(m.stack) != 1 {
		t.Fatalf("backspace from section: %d screens", len(m.stack))
	}
	m = press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Fatalf("esc on home left home")
	}
}

func TestScrollKeys(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter")
	p := onPage(t, m)
	h := m.ctx.Height
	max := len(p.text.Lines) - h
	if max <= 0 {
		t.Fatalf("fixture page too short to scroll: %d lines, body %d", len(p.text.Lines), h)
	}
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"up", 0},
		{"pgdown", min(max, h-1)}, {"end", max}, {"j", max}, {"home", 0}, {"G", max}, {"g", 0},
	}
	for _, s := range steps {
		m = press(t, m, s.key)
		if p.text.Offset != s.want {
			t.Fatalf("after %q offset = %d, want %d", s.key, p.text.Offset, s.want)
		}
	}
	if got := p.Status(); got != "Top" {
		t.Errorf("status at top = %q", got)
	}
}

func TestMouseWheelAndClick(t *testing.T) {
	m := newModel(t, 80, 24)
	// Click the second section's row: header (2) + intro (1) + blank (1) +
	// its row in the menu.
	row := 0
	for i, it := range home(m).list.Menu.items {
		if it.ID == "second" {
			row = i
		}
	}
	m = update(t, m, tea.MouseClickMsg{X: 5, Y: headerHeight + 2 + row, Button: tea.MouseLeft})
	if s, ok := m.top().(*menuScreen); !ok || s.list.ID != "second" {
		t.Fatalf("click did not open the second section: %T", m.top())
	}
	m = press(t, choose(t, press(t, m, "esc"), "first"), "enter")
	p := onPage(t, m)
	m = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if p.text.Offset != wheelStep {
		t.Errorf("wheel down: offset %d, want %d", p.text.Offset, wheelStep)
	}
	m = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if p.text.Offset != 0 {
		t.Errorf("wheel up: offset %d, want 0", p.text.Offset)
	}
}

func TestResizeRewrapsAndDropsStale(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter")
	p := onPage(t, m)
	wide := len(p.text.Lines)
	m = update(t, m, tea.WindowSizeMsg{Width: 40, Height: 12})
	if p.want.Width != 40 || len(p.text.Lines) <= wide {
		t.Fatalf("after resize to 40: width %d, %d lines (was %d)", p.want.Width, len(p.text.Lines), wide)
	}
	assertFits(t, m, 40, 12)
	// A late result for the old width must not replace the current one.
	stale, err := m.ctx.Cache.Render(mustPage(t, m, "alpha"), 80, render.Dark)
	if err != nil {
		t.Fatal(err)
	}
	m = update(t, m, renderedMsg{key: stale.Key, r: stale})
	if p.want.Width != 40 || len(p.text.Lines) == len(stale.Lines) {
		t.Errorf("stale 80-column rendering was applied")
	}
}

func mustPage(t testing.TB, m *Model, id string) *guide.Page {
	p, ok := m.ctx.Guide.Page(id)
	if !ok {
		t.Fatalf("no page %s", id)
	}
	return p
}

func TestQuitAndHelp(t *testing.T) {
	m := newModel(t, 80, 24)
	for _, k := range []string{"q", "ctrl+c"} {
		if !run(t, m, keyMsg(k)) {
			t.Errorf("%s does not quit", k)
		}
	}
	m = press(t, m, "?")
	if !m.help.ShowAll || !strings.Contains(screen(m), "page up") {
		t.Errorf("? does not show full help:\n%s", screen(m))
	}
	assertFits(t, m, 80, 24)
	m = press(t, m, "?")
	if m.help.ShowAll {
		t.Error("? does not hide full help")
	}
}

func TestBackgroundPicksStyle(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter")
	m = update(t, m, tea.BackgroundColorMsg{Color: whiteColor{}})
	if m.ctx.Style != render.Light || onPage(t, m).want.Style != render.Light {
		t.Errorf("light background: style %q, page rendered %q", m.ctx.Style, onPage(t, m).want.Style)
	}
}

type whiteColor struct{}

func (whiteColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestFitsAtEverySize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {100, 30}, {20, 6}, {1, 1}} {
		w, h := size[0], size[1]
		m := newModel(t, w, h)
		assertFits(t, m, w, h)
		m = press(t, choose(t, m, "first"), "enter", "pgdown")
		assertFits(t, m, w, h)
		if w < MinWidth && !strings.Contains(strings.ReplaceAll(screen(m), "\n", " "), "larger") && w >= 20 {
			t.Errorf("%dx%d: no 'make the window larger' message:\n%s", w, h, screen(m))
		}
	}
	m := newModel(t, 0, 0)
	assertFits(t, m, defaultWidth, defaultHeight)
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		name := func(s string) string { return s + "_" + strconv.Itoa(w) + "x" + strconv.Itoa(h) }
		t.Run(name("home"), func(t *testing.T) {
			golden.RequireEqual(t, screen(newModel(t, w, h)))
		})
		t.Run(name("section"), func(t *testing.T) {
			golden.RequireEqual(t, screen(choose(t, newModel(t, w, h), "first")))
		})
		t.Run(name("page"), func(t *testing.T) {
			golden.RequireEqual(t, screen(press(t, choose(t, newModel(t, w, h), "first"), "enter", "j")))
		})
	}
}

// TestWideWindowCentresThePage: a page keeps a readable measure and is
// centred in a wide window.
func TestWideWindowCentresThePage(t *testing.T) {
	m := press(t, choose(t, newModel(t, 160, 30), "first"), "enter")
	p := onPage(t, m)
	if p.want.Width != 80 {
		t.Fatalf("rendered at %d columns, want 80", p.want.Width)
	}
	for _, l := range strings.Split(screen(m), "\n")[2:10] {
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, strings.Repeat(" ", 40)) {
			t.Errorf("line not centred: %q", l)
		}
	}
	assertFits(t, m, 160, 30)
}

// TestCursorOnTheSelectedRow: in lists the terminal's cursor sits on the
// selected row, where magnifiers and screen readers follow it.
func TestCursorOnTheSelectedRow(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "j", "j")
	v := m.View()
	if v.Cursor == nil {
		t.Fatal("no cursor on the home screen")
	}
	line := strings.Split(screen(m), "\n")[v.Cursor.Y]
	if !strings.HasPrefix(line, "› 3.") {
		t.Errorf("cursor on line %d %q, want the selected row", v.Cursor.Y, line)
	}
}

// TestTooSmallOffersPlain: the "make the window larger" screen names the
// mode that works in any window; the kiosk (no quit) does not.
func TestTooSmallOffersPlain(t *testing.T) {
	if s := strings.Join(strings.Fields(screen(newModel(t, 30, 20))), " "); !strings.Contains(s, "--plain") {
		t.Errorf("too small:\n%s", s)
	}
	m := New(fixture(t), render.NewCache(render.Document), Options{NoQuit: true})
	if s := screen(update(t, m, tea.WindowSizeMsg{Width: 30, Height: 20})); strings.Contains(s, "plain") || strings.Contains(s, "quit") {
		t.Errorf("kiosk too small:\n%s", s)
	}
}
