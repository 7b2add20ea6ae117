package guide

import (
	"sort"
	"strings"

	"github.com/her2guide/her2guide/internal/fuzzy"
)

// Closest returns up to n of the known ids nearest to id by edit distance
// ([fuzzy.Distance], where two neighbours swapped is one edit), nearest
// first, leaving out any too far away to be a likely typo. An id that
// contains the query, or is contained in it, counts as near.
func Closest(id string, known []string, n int) []string {
	id = strings.ToLower(id)
	type cand struct {
		id   string
		dist int
	}
	var cands []cand
	limit := max(2, len(id)/3)
	for _, k := range known {
		d := fuzzy.Distance(id, k, limit)
		if strings.Contains(k, id) || strings.Contains(id, k) {
			d = min(d, 1)
		}
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
