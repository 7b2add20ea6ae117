package guide_test

import (
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
)

// BenchmarkLoad is loading and checking the bundled content, which the
// guide does once before its first frame.
func BenchmarkLoad(b *testing.B) {
	src := guide.Source{FS: content.FS(), Name: content.Name}
	rules := guide.DefaultRules(time.Time{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := guide.Load(src, rules); err != nil {
			b.Fatal(err)
		}
	}
}
