// Package fuzzy measures how far apart two words are: the one edit distance
// behind search's typo tolerance, the glossary lookup and every "did you
// mean" suggestion. It is pure and imports nothing of the guide.
package fuzzy

import "unicode/utf8"

// Distance is the optimal string alignment distance between a and b (edits:
// insert, delete, replace, swap two neighbours), or max+1 if it is above
// max. It allocates; loops over many words use a [Buffer].
func Distance(a, b string, max int) int {
	var buf Buffer
	return buf.Distance([]rune(a), b, max)
}

// Buffer computes distances without allocating once its rows have grown to
// the longest word seen. The zero value is ready to use; a Buffer is not
// safe for concurrent use.
type Buffer struct {
	rb                []rune
	prev2, prev, curr []int
}

// Distance is like the package's [Distance], with a already decoded.
func (e *Buffer) Distance(ra []rune, b string, max int) int {
	if d := len(ra) - utf8.RuneCountInString(b); d > max || -d > max {
		return max + 1
	}
	rb := e.rb[:0]
	for _, r := range b {
		rb = append(rb, r)
	}
	e.rb = rb
	n := len(rb) + 1
	if cap(e.prev) < n {
		e.prev2, e.prev, e.curr = make([]int, n), make([]int, n), make([]int, n)
	}
	// Three rows: two back (for swaps), previous, current.
	prev2, prev, cur := e.prev2[:n], e.prev[:n], e.curr[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(rb)]; d <= max {
		return d
	}
	return max + 1
}
