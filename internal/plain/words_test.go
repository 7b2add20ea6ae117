package plain

import (
	"strings"
	"testing"
)

// TestWordListLookup looks words up in the word list as search finds them:
// folded, with typos and brand names, through search.(*Index).Terms.
func TestWordListLookup(t *testing.T) {
	g := bundled(t)
	cases := []struct {
		query  string
		want   []string
		absent []string
	}{
		{"Herceptin", []string{"trastuzumab", "Also called: Herceptin"}, []string{"Words that match"}},
		{"herceptn", []string{`Words that match "herceptn":`, "1. trastuzumab"}, nil},
		{"tdxd", []string{"trastuzumab deruxtecan", "Also called: Enhertu"}, []string{"Words that match"}},
		{"T-DXd", []string{"trastuzumab deruxtecan", "Also called: Enhertu"}, []string{"Words that match"}},
		{"enhertu", []string{"trastuzumab deruxtecan", "Also called: Enhertu"}, []string{"Words that match"}},
		{"pertuzamab", []string{`Words that match "pertuzamab":`, "1. pertuzumab"}, nil},
		{"ILD", []string{"ILD (interstitial lung disease)", "Meaning:"}, []string{"Words that match"}},
		{"xyzzyq", []string{`No word "xyzzyq" in the word list`}, []string{"Meaning:"}},
	}
	for _, tc := range cases {
		out := runScript(t, g, lines("10", tc.query, "b", "b", "q"), Options{Width: 80, Chunk: 10000})
		inOrder(t, out, append([]string{"Type a word"}, tc.want...)...)
		for _, a := range tc.absent {
			if strings.Contains(out, a) {
				t.Errorf("%s: %q in\n%s", tc.query, a, out)
			}
		}
	}
}
