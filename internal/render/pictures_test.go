package render

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/guide"
)

func picturePage() *guide.Page {
	return &guide.Page{
		ID: "pictures",
		Body: "Before.\n\n```scale\ngroups:\n  - name: HER2-negative\n    items: [HER2-0, HER2-ultralow, HER2-low]\n" +
			"  - name: HER2-positive\n    items: [HER2-positive]\n```\n\nBetween.\n\n" +
			"```timeline\nsteps:\n  - Chemotherapy and 2 HER2 drugs\n  - Surgery\n  - [No cancer left, Some cancer left]\n```\n\nAfter.\n",
		Sources:    []string{"Guideline B, 2023."},
		Reviewed:   time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		NextReview: time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestPicturesRenderWithinWidth(t *testing.T) {
	c := NewCache(Document)
	for _, st := range []Style{Dark, Light, ASCII, HighContrast} {
		for _, w := range []int{20, 40, 80, 120} {
			r, err := c.Render(picturePage(), w, st)
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range r.Lines {
				if n := ansi.StringWidth(l); n > Measure(w) {
					t.Errorf("%s/%d: line %d is %d wide, more than %d: %q", st, w, i, n, Measure(w), ansi.Strip(l))
				}
			}
			text := ansi.Strip(strings.Join(r.Lines, "\n"))
			divider, box := "║", "┌"
			if st == ASCII {
				divider, box = "||", "+-"
			}
			for _, want := range []string{"Before.", "Between.", "After.", "HER2-ultralow", "Surgery", box} {
				if !strings.Contains(text, want) {
					t.Errorf("%s/%d: lacks %q:\n%s", st, w, want, text)
				}
			}
			if w >= 80 && !strings.Contains(text, divider) {
				t.Errorf("%s/%d: the scale has no divider %q:\n%s", st, w, divider, text)
			}
			for _, bad := range []string{pictureMark, "groups:", "steps:", "```"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s/%d: shows %q:\n%s", st, w, bad, text)
				}
			}
		}
	}
}

// TestCaptionIsATitle checks that a picture's caption is drawn above it in
// bold, set apart as a title by shape, not colour, and as plain text in
// the ASCII style.
func TestCaptionIsATitle(t *testing.T) {
	p := picturePage()
	p.Body = "Before.\n\n```timeline\ncaption: What happens next\nsteps:\n  - Drugs\n  - Surgery\n```\n"
	c := NewCache(Document)
	for _, st := range []Style{Dark, Light, HighContrast, ASCII} {
		r, err := c.Render(p, 80, st)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range r.Lines {
			if strings.TrimSpace(ansi.Strip(l)) != "What happens next" {
				continue
			}
			found = true
			if isBold := strings.Contains(l, bold+"What happens next"+boldOff); isBold == (st == ASCII) {
				t.Errorf("%s: caption line %q: bold %v, want %v", st, l, isBold, st != ASCII)
			}
		}
		if !found {
			t.Errorf("%s: no caption line", st)
		}
	}
}
