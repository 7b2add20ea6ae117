package content_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/readability"
)

func load(t *testing.T) *guide.Guide {
	t.Helper()
	return loadBundle(t, guide.Source{FS: content.FS(), Name: content.Name})
}

func loadBundle(t *testing.T, src guide.Source) *guide.Guide {
	t.Helper()
	g, err := guide.Load(src, guide.DefaultRules(time.Now()))
	var ps guide.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			t.Error(p.String())
		}
		t.FailNow()
	} else if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestBundledContentIsValid runs the same checks as `her2guide check` on
// every language's bundle (not --due: whether a review has fallen due
// depends on the day).
func TestBundledContentIsValid(t *testing.T) {
	for _, lang := range content.Languages() {
		t.Run(lang, func(t *testing.T) {
			b, err := content.Bundle(lang)
			if err != nil {
				t.Fatal(err)
			}
			g := loadBundle(t, guide.Source{FS: b, Name: content.Path(lang)})
			if len(g.Pages) < 6 {
				t.Errorf("only %d pages", len(g.Pages))
			}
		})
	}
}

// TestBundles: English is bundled and is what FS returns, an unknown or
// malformed language is an error, and the names messages give the bundled
// files are paths that exist in the repository.
func TestBundles(t *testing.T) {
	langs := content.Languages()
	if !contains(langs, content.English) {
		t.Fatalf("Languages() = %v, want it to include %q", langs, content.English)
	}
	if content.Name != content.Path(content.English) || content.Name != "content/en" {
		t.Errorf("Name %q, Path(English) %q, want both \"content/en\"", content.Name, content.Path(content.English))
	}
	for _, bad := range []string{"", "xx", ".", "..", "en/pages", "../content"} {
		if _, err := content.Bundle(bad); err == nil {
			t.Errorf("Bundle(%q): no error", bad)
		}
	}
	en, err := content.Bundle(content.English)
	if err != nil {
		t.Fatal(err)
	}
	want, err := fs.ReadFile(en, "guide.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := fs.ReadFile(content.FS(), "guide.yaml"); err != nil || !bytes.Equal(got, want) {
		t.Errorf("FS() guide.yaml differs from Bundle(%q): %v", content.English, err)
	}
	g := load(t)
	for _, f := range []string{g.Pages[0].File, g.Safety[0].File} {
		// The test runs in content/; the names are relative to the repository.
		if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(f))); err != nil {
			t.Errorf("messages name %q, which is not a file in the repository: %v", f, err)
		}
	}
}

// Reading level limits (Flesch–Kincaid grade): every page at most
// maxGrade, and the median page at most maxMedianGrade.
const (
	maxGrade       = 8.0
	maxMedianGrade = 6.0
)

// TestReadingLevel fails any page whose prose is above grade 8 or a median
// above grade 6, and reports every page's Flesch–Kincaid and SMOG grades
// and word count, with the medians.
func TestReadingLevel(t *testing.T) {
	g := load(t)
	var grades, smogs []float64
	var report strings.Builder
	for _, p := range g.Pages {
		s := readability.Page(p.Body)
		grades = append(grades, s.Grade)
		smogs = append(smogs, s.SMOG)
		fmt.Fprintf(&report, "%-22s grade %4.1f  SMOG %4.1f  %4d words\n", p.ID, s.Grade, s.SMOG, s.Words)
		if s.Grade > maxGrade {
			t.Errorf("%s: reading grade %.1f is above %.0f; use shorter sentences and plainer words", p.File, s.Grade, maxGrade)
		}
	}
	m := median(grades)
	if m > maxMedianGrade {
		t.Errorf("median reading grade %.1f is above %.0f", m, maxMedianGrade)
	}
	t.Logf("reading grade by page:\n%smedian grade %.1f, median SMOG %.1f over %d pages", report.String(), m, median(smogs), len(grades))
}

func median(xs []float64) float64 {
	xs = append([]float64(nil), xs...)
	sort.Float64s(xs)
	if len(xs)%2 == 0 {
		return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	return xs[len(xs)/2]
}

// TestSafetyRulesBundled: the bundled rule table has every rule the content
// standard names, and every page that needs a rule carries it (the loader
// fails otherwise; this shows which pages trigger which rules).
func TestSafetyRulesBundled(t *testing.T) {
	g := load(t)
	var ids []string
	for _, r := range g.Safety {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, " "); got != "fever lung heart diarrhea emergency distress" {
		t.Errorf("safety rules %q", got)
	}
	for _, p := range g.Pages {
		t.Logf("%-22s %s", p.ID, strings.Join(p.Safety, " "))
	}
}

// knownErrors are statements from the seed documents that CONTENT.md lists as
// wrong or out of date; none may appear in a page.
var knownErrors = []string{
	"15-23%", "15–23%", "15%-23%",
	"gastric",
	"same as someone who has a her2-negative",
	"outcomes are now the same",
	"everolimus has shown promising",
}

func TestNoKnownErrors(t *testing.T) {
	g := load(t)
	for _, p := range g.Pages {
		body := strings.ToLower(p.Body)
		for _, bad := range knownErrors {
			if strings.Contains(body, strings.ToLower(bad)) {
				t.Errorf("%s repeats a known error: %q", p.File, bad)
			}
		}
	}
}

// TestQuestionsFitOnALine keeps checklist questions printable on one line.
func TestQuestionsFitOnALine(t *testing.T) {
	g := load(t)
	for _, p := range g.Pages {
		for _, q := range p.Questions {
			if !strings.HasSuffix(q, "?") {
				t.Errorf("%s: question does not end in '?': %q", p.File, q)
			}
			if n := len([]rune(q)); n > 100 {
				t.Errorf("%s: question is %d characters, keep it under 100: %q", p.File, n, q)
			}
		}
	}
}

// TestEverySituationGivesAPath answers the "My situation" form in every
// way it can be answered (formPaths: the questions it asks given the
// answers before, "I don't know" included), and checks each path is
// non-empty and made of real pages and questions.
func TestEverySituationGivesAPath(t *testing.T) {
	g := load(t)
	if len(g.Paths.Situation) == 0 {
		t.Fatal("no situation questions")
	}
	count := 0
	formPaths(g, func(answers map[string]string) {
		count++
		pages, refs := g.SituationPath(answers)
		if len(pages) == 0 || len(refs) == 0 {
			t.Errorf("answers %v give %d pages and %d questions", answers, len(pages), len(refs))
		}
		for _, ref := range refs {
			if q, ok := g.Question(ref); !ok || q.ID != ref || q.Page == nil {
				t.Errorf("answers %v: bad question %q", answers, ref)
			}
		}
	})
	// "I don't know" to everything still leads to how-to-find-out pages.
	answers := map[string]string{}
	for _, q := range g.Paths.Situation {
		answers[q.ID] = guide.Unsure
	}
	pages, _ := g.SituationPath(answers)
	if !contains(pages, "visit-prep") || !contains(pages, "her2-testing") {
		t.Errorf("all unsure gives %v, want the pages on finding out (visit-prep, her2-testing)", pages)
	}
	t.Logf("%d answer combinations checked", count)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestEachSafetyRuleFailsABrokenPage: for every bundled rule, a page that
// names the rule's first trigger without its line fails the check at that
// line, and the same page with {{call ID}} passes.
func TestEachSafetyRuleFailsABrokenPage(t *testing.T) {
	g := load(t)
	base := guide.Source{FS: content.FS(), Name: content.Name}
	page := func(body string) fstest.MapFS {
		return fstest.MapFS{"extra.md": {Data: []byte("---\nid: extra\ntitle: Extra?\nsummary: A test page.\nsection: " +
			g.Sections[0].ID + "\norder: 999\nreviewed: 2026-11-30\nnext_review: 2027-05-30\nsources: [\"A. J Test 2026.\", \"B. NEJM 2025.\"]\n" +
			"questions: [\"One?\", \"Two?\", \"Three?\"]\n---\n\n" + body)}}
	}
	for _, r := range g.Safety {
		body := "You may be given " + r.Triggers[0] + " soon.\n"
		_, err := guide.LoadWithExtra(base, &guide.Source{FS: page(body), Name: "extra"}, guide.DefaultRules(time.Now()))
		want := fmt.Sprintf("extra/extra.md:13: mentions %q but lacks the safety line %q", r.Triggers[0], r.ID)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want a problem starting %q", r.ID, err, want)
		}
		var all []string // a trigger may name more than one rule
		for _, o := range g.Safety {
			all = append(all, o.ID)
		}
		fixed := body + "\n{{call " + strings.Join(all, ", ") + "}}\n"
		if _, err := guide.LoadWithExtra(base, &guide.Source{FS: page(fixed), Name: "extra"}, guide.DefaultRules(time.Now())); err != nil {
			t.Errorf("%s: with {{call}}: %v", r.ID, err)
		}
	}
}
