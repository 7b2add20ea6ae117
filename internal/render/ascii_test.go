package render

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/guide"
)

func TestASCIIText(t *testing.T) {
	cases := map[string]string{
		"• one":                     "* one",
		"38°C (100.4°F) or 5° more": "38 degrees C (100.4 degrees F) or 5 degrees more",
		"café – Kadcyla — T-DM1":    "cafe - Kadcyla - T-DM1",
		"“quoted” and ‘single’…":    `"quoted" and 'single'...`,
		"plain text":                "plain text",
		"snow ☃ man":                "snow ? man",
	}
	for in, want := range cases {
		if got := ASCIIText(in); got != want {
			t.Errorf("ASCIIText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestASCIIStyleIsASCII: the ascii style keeps its name's promise for
// every bundled page, bullets and cut lines included.
func TestASCIIStyleIsASCII(t *testing.T) {
	p := &guide.Page{ID: "typo", Body: "Fever of 38°C — call “now”.\n\n- café\n- " + strings.Repeat("x", 90) + "\n"}
	pages := append(bundledPages(t), p)
	c := NewCache(Document)
	for _, pg := range pages {
		for _, w := range []int{MinWidth, 40, 80} {
			r, err := c.Render(pg, w, ASCII)
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range r.Lines {
				if !isASCII(l) {
					t.Errorf("%s at %d: line %d is not ASCII: %q", pg.ID, w, i+1, l)
				}
			}
		}
	}
}
