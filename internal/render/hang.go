package render

import (
	"regexp"
	"strconv"
	"strings"

	xansi "github.com/charmbracelet/x/ansi"
)

// listMarker matches the start of a rendered list item once escape
// sequences are stripped: the indent, then a bullet or a number. The
// ascii style draws bullets as "* ", every other style as "• ".
var listMarker = regexp.MustCompile(`^( *)(• |\* |(\d{1,3})\. )`)

// items finds list items in rendered lines. Glamour wraps an item's text
// back to the item's indent, so a wrapped line can start with a number and
// a full stop ("911. "); it is taken as the next item only when it sits at
// the indent of the list, not of the item's text, and its number follows
// the item's. It returns, per line, the item's text column for the line
// that starts an item and -1 for any other line.
func items(lines []string) []int {
	out := make([]int, len(lines))
	// cur is the indent of the item being read (-1 outside a list) and num
	// its number (0 for a bullet).
	cur, num := -1, 0
	for i, l := range lines {
		out[i] = -1
		plain := xansi.Strip(l)
		if strings.TrimSpace(plain) == "" {
			cur = -1
			continue
		}
		m := listMarker.FindStringSubmatch(plain)
		if m == nil {
			continue
		}
		indent, n := len(m[1]), 0
		if m[3] != "" {
			n, _ = strconv.Atoi(m[3]) // at most three digits: cannot fail
			if indent == cur && n != num+1 {
				continue // a wrapped line that starts with a number
			}
		} else if indent == cur && num != 0 {
			continue // "• " wrapped to the start of a numbered item's line
		}
		out[i] = xansi.StringWidth(m[0])
		cur, num = indent, n
	}
	return out
}

// MinHangWidth is the narrowest text column hangIndents re-wraps an item
// into; a deeper item in a narrower space is left as Glamour wrapped it.
const MinHangWidth = 8

// hangIndents gives wrapped list items a hanging indent: Glamour starts the
// continuation lines of an item under its bullet or number, so the item's
// text is re-wrapped to start every line at the text column. rightEdge is
// the last column the text may reach (the width less the right margin).
// Styles carry over from the original lines.
func hangIndents(lines []string, rightEdge int) []string {
	starts := items(lines)
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		textCol := starts[i]
		if textCol < 0 {
			out = append(out, lines[i])
			i++
			continue
		}
		indent := leadingSpaces(xansi.Strip(lines[i]))
		// The item's continuation lines are the lines that follow at the
		// marker's indent and are neither blank nor another item.
		end := i + 1
		for ; end < len(lines); end++ {
			p := xansi.Strip(lines[end])
			if starts[end] >= 0 || strings.TrimSpace(p) == "" || leadingSpaces(p) != indent {
				break
			}
		}
		if end == i+1 || rightEdge-textCol < MinHangWidth {
			out = append(out, lines[i:end]...)
			i = end
			continue
		}
		// Join the item's text, styles and all, with one space per break.
		var text strings.Builder
		text.WriteString(cutTrimmed(lines[i], textCol))
		for _, l := range lines[i+1 : end] {
			text.WriteByte(' ')
			text.WriteString(cutTrimmed(l, indent))
		}
		styled := text.String()
		pad := strings.Repeat(" ", textCol)
		for j, r := range wrapColumns(xansi.Strip(styled), rightEdge-textCol) {
			seg := xansi.Cut(styled, r[0], r[1])
			if j == 0 {
				out = append(out, xansi.Cut(lines[i], 0, textCol)+seg)
			} else {
				out = append(out, pad+seg)
			}
		}
		i = end
	}
	return out
}

// cutTrimmed returns line from column from, without the trailing spaces
// Glamour pads lines with.
func cutTrimmed(line string, from int) string {
	to := xansi.StringWidth(strings.TrimRight(xansi.Strip(line), " "))
	if to <= from {
		return ""
	}
	return xansi.Cut(line, from, to)
}

// leadingSpaces counts the spaces a line starts with.
func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// wrapColumns wraps plain text into lines at most width cells wide,
// breaking only at spaces (never after a hyphen), and cutting a word only
// when it is wider than a line by itself. It returns each line's [start,
// end) columns in text.
func wrapColumns(text string, width int) [][2]int {
	type word struct{ start, end int }
	var words []word
	col, start := 0, -1
	for _, r := range text {
		w := xansi.StringWidth(string(r))
		if r == ' ' {
			if start >= 0 {
				words = append(words, word{start, col})
				start = -1
			}
		} else if start < 0 {
			start = col
		}
		col += w
	}
	if start >= 0 {
		words = append(words, word{start, col})
	}
	var lines [][2]int
	cur := [2]int{-1, -1}
	for _, wd := range words {
		switch {
		case cur[0] >= 0 && wd.end-cur[0] <= width:
			cur[1] = wd.end
			continue
		case cur[0] >= 0:
			lines = append(lines, cur)
		}
		// A word wider than the line is cut into line-wide pieces.
		for wd.end-wd.start > width {
			lines = append(lines, [2]int{wd.start, wd.start + width})
			wd.start += width
		}
		cur = [2]int{wd.start, wd.end}
	}
	if cur[0] >= 0 {
		lines = append(lines, cur)
	}
	return lines
}
