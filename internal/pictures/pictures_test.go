package pictures

import (
	"fmt"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// examples are one spec of each kind, as a page would write them.
var examples = map[Kind]string{
	Icons: `count: 12 in 100
says: had severe diarrhea
`,
	Timeline: `steps:
  - Chemotherapy and 2 HER2 drugs
  - Surgery
  - [No cancer left, Some cancer left]
  - Your team plans the next step
`,
	Scale: `groups:
  - name: HER2-negative
    items: [HER2-0, HER2-ultralow, HER2-low]
  - name: HER2-positive
    items: [HER2-positive]
`,
	Compare: `columns:
  - title: Before surgery
    points:
      - Shrinks the cancer first
      - Shows how well the drugs work
  - title: After surgery
    points:
      - Treats cells that may be left
      - Based on what surgery found
`,
}

func TestGolden(t *testing.T) {
	for _, k := range Kinds {
		p, errs := Parse(k, examples[k])
		if len(errs) > 0 {
			t.Fatalf("%s: %v", k, errs)
		}
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", k, w), func(t *testing.T) {
				lines := p.Lines(w, false)
				for i, l := range lines {
					if got := xansi.StringWidth(l); got > w {
						t.Errorf("line %d is %d wide, more than %d: %q", i, got, w, l)
					}
				}
				golden.RequireEqual(t, "alt: "+p.Alt+"\n\n"+strings.Join(lines, "\n")+"\n")
			})
		}
		t.Run(fmt.Sprintf("%s/ascii", k), func(t *testing.T) {
			for _, l := range p.Lines(40, true) {
				for _, r := range l {
					if r > 127 {
						t.Fatalf("non-ASCII %q in %q", r, l)
					}
				}
			}
		})
	}
}

// TestGoldenASCII pins each kind drawn in ASCII (the ascii style, pipes,
// the text sheet) at 40, 80 and 120 columns; refresh with -update.
func TestGoldenASCII(t *testing.T) {
	for _, k := range Kinds {
		p, errs := Parse(k, examples[k])
		if len(errs) > 0 {
			t.Fatalf("%s: %v", k, errs)
		}
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", k, w), func(t *testing.T) {
				lines := p.Lines(w, true)
				for i, l := range lines {
					if got := xansi.StringWidth(l); got > w {
						t.Errorf("line %d is %d wide, more than %d: %q", i, got, w, l)
					}
					for _, r := range l {
						if r > 127 {
							t.Fatalf("non-ASCII %q in %q", r, l)
						}
					}
				}
				golden.RequireEqual(t, strings.Join(lines, "\n")+"\n")
			})
		}
	}
}

func TestNarrowestWidth(t *testing.T) {
	for _, k := range Kinds {
		p, _ := Parse(k, examples[k])
		for w := 10; w <= 40; w++ {
			for _, l := range p.Lines(w, false) {
				if xansi.StringWidth(l) > w {
					t.Errorf("%s at %d: %q is too wide", k, w, l)
				}
			}
		}
	}
}

func TestIconsWords(t *testing.T) {
	p, errs := Parse(Icons, "count: 12 in 100\nsays: had severe diarrhea\n")
	if errs != nil {
		t.Fatal(errs)
	}
	want := "About 12 in 100 had severe diarrhea, so about 88 in 100 did not."
	if p.Alt != want {
		t.Errorf("alt = %q, want %q", p.Alt, want)
	}
	filled := strings.Count(strings.Join(p.Lines(80, false), "\n"), "■")
	if filled != 12+1 { // 12 marks and the legend's
		t.Errorf("%d filled marks, want 12 and the legend's", filled)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		kind Kind
		spec string
		line int
		msg  string
	}{
		{Icons, "count: 12 of 100\nsays: had it\n", 1, `write "N in 100"`},
		{Icons, "count: 120 in 100\nsays: had it\n", 1, "more than 100 in 100"},
		{Icons, "count: 12 in 100\n", 1, "missing says"},
		{Icons, "count: 12 in 100\nsays: had it\ncolour: red\n", 3, "field colour is not allowed"},
		{Icons, "count: 12 in 100\nsays: had it\nalt: \"two\\nlines\"\n", 3, "must be one line"},
		{Icons, "count: {{fig x}}\nsays: had it\n", 1, "cannot hold {{fig}}"},
		{Icons, "", 0, "empty icons picture"},
		{Timeline, "steps:\n  - Only one\n", 1, "at least 2"},
		{Timeline, "steps:\n  - A\n  - {x: y}\n", 3, "a step is a line of text"},
		{Scale, "groups:\n  - name: A\n    items: [a]\n", 1, "2 to 4 groups"},
		{Scale, "groups:\n  - name: A\n    items: [a]\n  - name: B\n", 4, `group "B" has no items`},
		{Compare, "columns:\n  - title: A\n    points: [a]\n", 1, "exactly 2"},
		{Compare, "columns:\n  - title: A\n    points: [a]\n  - points: [b]\n", 4, "missing column title"},
		{Compare, "columns: [\n", 1, "bad spec"},
	} {
		_, errs := Parse(tc.kind, tc.spec)
		if len(errs) == 0 {
			t.Errorf("%s %q: no error", tc.kind, tc.spec)
			continue
		}
		if errs[0].Line != tc.line || !strings.Contains(errs[0].Msg, tc.msg) {
			t.Errorf("%s %q: got %v, want line %d with %q", tc.kind, tc.spec, errs, tc.line, tc.msg)
		}
	}
}

func TestFind(t *testing.T) {
	md := "Text.\n\n```icons\ncount: 1 in 10\nsays: had it\n```\n\n````markdown\n```scale\nnot a picture\n```\n````\n\n```go\nx\n```\n\n```compare\ncolumns: []\n"
	bs := Find(md)
	if len(bs) != 2 {
		t.Fatalf("found %d blocks, want 2: %+v", len(bs), bs)
	}
	if bs[0].Kind != Icons || bs[0].Line != 2 || !bs[0].Closed || bs[0].Spec != "count: 1 in 10\nsays: had it\n" {
		t.Errorf("first block %+v", bs[0])
	}
	if bs[1].Kind != Compare || bs[1].Closed || bs[1].Line != 17 {
		t.Errorf("second block %+v", bs[1])
	}
	got := AsText(md[:bs[0].End] + "After.\n")
	if want := "Text.\n\n\nAbout 1 in 10 had it, so about 9 in 10 did not.\n\nAfter.\n"; got != want {
		t.Errorf("AsText = %q, want %q", got, want)
	}
}

func TestFigureCount(t *testing.T) {
	for text, want := range map[string]string{
		"about 17 out of 100":                "17 in 100",
		"after 3 years, about 92 out of 100": "92 in 100",
		"about 5 in 100":                     "5 in 100",
		"about 3 in 10":                      "3 in 10",
		"about 3 in 4":                       "",
		"4.6 in 100":                         "",
		"about 57 months":                    "",
		"17 out of 100 and 3 out of 100":     "",
		"5 in 1,000":                         "",
	} {
		got, err := FigureCount(text)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("FigureCount(%q) = %q, %v; want %q", text, got, err, want)
		}
	}
}

// figs is a figures.yaml of two figures.
func figs(id string) (string, error) {
	switch id {
	case "ild":
		return "about 17 out of 100", nil
	case "months":
		return "about 57 months", nil
	}
	return "", fmt.Errorf("no such figure")
}

func TestIconsFromFigure(t *testing.T) {
	p, errs := ParseWith(Icons, "fig: ild\nsays: had lung inflammation\n", figs)
	if errs != nil {
		t.Fatal(errs)
	}
	if want := "About 17 in 100 had lung inflammation, so about 83 in 100 did not."; p.Alt != want {
		t.Errorf("alt = %q, want %q", p.Alt, want)
	}
	for _, tc := range []struct {
		spec string
		figs Figures
		line int
		msg  string
	}{
		{"says: had it\nfig: ild\n", nil, 2, `fig "ild": the guide's figures are not loaded here`},
		{"says: had it\nfig: nope\n", figs, 2, `fig "nope": no such figure`},
		{"says: had it\nfig: months\n", figs, 2, `its text "about 57 months" gives no "N in 100"`},
		{"count: 17 in 100\nfig: ild\nsays: had it\n", figs, 2, "write count: or fig:, not both"},
		{"fig: \"\"\nsays: had it\n", figs, 1, "missing fig"},
		{"fig: ild\nsays: had it\nalt: About 20 in 100 had it.\n", figs, 3, `alt says "20 in 100", but the picture draws 17 in 100`},
		{"count: 12 in 100\nsays: had it\nalt: 12 in 100 had it; 90 in 100 did not.\n", nil, 3, `alt says "90 in 100"`},
	} {
		_, errs := ParseWith(Icons, tc.spec, tc.figs)
		if len(errs) == 0 || errs[0].Line != tc.line || !strings.Contains(errs[0].Msg, tc.msg) {
			t.Errorf("%q: got %v, want line %d with %q", tc.spec, errs, tc.line, tc.msg)
		}
	}
	if _, errs := ParseWith(Icons, "fig: ild\nsays: had it\nalt: About 17 in 100 had it, and 83 in 100 did not.\n", figs); errs != nil {
		t.Errorf("an alt with the drawn counts: %v", errs)
	}
}

func TestResolveFigures(t *testing.T) {
	md := "Text.\n\n```icons\nfig: ild\nsays: had it\n```\n\n```icons\nfig: nope\nsays: had it\n```\n\n```scale\nfig: ild\n```\n"
	got := ResolveFigures(md, figs)
	want := strings.Replace(md, "fig: ild\nsays", "count: 17 in 100\nsays", 1)
	if got != want {
		t.Errorf("ResolveFigures =\n%s\nwant\n%s", got, want)
	}
	if got := ResolveFigures("No pictures.\n", figs); got != "No pictures.\n" {
		t.Errorf("no pictures: %q", got)
	}
}

// TestCaption checks that a caption is drawn above any kind of picture,
// read before its text equivalent, and checked like the other text.
func TestCaption(t *testing.T) {
	for kind, spec := range examples {
		p, errs := Parse(kind, "caption: What happens next\n"+spec)
		if errs != nil {
			t.Fatalf("%s: %v", kind, errs)
		}
		lines := p.Lines(60, false)
		if lines[0] != "What happens next" || lines[1] != "" {
			t.Errorf("%s: drawing starts %q, want the caption and a blank line", kind, lines[:2])
		}
		if got := AsText("```" + string(kind) + "\ncaption: What happens next\n" + spec + "```\n"); !strings.Contains(got, "What happens next. "+p.Alt) {
			t.Errorf("%s: text equivalent %q does not start with the caption", kind, got)
		}
		plain, _ := Parse(kind, spec)
		if plain.Caption != "" || plain.Spoken() != plain.Alt {
			t.Errorf("%s: a picture without a caption says %q", kind, plain.Spoken())
		}
	}
	if _, errs := Parse(Icons, "caption: \"two\\nlines\"\n"+examples[Icons]); len(errs) != 1 || !strings.Contains(errs[0].Msg, "caption must be one line") || errs[0].Line != 1 {
		t.Errorf("a two-line caption gives %v", errs)
	}
}
