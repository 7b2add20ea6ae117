package search

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// fieldRef names one field of the index: Index.refs maps a field's global
// number (fields counted in document order) to its document and place.
type fieldRef struct {
	doc, field int32
}

// postings is an inverted index from the words of the text to where they
// are, so that a query looks only at the places where its words are
// instead of at every word of the guide.
type postings struct {
	// words are the distinct words of the text, sorted.
	words []string
	// id maps a word to its place in words.
	id map[string]int32
	// at[w] are the places of words[w], by ascending field and word.
	at [][]wordPos
	// pairs[w] are the places of words[w] that another word of the same
	// field follows, by the next word's number, then field and word.
	// (The last word of each field has no pair: capacities are counts of
	// places.)
	pairs [][]wordPair
}

// wordPos is a word of the text: the field's global number and the word's
// index in the field's toks.
type wordPos struct {
	g, i int32
}

// wordPair is a place of a word and the number of the word after it.
type wordPair struct {
	next int32
	wordPos
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
	// Number the words as they come, then in sorted order.
	ids = make([]int32, 0, ntoks)
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
	for _, w := range ids {
		nat[w]++
	}
	p.at, p.pairs = make([][]wordPos, len(p.words)), make([][]wordPair, len(p.words))
	atBuf, pairBuf := make([]wordPos, 0, len(ids)), make([]wordPair, 0, len(ids))
	for w, n := range nat {
		p.at[w] = atBuf[len(atBuf) : len(atBuf) : len(atBuf)+int(n)]
		atBuf = atBuf[:len(atBuf)+int(n)]
		p.pairs[w] = pairBuf[len(pairBuf) : len(pairBuf) : len(pairBuf)+int(n)]
		pairBuf = pairBuf[:len(pairBuf)+int(n)]
	}
	// Places in order of field and word; then the place before each place,
	// in order of the next word (its word), field and word.
	start := make([]int, len(refs)+1) // of each field's words in ids
	for g, ref := range refs {
		n := len(docs[ref.doc].fields[ref.field].toks)
		start[g+1] = start[g] + n
		for i := range n {
			w := ids[start[g]+i]
			p.at[w] = append(p.at[w], wordPos{int32(g), int32(i)})
		}
	}
	for next, at := range p.at {
		for _, a := range at {
			if a.i > 0 {
				w := ids[start[a.g]+int(a.i)-1]
				p.pairs[w] = append(p.pairs[w], wordPair{int32(next), wordPos{a.g, a.i - 1}})
			}
		}
	}
	return p, refs, ids
}

// after returns the places of word w that word next follows.
func (p *postings) after(w, next int32) []wordPair {
	l := p.pairs[w]
	byNext := func(e wordPair, t int32) int { return cmp.Compare(e.next, t) }
	lo, _ := slices.BinarySearchFunc(l, next, byNext)
	hi, _ := slices.BinarySearchFunc(l[lo:], next+1, byNext)
	return l[lo : lo+hi]
}

// longer calls fn with the number of each word longer than c that starts
// with c.
func (p *postings) longer(c string, fn func(w int32)) {
	for w := sort.SearchStrings(p.words, c); w < len(p.words) && strings.HasPrefix(p.words[w], c); w++ {
		if len(p.words[w]) > len(c) {
			fn(int32(w))
		}
	}
}
