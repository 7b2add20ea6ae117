package search

import (
	"slices"
	"strings"

	"github.com/her2guide/her2guide/internal/guide"
)

// topics are the bundle's synonym groups (search.yaml): the phrases a
// patient types ("swollen arm", "how long will i live") and the words the
// pages use for the same thing ("lymphedema", "outlook").
type topics struct {
	// groups[i] are the phrases the pages use (find) of one group, as
	// query words, stop words kept: they are looked for as written
	// ("lose my hair").
	groups [][][]string
	// byKey maps the words of each phrase a group asks (without stop
	// words), joined by spaces, to its groups.
	byKey map[string][]int
	// longest is the most words in any phrase; starts holds the first
	// word of each asked phrase, so most words are passed over at once.
	longest int
	starts  map[string]bool
}

// newTopics folds the groups of search.yaml into query words. Stop words
// are left out of the asked phrases, so that "can I have a baby" asks
// "baby"; the phrases to find keep them ("lose my hair").
func newTopics(groups []guide.Synonyms, stop stopSet) *topics {
	t := &topics{byKey: map[string][]int{}, starts: map[string]bool{}}
	for _, g := range groups {
		id := len(t.groups)
		var find [][]string
		for _, p := range g.Find {
			if ws := queryWords(p); len(ws) > 0 {
				find = append(find, ws)
			}
		}
		t.groups = append(t.groups, find)
		for _, p := range g.Ask {
			ws := contentWords(queryWords(p), stop)
			key := strings.Join(ws, " ")
			if key == "" || slices.Contains(t.byKey[key], id) {
				continue
			}
			t.byKey[key] = append(t.byKey[key], id)
			t.longest = max(t.longest, len(ws))
			t.starts[ws[0]] = true
		}
	}
	return t
}

// contentWords returns words without the stop words.
func contentWords(words []string, stop stopSet) []string {
	var out []string
	for _, w := range words {
		if !stop[w] {
			out = append(out, w)
		}
	}
	return out
}

// expand adds, for each reading, the readings with a phrase a group asks
// swapped for each phrase the group finds. Asked phrases are found longest
// first, left to right, among the reading's words without its stop words
// (which the new reading leaves out). At most maxTopics readings are added.
func (t *topics) expand(vs []variant, stop stopSet) []variant {
	if t == nil || len(t.groups) == 0 {
		return vs
	}
	seen := map[string]bool{}
	for _, v := range vs {
		seen[strings.Join(v.words, " ")] = true
	}
	out, added := vs, 0
	for _, v := range vs {
		words := contentWords(v.words, stop)
		for i := 0; i < len(words); {
			l, groups := t.find(words[i:])
			if l == 0 {
				i++
				continue
			}
			for _, g := range groups {
				for _, p := range t.groups[g] {
					if added == maxTopics {
						return out
					}
					if slices.Equal(contentWords(p, stop), words[i:i+l]) {
						continue
					}
					ws := append(append(append([]string(nil), words[:i]...), p...), words[i+l:]...)
					if len(ws) > maxWords {
						continue
					}
					if key := strings.Join(ws, " "); !seen[key] {
						seen[key] = true
						nv := newVariant(ws, v.weight*weightTopic, stop)
						nv.topic = true
						out = append(out, nv)
						added++
					}
				}
			}
			i += l
		}
	}
	return out
}

// find returns how many of words, from the first, make up the longest
// phrase of a group, and the groups that have it.
func (t *topics) find(words []string) (int, []int) {
	if !t.starts[words[0]] {
		return 0, nil
	}
	for l := min(len(words), t.longest); l > 0; l-- {
		if g, ok := t.byKey[strings.Join(words[:l], " ")]; ok {
			return l, g
		}
	}
	return 0, nil
}
