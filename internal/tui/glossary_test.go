package tui

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/search"
)

func TestGlossaryFilterAndOpen(t *testing.T) {
	m := press(t, newModel(t, 80, 24), "w")
	if !is[*wordsScreen](m) || !strings.Contains(screen(m), "HER2") {
		t.Fatalf("w did not open the word list:\n%s", screen(m))
	}
	// Letters are typed into the filter, even q and j.
	m = typeText(t, m, "zzq")
	if !is[*wordsScreen](m) || !strings.Contains(screen(m), "No words match") {
		t.Fatalf("filter zzq: %T\n%s", m.top(), screen(m))
	}
	for i := 0; i < 3; i++ {
		m = press(t, m, "backspace")
	}
	m = typeText(t, m, "PROT")
	if !strings.Contains(screen(m), "1. HER2") || !strings.Contains(screen(m), "A protein.") {
		t.Fatalf("filter PROT does not show HER2 and its definition:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if !is[*menuScreen](m) || !strings.Contains(screen(m), "What is alpha?") {
		t.Fatalf("enter on HER2: %T\n%s", m.top(), screen(m))
	}
	m = press(t, m, "enter")
	if p := onPage(t, m); p.id != "alpha" {
		t.Fatalf("enter on a page using the term: page %q", p.id)
	}
	m = press(t, m, "esc", "esc")
	if !is[*wordsScreen](m) {
		t.Errorf("back twice from the page: %T, want the word list", m.top())
	}
	m = press(t, m, "esc")
	if len(m.stack) != 1 {
		t.Errorf("esc from the word list: %T", m.top())
	}
}

// TestWordListFindsMisspeltNames: the word list uses the same lookup as
// search, so a name written another way (case, hyphens) finds its entry.
func TestWordListFindsMisspeltNames(t *testing.T) {
	m := typeText(t, press(t, newModel(t, 80, 24), "w"), "Her-2")
	if !strings.Contains(screen(m), "1. HER2") {
		t.Errorf("Her-2 in the word list:\n%s", screen(m))
	}
}

// TestWordListAToZ: the word list is A–Z, and a filter lists name matches
// before meaning matches.
func TestWordListAToZ(t *testing.T) {
	m := newModel(t, 80, 24)
	z := &guide.Term{ID: "zeta", Term: "zeta", Definition: "Not HER2 at all."}
	a := &guide.Term{ID: "alpha-word", Term: "Alpha", Definition: "A word."}
	m.ctx.Guide.Terms = append([]*guide.Term{z}, append(m.ctx.Guide.Terms, a)...)
	items := glossaryItems(m.ctx, "")
	var got []string
	for _, it := range items {
		got = append(got, it.Title)
	}
	if strings.Join(got, ",") != "Alpha,HER2,zeta" {
		t.Errorf("word list order %v, want A–Z", got)
	}
	m.ctx.Index = search.New(m.ctx.Guide)
	items = glossaryItems(m.ctx, "her2")
	if len(items) < 2 || items[0].Title != "HER2" || items[1].Title != "zeta" {
		t.Errorf("filter her2: %v, want HER2 (its name) before zeta (its meaning)", items)
	}
}
