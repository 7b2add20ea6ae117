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
// compound, a brand name of a drug with a long generic name, and the
// slowest kinds: a whole question (a page title: many common words, and a
// glossary name with four other names) and a sentence that starts with a
// common word and names a brand (nine readings, each phrase starting with
// "the"); and a frightened question, read also with the words of
// search.yaml.
var benchQueries = []string{
	"herceptin", "trastuzamab", "lung inflammation",
	"h", "ultra low", "enhertu", "pertuzimab",
	"What is the first treatment for metastatic HER2-positive cancer?",
	"the side effects of the herceptin injection under the skin",
	"how long will i live",
}

// BenchmarkSearch runs benchQueries over the bundled guide, as the search
// screen does (10 results).
func BenchmarkSearch(b *testing.B) {
	ix := New(loadGuide(b))
	for _, q := range benchQueries {
		name := q
		if len(name) > 20 {
			name = name[:20]
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q, 10)
			}
		})
	}
}
