package guide

import (
	"sort"
	"strings"
)

// Closest returns up to n of the known ids nearest to id by edit distance,
// nearest first, leaving out any too far away to be a likely typo. An id that
// contains the query, or is contained in it, counts as near.
func Closest(id string, known []string, n int) []string {
	id = strings.ToLower(id)
	type cand struct {
		id   string
		dist int
	}
	var cands []cand
	for _, k := range known {
		d := distance(id, k)
		if strings.Contains(k, id) || strings.Contains(id, k) {
			d = min(d, 1)
		}
		limit := max(2, len(id)/3)
		if d <= limit {
			cands = append(cands, cand{k, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].id < cands[j].id
	})
	out := make([]string, 0, n)
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].id)
	}
	return out
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
