// Package search finds pages and glossary entries of the guide from what a
// patient types: case, accents, hyphens and spaces do not matter, common
// misspellings of drug names are corrected, and brand names find the pages
// that use the generic name (and back), through the glossary's aka lists.
// It has no UI code.
package search

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/her2guide/her2guide/internal/guide"
)

// Kind says where a result matched.
type Kind int

// The places a query can match, best first. Glossary hits (term, other
// names, definition) rank with summary hits.
const (
	Title Kind = iota
	Summary
	Body
	Glossary
)

// String returns the kind's lower-case name, as used in JSON output.
func (k Kind) String() string {
	switch k {
	case Title:
		return "title"
	case Summary:
		return "summary"
	case Body:
		return "body"
	case Glossary:
		return "glossary"
	}
	return "unknown"
}

// Result is one page or glossary entry that matches a query.
type Result struct {
	// PageID is the page to open; "" for a glossary hit, which sets TermID.
	PageID string
	TermID string
	// Title is the page title or the glossary term.
	Title string
	// Snippet is the matching line of plain text, trimmed to about
	// SnippetRunes around the match. For a title hit it is the page's summary;
	// for a hit on a glossary name it is the definition.
	Snippet string
	// Line is the index of the matching line in PlainLines(page.Body), so a
	// viewer can open the page at the match; -1 if the hit is not in the body.
	Line  int
	Kind  Kind
	Score float64
}

// SnippetRunes is about how long a snippet is.
const SnippetRunes = 120

// Scores: the match level counts most (exact phrase 3, all words 2, some
// words below 1), then where it matched, then how often.
const (
	levelPhrase   = 3.0
	levelAllWords = 2.0
	levelSpread   = 1.5  // all words, but on different lines of one page
	prefixFactor  = 0.9  // the phrase ends inside a longer word
	wholeName     = 0.3  // the query is exactly a glossary name
	perExtraHit   = 0.01 // each further line with the phrase or all words
	maxExtraHits  = 10
	perReading    = 0.02 // each further reading of the query the document holds all words of
	aboutBonus    = 0.15 // a page whose title or summary holds all words of a reading
)

// kindBonus ranks title hits above summary hits and glossary names, those
// above glossary definitions, and those above body hits. The bonuses are
// smaller than the gap between a match on the query as typed and on a
// synonym, so a page that names "Herceptin" ranks above one that only says
// "trastuzumab" when the query is "herceptin".
var kindBonus = [...]float64{Title: 0.25, Summary: 0.2, Body: 0, Glossary: 0.2}

// definitionBonus replaces kindBonus for a glossary definition: many
// definitions mention a drug in passing, and the pages should come first.
const definitionBonus = 0.1

// field is one searchable piece of text of a document.
type field struct {
	kind Kind
	// line is the body line index, or -1.
	line int
	text string
	toks []token
	// name marks a glossary term or one of its other names; aka the latter.
	name, aka bool
	// names are the runs of toks that are glossary names.
	names []nameSpan
}

// doc is a page or a glossary entry.
type doc struct {
	pageID, termID, title string
	// term is the glossary entry, for Terms; nil for a page.
	term *guide.Term
	// summary (pages) or definition (terms), for snippets of name hits.
	about  string
	fields []field
}

// Index is built once from the guide; it is safe for concurrent reads.
type Index struct {
	docs  []doc
	voc   *vocabulary
	names synonyms
	// post finds where each word of the guide is; refs places a field by
	// its global number.
	post postings
	refs []fieldRef
	// maxFields is the most fields of any document.
	maxFields int
	// terms is the glossary in its order; exact finds entries by the folded
	// form of their id, term and other names (see Terms).
	terms []*guide.Term
	exact map[string][]exactName
	// stop are the engine's stop words and the bundle's; topics the
	// bundle's synonym groups (search.yaml).
	stop   stopSet
	topics *topics
}

// New indexes the guide's pages (title, summary, body) and glossary entries
// (term, other names, definition), with the guide's search words.
func New(g *guide.Guide) *Index {
	ix := &Index{stop: stopWords}
	if len(g.Search.StopWords) > 0 {
		ix.stop = maps.Clone(stopWords)
		for _, w := range g.Search.StopWords {
			for _, f := range queryWords(w) {
				ix.stop[f] = true
			}
		}
	}
	ix.topics = newTopics(g.Search.Synonyms, ix.stop)
	var all [][]token
	newField := func(kind Kind, line int, text string) field {
		f := field{kind: kind, line: line, text: text, toks: tokenize(text)}
		all = append(all, f.toks)
		return f
	}
	for _, p := range g.Pages {
		d := doc{pageID: p.ID, title: p.Title, about: p.Summary}
		d.fields = append(d.fields, newField(Title, -1, p.Title), newField(Summary, -1, p.Summary))
		// The main message and the short points say what the page is
		// about as plainly as its summary does.
		if p.Message != "" {
			d.fields = append(d.fields, newField(Summary, -1, p.Message))
		}
		for _, s := range p.InShort {
			d.fields = append(d.fields, newField(Summary, -1, s))
		}
		for i, l := range PlainLines(p.Body) {
			d.fields = append(d.fields, newField(Body, i, l))
		}
		ix.docs = append(ix.docs, d)
	}
	for _, t := range g.Terms {
		d := doc{termID: t.ID, term: t, title: t.Term, about: t.Definition}
		names := termNames(t.Term)
		ix.addExact(t, names)
		for _, n := range names {
			f := newField(Glossary, -1, n)
			f.name = true
			d.fields = append(d.fields, f)
		}
		for _, a := range t.AKA {
			f := newField(Glossary, -1, a)
			f.name, f.aka = true, true
			d.fields = append(d.fields, f)
		}
		d.fields = append(d.fields, newField(Glossary, -1, t.Definition))
		ix.docs = append(ix.docs, d)
		ix.names.addGroup(append(names, t.AKA...))
	}
	for _, d := range ix.docs {
		ix.maxFields = max(ix.maxFields, len(d.fields))
	}
	var ids []int32
	ix.post, ix.refs, ids = newPostings(ix.docs)
	startsName := make([]bool, len(ix.post.words))
	for w, word := range ix.post.words {
		startsName[w] = ix.names.prefixes[word]
	}
	k := 0
	for di := range ix.docs {
		for fi := range ix.docs[di].fields {
			f := &ix.docs[di].fields[fi]
			n := len(f.toks)
			f.names = ix.names.spans(f.toks, ids[k:k+n], startsName)
			k += n
		}
	}
	ix.voc = newVocabulary(all)
	return ix
}

// termNames splits a glossary term into its name and the name in brackets:
// "IHC (immunohistochemistry)" gives both. A bracket that starts with a stop
// word ("phase (of a clinical trial)") is a note, not a name.
func termNames(term string) []string {
	open, end := strings.IndexByte(term, '('), strings.LastIndexByte(term, ')')
	if open < 0 || end < open {
		return []string{term}
	}
	names := []string{strings.TrimSpace(term[:open] + term[end+1:])}
	inner := strings.TrimSpace(term[open+1 : end])
	if ws := queryWords(inner); len(ws) > 0 && !stopWords[ws[0]] {
		names = append(names, inner)
	}
	return names
}

// variants returns the readings of a query: as typed, with misspelt words
// corrected, with glossary names swapped for their other names, and with a
// patient's phrase swapped for the pages' words (search.yaml).
func (ix *Index) variants(query string) []variant {
	words := queryWords(query)
	if len(words) == 0 {
		return nil
	}
	vs := ix.names.expand(fuzzyVariants(words, ix.voc, ix.stop), ix.stop)
	vs = ix.topics.expand(vs, ix.stop)
	for i := range vs {
		if !vs[i].synonym {
			vs[i].groups = ix.names.byName[vs[i].phrase]
		}
	}
	return vs
}

// fieldHit is how one variant matched one field.
type fieldHit struct {
	doc     int32
	field   int32
	variant int32
	phrase  bool
	exact   bool // the phrase ends at a word's end
	shadow  bool // the phrase is part of a longer glossary name
	whole   bool // the phrase is the whole field
	words   uint64
	pos     int // byte offset of the first match
}

// Search returns the pages and glossary entries that match query, best first;
// ties keep reading order, pages before glossary entries. A limit of 0 or
// less returns every match.
func (ix *Index) Search(query string, limit int) []Result {
	m := ix.getMatcher()
	found := ix.rank(m, query)
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	if len(found) == 0 {
		return nil
	}
	results := make([]Result, len(found))
	for i, r := range found {
		results[i] = r.Result
		results[i].Snippet = r.snippet()
	}
	return results
}

// rank finds every document that matches query, best first, in memory of
// m (valid until m is used again); snippets are not cut yet.
func (ix *Index) rank(m *matcher, query string) []scored {
	vs := ix.variants(query)
	if len(vs) == 0 {
		return nil
	}
	// First pass: what matched where, and in how many documents each word
	// of each variant was found (for weighting rare words above common ones).
	m.hits = m.hits[:0]
	n := float64(len(ix.docs))
	ws := make([]weights, len(vs))
	for vi := range vs {
		v := &vs[vi]
		from := len(m.hits)
		m.collect(v, int32(vi))
		df := make([]int, len(v.words))
		count := func(seen uint64) {
			for w := range v.words {
				if seen&(1<<w) != 0 {
					df[w]++
				}
			}
		}
		lastDoc, seen := int32(-1), uint64(0)
		for _, h := range m.hits[from:] {
			if h.doc != lastDoc {
				count(seen)
				lastDoc, seen = h.doc, 0
			}
			seen |= h.words
		}
		count(seen)
		ws[vi].idf = make([]float64, len(v.words))
		for w, c := range df {
			ws[vi].idf[w] = math.Log(1 + n/float64(1+c))
		}
		for w := range v.words {
			if v.required&(1<<w) != 0 {
				ws[vi].required += ws[vi].idf[w]
			}
		}
	}
	ndocs := m.groupByDoc()
	// Snippets are cut only for the results returned.
	found := slices.Grow(m.found[:0], ndocs)
	m.spread = slices.Grow(m.spread[:0], len(vs))[:len(vs)]
	for di := range ix.docs {
		hs := m.byDoc[m.start[di]:m.start[di+1]]
		if len(hs) == 0 {
			continue
		}
		if r, ok := ix.score(&ix.docs[di], hs, vs, ws, &m.scratch); ok {
			found = append(found, r)
		}
	}
	m.found = found
	slices.SortStableFunc(found, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.tier(), b.tier()), cmp.Compare(b.Score, a.Score))
	})
	// Scores never rise down the list: one below a page that answers
	// scores at most what that page does.
	for i := 1; i < len(found); i++ {
		found[i].Score = min(found[i].Score, found[i-1].Score)
	}
	return found
}

// scored is a result before its snippet is cut: the hit it shows.
type scored struct {
	Result
	doc   *doc
	field *field
	pos   int
	// complete: the document holds every word of a reading of the query;
	// wholeName: the hit shown is a glossary name holding all of them;
	// named: and that reading is the query's own words (not a topic of
	// search.yaml).
	complete, wholeName, named bool
}

// tier orders results before their scores: first the pages that hold every
// word of a reading of the query and the glossary entries the query names,
// then the rest. So a glossary entry that only mentions the words, or that
// a synonym of search.yaml names, never outranks a page that answers the
// question ("how long will i live" opens a page, not everolimus).
func (r *scored) tier() int {
	if r.named || (r.doc.term == nil && r.complete) {
		return 0
	}
	return 1
}

// snippet is the text to show for the hit: the summary or definition for a
// hit on a title or glossary name, else the matching line around the match.
func (r *scored) snippet() string {
	switch f := r.field; {
	case f.kind == Title:
		return trim(r.doc.about, 0)
	case f.aka:
		return trim("Also called "+f.text+". "+r.doc.about, 0)
	case f.name:
		return trim(r.doc.about, 0)
	default:
		return trim(f.text, r.pos)
	}
}

// weights are how much each word of a variant counts: rare words more
// than common ones.
type weights struct {
	idf []float64
	// required is the sum of the required words' idf.
	required float64
}

// level is how well a hit matched, before weights: 3 for the exact phrase,
// 2 for all words, else the share of the words' weight found (below 1).
func level(h fieldHit, v *variant, ws *weights) float64 {
	switch {
	case h.phrase && h.shadow:
		return levelAllWords
	case h.phrase && h.exact:
		return levelPhrase
	case h.phrase:
		return levelPhrase * prefixFactor
	case h.words&v.required == v.required:
		return levelAllWords
	}
	return share(h.words, v, ws)
}

// share is the part of the required words' weight that the mask holds, below 1.
func share(mask uint64, v *variant, ws *weights) float64 {
	if ws.required == 0 {
		return 0
	}
	var got float64
	for w := range v.words {
		if v.required&(1<<w) != 0 && mask&(1<<w) != 0 {
			got += ws.idf[w]
		}
	}
	return 0.99 * got / ws.required
}

// scratch is memory that score reuses from one document to the next.
type scratch struct {
	// strong[f] is the number of the document (from 1) where field f last
	// had the phrase or all words.
	strong []int32
	// spread are the words of each variant found in the document.
	spread []uint64
}

// score ranks one document from its hits.
func (ix *Index) score(d *doc, hs []fieldHit, vs []variant, ws []weights, sc *scratch) (scored, bool) {
	best, bestScore := -1, 0.0
	strong := 0 // fields with the phrase or all words
	about := 0.0
	stamp := hs[0].doc + 1
	spread := sc.spread
	clear(spread)
	for i, h := range hs {
		v := &vs[h.variant]
		lv := level(h, v, &ws[h.variant])
		if lv >= levelAllWords && sc.strong[h.field] != stamp {
			sc.strong[h.field] = stamp
			strong++
		}
		spread[h.variant] |= h.words
		if lv <= 0 {
			continue
		}
		f := &d.fields[h.field]
		if d.term == nil && f.kind <= Summary && lv >= levelAllWords {
			about = max(about, aboutBonus*v.weight)
		}
		bonus := kindBonus[f.kind]
		if f.kind == Glossary && !f.name {
			bonus = definitionBonus
		}
		s := lv*v.weight + bonus
		if h.whole && h.exact {
			s += wholeName
		}
		if best < 0 || s > bestScore || (s == bestScore && h.field < hs[best].field) {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return scored{}, false
	}
	// All the words in one page or entry, if not on one line, beat some of them.
	complete, readings := false, 0
	for vi, v := range vs {
		if spread[vi]&v.required == v.required {
			bestScore = max(bestScore, levelSpread*v.weight)
			complete = true
			readings++
		}
	}
	bestScore += perExtraHit * float64(min(max(strong-1, 0), maxExtraHits))
	bestScore += perReading*float64(min(max(readings-1, 0), maxExtraHits)) + about

	h := hs[best]
	f := &d.fields[h.field]
	r := Result{PageID: d.pageID, TermID: d.termID, Title: d.title, Kind: f.kind, Line: f.line, Score: bestScore}
	whole := f.name && level(h, &vs[h.variant], &ws[h.variant]) >= levelAllWords
	named := whole && !vs[h.variant].topic
	return scored{Result: r, doc: d, field: f, pos: h.pos, complete: complete, wholeName: whole, named: named}, true
}

// matchAt reports whether the compact string c matches the words of toks
// from toks[i] on, joined: "ultralow" matches "ultra-low", "tdxd" matches
// "T-DXd". The match ends in toks[j] after k of its bytes; unless prefix,
// it must end at the end of a word.
func matchAt(toks []token, i int, c string, prefix bool) (j, k int, ok bool) {
	if toks[i].text[0] != c[0] {
		return 0, 0, false
	}
	rest := c
	for j = i; j < len(toks); j++ {
		t := toks[j].text
		if len(rest) <= len(t) {
			if t[:len(rest)] != rest || (len(rest) < len(t) && !prefix) {
				return 0, 0, false
			}
			return j, len(rest), true
		}
		if !strings.HasPrefix(rest, t) {
			return 0, 0, false
		}
		rest = rest[len(t):]
	}
	return 0, 0, false
}
