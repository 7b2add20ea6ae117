package render

import (
	"encoding/json"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

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
// background), as set and as 256-colour and 16-colour terminals show them
// (the 16 in each palette of contrastpkg.Palettes): at least 4.5:1 for
// text and 3:1 for the horizontal rule, which is not text. With
// HER2GUIDE_CONTRAST_TABLE set to a folder, it writes the ratios there as
// page.md.
func TestPageColoursContrast(t *testing.T) {
	var rows []contrastpkg.Result
	defer func() {
		if dir := os.Getenv("HER2GUIDE_CONTRAST_TABLE"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "page.md"), []byte(contrastpkg.Table(rows)), 0o644); err != nil {
				t.Error(err)
			}
		}
	}()
	for st, bgs := range backgrounds {
		for _, prof := range contrastpkg.Profiles() {
			data, err := json.Marshal(st.configFor(prof))
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
				on, onDefault := bgs, true
				if bg != "" {
					on, onDefault = []string{bg}, false
				}
				for _, b := range on {
					pair := contrastpkg.Pair{Theme: fmt.Sprintf("page %v", st), Name: path, Fg: lipgloss.Color(fg), Bg: lipgloss.Color(b), Need: need, OnDefault: onDefault}
					for _, r := range contrastpkg.CheckIn(prof, pair) {
						if r.Failed() {
							t.Error(r)
						}
						rows = append(rows, r)
					}
				}
				checked++
			})
			if checked < 8 {
				t.Errorf("%s: only %d colours checked", st, checked)
			}
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
