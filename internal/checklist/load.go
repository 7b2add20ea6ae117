package checklist

import (
	"fmt"
	"strconv"
	"strings"
)

// Load replaces the list with items, as a kept list read back from a file
// gives them: in their order, with their marks. It checks them first, and
// on any problem returns an error and leaves the list as it was: an empty
// id, an id twice, more than MaxTop marked, an own question whose id is not
// "own-<n>", or a question with no text once sanitised. New own questions
// get ids after the highest one loaded, so none is reused.
func (l *List) Load(items []Item) error {
	seen := map[string]bool{}
	next, top := 0, 0
	out := make([]Item, len(items))
	for i, it := range items {
		switch {
		case it.ID == "":
			return fmt.Errorf("question %d has no id", i+1)
		case seen[it.ID]:
			return fmt.Errorf("question %q is on the list twice", it.ID)
		}
		seen[it.ID] = true
		if it.Own {
			n, err := strconv.Atoi(strings.TrimPrefix(it.ID, "own-"))
			if !strings.HasPrefix(it.ID, "own-") || err != nil || n < 1 {
				return fmt.Errorf("own question %q has an id that is not own-<n>", it.ID)
			}
			next = max(next, n)
		}
		if it.Top {
			top++
		}
		it.Text, it.TopicTitle = Sanitize(it.Text), Sanitize(it.TopicTitle)
		if it.Text == "" {
			return fmt.Errorf("question %q has no text", it.ID)
		}
		out[i] = it
	}
	if top > MaxTop {
		return fmt.Errorf("%d questions are marked most important; at most %d can be", top, MaxTop)
	}
	l.items, l.nextOwn = out, max(l.nextOwn, next)
	return nil
}
