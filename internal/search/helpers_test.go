package search

import (
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
)

// loadGuide loads the bundled content, as the program does.
func loadGuide(tb testing.TB) *guide.Guide {
	tb.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
