package render

import (
	"encoding/json"
	"image/color"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	contrastpkg "github.com/her2guide/her2guide/internal/contrast"
)

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 { return contrastpkg.Ratio(a, b) }

// backgrounds are the terminal backgrounds each style is meant for.
var backgrounds = map[Style][]string{
	Dark:  {"#000000", "#1E1E1E"},
	Light: {"#FFFFFF"},
}

// TestPageColoursContrast checks every colour in the dark and light page
// styles against the backgrounds they are meant for (or their own
// background), as set and as a 256-colour terminal shows them: at least
// 4.5:1 for text and 3:1 for the horizontal rule, which is not text.
func TestPageColoursContrast(t *testing.T) {
	for st, bgs := range backgrounds {
		data, err := json.Marshal(st.config())
		if err != nil {
			t.Fatal(err)
		}
		var tree map[string]any
		if err := json.Unmarshal(data, &tree); err != nil {
			t.Fatal(err)
		}
		checked := 0
		walkColours(tree, "", func(path, fg, bg string) {
			need := 4.5
			if path == "hr" {
				need = 3
			}
			on := bgs
			if bg != "" {
				on = []string{bg}
			}
			for _, b := range on {
				for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256} {
					f, bc := p.Convert(lipgloss.Color(fg)), p.Convert(lipgloss.Color(b))
					if r := contrast(f, bc); r < need {
						t.Errorf("%s %s: %s on %s is %.2f:1 (%s), want %.1f:1", st, path, fg, b, r, p, need)
					}
				}
			}
			checked++
		})
		if checked < 8 {
			t.Errorf("%s: only %d colours checked", st, checked)
		}
	}
}

// walkColours calls f for every element of a decoded style that sets a
// colour, with its path, its colour and its own background ("" for none).
func walkColours(v map[string]any, path string, f func(path, fg, bg string)) {
	fg, _ := v["color"].(string)
	bg, _ := v["background_color"].(string)
	if fg != "" {
		f(strings.TrimPrefix(path, "."), fg, bg)
	}
	for k, child := range v {
		if m, ok := child.(map[string]any); ok {
			walkColours(m, path+"."+k, f)
		}
	}
}
