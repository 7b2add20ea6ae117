package search

import (
	"slices"
	"strings"

	"github.com/her2guide/her2guide/internal/guide"
)

// TermMatch is a glossary entry that Terms found, and how.
type TermMatch struct {
	Term *guide.Term
	// Exact is true when the query is the entry's id, term or one of its
	// other names, folded: case, accents, hyphens and spaces do not matter
	// ("tdxd" is "T-DXd").
	Exact bool
	// Name is true when a name holds the whole query (exactly, with a typo,
	// as the start of a word or through another name of the same thing);
	// false when the definition, or name and definition together, do.
	Name bool
}

// exactName is a glossary entry under one folded name; rank orders entries
// that share it (0 first): the id or term as written, another name as
// written, then the same only after folding.
type exactName struct {
	term *guide.Term
	rank int
}

// addExact records t under the folded form of its id, term, the names in
// the term and its other names.
func (ix *Index) addExact(t *guide.Term, names []string) {
	if ix.exact == nil {
		ix.exact = map[string][]exactName{}
	}
	ix.terms = append(ix.terms, t)
	add := func(name string, rank int) {
		key := fold(name)
		if key == "" || slices.ContainsFunc(ix.exact[key], func(e exactName) bool { return e.term == t }) {
			return
		}
		ix.exact[key] = append(ix.exact[key], exactName{t, rank})
	}
	add(t.ID, 0)
	add(t.Term, 0)
	for _, n := range names {
		add(n, 0)
	}
	for _, a := range t.AKA {
		add(a, 1)
	}
}

// Terms is the one glossary lookup, so a word that search finds is found in
// the word list too. The CLI (her2guide glossary TERM) and --plain's word
// list use it; the TUI's word list (internal/tui glossaryItems, which still
// filters with its own strings.Contains) must use it too. It returns the
// entries that match query, each once: first those the query names exactly
// (as written before folded, an entry's own name before another entry's
// other name), then the glossary hits of Search that hold every word of
// the query, best first: names (with typo tolerance and synonyms) before
// definitions. A query with no words matches every entry, in glossary
// order.
func (ix *Index) Terms(query string) []TermMatch {
	key := fold(query)
	if key == "" {
		out := make([]TermMatch, len(ix.terms))
		for i, t := range ix.terms {
			out[i] = TermMatch{Term: t}
		}
		return out
	}
	var out []TermMatch
	low := strings.ToLower(strings.TrimSpace(query))
	exact := slices.Clone(ix.exact[key])
	// As written (FindTerm's rule) before only after folding.
	for i := range exact {
		if !writtenAs(exact[i].term, low) {
			exact[i].rank += 2
		}
	}
	slices.SortStableFunc(exact, func(a, b exactName) int { return a.rank - b.rank })
	for _, e := range exact {
		out = append(out, TermMatch{Term: e.term, Exact: true, Name: true})
	}
	m := ix.getMatcher()
	found := ix.rank(m, query)
	var defs []TermMatch
	for i := range found {
		r := &found[i]
		t := r.doc.term
		if t == nil || !r.complete || slices.ContainsFunc(out, func(tm TermMatch) bool { return tm.Term == t }) {
			continue
		}
		if r.wholeName {
			out = append(out, TermMatch{Term: t, Name: true})
		} else {
			defs = append(defs, TermMatch{Term: t})
		}
	}
	return append(out, defs...)
}

// writtenAs reports whether low is t's id, term or another name, ignoring
// case only.
func writtenAs(t *guide.Term, low string) bool {
	if t.ID == low || strings.ToLower(t.Term) == low {
		return true
	}
	for _, a := range t.AKA {
		if strings.ToLower(a) == low {
			return true
		}
	}
	return false
}
