package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/her2guide/her2guide/internal/guide"
)

// allPicturesPage is a page with one picture of each kind between
// paragraphs, as `her2guide show` renders it.
func allPicturesPage() *guide.Page {
	return &guide.Page{
		ID: "all-pictures",
		Body: "An icon array.\n\n```icons\ncount: 12 in 100\nsays: had severe diarrhea\n```\n\n" +
			"A timeline.\n\n```timeline\nsteps:\n  - Chemotherapy and 2 HER2 drugs\n  - Surgery\n  - [No cancer left, Some cancer left]\n  - Your team plans the next step\n```\n\n" +
			"A scale.\n\n```scale\ngroups:\n  - name: HER2-negative\n    items: [HER2-0, HER2-ultralow, HER2-low]\n  - name: HER2-positive\n    items: [HER2-positive]\n```\n\n" +
			"A comparison.\n\n```compare\ncolumns:\n  - title: Before surgery\n    points:\n      - Shrinks the cancer first\n      - Shows how well the drugs work\n" +
			"  - title: After surgery\n    points:\n      - Treats cells that may be left\n      - Based on what surgery found\n```\n\nThe end.\n",
		Sources:    []string{"Guideline B, 2023."},
		Reviewed:   time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		NextReview: time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC),
	}
}

// TestPicturesGolden pins a page with each kind of picture as `her2guide
// show --width W` prints it to a pipe (the ascii style), at 40, 80 and 120
// columns; TestPicturesRenderWithinWidth checks the coloured styles.
// Refresh with go test ./internal/render -run TestPicturesGolden -update.
func TestPicturesGolden(t *testing.T) {
	c := NewCache(Document)
	for _, st := range []Style{ASCII} {
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", st, w), func(t *testing.T) {
				r, err := c.Render(allPicturesPage(), w, st)
				if err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, strings.Join(r.Lines, "\n")+"\n")
			})
		}
	}
}
