package render

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
)

// emptySGR is a colour or style set and reset with no text between: it
// changes no cell on the screen.
var emptySGR = regexp.MustCompile(`\x1b\[[0-9;]*m\x1b\[0?m`)

// onScreen is what a terminal shows for lines, less styles that style
// nothing: blank lines are compared as their blanks (their width counts,
// since the guide shows lines as they come), other lines with their styles.
func onScreen(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if plain := xansi.Strip(l); strings.TrimSpace(plain) == "" {
			out[i] = plain
		} else {
			out[i] = emptySGR.ReplaceAllString(l, "")
		}
	}
	return strings.Join(out, "\n")
}

// TestSplitRenderLooksLikeWhole renders every bundled page in parts (2, 3
// and 4 at once) and whole, in every style at many widths, and requires the
// same screen, line for line.
func TestSplitRenderLooksLikeWhole(t *testing.T) {
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	split := 0
	for procs, widths := range map[int][]int{2: {20, 59, 80, 120}, 3: {60}, 4: {40}} {
		runtime.GOMAXPROCS(procs)
		for _, st := range []Style{Dark, Light, ASCII, HighContrast} {
			for _, w := range widths {
				for _, p := range g.Pages {
					c := NewCache(Document)
					k := Key{p.ID, w, st}
					got, err := c.render(p, k)
					if err != nil {
						t.Fatal(err)
					}
					md := Document(p)
					if w < NarrowTableWidth {
						md = TablesAsLists(md)
					}
					if len(splitDocument(md, procs)) > 1 {
						split++
					}
					whole, err := c.renderPart(rendererKey{w, st}, md)
					if err != nil {
						t.Fatal(err)
					}
					if a, b := onScreen(got.Lines), onScreen(whole); a != b {
						t.Fatalf("%s at %d columns, %s, %d parts: split rendering differs from whole\n%s", p.ID, w, st, procs, firstDiff(strings.Split(a, "\n"), strings.Split(b, "\n")))
					}
				}
			}
		}
	}
	if split == 0 {
		t.Fatal("no page was split: the test proves nothing")
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("line %d:\n split %q\n whole %q", i+1, a[i], b[i])
		}
	}
	return fmt.Sprintf("%d lines split, %d whole", len(a), len(b))
}

func TestSplitDocument(t *testing.T) {
	doc := "Intro.\n\n## One\n\nText one.\n\n## Two\n\nText two.\n\n## Three\n\nText three.\n"
	for n := 1; n <= 5; n++ {
		parts := splitDocument(doc, n)
		if strings.Join(parts, "") != doc {
			t.Fatalf("n=%d: parts do not add up to the document", n)
		}
		if want := min(n, 4); len(parts) != want {
			t.Errorf("n=%d: %d parts, want %d", n, len(parts), want)
		}
		for i, p := range parts[1:] {
			if !strings.HasPrefix(p, "## ") {
				t.Errorf("n=%d: part %d starts %q, not at a heading", n, i+1, p[:min(10, len(p))])
			}
		}
	}
	for name, d := range map[string]string{
		"reference link":  "See [the label][l].\n\n## Two\n\nMore.\n\n[l]: https://example.org\n",
		"footnote":        "Text[^1].\n\n## Two\n\n[^1]: A note.\n",
		"heading in code": "Intro.\n\n```\n\n## not a heading\n```\n\nEnd.\n",
		"no blank before": "Intro.\n## Two\n\nText.\n",
		"no headings":     "Just one paragraph.\n",
	} {
		if parts := splitDocument(d, 4); len(parts) != 1 {
			t.Errorf("%s: split into %d parts, want the document whole", name, len(parts))
		}
	}
}
