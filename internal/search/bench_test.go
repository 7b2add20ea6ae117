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

// BenchmarkSearch runs three typical queries over the bundled guide: a brand
// name (synonyms), a misspelling (fuzzy) and a two-word phrase.
func BenchmarkSearch(b *testing.B) {
	ix := New(loadGuide(b))
	for _, q := range []string{"herceptin", "trastuzamab", "lung inflammation"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q, 10)
			}
		})
	}
}
