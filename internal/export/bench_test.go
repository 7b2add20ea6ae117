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
func benchSheets(b testing.TB) map[string]Sheet {
	b.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
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

// TestOnePageTryStopsAtPageBreak: a sheet too long for one page is not laid
// out in full for each one-page style it tries (the full checklist used to
// be laid out seven times); a sheet that fits is laid out whole.
func TestOnePageTryStopsAtPageBreak(t *testing.T) {
	sheets := benchSheets(t)
	for _, st := range pdfStyles {
		doc, err := layoutOnePage(sheets["full"], A4, st)
		if err != nil || doc != nil {
			t.Fatalf("full sheet in style %v: doc=%v err=%v, want neither", st, doc != nil, err)
		}
	}
	doc, err := layoutOnePage(sheets["default"], A4, pdfStyles[len(pdfStyles)-1])
	if err != nil || doc == nil || doc.page != 1 {
		t.Fatalf("default sheet: doc=%v err=%v, want one page", doc != nil, err)
	}
	full := benchSheets(t)["full"]
	allocs := testing.AllocsPerRun(3, func() { _, _ = layoutOnePage(full, A4, pdfStyles[0]) })
	paged := testing.AllocsPerRun(3, func() { _, _ = layoutPDF(full, A4, pdfPaged, 0) })
	if allocs*4 > paged {
		t.Errorf("a one-page try of the full sheet costs %.0f allocations, the whole layout %.0f: it did not stop early", allocs, paged)
	}
}
