package guide

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/her2guide/her2guide/internal/pictures"
)

// pictureFigures adds figures an icon array can draw to the test figures.
const pictureFigures = testFigures + `- trial: DESTINY-Breast03
  source: "Cortes J et al. Nat Med 2024."
  figures:
    - {id: db03-ild, text: "about 17 out of 100", value: "16.7%"}
    - {id: db03-nausea, text: "about 3 in 4", value: "76%"}
    - {id: db03-both, text: "about 17 out of 100, against 3 out of 100", value: "16.7% vs 3.4%"}
`

// pictureTree is a guide whose page alpha carries body after its text.
func pictureTree(body string) fstest.MapFS {
	fsys := tree(map[string]string{
		"alpha.md": page("alpha", replace("Alpha body.\n", "Alpha body.\n\n"+body)),
		"beta.md":  page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]")),
	})
	fsys["figures.yaml"] = &fstest.MapFile{Data: []byte(pictureFigures)}
	return fsys
}

// TestIconsFromFigure: an icon array with fig: draws the figure's count,
// and the page body carries that count, so what renders it needs no
// figures.
func TestIconsFromFigure(t *testing.T) {
	g, ps := load(t, pictureTree("```icons\nfig: db03-ild\nsays: had lung inflammation\n```\n"))
	if ps != nil {
		t.Fatal(ps)
	}
	p, _ := g.Page("alpha")
	if strings.Contains(p.Body, "fig:") || !strings.Contains(p.Body, "count: 17 in 100\n") {
		t.Fatalf("body does not carry the figure's count:\n%s", p.Body)
	}
	if got, want := pictures.AsText(p.Body), "About 17 in 100 had lung inflammation, so about 83 in 100 did not."; !strings.Contains(got, want) {
		t.Errorf("text equivalent:\n%s\nwant %q", got, want)
	}
}

func TestIconsFromFigureErrors(t *testing.T) {
	// alpha's body starts at line 21: the fence is line 22, fig: line 23.
	for _, tc := range []struct{ name, spec, want string }{
		{"unknown figure", "fig: db03-ilt\nsays: had it\n",
			`content/pages/alpha.md:23: ` + "```icons" + ` picture: fig "db03-ilt": no such figure in figures.yaml (did you mean "db03-ild"?)`},
		{"no N in 100", "fig: db03-nausea\nsays: had it\n",
			`content/pages/alpha.md:23: ` + "```icons" + ` picture: fig "db03-nausea": its text "about 3 in 4" gives no "N in 100"`},
		{"two counts", "fig: db03-both\nsays: had it\n",
			`content/pages/alpha.md:23: ` + "```icons" + ` picture: fig "db03-both": its text "about 17 out of 100, against 3 out of 100" gives 2 counts: an icon array draws exactly one`},
		{"not a count", "fig: cleopatra-os\nsays: lived\n",
			`content/pages/alpha.md:23: ` + "```icons" + ` picture: fig "cleopatra-os": its text "about 57 months" gives no`},
		{"both", "fig: db03-ild\ncount: 17 in 100\nsays: had it\n",
			`content/pages/alpha.md:23: ` + "```icons" + ` picture: write count: or fig:, not both`},
		{"alt disagrees", "fig: db03-ild\nsays: had it\nalt: About 15 in 100 had it.\n",
			`content/pages/alpha.md:25: ` + "```icons" + ` picture: alt says "15 in 100", but the picture draws 17 in 100`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := load(t, pictureTree("```icons\n"+tc.spec+"```\n"))
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tc.want) {
					return
				}
			}
			t.Errorf("problems:\n%v\nwant one starting %q", ps, tc.want)
		})
	}
}
