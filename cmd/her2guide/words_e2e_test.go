package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/e2e"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/search"
)

// wordListOrder is the word list's promise for a filter, read from the
// bundled glossary through the search index: names the filter matches
// exactly, then other names, then meanings, A–Z within each.
func wordListOrder(t *testing.T, g *guide.Guide, filter string) []*guide.Term {
	t.Helper()
	type hit struct {
		t    *guide.Term
		rank int
	}
	var hits []hit
	for _, m := range search.New(g).Terms(filter) {
		r := 2
		switch {
		case m.Exact:
			r = 0
		case m.Name:
			r = 1
		}
		hits = append(hits, hit{m.Term, r})
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(strings.ToLower(a.t.Term), strings.ToLower(b.t.Term))
	})
	out := make([]*guide.Term, len(hits))
	for i, h := range hits {
		out[i] = h.t
	}
	return out
}

// rowTitle is the title on the screen's list row n ("  3. Title" or
// "› 3. Title"), or "".
func rowTitle(screen string, n int) string {
	num := strconv.Itoa(n) + ". "
	for _, line := range strings.Split(screen, "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "› ")
		if rest, ok := strings.CutPrefix(line, num); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// words is s with every run of spaces and line breaks made one space, so
// text wrapped over lines can be found whole.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestWordListArrowsInTmux: in a real terminal, the arrow keys move the
// selection in the word list while its filter has the keys, and enter opens
// the entry selected, not the first (issue 21).
func TestWordListArrowsInTmux(t *testing.T) {
	t.Parallel()
	e2e.NeedTool(t, "tmux")
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	const filter = "heart"
	want := wordListOrder(t, g, filter)
	if len(want) < 3 || want[0].Term == want[2].Term {
		t.Fatalf("the glossary has fewer than 3 distinct entries for %q: pick another filter", filter)
	}

	tm := e2e.StartTmux(t, 100, 30, binary(t))
	tm.WaitFor("My situation (private)")
	tm.Send("w")
	tm.WaitFor("Find a word:")
	// Typed a letter at a time, each letter shown in the filter before the next.
	typed := ""
	for _, r := range filter {
		typed += string(r)
		tm.Send("-l", string(r))
		tm.WaitUntil("the filter to show "+typed, func(s string) bool { return hasLine(s, "Find a word: "+typed) })
	}
	// The list is filtered with the search index once it is built: wait
	// for the index's order, with the selection on the first entry.
	tm.WaitUntil("the list for "+filter, func(s string) bool {
		return selectedTitle(s) == want[0].Term && rowTitle(s, 2) == want[1].Term && rowTitle(s, 3) == want[2].Term
	})
	tm.Send("Down", "Down")
	moved := tm.WaitUntil("the selection on the third entry", func(s string) bool { return strings.Contains(s, "› 3. ") })
	if got := selectedTitle(moved); got != want[2].Term {
		t.Fatalf("Down twice selected %q, want %q:\n%s", got, want[2].Term, moved)
	}
	tm.Send("Enter")
	entry := tm.WaitFor("Word list › " + want[2].Term)
	def := strings.Fields(want[2].Definition)
	start := strings.Join(def[:min(8, len(def))], " ")
	if !strings.Contains(words(entry), start) {
		t.Errorf("enter did not open the meaning of %q (%q…):\n%s", want[2].Term, start, entry)
	}
	tm.Send("C-c")
}
