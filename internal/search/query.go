package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/her2guide/her2guide/internal/fuzzy"
)

// Weights of the ways a query is read. The query as typed is worth 1.
const (
	weightFuzzy   = 0.85 // a word corrected to a close word of the guide
	weightSynonym = 0.9  // a glossary name swapped for another name of the same term
	weightTopic   = 0.85 // a patient's phrase swapped for the pages' words (search.yaml)
	maxTopics     = 24   // readings with a topic swapped in, beyond maxVariants
	maxVariants   = 32
	maxWords      = 16
)

// variant is one reading of a query: its words, folded and compacted
// ("T-DXd" is one word, "tdxd"), and what a match on it is worth.
type variant struct {
	words  []string
	phrase string
	weight float64
	// required marks the words that count for "all words": not stop words,
	// unless the query has nothing else.
	required uint64
	// prefix marks the words that may match the start of a longer word;
	// phrasePrefix is the same for the phrase (its last word).
	prefix       []bool
	phrasePrefix bool
	// synonym is set when the variant swapped in another glossary name;
	// topic when it swapped a phrase of search.yaml for another of its
	// group (a reading of what the query means, not a name it holds).
	synonym, topic bool
	// groups are the glossary terms the whole phrase names, if any.
	groups []int
}

// stopSet is a set of stop words: they are left out of the "all words" and
// "some words" tests, and still count in an exact phrase.
type stopSet map[string]bool

// stopWords are the engine's own stop words; a bundle adds its own
// (search.yaml), see Index.stop.
var stopWords = stopSet{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true,
	"to": true, "in": true, "on": true, "for": true, "with": true, "is": true,
	"are": true, "be": true, "what": true, "how": true, "why": true, "when": true,
	"does": true, "do": true, "i": true, "my": true, "me": true, "can": true,
	"it": true, "this": true, "that": true, "about": true, "if": true, "at": true,
	"by": true, "from": true, "as": true, "will": true, "should": true,
	"which": true, "who": true, "there": true, "mean": true, "means": true,
}

// queryWords splits a query on white space and folds each word to its
// compact form; words that are only punctuation are dropped.
func queryWords(query string) []string {
	var words []string
	for _, f := range strings.Fields(query) {
		if w := fold(f); w != "" {
			words = append(words, w)
		}
		if len(words) == maxWords {
			break
		}
	}
	return words
}

// newVariant builds a variant from words; stop words are not required.
func newVariant(words []string, weight float64, stop stopSet) variant {
	v := variant{words: words, phrase: strings.Join(words, ""), weight: weight}
	v.prefix = make([]bool, len(words))
	for i, w := range words {
		if !stop[w] {
			v.required |= 1 << i
		}
		v.prefix[i] = prefixOK(w)
	}
	v.phrasePrefix = v.prefix[len(words)-1]
	if v.required == 0 {
		v.required = 1<<len(words) - 1
	}
	return v
}

// prefixOK reports whether a word may match the start of a longer word of
// the text (so "ultra" finds "ultralow"): only from 3 letters.
func prefixOK(w string) bool {
	return utf8.RuneCountInString(w) >= 3
}

// vocabulary is what a query's words are corrected against.
type vocabulary struct {
	// words are the distinct words of the text, sorted; runes[i] is how
	// many runes words[i] has.
	words []string
	runes []int
	// known holds every word and every pair of neighbouring words joined
	// ("her2positive"), so that a query word found that way is not "corrected".
	known map[string]bool
}

// newVocabulary collects the words of some tokenised texts.
func newVocabulary(texts [][]token) *vocabulary {
	v := &vocabulary{known: map[string]bool{}}
	for _, toks := range texts {
		for i, t := range toks {
			if !v.known[t.text] {
				v.known[t.text] = true
				v.words = append(v.words, t.text)
			}
			if i+1 < len(toks) {
				v.known[t.text+toks[i+1].text] = true
			}
		}
	}
	sort.Strings(v.words)
	v.runes = make([]int, len(v.words))
	for i, w := range v.words {
		v.runes[i] = utf8.RuneCountInString(w)
	}
	return v
}

// has reports whether w is a word of the text, two joined words, or (from 3
// letters) the start of a word.
func (v *vocabulary) has(w string) bool {
	if v.known[w] {
		return true
	}
	if !prefixOK(w) {
		return false
	}
	i := sort.SearchStrings(v.words, w)
	return i < len(v.words) && strings.HasPrefix(v.words[i], w)
}

// corrections returns the words of the text closest to an unknown word,
// within maxEdits, at most 3; none if w is known or too short.
func (v *vocabulary) corrections(w string) []string {
	limit := maxEdits(w)
	if limit == 0 || v.has(w) {
		return nil
	}
	best := limit + 1
	var out []string
	var buf fuzzy.Buffer
	rw := []rune(w)
	for i, c := range v.words {
		// A word whose length differs by more than the edits allowed is
		// too far, as fuzzy.Distance would find.
		if d := v.runes[i] - len(rw); d > min(limit, best) || -d > min(limit, best) {
			continue
		}
		d := buf.Distance(rw, c, min(limit, best))
		switch {
		case d < best:
			best, out = d, append(out[:0], c)
		case d == best && d <= limit && len(out) < 3:
			out = append(out, c)
		}
	}
	if best > limit {
		return nil
	}
	return out
}

// fuzzyVariants returns the readings of words with unknown words replaced by
// their corrections, the query as typed first.
func fuzzyVariants(words []string, voc *vocabulary, stop stopSet) []variant {
	out := []variant{newVariant(words, 1, stop)}
	if voc == nil {
		return out
	}
	for i, w := range words {
		cs := voc.corrections(w)
		if len(cs) == 0 {
			continue
		}
		n := len(out)
		for _, base := range out[:n] {
			for _, c := range cs {
				if len(out) >= maxVariants/2 {
					break
				}
				ws := append([]string(nil), base.words...)
				ws[i] = c
				out = append(out, newVariant(ws, weightFuzzy, stop))
			}
		}
	}
	return out
}

// synonyms holds the glossary's names, grouped by term: a term's name, the
// part of it in brackets, and its aka list.
type synonyms struct {
	// groups[i] are the names of one term, as query words.
	groups [][][]string
	// byName maps a compact name to the groups that have it.
	byName map[string][]int
	// longest is the most words in any name.
	longest int
	// prefixes holds every start of a compact name, the name included.
	prefixes map[string]bool
}

// addGroup adds the names of one term.
func (s *synonyms) addGroup(names []string) {
	if s.byName == nil {
		s.byName, s.prefixes = map[string][]int{}, map[string]bool{}
	}
	id := len(s.groups)
	var group [][]string
	seen := map[string]bool{}
	for _, n := range names {
		ws := queryWords(n)
		c := strings.Join(ws, "")
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		group = append(group, ws)
		s.byName[c] = append(s.byName[c], id)
		for l := 1; l <= len(c); l++ {
			s.prefixes[c[:l]] = true
		}
		s.longest = max(s.longest, len(ws))
	}
	s.groups = append(s.groups, group)
}

// expand adds, for each variant, the readings with a glossary name in it
// swapped for each other name of the same term ("herceptin" for
// "trastuzumab", and back). Names are found longest first, left to right.
func (s *synonyms) expand(vs []variant, stop stopSet) []variant {
	if s == nil || len(s.groups) == 0 {
		return vs
	}
	seen := map[string]bool{}
	for _, v := range vs {
		seen[strings.Join(v.words, " ")] = true
	}
	out := vs
	for _, v := range vs {
		for i := 0; i < len(v.words); {
			l, groups := s.find(v.words[i:])
			if l == 0 {
				i++
				continue
			}
			c := strings.Join(v.words[i:i+l], "")
			for _, g := range groups {
				for _, name := range s.groups[g] {
					if strings.Join(name, "") == c || len(out) >= maxVariants {
						continue
					}
					ws := append(append(append([]string(nil), v.words[:i]...), name...), v.words[i+l:]...)
					if len(ws) > maxWords {
						continue
					}
					if key := strings.Join(ws, " "); !seen[key] {
						seen[key] = true
						nv := newVariant(ws, v.weight*weightSynonym, stop)
						nv.synonym, nv.groups = true, []int{g}
						out = append(out, nv)
					}
				}
			}
			i += l
		}
	}
	return out
}

// find returns how many of words, from the first, make up the longest
// glossary name, and the groups that have it.
func (s *synonyms) find(words []string) (int, []int) {
	for l := min(len(words), s.longest); l > 0; l-- {
		if g, ok := s.byName[strings.Join(words[:l], "")]; ok {
			return l, g
		}
	}
	return 0, nil
}

// nameSpan is a run of words of a text, toks[a..b], that joined make a
// glossary name, and the terms that have the name.
type nameSpan struct {
	a, b   int
	groups []int
}

// spans returns every run of toks that is a glossary name, found at index
// build so that shadowed need not join words for each query. startsName
// tells whether toks[a] is the start of a name, from its word number
// ids[a] (saving a look-up of each word of the guide).
func (s *synonyms) spans(toks []token, ids []int32, startsName []bool) []nameSpan {
	var out []nameSpan
	var buf [64]byte
	for a := range toks {
		if !startsName[ids[a]] {
			continue
		}
		joined := append(buf[:0], toks[a].text...)
		for b := a; s.prefixes[string(joined)]; {
			if gs := s.byName[string(joined)]; len(gs) > 0 {
				out = append(out, nameSpan{a, b, gs})
			}
			if b++; b == len(toks) {
				break
			}
			joined = append(joined, toks[b].text...)
		}
	}
	return out
}

// shadowed reports whether the words toks[i..j] of a text whose glossary
// names are spans are part of a longer glossary name of another term than
// own: "trastuzumab" in "trastuzumab deruxtecan" or "ado-trastuzumab
// emtansine" is not the drug trastuzumab. The longer name may start up to
// two words before i and end up to three words after j.
//
// Only a phrase that is itself a glossary name can be shadowed: "ultra low"
// is not hidden by "HER2-ultralow".
func shadowed(spans []nameSpan, i, j int, own []int) bool {
	if len(own) == 0 {
		return false
	}
	for _, sp := range spans {
		if sp.a < i-2 || sp.a > i || sp.b < j || sp.b > j+3 || (sp.a == i && sp.b == j) {
			continue
		}
		for _, g := range sp.groups {
			if !slices.Contains(own, g) {
				return true
			}
		}
	}
	return false
}
