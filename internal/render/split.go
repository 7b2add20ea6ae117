package render

import (
	"regexp"
	"strings"
)

// refDefinition matches a link reference definition or footnote ("[x]: ..."),
// which a part of a split document could use from another part.
var refDefinition = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)

// splitDocument cuts a Markdown document into at most n parts of similar
// size, each starting at a level-2 heading ("## " at the start of a line,
// after a blank line, outside fenced code), so the parts can be rendered at
// the same time. Rendered one after another with a blank line between, the
// parts look exactly like the whole (a test checks every bundled page). It
// returns the document whole when it has no such headings, when n < 2, or
// when it has reference definitions a part might need from another.
func splitDocument(md string, n int) []string {
	if n < 2 || refDefinition.MatchString(md) {
		return []string{md}
	}
	// Offsets of the headings where the document may be cut.
	var cuts []int
	fenced, prevBlank := false, true
	for off := 0; off < len(md); {
		end := strings.IndexByte(md[off:], '\n')
		if end < 0 {
			end = len(md) - off
		}
		line := md[off : off+end]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fenced = !fenced
		case !fenced && prevBlank && off > 0 && strings.HasPrefix(line, "## "):
			cuts = append(cuts, off)
		}
		prevBlank = strings.TrimSpace(line) == ""
		off += end + 1
	}
	if len(cuts) == 0 {
		return []string{md}
	}
	// For each 1/n of the text, cut at the heading nearest to it.
	var parts []string
	start := 0
	for i := 1; i < n; i++ {
		target := len(md) * i / n
		best := -1
		for _, c := range cuts {
			if c > start && (best < 0 || abs(c-target) < abs(best-target)) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		parts = append(parts, md[start:best])
		start = best
	}
	return append(parts, md[start:])
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
