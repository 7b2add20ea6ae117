// Package safetext makes any text safe to show in a terminal or to write to
// a log: file names, spooler output, clinic content, search queries. It is
// the one sanitiser for text the program did not write itself.
//
// Complete escape sequences (colours, window titles, hyperlinks, device
// controls) are removed, since they carry nothing a reader should see.
// Every other character a terminal would act on instead of showing is
// written out visibly, in Go's escape notation, so a log keeps the
// evidence and a file name stays recognisable: C0 controls (\x07), DEL,
// C1 controls (\u009b, which some terminals take as an escape), the
// invisible characters that reorder text (\u202e), line and paragraph
// separators, and bytes that are not UTF-8 (\xff). A backslash is left as
// it is.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Text returns s made safe for a terminal or a log, keeping its line breaks
// (CR LF and a lone CR become LF, so a CR cannot overwrite a line) and tabs.
func Text(s string) string { return clean(s, false) }

// Line returns s made safe and on one line: line breaks and tabs are
// written out as \n and \t too. Use it for a name inside a sentence, such
// as a file name, or for a one-line log entry.
func Line(s string) string { return clean(s, true) }

// Safe reports whether s is valid UTF-8 and holds nothing a terminal acts
// on other than line feeds and tabs: what Text returns is always Safe.
func Safe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && unsafe(r) {
			return false
		}
	}
	return true
}

func clean(s string, line bool) string {
	if Safe(s) && (!line || !strings.ContainsAny(s, "\n\t")) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	// Bytes that are not UTF-8 and C0 controls other than ESC and BEL
	// (which ends a window title) are written out before escape sequences
	// are removed, so that neither can become part of one (a raw 0x9B byte
	// is a CSI to some terminals).
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\r':
			b.WriteByte('\n')
		case r == '\x1b', r == '\a', r == '\n', r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	s = ansi.Strip(b.String())
	b.Reset()
	for _, r := range s {
		switch {
		case r == '\n' && line:
			b.WriteString(`\n`)
		case r == '\t' && line:
			b.WriteString(`\t`)
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafe reports whether a terminal may act on r instead of showing it:
// C0 and C1 controls, DEL, line and paragraph separators, and the
// explicit bidirectional formatting characters.
func unsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true
	case r == '\u200E', r == '\u200F', r == '\u061C', r == '\u2028', r == '\u2029':
		return true
	}
	return false
}
