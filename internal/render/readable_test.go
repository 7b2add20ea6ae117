package render

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
)

func bundledPages(t *testing.T) []*guide.Page {
	t.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	return g.Pages
}

var allStyles = []Style{Dark, Light, ASCII, HighContrast}

// TestHeadingsHaveNoMarks checks that no line of any bundled page, in any
// style, starts with a Markdown heading mark once styles and margin are
// gone, and that headings are still set apart (bold, in every style that
// has styles).
func TestHeadingsHaveNoMarks(t *testing.T) {
	c := NewCache(Document)
	pages := bundledPages(t)
	for _, st := range allStyles {
		for _, w := range []int{40, 80} {
			for _, p := range pages {
				r, err := c.Render(p, w, st)
				if err != nil {
					t.Fatal(err)
				}
				for i, l := range r.Lines {
					if strings.HasPrefix(strings.TrimLeft(xansi.Strip(l), " "), "#") {
						t.Errorf("%s, %s at %d: line %d starts with a mark: %q", p.ID, st, w, i+1, xansi.Strip(l))
					}
					if st == ASCII && strings.Contains(l, "\x1b[") {
						t.Errorf("%s, ascii at %d: line %d has escape sequences: %q", p.ID, w, i+1, l)
					}
				}
			}
		}
	}
	for _, st := range []Style{Dark, Light, HighContrast} {
		r, err := c.Render(testPage(), 60, st)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(r.Lines, func(l string) bool { return strings.TrimSpace(xansi.Strip(l)) == "Why?" })
		if i < 0 {
			t.Fatalf("%s: no heading line", st)
		}
		if !strings.Contains(r.Lines[i], ";1m") && !strings.Contains(r.Lines[i], "[1m") && !strings.Contains(r.Lines[i], "[1;") {
			t.Errorf("%s: heading is not bold: %q", st, r.Lines[i])
		}
		if st == HighContrast && !strings.Contains(r.Lines[i], "4") {
			t.Errorf("high-contrast heading is not underlined: %q", r.Lines[i])
		}
	}
}

// checkHanging fails when a line that continues a list item does not start
// at the item's text column. A continuation is any line after an item up
// to a blank line, the next item, or a line left of the item's marker. A
// line that starts with a number is an item only when its number follows
// on from the list at that indent (or starts one at 1): wrapped text can
// start with "100. ".
func checkHanging(t *testing.T, name string, lines []string) (n int) {
	t.Helper()
	textCol, markerCol := -1, -1
	last := map[int]int{}
	for i, l := range lines {
		plain := strings.TrimRight(xansi.Strip(l), " ")
		lead := leadingSpaces(plain)
		if plain == "" {
			textCol, markerCol = -1, -1
			continue
		}
		if m := listMarker.FindStringSubmatch(plain); m != nil {
			num, _ := strconv.Atoi(m[3])
			if m[3] == "" || num == 1 || num == last[lead]+1 {
				last[lead] = num
				markerCol, textCol = lead, xansi.StringWidth(m[0])
				n++
				continue
			}
		}
		if lead < markerCol {
			textCol, markerCol = -1, -1
			continue
		}
		if textCol >= 0 && lead != textCol {
			t.Errorf("%s: line %d starts at column %d, not under the item's text (%d): %q", name, i+1, lead, textCol, plain)
		}
	}
	return n
}

func TestHangingIndents(t *testing.T) {
	long := strings.Repeat("a bullet that goes on and on ", 8)
	p := &guide.Page{ID: "list", Body: "Intro.\n\n- " + long + "\n- **Bold start** then " + long +
		"\n  - nested " + long + "\n\n1. " + long + "\n2. Short.\n3. " + long + "\n\n" +
		"- " + strings.Repeat("x", 120) + " tail\n"}
	c := NewCache(nil)
	for _, st := range allStyles {
		for _, w := range []int{MinWidth, 40, 80} {
			r, err := c.Render(p, w, st)
			if err != nil {
				t.Fatal(err)
			}
			name := string(st) + "/" + string(rune('0'+w/10)) + "0"
			if n := checkHanging(t, name, r.Lines); n != 7 {
				t.Errorf("%s: found %d items, want 7", name, n)
			}
			for i, l := range r.Lines {
				if n := xansi.StringWidth(l); n > w {
					t.Errorf("%s: line %d is %d wide", name, i+1, n)
				}
			}
			if first := wrappedLine(r.Lines); !strings.HasPrefix(xansi.Strip(first), "    ") || xansi.Strip(first)[4] == ' ' {
				t.Errorf("%s: the first bullet's second line is not under its text: %q", name, xansi.Strip(first))
			}
			// Every word survives, in order.
			bullet := "•"
			if st == ASCII {
				bullet = "*"
			}
			got := strings.Fields(xansi.Strip(strings.Join(r.Lines, " ")))
			want := strings.Fields(strings.NewReplacer("**", "", "- ", bullet+" ", "\n", " ").Replace(p.Body))
			if strings.Join(got, " ") != strings.Join(want, " ") &&
				strings.ReplaceAll(strings.Join(got, ""), bullet, "") != strings.ReplaceAll(strings.Join(want, ""), bullet, "") {
				t.Errorf("%s: text changed:\n got %q\nwant %q", name, strings.Join(got, " "), strings.Join(want, " "))
			}
		}
	}
	// A continuation line keeps the colour of the text it continues.
	r, err := c.Render(p, 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	if l := wrappedLine(r.Lines); !strings.Contains(l, "\x1b[38;5;252m") {
		t.Errorf("the wrapped line lost its colour: %q", l)
	}
	pages := bundledPages(t)
	for _, st := range allStyles {
		for _, w := range []int{40, 60, 80} {
			for _, pg := range pages {
				r, err := c.Render(withoutPictures(pg), w, st)
				if err != nil {
					t.Fatal(err)
				}
				checkHanging(t, pg.ID+"/"+string(st), r.Lines)
			}
		}
	}
}

// withoutPictures returns a copy of p with its picture blocks left out: a
// drawing's columns are not list items (the pictures' goldens check them).
func withoutPictures(p *guide.Page) *guide.Page {
	q := *p
	var b strings.Builder
	at := 0
	for _, blk := range pictures.Find(p.Body) {
		b.WriteString(p.Body[at:blk.Start])
		at = blk.End
	}
	b.WriteString(p.Body[at:])
	q.Body = b.String()
	return &q
}

// wrappedLine returns the line after the first list item.
func wrappedLine(lines []string) string {
	i := slices.IndexFunc(lines, func(l string) bool { return listMarker.MatchString(xansi.Strip(l)) })
	if i < 0 || i+1 == len(lines) {
		return ""
	}
	return lines[i+1]
}

func TestWrapColumns(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width int
		want  [][2]int
	}{
		{"one two three", 7, [][2]int{{0, 7}, {8, 13}}},
		{"one two three", 13, [][2]int{{0, 13}}},
		{"HER2-positive is", 10, [][2]int{{0, 10}, {10, 16}}},
		{"call 911. Then", 9, [][2]int{{0, 9}, {10, 14}}},
		{"a  b", 1, [][2]int{{0, 1}, {3, 4}}},
		{"", 5, nil},
	} {
		if got := wrapColumns(tc.text, tc.width); !slices.Equal(got, tc.want) {
			t.Errorf("wrapColumns(%q, %d) = %v, want %v", tc.text, tc.width, got, tc.want)
		}
	}
}

// TestReadableMeasure checks that a page is never rendered wider than
// MaxWidth, and that a wide window shares the MaxWidth rendering.
func TestReadableMeasure(t *testing.T) {
	c := NewCache(Document)
	at80, err := c.Render(testPage(), MaxWidth, Dark)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{81, 120, 200} {
		if Measure(w) != MaxWidth {
			t.Errorf("Measure(%d) = %d", w, Measure(w))
		}
		got, ok := c.Get(Key{Page: "p", Width: w, Style: Dark})
		if !ok || &got.Lines[0] != &at80.Lines[0] {
			t.Errorf("width %d does not share the %d-column rendering", w, MaxWidth)
		}
		r, err := NewCache(Document).Render(testPage(), w, Dark)
		if err != nil {
			t.Fatal(err)
		}
		if r.Key.Width != MaxWidth || !slices.Equal(r.Lines, at80.Lines) {
			t.Errorf("width %d rendered at %d, not as at %d", w, r.Key.Width, MaxWidth)
		}
	}
	if Measure(60) != 60 {
		t.Errorf("Measure(60) = %d", Measure(60))
	}
}
