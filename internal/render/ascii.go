package render

import (
	"strings"
	"unicode/utf8"
)

// asciiReplacer spells the typographic characters the pages use in
// ASCII: what the ascii style promises to pipes, printers and old
// terminals.
var asciiReplacer = strings.NewReplacer(
	"•", "*", "·", "*",
	"°F", " degrees F", "°C", " degrees C", "°", " degrees",
	"–", "-", "—", "-", "‑", "-", "−", "-",
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`,
	"‘", "'", "’", "'",
	"…", "...",
	"≥", ">=", "≤", "<=", "±", "+/-", "×", "x", "→", "->", "←", "<-",
	"µ", "u", "μ", "u", "®", "(R)", "©", "(C)", "™", "(TM)",
	"\u00a0", " ", "\u2009", " ", "\u202f", " ", "\u200b", "",
	"½", "1/2", "¼", "1/4", "¾", "3/4",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "É", "E", "È", "E",
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "Á", "A", "À", "A", "Ä", "A",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "Ö", "O",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "Ü", "U",
	"ç", "c", "Ç", "C", "ñ", "n", "Ñ", "N", "ß", "ss", "æ", "ae", "œ", "oe",
)

// ASCIIText spells s in ASCII for the ascii style: bullets as "*", "°" as
// " degrees" ("38°C" as "38 degrees C"), accented letters without their accents, dashes as "-",
// curly quotes as straight ones. Any other character outside ASCII
// becomes "?", so the style's promise holds for text nobody foresaw.
func ASCIIText(s string) string {
	s = asciiReplacer.Replace(s)
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
		} else {
			b.WriteByte('?')
		}
	}
	return b.String()
}

// isASCII reports whether every byte of s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
