package tui

import (
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	contrastpkg "github.com/her2guide/her2guide/internal/contrast"
)

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 { return contrastpkg.Ratio(a, b) }

// assumedBackgrounds are the terminal backgrounds each kind of theme is
// checked against.
func assumedBackgrounds(isDark bool) []color.Color {
	if isDark {
		return []color.Color{lipgloss.Color("#000000"), lipgloss.Color("#1E1E1E")}
	}
	return []color.Color{lipgloss.Color("#FFFFFF")}
}

// checkContrast fails when the style's foreground is below 4.5:1 (3:1 for
// a separator, which is not text) against its own background, or against
// each assumed background when it has none, in true colour, 256 colours and
// 16 colours, the 16 taken from each palette of contrastpkg.Palettes (or
// only in the profiles given, for styles made for one profile). A style
// with no foreground uses the terminal's own and passes.
func checkContrast(t *testing.T, name string, st lipgloss.Style, isDark bool, profiles ...colorprofile.Profile) {
	t.Helper()
	fg := st.GetForeground()
	if _, none := fg.(lipgloss.NoColor); none || fg == nil {
		return
	}
	bgs, onDefault := assumedBackgrounds(isDark), true
	if bg := st.GetBackground(); bg != nil {
		if _, none := bg.(lipgloss.NoColor); !none {
			bgs, onDefault = []color.Color{bg}, false
		}
	}
	need := 4.5
	if strings.HasSuffix(name, "Separator") {
		need = 3
	}
	theme := "tui light"
	if isDark {
		theme = "tui dark"
	}
	if len(profiles) == 0 {
		profiles = contrastpkg.Profiles()
	}
	for _, bg := range bgs {
		var results []contrastpkg.Result
		for _, p := range profiles {
			results = append(results, contrastpkg.CheckIn(p, contrastpkg.Pair{Theme: theme, Name: name, Fg: fg, Bg: bg, Need: need, OnDefault: onDefault})...)
		}
		for _, r := range results {
			if r.Failed() {
				t.Error(r)
			}
			tableRows = append(tableRows, r)
		}
	}
}

// tableRows collects every ratio the tests compute, for writeTable. Tests
// in this package that call checkContrast do not run in parallel.
var tableRows []contrastpkg.Result

// writeTable writes the ratios as a Markdown table into the folder named by
// HER2GUIDE_CONTRAST_TABLE, when it is set.
func writeTable(t *testing.T, name string) {
	dir := os.Getenv("HER2GUIDE_CONTRAST_TABLE")
	if dir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(contrastpkg.Table(tableRows)), 0o644); err != nil {
		t.Error(err)
	}
}

func hex(c color.Color) string { return contrastpkg.Hex(c) }

// fields calls f with the name and value of each lipgloss.Style field of a
// struct, so that a style added later is checked too.
func fields(v any, f func(string, lipgloss.Style)) {
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if st, ok := rv.Field(i).Interface().(lipgloss.Style); ok {
			f(rv.Type().Field(i).Name, st)
		}
	}
}

// TestThemeContrast checks every colour of the chrome, the key hints and
// the placeholders, in the dark and light themes.
func TestThemeContrast(t *testing.T) {
	tableRows = nil
	defer writeTable(t, "tui-theme")
	for _, isDark := range []bool{true, false} {
		for _, p := range contrastpkg.Profiles() {
			n := 0
			count := func(name string, st lipgloss.Style) { checkContrast(t, name, st, isDark, p); n++ }
			fields(StylesFor(isDark, p), func(name string, st lipgloss.Style) { count("Styles."+name, st) })
			fields(HelpStylesFor(isDark, p), func(name string, st lipgloss.Style) { count("HelpStyles."+name, st) })
			count("PlaceholderStyle", PlaceholderStyle(isDark))
			if n < 15 {
				t.Errorf("dark %v, %s: only %d styles checked", isDark, p, n)
			}
		}
	}
	// High contrast sets no colour at all.
	fields(HighContrastStyles(), func(name string, st lipgloss.Style) {
		if _, none := st.GetForeground().(lipgloss.NoColor); !none {
			t.Errorf("HighContrastStyles.%s sets a colour", name)
		}
	})
}

// TestBubblesHelpDefaultsFail shows why HelpStyles exists: if Bubbles'
// defaults ever pass, HelpStyles can go.
func TestBubblesHelpDefaultsFail(t *testing.T) {
	for _, isDark := range []bool{true, false} {
		d := help.DefaultStyles(isDark)
		if r := contrast(d.ShortKey.GetForeground(), assumedBackgrounds(isDark)[0]); r >= 4.5 {
			t.Errorf("Bubbles' help keys now pass (%.2f:1): use help.DefaultStyles", r)
		}
	}
}

// checkTyping fails when a style of a text box sets a background without a
// foreground (the terminal's own text colour may not show on it), or fails
// checkContrast. Bubbles' textarea.New did both on a light terminal: a black
// cursor line under dark typed text, and a light grey prompt.
func checkTyping(t *testing.T, name string, st lipgloss.Style, isDark bool) {
	t.Helper()
	bg, fg := st.GetBackground(), st.GetForeground()
	_, noBg := bg.(lipgloss.NoColor)
	_, noFg := fg.(lipgloss.NoColor)
	if bg != nil && !noBg && (fg == nil || noFg) {
		t.Errorf("%s (dark %v): background %s under the terminal's own text colour", name, isDark, hex(bg))
	}
	checkContrast(t, name, st, isDark)
}

// TestTypingContrast checks the question editor and the one-line fields
// (search, word list) in the dark and light themes.
func TestTypingContrast(t *testing.T) {
	tableRows = nil
	defer writeTable(t, "tui-typing")
	for _, isDark := range []bool{true, false} {
		ed := editorStyles(isDark)
		ti := newField("> ", "type", 10, 40, isDark).Styles()
		for state, v := range map[string]any{
			"editor.Focused": ed.Focused, "editor.Blurred": ed.Blurred,
			"field.Focused": ti.Focused, "field.Blurred": ti.Blurred,
		} {
			n := 0
			fields(v, func(name string, st lipgloss.Style) { checkTyping(t, state+"."+name, st, isDark); n++ })
			if n < 4 {
				t.Errorf("%s: only %d styles checked", state, n)
			}
		}
	}
}

// TestBubblesTypingDefaultsFail shows why editorStyles exists: if the
// textarea's light defaults stop putting a background under the
// terminal's own text, editorStyles can be simpler.
func TestBubblesTypingDefaultsFail(t *testing.T) {
	st := textarea.New().Styles().Focused.CursorLine
	if _, none := st.GetBackground().(lipgloss.NoColor); none || st.GetBackground() == nil {
		t.Error("textarea.New's cursor line has no background now: editorStyles may not need to clear it")
	}
	if _, none := st.GetForeground().(lipgloss.NoColor); !none && st.GetForeground() != nil {
		t.Error("textarea.New's cursor line sets its own text colour now")
	}
}
