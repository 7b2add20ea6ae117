package search

import (
	"slices"
	"strings"
	"testing"
)

// marked shows the matches of query in text between brackets.
func marked(text string, ms [][2]int) string {
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m[0]] + "[" + text[m[0]:m[1]] + "]")
		last = m[1]
	}
	return b.String() + text[last:]
}

func TestMatches(t *testing.T) {
	cases := []struct{ query, text, want string }{
		{"herceptin", "Trastuzumab (HERCEPTIN) and herceptin.", "Trastuzumab ([HERCEPTIN]) and [herceptin]."},
		{"t-dxd", "Take T-DXd, or T DXd, or TDXd.", "Take [T-DXd], or [T DXd], or [TDXd]."},
		{"tdxd", "Take T-DXd.", "Take [T-DXd]."},
		{"ultra low", "HER2-ultralow and ultra-low.", "HER2-[ultralow] and [ultra-low]."},
		{"HER2 ultralow", "HER2-ultralow (IHC 0)", "[HER2-ultralow] (IHC 0)"},
		// Accents on either side, and byte offsets of multi-byte runes.
		{"résistance", "La Résistance, resistance.", "La [Résistance], [resistance]."},
		{"resistance", "Ré-sïstançe!", "[Ré-sïstançe]!"},
		{"naive", "A naïve cell.", "A [naïve] cell."},
		// A phrase, when found, is all that is marked.
		{"lung inflammation", "The lung: lung inflammation.", "The lung: [lung inflammation]."},
		// Otherwise each word, but not stop words.
		{"what is inflammation of the lung", "Inflammation in the lungs.", "[Inflammation] in the [lung]s."},
		// From 3 letters a word matches the start of a longer one; shorter
		// words must be whole.
		{"ultra", "ultralow", "[ultra]low"},
		{"er", "ER+ cancer, her2, very", "[ER]+ cancer, her2, very"},
		{"ish", "ISH, finish", "[ISH], finish"},
		// Misspelt words of 5+ letters, against the text's own words.
		{"trastuzamab", "Trastuzumab works.", "[Trastuzumab] works."},
		{"enhurtu", "Enhertu is T-DXd.", "[Enhertu] is T-DXd."},
		{"pertuzamab", "pertuzumab", "[pertuzumab]"},
		{"lunk", "lung", "lung"},
		{"nothing", "Something else.", "Something else."},
		{"", "text", "text"},
		{"x", "", ""},
	}
	for _, tc := range cases {
		if got := marked(tc.text, Matches(tc.query, tc.text)); got != tc.want {
			t.Errorf("Matches(%q, %q):\n got %s\nwant %s", tc.query, tc.text, got, tc.want)
		}
	}
}

func TestMatchesRangesAreSortedAndDisjoint(t *testing.T) {
	text := "blue whale, whale blue, blue-whale, bluewhale"
	for _, q := range []string{"blue whale", "blue", "whale blue blue"} {
		ms := Matches(q, text)
		for i, m := range ms {
			if m[0] >= m[1] || m[1] > len(text) || (i > 0 && m[0] <= ms[i-1][1]) {
				t.Errorf("%q: bad ranges %v", q, ms)
			}
		}
	}
}

func TestIndexMatchesUsesGlossary(t *testing.T) {
	ix := New(fixture())
	text := "Zolbetuximab (Vyloy) is new."
	if got := marked(text, Matches("vyloy", text)); got != "Zolbetuximab ([Vyloy]) is new." {
		t.Errorf("Matches: %s", got)
	}
	if got := marked(text, ix.Matches("vyloy", text)); got != "[Zolbetuximab] ([Vyloy]) is new." {
		t.Errorf("Index.Matches: %s", got)
	}
	if got := marked(text, ix.Matches("zolbetuximub", text)); got != "[Zolbetuximab] ([Vyloy]) is new." {
		t.Errorf("Index.Matches, misspelt: %s", got)
	}
}

func TestPlainLines(t *testing.T) {
	md := "Intro with **bold**, *em*, `code` and a [link](https://example.org).\nSame paragraph.\n\n" +
		"## A heading?\n\n" +
		"- item one\n- item *two*\n  - nested\n\n" +
		"1. first\n\n" +
		"| Label | Meaning |\n| --- | --- |\n| HER2-low | IHC 1+ |\n| | empty first cell |\n\n" +
		"> quoted\n\n" +
		"<div>html</div>\n\n" +
		"---\n\n" +
		"```\ncode line\n```\n"
	want := []string{
		"Intro with bold, em, code and a link. Same paragraph.",
		"A heading?",
		"item one", "item two", "nested",
		"first",
		"Label | Meaning", "HER2-low | IHC 1+", "empty first cell",
		"quoted",
		"code line",
	}
	if got := PlainLines(md); !slices.Equal(got, want) {
		t.Errorf("PlainLines:\n got %q\nwant %q", got, want)
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"HER2-positive (IHC 3+)", []string{"her2", "positive", "ihc", "3"}},
		{"Résistance ÉTÉ", []string{"resistance", "ete"}},
		{"ﬁne straße Ærø", []string{"fine", "strasse", "aero"}},
		{"x²", []string{"x2"}},
		{"—…  ", nil},
	}
	for _, tc := range cases {
		var got []string
		for _, tk := range tokenize(tc.in) {
			got = append(got, tk.text)
			if tk.start >= tk.end || tk.end > len(tc.in) {
				t.Errorf("%q: token %q has range %d..%d", tc.in, tk.text, tk.start, tk.end)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTrim(t *testing.T) {
	short := "A short line."
	if got := trim(short, 3); got != short {
		t.Errorf("short: %q", got)
	}
	long := strings.Repeat("word ", 40) + "TARGET " + strings.Repeat("more ", 40)
	got := trim(long, strings.Index(long, "TARGET"))
	if !strings.Contains(got, "TARGET") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("around the match: %q", got)
	}
	if n := len([]rune(got)); n > SnippetRunes+2 {
		t.Errorf("%d runes", n)
	}
	if got := trim(long, 0); strings.HasPrefix(got, "…") || !strings.HasPrefix(got, "word") {
		t.Errorf("at the start: %q", got)
	}
}
