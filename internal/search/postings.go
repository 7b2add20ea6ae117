package search

import (
	"sort"
	"strings"
)

// fieldRef names one field of the index: Index.refs maps a field's global
// number (fields counted in document order) to its document and place.
type fieldRef struct {
	doc, field int32
}

// postings is an inverted index from the words of the text to the fields
// that hold them, so that a query looks only at the fields that can match
// instead of at every word of the guide.
type postings struct {
	// words are the distinct words of the text, sorted.
	words []string
	// id maps a word to its place in words.
	id map[string]int32
	// fields[i] are the global numbers of the fields that hold words[i],
	// ascending and without repeats.
	fields [][]int32
}

// newPostings indexes the fields of docs by their words.
func newPostings(docs []doc) (postings, []fieldRef) {
	p := postings{id: map[string]int32{}}
	for di := range docs {
		for _, f := range docs[di].fields {
			for _, t := range f.toks {
				if _, ok := p.id[t.text]; !ok {
					p.id[t.text] = 0
					p.words = append(p.words, t.text)
				}
			}
		}
	}
	sort.Strings(p.words)
	for i, w := range p.words {
		p.id[w] = int32(i)
	}
	p.fields = make([][]int32, len(p.words))
	var refs []fieldRef
	for di := range docs {
		for fi := range docs[di].fields {
			g := int32(len(refs))
			refs = append(refs, fieldRef{int32(di), int32(fi)})
			for _, t := range docs[di].fields[fi].toks {
				w := p.id[t.text]
				if l := p.fields[w]; len(l) == 0 || l[len(l)-1] != g {
					p.fields[w] = append(l, g)
				}
			}
		}
	}
	return p, refs
}

// mark sets in set the fields where matchAt(toks, i, c, prefix) can hold
// for some word toks[i]: those with a word that is c, or the start of c (the
// match goes on into the next words), or, if prefix, a longer word that
// starts with c. It may mark more fields than match, never fewer.
func (p *postings) mark(set []uint64, c string, prefix bool) {
	for l := 1; l <= len(c); l++ {
		if w, ok := p.id[c[:l]]; ok {
			p.markWord(set, w)
		}
	}
	if !prefix {
		return
	}
	for i := sort.SearchStrings(p.words, c); i < len(p.words) && strings.HasPrefix(p.words[i], c); i++ {
		if len(p.words[i]) > len(c) {
			p.markWord(set, int32(i))
		}
	}
}

// markWord sets in set the fields that hold word number w.
func (p *postings) markWord(set []uint64, w int32) {
	for _, g := range p.fields[w] {
		set[g>>6] |= 1 << (g & 63)
	}
}

// candidates marks in set (cleared first) the fields where variant v can
// match: its phrase, or one of its required words. A field with neither
// gives no hit in matchField.
func (p *postings) candidates(set []uint64, v *variant) {
	clear(set)
	p.mark(set, v.phrase, v.phrasePrefix)
	for w, word := range v.words {
		if v.required&(1<<w) != 0 {
			p.mark(set, word, v.prefix[w])
		}
	}
}
