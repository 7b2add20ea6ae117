package search

import (
	"slices"
	"sort"
	"strings"
)

// fieldRef names one field of the index: Index.refs maps a field's global
// number (fields counted in document order) to its document and place.
type fieldRef struct {
	doc, field int32
}

// postings is an inverted index from the words of the text to the fields
// that hold them and to where they are in each, so that a query looks only
// at the fields and words that can match instead of at every word of the
// guide.
type postings struct {
	// words are the distinct words of the text, sorted.
	words []string
	// id maps a word to its place in words.
	id map[string]int32
	// fields[i] are the global numbers of the fields that hold words[i],
	// ascending and without repeats.
	fields [][]int32
	// at[i] are the places of words[i], by ascending field and word.
	at [][]wordPos
}

// wordPos is a word of the text: the field's global number and the word's
// index in the field's toks.
type wordPos struct {
	g, i int32
}

// newPostings indexes the fields of docs by their words. It also returns
// the number in p.words of each word of each field, fields in order.
func newPostings(docs []doc) (p postings, refs []fieldRef, ids []int32) {
	p.id = map[string]int32{}
	ntoks := 0
	for di := range docs {
		for _, f := range docs[di].fields {
			ntoks += len(f.toks)
		}
	}
	ids = make([]int32, 0, ntoks)
	// Number the words as they come, then in sorted order.
	for di := range docs {
		for fi, f := range docs[di].fields {
			refs = append(refs, fieldRef{int32(di), int32(fi)})
			for _, t := range f.toks {
				w, ok := p.id[t.text]
				if !ok {
					w = int32(len(p.words))
					p.id[t.text] = w
					p.words = append(p.words, t.text)
				}
				ids = append(ids, w)
			}
		}
	}
	order := make([]int32, len(p.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(p.words[a], p.words[b]) })
	renumber := make([]int32, len(p.words))
	words := make([]string, len(p.words))
	for i, w := range order {
		renumber[w] = int32(i)
		words[i] = p.words[w]
		p.id[words[i]] = int32(i)
	}
	p.words = words
	for k, w := range ids {
		ids[k] = renumber[w]
	}
	// Count first, so that all the lists share two arrays.
	nat := make([]int32, len(p.words))
	nfields := make([]int32, len(p.words))
	last := make([]int32, len(p.words))
	for i := range last {
		last[i] = -1
	}
	k := 0
	for g, ref := range refs {
		for range docs[ref.doc].fields[ref.field].toks {
			w := ids[k]
			k++
			nat[w]++
			if last[w] != int32(g) {
				last[w] = int32(g)
				nfields[w]++
			}
		}
	}
	p.at, p.fields = make([][]wordPos, len(p.words)), make([][]int32, len(p.words))
	atBuf, fieldBuf := make([]wordPos, 0, len(ids)), make([]int32, 0, len(ids))
	for w := range p.words {
		p.at[w] = atBuf[len(atBuf) : len(atBuf) : len(atBuf)+int(nat[w])]
		atBuf = atBuf[:len(atBuf)+int(nat[w])]
		p.fields[w] = fieldBuf[len(fieldBuf) : len(fieldBuf) : len(fieldBuf)+int(nfields[w])]
		fieldBuf = fieldBuf[:len(fieldBuf)+int(nfields[w])]
	}
	k = 0
	for g, ref := range refs {
		for i := range docs[ref.doc].fields[ref.field].toks {
			w := ids[k]
			k++
			p.at[w] = append(p.at[w], wordPos{int32(g), int32(i)})
			if l := p.fields[w]; len(l) == 0 || l[len(l)-1] != int32(g) {
				p.fields[w] = append(l, int32(g))
			}
		}
	}
	return p, refs, ids
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
