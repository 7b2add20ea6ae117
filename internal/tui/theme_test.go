package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/her2guide/her2guide/internal/render"
)

func TestHighContrastFrameHasNoColours(t *testing.T) {
	m := New(fixture(t), render.NewCache(render.Document), Options{Theme: ThemeHighContrast})
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(t, choose(t, m, "first"), "enter")
	if c := colourCode(m.Render()); c != "" {
		t.Fatalf("high-contrast frame sets a colour (SGR %s)", c)
	}
	if st := onPage(t, m).want.Style; st != render.HighContrast {
		t.Errorf("page rendered in %q", st)
	}
	// The selected row is still marked without colour.
	m = press(t, m, "esc")
	if !strings.Contains(screen(m), "› 1.") {
		t.Errorf("no selection marker:\n%s", screen(m))
	}
}

func TestColourCodeFindsColours(t *testing.T) {
	if colourCode("\x1b[1;38;5;99mx\x1b[0m") == "" || colourCode("\x1b[31mx") == "" || colourCode("\x1b[1;4mx\x1b[7m") != "" {
		t.Error("colourCode misjudges SGR sequences")
	}
	m := newModel(t, 80, 24)
	if colourCode(m.Render()) == "" {
		t.Error("the default theme shows no colour, so the high-contrast test proves nothing")
	}
}

func TestForcedThemeIgnoresBackground(t *testing.T) {
	m := New(fixture(t), render.NewCache(render.Document), Options{Theme: ThemeLight})
	m = update(t, m, tea.BackgroundColorMsg{Color: blackColor{}})
	if m.ctx.Style != render.Light || m.isDark {
		t.Errorf("forced light theme switched to %q on a dark background", m.ctx.Style)
	}
}

type blackColor struct{}

func (blackColor) RGBA() (r, g, b, a uint32) { return 0, 0, 0, 0xffff }

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourCode returns the first SGR parameter in s that sets a foreground or
// background colour, or "".
func colourCode(s string) string {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err == nil && (n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 97 || n >= 100 && n <= 107) {
				return m[1]
			}
		}
	}
	return ""
}

// TestColourProfileFromBubbleTea: the styles follow the colour profile
// Bubble Tea reports (over SSH, the client's, not the server's): on a
// 16-colour terminal, pages render in the hand-picked 16-colour styles and
// the header takes StylesFor's 16-colour accent; back on a true-colour
// terminal, the usual ones. A forced light theme stays light.
func TestColourProfileFromBubbleTea(t *testing.T) {
	m := press(t, choose(t, newModel(t, 80, 24), "first"), "enter")
	m = update(t, m, tea.ColorProfileMsg{Profile: colorprofile.ANSI})
	if st := onPage(t, m).want.Style; st != render.Dark16 || m.ctx.Style != render.Dark16 {
		t.Errorf("on 16 colours the page is rendered in %q (context %q), want %q", st, m.ctx.Style, render.Dark16)
	}
	if got, want := fmt.Sprint(m.ctx.Styles.Header.GetForeground()), fmt.Sprint(StylesFor(true, colorprofile.ANSI).Header.GetForeground()); got != want {
		t.Errorf("on 16 colours the header is %s, want %s", got, want)
	}
	m = update(t, m, tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	if st := onPage(t, m).want.Style; st != render.Dark {
		t.Errorf("back on true colour the page is rendered in %q", st)
	}
	light := New(fixture(t), render.NewCache(render.Document), Options{Theme: ThemeLight})
	light = update(t, light, tea.ColorProfileMsg{Profile: colorprofile.ANSI})
	light = update(t, light, tea.BackgroundColorMsg{Color: blackColor{}})
	if light.ctx.Style != render.Light16 || light.isDark {
		t.Errorf("forced light on 16 colours: %q, dark %v", light.ctx.Style, light.isDark)
	}
}
