package search

import (
	"fmt"
	"sync"
	"testing"
)

// TestSearchOneLetter checks that one letter, as the first key is typed,
// finds nothing rather than every word that starts with it.
func TestSearchOneLetter(t *testing.T) {
	if rs := New(loadGuide(t)).Search("h", 10); len(rs) != 0 {
		t.Errorf("Search(\"h\") = %v, want nothing", ids(rs))
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
