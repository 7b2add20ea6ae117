package search

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// TestSearchPinned pins the top results of the benchmark queries on the
// bundled content, with the kind and line of each hit, so that speed-ups of
// Search can be shown to change nothing. When the content changes, update
// the lists from the output of a failing run (after checking the ranking
// still makes sense).
func TestSearchPinned(t *testing.T) {
	ix := New(loadGuide(t))
	pinned := map[string][]string{
		"herceptin": {
			"glossary:trastuzumab glossary -1", "her2-drugs body 7", "stage-1 body 0",
			"stage-2 body 0", "after-surgery body 9", "metastatic-later body 3",
			"heart body 3", "pregnancy-fertility body 2", "stage-3 body 3",
			"metastatic-first body 0",
		},
		"trastuzamab": {
			"glossary:trastuzumab glossary -1", "glossary:phesgo glossary -1",
			"glossary:trastuzumab-emtansine glossary -1", "glossary:trastuzumab-deruxtecan glossary -1",
			"her2-drugs body 7", "glossary:docetaxel glossary -1", "glossary:carboplatin glossary -1",
			"glossary:capecitabine glossary -1", "glossary:monoclonal-antibody glossary -1",
			"glossary:biosimilar glossary -1",
		},
		"lung inflammation": {
			"lung-ild title -1", "her2-categories body 27", "stage-3 body 21",
			"after-surgery body 17", "metastatic-first body 16", "metastatic-second body 8",
			"resistance-next body 18", "glossary:ild glossary -1", "glossary:pneumonitis glossary -1",
			"glossary:metastasis glossary -1",
		},
		"h": nil,
		"ultra low": {
			"her2-categories title -1", "glossary:her2-ultralow glossary -1", "glossary:her2-zero glossary -1",
			"glossary:trastuzumab-deruxtecan glossary -1", "her2-testing body 25", "her2-drugs body 14",
			"about body 26", "heart body 13", "glossary:echocardiogram glossary -1",
			"glossary:core-biopsy glossary -1",
		},
		"enhertu": {
			"glossary:trastuzumab-deruxtecan glossary -1", "metastatic-second body 0", "lung-ild body 0",
			"her2-categories body 0", "metastatic-first body 0", "stage-3 body 13",
			"after-surgery body 16", "pregnancy-fertility body 2", "about body 26",
			"metastatic-later body 4",
		},
		"pertuzimab": {
			"glossary:pertuzumab glossary -1", "metastatic-first summary -1", "glossary:phesgo glossary -1",
			"glossary:docetaxel glossary -1", "glossary:carboplatin glossary -1", "her2-drugs body 9",
			"stage-2 body 0", "stage-1 body 13", "stage-3 body 3", "after-surgery body 9",
		},
		"What is the first treatment for metastatic HER2-positive cancer?": {
			"metastatic-first title -1", "glossary:maintenance-therapy glossary -1", "metastatic title -1",
			"recurrence body 17", "hormone-receptors body 26", "resistance body 33",
			"resistance-next body 33", "glossary:line-of-therapy glossary -1", "stage-1 summary -1",
			"stage-3 summary -1",
		},
		"the side effects of the herceptin injection under the skin": {
			"stage-2 body 9", "side-effects title -1", "glossary:trastuzumab glossary -1",
			"glossary:subcutaneous glossary -1", "glossary:phesgo glossary -1", "her2-drugs body 7",
			"hormone-receptors body 20", "metastatic-later body 3", "glossary:hand-foot-syndrome glossary -1",
			"glossary:chemotherapy glossary -1",
		},
	}
	for _, q := range benchQueries {
		want, ok := pinned[q]
		if !ok {
			t.Errorf("%q: no pinned results", q)
			continue
		}
		var got []string
		for _, r := range ix.Search(q, 10) {
			got = append(got, fmt.Sprintf("%s %v %d", id(r), r.Kind, r.Line))
		}
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q, 10):\ngot  %q\nwant %q", q, got, want)
		}
	}
}

// TestSearchReusedMemory checks that queries give the same results whatever
// ran before them and whatever runs beside them: Search reuses its working
// memory from one query to the next.
func TestSearchReusedMemory(t *testing.T) {
	ix := New(loadGuide(t))
	queries := append([]string{"ultra low", "trastuzumab deruxtecan", "tdxd", "stage 4", "nothing like it"}, benchQueries...)
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = fmt.Sprint(New(loadGuide(t)).Search(q, 0))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for round := range 5 {
				for k := range queries {
					i := (k*(w+1) + round) % len(queries)
					if got := fmt.Sprint(ix.Search(queries[i], 0)); got != want[i] {
						t.Errorf("%q after other queries: results differ from a fresh index", queries[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
