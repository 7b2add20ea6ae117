package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/her2guide/her2guide/internal/guide"
)

// id names a result as the tests write it: the page id, or "glossary:" and
// the term id.
func id(r Result) string {
	if r.PageID != "" {
		return r.PageID
	}
	return "glossary:" + r.TermID
}

func ids(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = id(r)
	}
	return out
}

// TestSearchBundled runs the queries patients type against the real content.
func TestSearchBundled(t *testing.T) {
	ix := New(loadGuide(t))
	cases := []struct {
		query string
		// first must rank first, if set; top3 must all be in the top 3.
		first string
		top3  []string
	}{
		{"herceptin", "glossary:trastuzumab", []string{"her2-drugs"}},
		{"Herceptin", "glossary:trastuzumab", []string{"her2-drugs"}},
		// The pages that explain T-DXd tie; reading order decides.
		{"enhertu", "glossary:trastuzumab-deruxtecan", nil},
		{"enhurtu", "glossary:trastuzumab-deruxtecan", nil},
		{"tdxd", "glossary:trastuzumab-deruxtecan", nil},
		{"t-dxd", "glossary:trastuzumab-deruxtecan", nil},
		{"T DXd", "glossary:trastuzumab-deruxtecan", nil},
		{"trastuzumab deruxtecan", "glossary:trastuzumab-deruxtecan", []string{"lung-ild"}},
		{"ultra low", "her2-categories", []string{"glossary:her2-ultralow"}},
		{"ultralow", "her2-categories", []string{"glossary:her2-ultralow"}},
		{"HER2 ultralow", "", []string{"her2-categories", "glossary:her2-ultralow"}},
		{"her2-ultra-low", "", []string{"her2-categories", "glossary:her2-ultralow"}},
		{"trastuzamab", "glossary:trastuzumab", nil},
		{"trastuzumab", "glossary:trastuzumab", nil},
		{"pertuzumab", "glossary:pertuzumab", []string{"metastatic-first"}},
		{"pertuzamab", "glossary:pertuzumab", []string{"metastatic-first"}},
		{"perjeta", "glossary:pertuzumab", []string{"her2-drugs"}},
		{"kadcyla", "glossary:trastuzumab-emtansine", []string{"metastatic-second"}},
		{"tukysa", "glossary:tucatinib", nil},
		{"tucatnib", "glossary:tucatinib", nil},
		{"phesgo", "glossary:phesgo", []string{"her2-drugs"}},
		{"lung inflammation", "lung-ild", nil},
		{"ild", "glossary:ild", []string{"lung-ild"}},
		{"résistance", "glossary:resistance", []string{"resistance"}},
		{"RESISTANCE", "glossary:resistance", []string{"resistance"}},
		{"heart", "heart", nil},
		{"stage 2", "stage-2", nil},
		{"stage 4", "glossary:metastatic", []string{"metastatic"}},
		{"brain mets", "glossary:brain-metastases", []string{"brain-metastases"}},
		{"diarrhoea", "glossary:diarrhea", []string{"side-effects"}},
		{"pregnant", "", []string{"pregnancy-fertility"}},
		{"clinical trial", "", []string{"clinical-trials"}},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			got := ids(ix.Search(tc.query, 3))
			if len(got) == 0 {
				t.Fatal("no results")
			}
			if tc.first != "" && got[0] != tc.first {
				t.Errorf("first = %s, want %s; top 3: %v", got[0], tc.first, got)
			}
			for _, w := range tc.top3 {
				if !slices.Contains(got, w) {
					t.Errorf("%s not in top 3: %v", w, got)
				}
			}
		})
	}
}

// TestSearchBrandIsNotAnotherDrug checks that "herceptin" (trastuzumab) does
// not rank pages about trastuzumab deruxtecan above pages that name
// Herceptin, though "trastuzumab" is in the other drug's name.
func TestSearchBrandIsNotAnotherDrug(t *testing.T) {
	ix := New(loadGuide(t))
	rs := ix.Search("herceptin", 0)
	for _, r := range rs {
		if r.TermID == "trastuzumab-deruxtecan" || r.TermID == "trastuzumab-emtansine" {
			if r.Kind == Glossary && strings.HasPrefix(strings.ToLower(r.Snippet), "also called") {
				t.Errorf("%s matched by name: %+v", r.TermID, r)
			}
		}
	}
	pos := map[string]int{}
	for i, r := range rs {
		pos[id(r)] = i
	}
	if pos["her2-drugs"] > pos["lung-ild"] {
		t.Errorf("lung-ild (trastuzumab deruxtecan) ranks above her2-drugs (Herceptin): %v", ids(rs[:10]))
	}
}

// TestSearchBundledResults checks the shape of results on real content:
// snippets are plain text of bounded length, body hits point at the line
// that matched, and the same query always gives the same order.
func TestSearchBundledResults(t *testing.T) {
	g := loadGuide(t)
	ix := New(g)
	lines := map[string][]string{}
	for _, p := range g.Pages {
		lines[p.ID] = PlainLines(p.Body)
	}
	for _, q := range []string{"herceptin", "lung inflammation", "ultra low", "heart scan", "what is ild", "tdxd"} {
		rs := ix.Search(q, 0)
		if len(rs) == 0 {
			t.Errorf("%q: no results", q)
			continue
		}
		for i, r := range rs {
			if n := len([]rune(r.Snippet)); n == 0 || n > SnippetRunes+2 {
				t.Errorf("%q: %s: snippet of %d runes: %q", q, id(r), n, r.Snippet)
			}
			if strings.ContainsAny(r.Snippet, "*`#|[") && !strings.Contains(r.Snippet, " | ") {
				t.Errorf("%q: %s: snippet has Markdown: %q", q, id(r), r.Snippet)
			}
			if i > 0 && r.Score > rs[i-1].Score {
				t.Errorf("%q: results out of order at %d", q, i)
			}
			switch {
			case r.Kind == Body:
				ls := lines[r.PageID]
				if r.Line < 0 || r.Line >= len(ls) {
					t.Errorf("%q: %s: line %d of %d", q, id(r), r.Line, len(ls))
				} else if len(Matches(q, ls[r.Line])) == 0 && len(ix.Matches(q, ls[r.Line])) == 0 {
					t.Errorf("%q: %s: line %d does not match: %q", q, id(r), r.Line, ls[r.Line])
				}
			case r.Line != -1:
				t.Errorf("%q: %s: %v hit with line %d", q, id(r), r.Kind, r.Line)
			}
			if (r.PageID == "") == (r.TermID == "") {
				t.Errorf("%q: result names both or neither a page and a term: %+v", q, r)
			}
		}
		if again := ix.Search(q, 0); !slices.Equal(ids(again), ids(rs)) {
			t.Errorf("%q: order changed between runs", q)
		}
	}
}

// fixture is a small guide for ranking tests. Pages are in reading order.
func fixture() *guide.Guide {
	page := func(id, title, summary, body string) *guide.Page {
		return &guide.Page{ID: id, Title: title, Summary: summary, Body: body}
	}
	return &guide.Guide{
		Pages: []*guide.Page{
			page("some", "Page one", "First.", "Only the word blue is here."),
			page("spread", "Page two", "Second.", "A whale swam.\n\nIt was blue."),
			page("all", "Page three", "Third.", "The whale was blue and big."),
			page("phrase", "Page four", "Fourth.", "# Heading\n\nWe saw a **blue whale** today."),
			page("kiwi-body", "Page five", "Fifth.", "A kiwi is a fruit."),
			page("kiwi-title", "What is a kiwi?", "Sixth.", "It is green inside."),
			page("mango-a", "Page seven", "Seventh.", "Mango season."),
			page("mango-b", "Page eight", "Eighth.", "Mango season."),
			page("vyloy", "Page nine", "Ninth.", "- Vyloy is given by drip.\n- Zolbetuximab-clzb is its full name."),
			page("table", "Page ten", "Tenth.", "| Test | Result |\n| --- | --- |\n| IHC | 3+ *positive* |\n"),
		},
		Terms: []*guide.Term{
			{ID: "zolbetuximab", Term: "zolbetuximab", AKA: []string{"Vyloy"}, Definition: "An antibody drug."},
			{ID: "ihc", Term: "IHC (immunohistochemistry)", Definition: "A stain test."},
		},
	}
}

func TestSearchRanking(t *testing.T) {
	ix := New(fixture())
	cases := []struct {
		query string
		want  []string // the whole result list, in order
	}{
		// Exact phrase, then all words on one line, then all words on one
		// page, then some words.
		{"blue whale", []string{"phrase", "all", "spread", "some"}},
		// A title hit beats a body hit that comes first in reading order.
		{"kiwi", []string{"kiwi-title", "kiwi-body"}},
		// Ties keep reading order.
		{"mango", []string{"mango-a", "mango-b"}},
		{"MANGO SEASON", []string{"mango-a", "mango-b"}},
		// A brand name finds its glossary entry, then pages naming it.
		{"vyloy", []string{"glossary:zolbetuximab", "vyloy"}},
		// The generic finds the same, the glossary first.
		{"zolbetuximab", []string{"glossary:zolbetuximab", "vyloy"}},
		// A misspelt long word is corrected.
		{"zolbetuximub", []string{"glossary:zolbetuximab", "vyloy"}},
		// The name in brackets is a name too.
		{"immunohistochemistry", []string{"glossary:ihc", "table"}},
		{"nothing like it", nil},
		{"", nil},
		{"  --  ", nil},
	}
	for _, tc := range cases {
		if got := ids(ix.Search(tc.query, 0)); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
		}
	}
	if got := ix.Search("blue", 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d results", len(got))
	}
}

func TestSearchResultFields(t *testing.T) {
	ix := New(fixture())
	rs := ix.Search("blue whale", 1)
	want := Result{PageID: "phrase", Title: "Page four", Snippet: "We saw a blue whale today.", Line: 1, Kind: Body}
	if len(rs) != 1 {
		t.Fatalf("got %d results", len(rs))
	}
	got := rs[0]
	got.Score = 0
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	rs = ix.Search("kiwi", 1)
	if r := rs[0]; r.Kind != Title || r.Line != -1 || r.Snippet != "Sixth." {
		t.Errorf("title hit: %+v", r)
	}
	rs = ix.Search("vyloy", 1)
	if r := rs[0]; r.Kind != Glossary || r.PageID != "" || r.TermID != "zolbetuximab" || r.Title != "zolbetuximab" || r.Snippet != "Also called Vyloy. An antibody drug." {
		t.Errorf("glossary hit: %+v", r)
	}
	rs = ix.Search("positive", 1)
	if r := rs[0]; r.PageID != "table" || r.Snippet != "IHC | 3+ positive" || r.Line != 1 {
		t.Errorf("table hit: %+v", r)
	}
}

func TestSearchConcurrent(t *testing.T) {
	ix := New(fixture())
	want := fmt.Sprint(ix.Search("blue whale", 0))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := fmt.Sprint(ix.Search("blue whale", 0)); got != want {
					t.Errorf("concurrent search gave %s", got)
					return
				}
			}
		})
	}
	wg.Wait()
}
