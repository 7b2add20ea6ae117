package export

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// en is the English bundle's sheet words: a test's sheet without words
// prints them (see bundled), and the tests look for them.
var en = bundled(guide.SheetWords{})

// enTop and enTopEmpty are the English "My top 3" heading and what it says
// to do with no question marked, with the number put in.
var (
	enTop      = withNumber(en.Top, checklist.MaxTop)
	enTopEmpty = withNumber(en.TopEmpty, checklist.MaxTop)
)

// overlay is a file system with one file replaced.
type overlay struct {
	fs.FS
	name string
	data []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if name == o.name {
		return fstest.MapFS{name: {Data: o.data}}.Open(name)
	}
	return o.FS.Open(name)
}

// TestWordsFromTheBundle: every heading and label on the sheet, in every
// format and on the clinician copy, is the bundle's: a bundle whose
// sheet labels all start "Xx " prints them so, and prints none of the
// English ones.
func TestWordsFromTheBundle(t *testing.T) {
	data, err := fs.ReadFile(content.FS(), "guide.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	inSheet := false
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, " ") {
			inSheet = l == "sheet:"
		} else if key, v, ok := strings.Cut(strings.TrimSpace(l), ": "); inSheet && ok && key != "hand_over" && key != "endorsed" {
			l = fmt.Sprintf("  %s: %q", key, "Xx "+strings.Trim(v, `"`))
		}
		lines = append(lines, l)
	}
	g, err := guide.Load(guide.Source{FS: overlay{content.FS(), "guide.yaml", []byte(strings.Join(lines, "\n"))}, Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	w := g.Meta.Sheet
	if !strings.HasPrefix(w.Top, "Xx ") || !strings.HasPrefix(w.Page, "Xx ") {
		t.Fatalf("the test bundle's words: %+v", w)
	}
	var items []checklist.Item
	for _, gr := range sampleSheet(t).Groups {
		items = append(items, gr.Items...)
	}
	reader := NewSheet(g, items, day(2026, 11, 22), "v1")
	reader.Mine = Cancer{Stage: "Stage 2"}
	empty := NewSheet(g, nil, day(2026, 11, 22), "v1")
	clinician := reader
	clinician.Clinician = true
	situation := clinician
	situation.About = []Fact{{Question: "What stage is your cancer?", Answer: "Stage 2"}}
	long := reader
	for i := range 60 {
		long.Groups = append(long.Groups, checklist.Group{Title: "More", Items: []checklist.Item{{ID: fmt.Sprint(i), Topic: "t", Text: "A long question about treatment and side effects, asked again and again."}}})
	}

	top := withNumber(w.Top, checklist.MaxTop)
	readerWords := []string{w.Title, w.Date, w.Doctor, w.NextVisit, top, w.TopSome, w.AboutCancer, w.Stage, w.HER2, w.ERPR, w.Medicines,
		w.Before, w.TeachBack, w.SpellDrug, w.Phone, w.AfterHours, w.Own, strings.Replace(w.Reviewed, guide.DatePlaceholder, "", 1)}
	for _, f := range Formats {
		for _, tc := range []struct {
			name  string
			s     Sheet
			words []string
		}{
			{"reader", reader, readerWords},
			{"no questions", empty, []string{withNumber(w.TopEmpty, checklist.MaxTop)}},
			{"clinician", clinician, []string{w.ClinicianTitle, w.AboutMe, w.Name, w.Cancer, w.Medicines, top, w.Rest}},
			{"clinician with situation", situation, []string{w.ClinicianTitle, w.Situation, top, w.Rest}},
			{"long", long, []string{strings.NewReplacer(guide.PagePlaceholder, "", guide.PagesPlaceholder, "").Replace(w.Page)}},
		} {
			if tc.name == "long" && f != PDF && f != HTML {
				continue
			}
			out := string(render(t, tc.s, f, A4))
			switch f {
			case PDF:
				out = strings.Join(strings.Fields(pdfText(t, []byte(out))), " ")
			case HTML:
				out = strings.NewReplacer("&#39;", "'", "&amp;", "&").Replace(out)
			}
			if f == Text {
				out = strings.ReplaceAll(out, strings.ToUpper(w.Urgent), w.Urgent)
			}
			for _, want := range tc.words {
				for _, part := range strings.Split(want, "Xx ")[1:] {
					// A label with a placeholder is looked for in pieces.
					if part = strings.TrimSpace(part); !strings.Contains(out, "Xx "+strings.Fields(part)[0]) {
						t.Errorf("%s %s: no %q", f, tc.name, "Xx "+part)
					}
				}
			}
			for _, english := range []string{"My top 3", "About my cancer", "When to call right away", "WHEN TO CALL RIGHT AWAY", "Before I leave", "Questions for my oncologist",
				"My questions: a copy for my care team", "My other questions", "About me", "My situation", "Content reviewed", "Page "} {
				if n, xx := strings.Count(out, english), strings.Count(out, "Xx "+english); n != xx {
					t.Errorf("%s %s: %q printed %d times, from the bundle %d", f, tc.name, english, n, xx)
				}
			}
		}
	}
}

// TestPageCSS: the page number label becomes CSS strings around the
// counters, quoted so that it cannot end the string or the style element.
func TestPageCSS(t *testing.T) {
	for label, want := range map[string]string{
		"Page {page} of {pages}":  `"Page " counter(page) " of " counter(pages)`,
		"{pages}/{page}":          `counter(pages) "/" counter(page)`,
		`Seite "{page}" </style>`: `"Seite \22 " counter(page) "\22  \3c /style\3e "`,
		"":                        `""`,
	} {
		if got := string(pageCSS(label)); got != want {
			t.Errorf("pageCSS(%q) = %s, want %s", label, got, want)
		}
	}
}
