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
			"glossary:trastuzumab glossary -1",
			"her2-drugs body 7",
			"after-surgery body 9",
			"heart body 3",
			"stage-2 body 0",
			"stage-1 body 0",
			"metastatic-later body 3",
			"pregnancy-fertility body 2",
			"stage-3 body 3",
			"metastatic-first body 0",
		},
		"trastuzamab": {
			"glossary:trastuzumab glossary -1",
			"glossary:phesgo glossary -1",
			"glossary:trastuzumab-emtansine glossary -1",
			"glossary:trastuzumab-deruxtecan glossary -1",
			"her2-categories body 18",
			"after-surgery body 9",
			"her2-drugs body 7",
			"heart body 3",
			"side-effects body 3",
			"glossary:docetaxel glossary -1",
		},
		"lung inflammation": {
			"lung-ild title -1",
			"her2-categories body 28",
			"stage-2 body 32",
			"stage-3 body 22",
			"after-surgery body 18",
			"metastatic-first body 18",
			"metastatic-second body 8",
			"brain-metastases body 22",
			"resistance-next body 18",
			"glossary:ild glossary -1",
		},
		"h": nil,
		"ultra low": {
			"her2-categories title -1",
			"glossary:her2-ultralow glossary -1",
			"glossary:her2-zero glossary -1",
			"glossary:trastuzumab-deruxtecan glossary -1",
			"her2-testing body 12",
			"her2-drugs body 15",
			"about body 26",
			"heart body 27",
			"glossary:echocardiogram glossary -1",
			"glossary:core-biopsy glossary -1",
		},
		"enhertu": {
			"glossary:trastuzumab-deruxtecan glossary -1",
			"her2-categories body 0",
			"metastatic-second body 0",
			"lung-ild body 0",
			"metastatic-first body 0",
			"resistance-why body 22",
			"side-effects body 13",
			"stage-2 body 27",
			"stage-3 body 13",
			"recurrence body 21",
		},
		"pertuzimab": {
			"glossary:pertuzumab glossary -1",
			"metastatic-first summary -1",
			"glossary:phesgo glossary -1",
			"glossary:docetaxel glossary -1",
			"glossary:carboplatin glossary -1",
			"glossary:biosimilar glossary -1",
			"her2-drugs body 9",
			"stage-2 body 0",
			"about body 27",
			"stage-1 body 13",
		},
		"What is the first treatment for metastatic HER2-positive cancer?": {
			"metastatic-first title -1",
			"glossary:maintenance-therapy glossary -1",
			"metastatic title -1",
			"recurrence body 17",
			"brain-metastases body 0",
			"her2-positive body 20",
			"hormone-receptors body 36",
			"stage-1 summary -1",
			"stage-2 summary -1",
			"stage-3 summary -1",
		},
		"the side effects of the herceptin injection under the skin": {
			"stage-2 body 33",
			"her2-drugs body 7",
			"side-effects title -1",
			"glossary:trastuzumab glossary -1",
			"glossary:subcutaneous glossary -1",
			"about body 30",
			"glossary:phesgo glossary -1",
			"metastatic-later body 3",
			"hormone-receptors body 30",
			"glossary:hand-foot-syndrome glossary -1",
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
// ran before them and whatever runs beside them on the same index (it once
// reused its working memory from one query to the next).
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
