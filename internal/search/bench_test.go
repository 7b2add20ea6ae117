package search

import "testing"

// BenchmarkNew indexes the bundled guide.
func BenchmarkNew(b *testing.B) {
	g := loadGuide(b)
	b.ReportAllocs()
	for b.Loop() {
		New(g)
	}
}

// benchQueries are typical queries: a brand name (synonyms), misspellings
// (fuzzy), a two-word phrase, one letter (as the first key is typed), a split
// compound and a brand name of a drug with a long generic name.
var benchQueries = []string{
	"herceptin", "trastuzamab", "lung inflammation",
	"h", "ultra low", "enhertu", "pertuzimab",
}

// BenchmarkSearch runs benchQueries over the bundled guide, as the search
// screen does (10 results).
func BenchmarkSearch(b *testing.B) {
	ix := New(loadGuide(b))
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q, 10)
			}
		})
	}
}
