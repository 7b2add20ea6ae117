package clarity

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a block of a page body is.
type kind int

const (
	para kind = iota
	item
	heading
	fence
	table
	call
)

// block is a paragraph, list item, heading, fenced block, table row or
// {{call}} line of a page body, with its text as the reader sees it (figures
// expanded, Markdown marks removed) and the file line of each of its lines.
type block struct {
	kind kind
	// lines are the block's lines, cleaned; at are their file lines.
	lines []string
	at    []int
	// level is a heading's level; list is the list an item belongs to
	// (items of one list share it) and indent its indent.
	level, list, indent int
}

// text is the block's lines joined as running text.
func (b *block) text() string { return strings.Join(b.lines, " ") }

// lineAt returns the file line of byte offset i of text().
func (b *block) lineAt(i int) int {
	for j, l := range b.lines {
		if i <= len(l) {
			return b.at[j]
		}
		i -= len(l) + 1
	}
	return b.at[len(b.at)-1]
}

var (
	listItem  = regexp.MustCompile(`^(\s*)([-*+]|\d+[.)])\s+(.*)$`)
	headingRe = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	callLine  = regexp.MustCompile(`^\s*\{\{\s*call\b[^{}]*\}\}\s*$`)
	figRe     = regexp.MustCompile(`\{\{\s*fig\s+([^{}\s]+)\s*\}\}`)
	linkRe    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	marks     = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "")
)

// clean turns one line of Markdown into the words a reader sees: figures
// expanded, links as their text, emphasis and code marks removed.
func clean(s string, figs map[string]string) string {
	s = figRe.ReplaceAllStringFunc(s, func(m string) string {
		id := figRe.FindStringSubmatch(m)[1]
		if t, ok := figs[id]; ok {
			return t
		}
		return m
	})
	s = linkRe.ReplaceAllString(s, "$1")
	s = marks.Replace(s)
	return s
}

// scan splits a raw page body (placeholders intact) into blocks. first is
// the file line of the body's first line.
func scan(raw string, first int, figs map[string]string) []*block {
	var out []*block
	var cur *block
	lists := 0
	var lastItem *block
	inFence := false
	for i, l := range strings.Split(raw, "\n") {
		n := first + i
		t := strings.TrimSpace(l)
		if inFence {
			if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
				inFence, cur = false, nil
				continue
			}
			cur.lines = append(cur.lines, clean(t, figs))
			cur.at = append(cur.at, n)
			continue
		}
		switch m := listItem.FindStringSubmatch(l); {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			inFence = true
			cur = &block{kind: fence}
			out = append(out, cur)
			lastItem = nil
		case t == "":
			if cur != nil && cur.kind != item {
				lastItem = nil
			}
			cur = nil
		case callLine.MatchString(l):
			out = append(out, &block{kind: call, lines: []string{t}, at: []int{n}})
			cur, lastItem = nil, nil
		case headingRe.MatchString(t) && !strings.HasPrefix(l, "    "):
			h := headingRe.FindStringSubmatch(t)
			out = append(out, &block{kind: heading, level: len(h[1]), lines: []string{clean(h[2], figs)}, at: []int{n}})
			cur, lastItem = nil, nil
		case strings.HasPrefix(t, "|"):
			out = append(out, &block{kind: table, lines: []string{clean(t, figs)}, at: []int{n}})
			cur, lastItem = nil, nil
		case m != nil:
			indent := len(strings.ReplaceAll(m[1], "\t", "    "))
			b := &block{kind: item, indent: indent, lines: []string{clean(m[3], figs)}, at: []int{n}}
			if lastItem != nil && lastItem.indent == indent {
				b.list = lastItem.list
			} else if lastItem != nil && indent > lastItem.indent {
				lists++
				b.list = lists
			} else {
				lists++
				b.list = lists
			}
			out = append(out, b)
			cur, lastItem = b, b
		case cur != nil && (cur.kind == para || cur.kind == item):
			cur.lines = append(cur.lines, clean(t, figs))
			cur.at = append(cur.at, n)
		case lastItem != nil && strings.HasPrefix(l, "  "):
			// A paragraph inside a list item keeps the list going.
			cur = &block{kind: para, lines: []string{clean(t, figs)}, at: []int{n}}
			out = append(out, cur)
		default:
			cur = &block{kind: para, lines: []string{clean(t, figs)}, at: []int{n}}
			out = append(out, cur)
			lastItem = nil
		}
	}
	return out
}

// sentenceEnd ends a sentence: a full stop, question or exclamation mark
// (and any closing quote or bracket) before a space and a word that does
// not start in lower case, or at the end.
var sentenceEnd = regexp.MustCompile(`[.!?]+["'”’)\]]*(\s+|$)`)

// sentences splits text into sentences and returns each one's start offset.
func sentences(text string) (out []string, starts []int) {
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		if m[1] < len(text) {
			r, _ := utf8.DecodeRuneInString(text[m[1]:])
			if unicode.IsLower(r) {
				continue // "e.g. a" or "vs. b": not the end of a sentence
			}
		}
		if s := strings.TrimSpace(text[start:m[1]]); s != "" {
			out = append(out, s)
			starts = append(starts, start)
		}
		start = m[1]
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
		starts = append(starts, start)
	}
	return out, starts
}

// words counts the words of a sentence: runs of characters holding a letter
// or a digit.
func words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// tokenRe finds words, numbers and joined names (HER2-positive, CDK4/6).
var tokenRe = regexp.MustCompile(`[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*`)

// acronym is one acronym found in some text, at byte offsets [start, end).
type acronym struct {
	name       string
	start, end int
}

// acronyms finds the acronyms of text: tokens with two or more capital
// letters once lower-case hyphenated parts at either end are cut
// (HER2-positive is HER2, T-DXd stays); a slash splits a token where the
// part after it is an acronym of its own (ASCO/CAP, but CDK4/6).
func acronyms(text string) []acronym {
	var out []acronym
	for _, m := range tokenRe.FindAllStringIndex(text, -1) {
		for _, a := range splitSlash(text[m[0]:m[1]], m[0]) {
			if a = trimLower(a); capitals(a.name) >= 2 {
				out = append(out, a)
			}
		}
	}
	return out
}

func splitSlash(tok string, at int) []acronym {
	var out []acronym
	off := 0
	for _, part := range strings.Split(tok, "/") {
		if len(out) > 0 && capitals(part) < 2 {
			last := &out[len(out)-1]
			last.name += "/" + part
			last.end = at + off + len(part)
		} else {
			out = append(out, acronym{name: part, start: at + off, end: at + off + len(part)})
		}
		off += len(part) + 1
	}
	return out
}

// trimLower cuts hyphenated parts without a capital letter from both
// ends (HER2-positive, HER2-0), and a plural "s" (MRIs).
func trimLower(a acronym) acronym {
	if n := len(a.name); n > 2 && a.name[n-1] == 's' && unicode.IsUpper(rune(a.name[n-2])) {
		a.name, a.end = a.name[:n-1], a.end-1
	}
	for {
		i := strings.LastIndexByte(a.name, '-')
		if i < 0 || capitals(a.name[i+1:]) > 0 {
			break
		}
		a.end -= len(a.name) - i
		a.name = a.name[:i]
	}
	for {
		i := strings.IndexByte(a.name, '-')
		if i < 0 || !allLower(a.name[:i]) {
			break
		}
		a.start += i + 1
		a.name = a.name[i+1:]
	}
	return a
}

func allLower(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLower(r) }) < 0
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// blankNames replaces each whole occurrence of a name (a letter, digit or
// hyphen on either side makes it part of another word) with spaces, so that
// offsets stay the same. names must be longest first.
func blankNames(text string, names []string) string {
	for _, name := range names {
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			i += from
			from = i + len(name)
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+len(name):])
			if !nameRune(before) && !nameRune(after) {
				text = text[:i] + strings.Repeat(" ", len(name)) + text[i+len(name):]
			}
		}
	}
	return text
}

// hasName reports whether text holds one of names as a whole name.
func hasName(text string, names []string) string {
	for _, n := range names {
		if blankNames(text, []string{n}) != text {
			return n
		}
	}
	return ""
}

func nameRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
}

var (
	spelledBefore = regexp.MustCompile(`\p{Ll}{2,}[^()]*\(\s*$`)
	spelledAfter  = regexp.MustCompile(`^\s*\([^()]*\p{Ll}{2,}[^()]*\)`)
	closeAfter    = regexp.MustCompile(`^[^()]*\)`)
)

// explained reports whether the acronym at a in text is spelled out in
// place: "spelled-out words (ACR)", "words (Brand, ACR)" or
// "ACR (spelled-out words)".
func explained(text string, a acronym) bool {
	if spelledAfter.MatchString(text[a.end:]) {
		return true
	}
	open := strings.LastIndexByte(text[:a.start], '(')
	if open < 0 || strings.IndexByte(text[open:a.start], ')') >= 0 || !closeAfter.MatchString(text[a.end:]) {
		return false
	}
	return spelledBefore.MatchString(text[:open+1])
}
