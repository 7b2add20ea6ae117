package checklist

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// MaxOwnLength is the most characters (runes) an own question can have.
const MaxOwnLength = 500

// Sanitize cleans text the patient typed or pasted so it is safe to show in
// a terminal and to print: it removes escape sequences (ANSI CSI, OSC and
// the like), invalid UTF-8, control characters other than line breaks, and
// the invisible characters that reorder text (bidirectional overrides);
// turns tabs into spaces and CR LF or CR into LF; trims spaces at line ends;
// lets no more than one blank line stand in a row; trims the whole; and
// keeps at most MaxOwnLength runes, never cutting a character cluster (an
// emoji with its modifiers, a letter with its accents) in two.
func Sanitize(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = ansi.Strip(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, s)

	lines := strings.Split(s, "\n")
	kept := lines[:0]
	blank := 0
	for _, line := range lines {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		kept = append(kept, line)
	}
	s = strings.TrimSpace(strings.Join(kept, "\n"))
	return strings.TrimSpace(capRunes(s, MaxOwnLength))
}

// capRunes keeps whole grapheme clusters of s while they add up to at most n
// runes.
func capRunes(s string, n int) string {
	if len(s) <= n { // fewer bytes than n means fewer runes too
		return s
	}
	count, end := 0, 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		runes := len(g.Runes())
		if count+runes > n {
			break
		}
		count += runes
		_, end = g.Positions()
	}
	return s[:end]
}

// isBidiControl reports whether r is one of the explicit bidirectional
// formatting characters, which can make text display in an order other than
// the one it was typed in.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}
