package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a text after folding: letters and digits only, lower
// case, without accents. Hyphens, spaces and punctuation separate tokens.
type token struct {
	// text is the folded word.
	text string
	// start and end are the word's byte range in the original text.
	start, end int
	// ends maps each byte of text to the end (in the original) of the rune
	// it came from. It is nil when the word is plain ASCII, where folded
	// byte k comes from original byte start+k.
	ends []int
}

// origEnd is the byte offset in the original text just after the rune that
// produced folded byte k-1 of the token; k must be > 0.
func (t token) origEnd(k int) int {
	if k >= len(t.text) {
		return t.end
	}
	if t.ends == nil {
		return t.start + k
	}
	return t.ends[k-1]
}

// foldSpecial covers letters that do not decompose into a base letter and a
// combining mark.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ı': "i",
}

// foldRune appends the folded form of r to buf: lower case, compatibility
// decomposed, without combining marks ("É" becomes "e", "ﬁ" becomes "fi").
func foldRune(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	if s, ok := foldSpecial[r]; ok {
		return append(buf, s...)
	}
	var enc [utf8.UTFMax]byte
	n := utf8.EncodeRune(enc[:], r)
	var it norm.Iter
	it.Init(norm.NFKD, enc[:n])
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			d, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(d))
		}
	}
	return buf
}

// isWordRune reports whether a folded rune is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// fold returns s folded and with every non-word character removed: the
// compact form used to compare queries and names ("T-DXd" becomes "tdxd").
func fold(s string) string {
	var b []byte
	for _, t := range tokenize(s) {
		b = append(b, t.text...)
	}
	return string(b)
}

// tokenize splits s into folded words with their byte ranges in s.
func tokenize(s string) []token {
	var (
		toks    []token
		cur     []byte
		ends    []int
		start   = -1
		simple  = true
		scratch []byte
	)
	flush := func(end int) {
		if start < 0 {
			return
		}
		t := token{text: string(cur), start: start, end: end}
		if !simple {
			t.ends = append([]int(nil), ends...)
		}
		toks = append(toks, t)
		cur, ends, start, simple = cur[:0], ends[:0], -1, true
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				flush(i)
				i += size
				continue
			}
			if start < 0 {
				start = i
			}
			cur = append(cur, c)
			ends = append(ends, i+1)
			i += size
			continue
		}
		scratch = foldRune(scratch[:0], r)
		word := false
		for j := 0; j < len(scratch); {
			f, fs := utf8.DecodeRune(scratch[j:])
			if !isWordRune(f) {
				flush(i)
				j += fs
				continue
			}
			word = true
			if start < 0 {
				start = i
			}
			cur = append(cur, scratch[j:j+fs]...)
			for k := 0; k < fs; k++ {
				ends = append(ends, i+size)
			}
			j += fs
		}
		// A rune that folds to itself keeps the offsets in line.
		if word && string(scratch) != s[i:i+size] {
			simple = false
		}
		i += size
	}
	flush(len(s))
	return toks
}
