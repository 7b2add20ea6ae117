package main

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestSearchJSONPatientQueries runs some of the patient queries of
// internal/search (TestSearchPatientQueries) through the real binary's
// `search --json`: the page must be in the top 3, and no glossary entry
// the query does not name may come first.
func TestSearchJSONPatientQueries(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	cases := []struct{ query, want string }{
		{"how long will i live", "her2-positive"},
		{"is it curable", "metastatic"},
		{"swollen arm", "surgery"},
		{"can i have a baby", "pregnancy-fertility"},
		{"will my hair fall out", "side-effects"},
		{"it came back", "recurrence"},
		{"enhertu cough", "lung-ild"},
		{"herceptin", "glossary:trastuzumab"},
	}
	for _, tc := range cases {
		args := append([]string{"search", "--json", "--limit", "3"}, strings.Fields(tc.query)...)
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("her2guide %s: %v", strings.Join(args, " "), err)
		}
		var hits []struct {
			Page, Term, Kind string
			Score            float64
		}
		if err := json.Unmarshal(out, &hits); err != nil {
			t.Fatalf("%q: %v\n%s", tc.query, err, out)
		}
		var got []string
		for _, h := range hits {
			if h.Page != "" {
				got = append(got, h.Page)
			} else {
				got = append(got, "glossary:"+h.Term)
			}
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("search --json %q: %s not in the top 3: %v", tc.query, tc.want, got)
		}
		if len(hits) > 0 && hits[0].Page == "" && !strings.HasPrefix(tc.want, "glossary:") {
			t.Errorf("search --json %q: a glossary entry comes first: %v", tc.query, got)
		}
	}
}
