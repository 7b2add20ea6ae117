package search

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// wordHit is the first match of a query word in one field: the field's
// global number and the match's byte offset.
type wordHit struct {
	g, pos int32
}

// wordHits are the fields where one query word matches, ascending, for
// the variants that read it the same way: the word, whether it may be the
// start of a longer word, and (for a variant that swapped in a glossary
// name) the terms whose longer names hide it.
type wordHits struct {
	word            string
	prefix, synonym bool
	own             []int
	hits            []wordHit
}

// matcher finds the hits of the variants of one query, and holds the
// memory Search needs for it.
type matcher struct {
	ix *Index
	// set is a set of fields, one bit each.
	set []uint64
	// first[g] is the first word of field g that matches in find, if
	// seen[g] is stamp.
	first []int32
	seen  []uint32
	stamp uint32
	// words[:nwords] are the word lists found for the query so far: each
	// is found once for all the variants that have the word.
	words  []*wordHits
	nwords int
	// pm and ph are the phrase matches and hits of one variant.
	pm []phraseMatch
	ph []phraseHit
	// hits are the hits of all variants, by variant and field; byDoc the
	// same by document (from start[doc] on).
	hits, byDoc []fieldHit
	start       []int
	found       []scored
	scratch
}

// getMatcher returns a matcher for one query. (A sync.Pool of matchers
// halved the time of a query but was dropped: the slowest benchmark query
// takes about 0.64 ms without it, within the 1 ms target.)
func (ix *Index) getMatcher() *matcher {
	n := (len(ix.refs) + 63) / 64
	return &matcher{
		ix:      ix,
		set:     make([]uint64, n),
		first:   make([]int32, len(ix.refs)),
		seen:    make([]uint32, len(ix.refs)),
		start:   make([]int, len(ix.docs)+1),
		scratch: scratch{strong: make([]int32, ix.maxFields)},
	}
}

// collect appends to m.hits, by ascending field, the hits of v in every
// field where it matches: the phrase, or else some of its required words.
// These are the hits testing every field would give: a field where neither
// the phrase nor a required word matches has no hit, and words that are not
// required play no part in scoring.
func (m *matcher) collect(v *variant, vi int32) {
	// One word matches where its phrase does, so a variant of one word
	// needs no word lists (matches inside longer names are skipped alike).
	var (
		lists [maxWords]*wordHits
		bit   [maxWords]uint64
		next  [maxWords]int
		n     int
	)
	if len(v.words) > 1 {
		for w, word := range v.words {
			if v.required&(1<<w) != 0 {
				lists[n], bit[n] = m.find(word, v.prefix[w], v.synonym, v.groups), 1<<w
				n++
			}
		}
	}
	m.phraseHits(v)
	// Fields to visit: where the phrase matches, and where a word does.
	clear(m.set)
	for _, ph := range m.ph {
		m.set[ph.g>>6] |= 1 << (ph.g & 63)
	}
	for _, l := range lists[:n] {
		for _, wh := range l.hits {
			m.set[wh.g>>6] |= 1 << (wh.g & 63)
		}
	}
	p := 0
	for i, b := range m.set {
		for ; b != 0; b &= b - 1 {
			g := i<<6 | bits.TrailingZeros64(b)
			h, ok := fieldHit{pos: -1}, false
			if p < len(m.ph) && int(m.ph[p].g) == g {
				h, ok = m.ph[p].fieldHit, true
				p++
			}
			// Each list's next hit is at g or beyond; move past g.
			for k, l := range lists[:n] {
				if next[k] < len(l.hits) && int(l.hits[next[k]].g) == g {
					if !ok {
						h.words |= bit[k]
						if pos := int(l.hits[next[k]].pos); h.pos < 0 || pos < h.pos {
							h.pos = pos
						}
					}
					next[k]++
				}
			}
			if ok || h.words != 0 {
				ref := m.ix.refs[g]
				h.doc, h.field, h.variant = ref.doc, ref.field, vi
				m.hits = append(m.hits, h)
			}
		}
	}
}

// phraseMatch is a place where a phrase matches: words i to j of field g.
// It is exact when it ends at the end of word j.
type phraseMatch struct {
	g, i, j int32
	exact   bool
}

// phraseHit is how a phrase matched in field g.
type phraseHit struct {
	g int32
	fieldHit
}

// phraseHits sets m.ph to the fields where the phrase of v matches, by
// ascending field. A phrase inside a longer glossary name of another term
// counts as a partial match, or not at all for a variant that swapped in a
// glossary name. In each field, the first match that ends at a word's end
// and is not inside such a name is the hit; else the first match.
func (m *matcher) phraseHits(v *variant) {
	m.phraseMatches(v.phrase, v.phrasePrefix)
	pm, ph := m.pm, m.ph[:0]
	for a := 0; a < len(pm); {
		g := pm[a].g
		b := a + 1
		for b < len(pm) && pm[b].g == g {
			b++
		}
		ref := m.ix.refs[g]
		f := &m.ix.docs[ref.doc].fields[ref.field]
		h := fieldHit{pos: -1}
		for _, x := range pm[a:b] {
			i, j, exact := int(x.i), int(x.j), x.exact
			shadow := exact && shadowed(f.names, i, j, v.groups)
			if shadow && v.synonym {
				continue
			}
			if !h.phrase || (exact && !shadow && (!h.exact || h.shadow)) {
				h.phrase, h.exact, h.shadow, h.pos = true, exact, shadow, f.toks[i].start
				h.whole = i == 0 && j == len(f.toks)-1
			}
			if exact && !shadow {
				break
			}
		}
		if h.phrase {
			h.words = 1<<len(v.words) - 1
			ph = append(ph, phraseHit{g, h})
		}
		a = b
	}
	m.ph = ph
}

// phraseMatches sets m.pm to every place where matchAt(toks, i, c, prefix)
// holds, by field and word. They are looked up, not searched for: c on one
// word is c itself or (if prefix) a longer word that starts with c; c over
// several words starts with a word that is the start of c, followed by
// one that goes on with the rest of c (which matchAt then checks to the
// end).
func (m *matcher) phraseMatches(c string, prefix bool) {
	p := &m.ix.post
	pm := m.pm[:0]
	if w, ok := p.id[c]; ok {
		for _, at := range p.at[w] {
			pm = append(pm, phraseMatch{at.g, at.i, at.i, true})
		}
	}
	if prefix {
		p.longer(c, func(w int32) {
			for _, at := range p.at[w] {
				pm = append(pm, phraseMatch{at.g, at.i, at.i, false})
			}
		})
	}
	for n1 := 1; n1 < len(c); n1++ {
		w1, ok := p.id[c[:n1]]
		if !ok {
			continue
		}
		rest := c[n1:]
		for n2 := 1; n2 <= len(rest); n2++ {
			w2, ok := p.id[rest[:n2]]
			if !ok {
				continue
			}
			for _, at := range p.after(w1, w2) {
				if n2 == len(rest) {
					pm = append(pm, phraseMatch{at.g, at.i, at.i + 1, true})
					continue
				}
				ref := m.ix.refs[at.g]
				toks := m.ix.docs[ref.doc].fields[ref.field].toks
				if j, k, ok := matchAt(toks, int(at.i), c, prefix); ok {
					pm = append(pm, phraseMatch{at.g, at.i, int32(j), k == len(toks[j].text)})
				}
			}
		}
		if prefix {
			p.longer(rest, func(w2 int32) {
				for _, at := range p.after(w1, w2) {
					pm = append(pm, phraseMatch{at.g, at.i, at.i + 1, false})
				}
			})
		}
	}
	slices.SortFunc(pm, func(a, b phraseMatch) int {
		return cmp.Or(cmp.Compare(a.g, b.g), cmp.Compare(a.i, b.i))
	})
	m.pm = pm
}

// find returns the fields where word matches, read as the arguments say,
// computing them the first time they are asked for. The words of the text
// where a match can start are looked up, not searched for: the word
// itself, a longer word that starts with it (if prefix), and a shorter word
// that is its start (the match goes on into the next words, which matchAt
// checks). In each field the first match counts, and for a synonym, matches
// inside a longer glossary name of a term other than own do not count.
func (m *matcher) find(word string, prefix, synonym bool, own []int) *wordHits {
	if !synonym {
		own = nil
	}
	for _, l := range m.words[:m.nwords] {
		if l.word == word && l.prefix == prefix && l.synonym == synonym && slices.Equal(l.own, own) {
			return l
		}
	}
	if m.nwords == len(m.words) {
		m.words = append(m.words, new(wordHits))
	}
	l := m.words[m.nwords]
	m.nwords++
	*l = wordHits{word: word, prefix: prefix, synonym: synonym, own: own, hits: l.hits[:0]}
	if m.stamp == math.MaxUint32 {
		clear(m.seen)
		m.stamp = 0
	}
	m.stamp++
	clear(m.set)
	p := &m.ix.post
	try := func(w int32, check bool) {
		g := int32(-1)
		for _, at := range p.at[w] {
			if at.g == g {
				continue // a match in this field was found already
			}
			if m.seen[at.g] == m.stamp && m.first[at.g] <= at.i {
				continue // an earlier match was found through another word
			}
			ref := m.ix.refs[at.g]
			f := &m.ix.docs[ref.doc].fields[ref.field]
			i, j := int(at.i), int(at.i)
			if check {
				var ok bool
				if j, _, ok = matchAt(f.toks, i, word, prefix); !ok {
					continue
				}
			}
			if synonym && shadowed(f.names, i, j, own) {
				continue
			}
			g = at.g
			m.seen[g], m.first[g] = m.stamp, at.i
			m.set[g>>6] |= 1 << (g & 63)
		}
	}
	for n := 1; n < len(word); n++ {
		if w, ok := p.id[word[:n]]; ok {
			try(w, true)
		}
	}
	if w, ok := p.id[word]; ok {
		try(w, false)
	}
	if prefix {
		p.longer(word, func(w int32) { try(w, false) })
	}
	for i, b := range m.set {
		for ; b != 0; b &= b - 1 {
			g := i<<6 | bits.TrailingZeros64(b)
			ref := m.ix.refs[g]
			pos := m.ix.docs[ref.doc].fields[ref.field].toks[m.first[g]].start
			l.hits = append(l.hits, wordHit{int32(g), int32(pos)})
		}
	}
	return l
}

// groupByDoc fills m.byDoc and m.start with m.hits, keeping their order
// within each document, and returns how many documents have hits.
func (m *matcher) groupByDoc() int {
	start := m.start
	clear(start)
	for _, h := range m.hits {
		start[h.doc+1]++
	}
	ndocs := 0
	for di := range len(start) - 1 {
		if start[di+1] > 0 {
			ndocs++
		}
		start[di+1] += start[di]
	}
	m.byDoc = slices.Grow(m.byDoc[:0], len(m.hits))[:len(m.hits)]
	for _, h := range m.hits {
		// start[doc] moves to the end of the document's hits, then back.
		m.byDoc[start[h.doc]] = h
		start[h.doc]++
	}
	for di := len(start) - 2; di > 0; di-- {
		start[di] = start[di-1]
	}
	start[0] = 0
	return ndocs
}
