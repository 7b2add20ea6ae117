// Package pictures draws the plain-text pictures a page may carry: an icon
// array, a timeline, a scale and a side-by-side comparison. A page writes
// each as a fenced block (```icons, ```timeline, ```scale, ```compare) with
// a small YAML spec; this package finds the blocks, checks the specs
// strictly, and draws a picture as lines for a width, with shapes and
// characters only (never colour). Every picture has a one-line text
// equivalent, what a screen reader should say. It has no UI code.
package pictures

import (
	"fmt"
	"strings"
)

// Kind is the kind of a picture, the word after the opening fence.
type Kind string

// The kinds of picture.
const (
	Icons    Kind = "icons"
	Timeline Kind = "timeline"
	Scale    Kind = "scale"
	Compare  Kind = "compare"
)

// Kinds lists every kind, in the order the docs give them.
var Kinds = []Kind{Icons, Timeline, Scale, Compare}

func isKind(s string) bool {
	for _, k := range Kinds {
		if string(k) == s {
			return true
		}
	}
	return false
}

// Block is one picture block found in Markdown.
type Block struct {
	Kind Kind
	// Line is the 0-based index of the opening fence's line.
	Line int
	// Start and End are the byte offsets of the block, fences included,
	// with the closing fence's newline (if any).
	Start, End int
	// Spec is the text between the fences.
	Spec string
	// Closed is false when the Markdown ends before a closing fence.
	Closed bool
}

// Find returns the picture blocks of md in order. A fence opens a picture
// only when it starts its line and names a kind (```icons); the block
// ends at the next line that is only ```. Blocks inside other fenced code
// blocks are not pictures.
func Find(md string) []Block {
	var out []Block
	var cur *Block
	other := "" // the fence of a code block that is not a picture
	line, off := 0, 0
	for off < len(md) {
		end := strings.IndexByte(md[off:], '\n')
		next := len(md)
		if end >= 0 {
			next = off + end + 1
		} else {
			end = len(md) - off
		}
		text := strings.TrimRight(md[off:off+end], " \t\r")
		switch {
		case cur != nil:
			if text == "```" {
				cur.Spec = md[cur.Start:off]
				cur.Spec = cur.Spec[strings.IndexByte(cur.Spec, '\n')+1:]
				cur.End, cur.Closed = next, true
				out = append(out, *cur)
				cur = nil
			}
		case other != "":
			if strings.HasPrefix(strings.TrimLeft(text, " "), other) && strings.Trim(strings.TrimLeft(text, " "), other[:1]) == "" {
				other = ""
			}
		default:
			trimmed := strings.TrimLeft(text, " ")
			if strings.HasPrefix(text, "```") && isKind(strings.TrimSpace(text[3:])) {
				cur = &Block{Kind: Kind(strings.TrimSpace(text[3:])), Line: line, Start: off}
			} else if f := fence(trimmed); f != "" && len(text)-len(trimmed) < 4 {
				other = f
			}
		}
		line++
		off = next
	}
	if cur != nil {
		cur.End = len(md)
		cur.Spec = md[cur.Start:]
		if i := strings.IndexByte(cur.Spec, '\n'); i >= 0 {
			cur.Spec = cur.Spec[i+1:]
		} else {
			cur.Spec = ""
		}
		out = append(out, *cur)
	}
	return out
}

// fence returns the run of ``` or ~~~ (three or more) that opens a code
// block on a line, or "".
func fence(s string) string {
	for _, c := range []string{"`", "~"} {
		n := len(s) - len(strings.TrimLeft(s, c))
		if n >= 3 {
			return s[:n]
		}
	}
	return ""
}

// Replace returns md with each closed picture block that parses replaced by
// what with returns for it; blocks that do not parse are left as they are
// (the content checks report them).
func Replace(md string, with func(*Picture) string) string {
	blocks := Find(md)
	if len(blocks) == 0 {
		return md
	}
	var b strings.Builder
	last := 0
	for _, bl := range blocks {
		p, errs := Parse(bl.Kind, bl.Spec)
		if !bl.Closed || len(errs) > 0 {
			continue
		}
		b.WriteString(md[last:bl.Start])
		b.WriteString(with(p))
		last = bl.End
	}
	b.WriteString(md[last:])
	return b.String()
}

// ResolveFigures returns md with the fig: line of each icon array replaced
// by the count that figure gives (count: N in 100), as {{fig}} is replaced
// by the figure's text; so what draws the page later needs no figures. A
// block whose spec does not parse is left as it is (the content checks
// report it).
func ResolveFigures(md string, figs Figures) string {
	var b strings.Builder
	last := 0
	for _, bl := range Find(md) {
		if bl.Kind != Icons || !bl.Closed || !hasField(bl.Spec, "fig") {
			continue
		}
		p, errs := ParseWith(bl.Kind, bl.Spec, figs)
		if len(errs) > 0 {
			continue
		}
		lines := strings.SplitAfter(bl.Spec, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "fig:") {
				nl := l[len(strings.TrimRight(l, "\r\n")):]
				lines[i] = fmt.Sprintf("count: %d in %d", p.count, p.per) + nl
			}
		}
		specAt := bl.Start + strings.IndexByte(md[bl.Start:], '\n') + 1
		b.WriteString(md[last:specAt])
		b.WriteString(strings.Join(lines, ""))
		last = specAt + len(bl.Spec)
	}
	if last == 0 {
		return md
	}
	b.WriteString(md[last:])
	return b.String()
}

// AsText returns md with every picture replaced by its text equivalent, as
// a paragraph of its own: what --plain and a screen reader get.
func AsText(md string) string {
	return Replace(md, func(p *Picture) string { return "\n" + p.Spoken() + "\n\n" })
}
