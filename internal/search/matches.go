package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matches returns every match of query in text as byte ranges [start, end),
// sorted and not overlapping, using the same folding as Search: case,
// accents, hyphens and spaces do not matter, and words of 5 letters or more
// may be misspelt (against the words of text). When the whole query is
// found as a phrase, only the phrase is marked; otherwise each word is.
//
// Matches knows nothing of the glossary: to mark "trastuzumab" for the query
// "herceptin", use Index.Matches.
func Matches(query, text string) [][2]int {
	toks := tokenize(text)
	words := queryWords(query)
	if len(words) == 0 || len(toks) == 0 {
		return nil
	}
	return matches(fuzzyVariants(words, newVocabulary([][]token{toks}), stopWords), toks)
}

// Matches is like the package's Matches, but also marks the other names of
// glossary terms in the query, and corrects misspellings against the whole
// guide: what a viewer should highlight on a page opened from Search.
func (ix *Index) Matches(query, text string) [][2]int {
	toks := tokenize(text)
	vs := ix.variants(query)
	if len(vs) == 0 || len(toks) == 0 {
		return nil
	}
	return matches(vs, toks)
}

// matches marks the phrases of the variants in toks or, if there are none,
// their required words.
func matches(vs []variant, toks []token) [][2]int {
	var out [][2]int
	for _, v := range vs {
		out = appendMatches(out, toks, v.phrase, v.phrasePrefix)
	}
	if len(out) == 0 {
		for _, v := range vs {
			for w, word := range v.words {
				if v.required&(1<<w) != 0 {
					out = appendMatches(out, toks, word, v.prefix[w])
				}
			}
		}
	}
	return merge(out)
}

// appendMatches adds every match of the compact string c in toks.
func appendMatches(out [][2]int, toks []token, c string, prefix bool) [][2]int {
	for i := range toks {
		if j, k, ok := matchAt(toks, i, c, prefix); ok {
			out = append(out, [2]int{toks[i].start, toks[j].origEnd(k)})
		}
	}
	return out
}

// merge sorts ranges and joins the ones that overlap or touch.
func merge(rs [][2]int) [][2]int {
	if len(rs) == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i][0] != rs[j][0] {
			return rs[i][0] < rs[j][0]
		}
		return rs[i][1] > rs[j][1]
	})
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r[0] <= last[1] {
			last[1] = max(last[1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// trim shortens s to about SnippetRunes runes around byte offset pos,
// cutting at spaces and marking cuts with "…".
func trim(s string, pos int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= SnippetRunes {
		return s
	}
	pos = max(0, min(pos, len(s)))
	at := utf8.RuneCountInString(s[:pos])
	rs := []rune(s)
	start := max(0, at-SnippetRunes/3)
	end := min(len(rs), start+SnippetRunes)
	start = max(0, end-SnippetRunes)
	if start > 0 {
		// Begin at the next word, unless that would skip the match.
		for i := start; i < at && i < start+20; i++ {
			if unicode.IsSpace(rs[i]) {
				start = i + 1
				break
			}
		}
	}
	if end < len(rs) {
		for i := end; i > at && i > end-20; i-- {
			if unicode.IsSpace(rs[i]) {
				end = i
				break
			}
		}
	}
	out := strings.TrimSpace(string(rs[start:end]))
	if start > 0 {
		out = "…" + out
	}
	if end < len(rs) {
		out += "…"
	}
	return out
}
