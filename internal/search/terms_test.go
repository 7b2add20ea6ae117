package search

import (
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	ix := New(loadGuide(t))
	cases := []struct {
		query string
		// first is the id of the first entry, "" for none at all.
		first        string
		exact, named bool
	}{
		{"Herceptin", "trastuzumab", true, true},
		{"herceptin", "trastuzumab", true, true},
		{"herceptn", "trastuzumab", false, true},          // a letter out
		{"tdxd", "trastuzumab-deruxtecan", true, true},    // folded: "T-DXd"
		{"T-DXd", "trastuzumab-deruxtecan", true, true},   // as written
		{"enhertu", "trastuzumab-deruxtecan", true, true}, // brand name
		{"pertuzamab", "pertuzumab", false, true},         // misspelt
		{"ILD", "ild", true, true},                        // id and the short name
		{"interstitial lung disease", "ild", true, true},  // the name in brackets
		{"  HER2 low ", "her2-low", true, true},           // spaces for the hyphen
		{"HR", "hormone-receptor", true, true},            // its own aka before HR+
		{"lung", "ild", false, true},                      // a word of a name
		{"xyzzyq", "", false, false},                      // nonsense
		{"qwxzzy plover", "", false, false},               // nonsense, two words
		{"ilb", "", false, false},                         // too short for a typo
	}
	for _, tc := range cases {
		got := ix.Terms(tc.query)
		if tc.first == "" {
			if len(got) != 0 {
				t.Errorf("Terms(%q) = %v, want none", tc.query, termIDs(got))
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("Terms(%q) found nothing, want %s first", tc.query, tc.first)
			continue
		}
		if g := got[0]; g.Term.ID != tc.first || g.Exact != tc.exact || g.Name != tc.named {
			t.Errorf("Terms(%q)[0] = %s exact=%v name=%v, want %s exact=%v name=%v (all: %v)",
				tc.query, g.Term.ID, g.Exact, g.Name, tc.first, tc.exact, tc.named, termIDs(got))
		}
	}
}

func TestTermsOrderAndOnce(t *testing.T) {
	ix := New(loadGuide(t))
	for _, q := range []string{"Herceptin", "HR", "her2 low", "lung", "trastuzumab", "ILD"} {
		got := ix.Terms(q)
		seen := map[string]bool{}
		tier := 0
		for _, m := range got {
			if seen[m.Term.ID] {
				t.Errorf("Terms(%q): %s twice", q, m.Term.ID)
			}
			seen[m.Term.ID] = true
			k := 2
			switch {
			case m.Exact:
				k = 0
			case m.Name:
				k = 1
			}
			if k < tier {
				t.Errorf("Terms(%q): %s (tier %d) after tier %d: %v", q, m.Term.ID, k, tier, termIDs(got))
			}
			tier = k
		}
	}
	// "HR" names hormone-receptor (aka "HR") and, folded, hr-positive ("HR+").
	if got := termIDs(ix.Terms("HR")); len(got) < 2 || got[0] != "hormone-receptor" || got[1] != "hr-positive" {
		t.Errorf("Terms(HR) = %v", got)
	}
}

func TestTermsEmptyIsEverything(t *testing.T) {
	g := loadGuide(t)
	ix := New(g)
	for _, q := range []string{"", "  ", "-"} {
		got := ix.Terms(q)
		if len(got) != len(g.Terms) {
			t.Fatalf("Terms(%q): %d entries, want %d", q, len(got), len(g.Terms))
		}
		for i, m := range got {
			if m.Term != g.Terms[i] {
				t.Fatalf("Terms(%q)[%d] = %s, want %s", q, i, m.Term.ID, g.Terms[i].ID)
			}
		}
	}
}

// TestTermsFindsWhatFindTermFinds keeps every exact lookup of the old
// guide.FindTerm working: each id, term and other name finds its entry first.
func TestTermsFindsWhatFindTermFinds(t *testing.T) {
	g := loadGuide(t)
	ix := New(g)
	for _, term := range g.Terms {
		for _, q := range append([]string{term.ID, term.Term, strings.ToUpper(term.Term)}, term.AKA...) {
			want, ok := g.FindTerm(q)
			got := ix.Terms(q)
			if !ok || len(got) == 0 || got[0].Term != want || !got[0].Exact {
				t.Errorf("Terms(%q): %v, want %s first", q, termIDs(got), want.ID)
			}
		}
	}
}

func termIDs(ms []TermMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Term.ID
	}
	return out
}
