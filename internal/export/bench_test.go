package export

import (
	"io"
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// benchSheets are the sheets people print from the bundled guide: the
// default one (the essential questions of the "questions" page, as
// `her2guide questions` makes it) and the full checklist (every page's
// questions, as with --all).
func benchSheets(b *testing.B) map[string]Sheet {
	b.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: "content"}, guide.DefaultRules(time.Time{}))
	if err != nil {
		b.Fatal(err)
	}
	date := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	def, ok := g.Page("questions")
	if !ok {
		b.Fatal("no questions page")
	}
	var all []checklist.Item
	for _, p := range g.Pages {
		all = append(all, checklist.Suggested(p)...)
	}
	return map[string]Sheet{
		"default": NewSheet(g, checklist.Suggested(def), date, "bench"),
		"full":    NewSheet(g, all, date, "bench"),
	}
}

// BenchmarkWrite writes the default and the full sheet in every format on
// A4, the work behind saving or printing from the guide and the CLI.
func BenchmarkWrite(b *testing.B) {
	sheets := benchSheets(b)
	for _, name := range []string{"default", "full"} {
		for _, f := range Formats {
			b.Run(name+"/"+string(f), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := Write(io.Discard, sheets[name], f, A4); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
