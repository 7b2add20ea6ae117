package plain

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
	"github.com/her2guide/her2guide/internal/render"
)

// The plain guide is read aloud by screen readers and speech synthesizers,
// which say "hash hash" for a heading mark, nothing for "[ ]", "equals
// equals" for an underline, and drop a sign after a word ("ISH-" is read
// as "ISH"). Everything it prints is written to be heard: this file holds
// the rules.

// noBreakHyphen stands in for a hyphen inside a word or number while a page
// is rendered and wrapped, so that no line ends in "HER2-" with "positive"
// on the next; tidy turns it back into "-". It is ASCII, so that the ascii
// style keeps it, and neither Markdown nor the wrapper gives it a meaning.
// No page may use it (TestNoBreakHyphenUnused).
const noBreakHyphen = '^'

// compose is the Markdown the plain guide shows for a page: the page with
// its sources (render.Document), each picture as its one-line text
// equivalent, its tables as "Label: result" lines, its
// signs in words and its hyphens unbreakable. It is the default
// Options.Cache's compose function.
func (s *session) compose(p *guide.Page) string {
	return holdHyphens(s.spoken(linearTables(pictures.AsText(render.Document(p)))))
}

// signs are the words and numbers whose sign carries meaning: "ISH-" is
// "ISH negative", "ER+" is "ER positive", "IHC 2+" is "IHC 2 plus". A sign
// counts only at the end of a word, so "in-ter-STISH-ul" keeps its hyphens.
var (
	signedMarker = regexp.MustCompile(`\b(ISH|FISH|IHC|ER|PR|PgR|HR|HER2)([+-])($|[^\p{L}\p{N}+-])`)
	signedNumber = regexp.MustCompile(`(\d)\+($|[^\p{L}\p{N}+])`)
)

// spoken writes in words the signs that carry meaning.
func (s *session) spoken(text string) string {
	if !strings.ContainsAny(text, "+-") {
		return text
	}
	text = signedMarker.ReplaceAllStringFunc(text, func(m string) string {
		sub := signedMarker.FindStringSubmatch(m)
		word := s.t.SignPositive
		if sub[2] == "-" {
			word = s.t.SignNegative
		}
		return sub[1] + " " + word + sub[3]
	})
	return signedNumber.ReplaceAllStringFunc(text, func(m string) string {
		sub := signedNumber.FindStringSubmatch(m)
		return sub[1] + " " + s.t.SignPlus + sub[2]
	})
}

// holdHyphens makes every hyphen between two letters or digits
// unbreakable.
func holdHyphens(text string) string {
	r := []rune(text)
	for i := 1; i+1 < len(r); i++ {
		if r[i] == '-' && isWordRune(r[i-1]) && isWordRune(r[i+1]) {
			r[i] = noBreakHyphen
		}
	}
	return string(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tableRule is the line under a Markdown table's header.
var tableRule = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)

// linearTables rewrites each Markdown pipe table as a list, one line per
// row, read as a sentence: "Label: result." for two columns, and
// "Label. Header: cell. Header: cell." for more.
func linearTables(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if i+1 < len(lines) && isTableRow(lines[i]) && tableRule.MatchString(lines[i+1]) {
			header := tableCells(lines[i])
			for i += 2; i < len(lines) && isTableRow(lines[i]); i++ {
				out = append(out, "- "+rowSentence(header, tableCells(lines[i])))
			}
			i--
			continue
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

func isTableRow(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "|") }

// tableCells splits a table row on its unescaped pipes.
func tableCells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	var out []string
	var cur strings.Builder
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l) && l[i+1] == '|':
			cur.WriteByte('|')
			i++
		case l[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(l[i])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// rowSentence is one table row as a sentence.
func rowSentence(header, row []string) string {
	stop := func(s string) string {
		if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") {
			return s
		}
		return s + "."
	}
	var cells []string
	for _, c := range row {
		if c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return ""
	}
	if len(row) == 2 && row[1] != "" {
		return row[0] + ": " + stop(row[1])
	}
	parts := []string{stop(row[0])}
	for j := 1; j < len(row); j++ {
		if row[j] == "" {
			continue
		}
		if j < len(header) && header[j] != "" {
			parts = append(parts, header[j]+": "+stop(row[j]))
		} else {
			parts = append(parts, stop(row[j]))
		}
	}
	return strings.Join(parts, " ")
}

// sheetRule is a line made only of rule characters: an underline
// ("=====", "-----"), a line to write on ("_____") or a box edge
// ("+====+").
var sheetRule = regexp.MustCompile(`^[\s=_+|-]*$`)

// blanks is a run of underscores to write on.
var blanks = regexp.MustCompile(`_{3,}`)

// aloudLines rewrites text made for paper (such as the question sheet) to
// be heard: rule lines and underlines go, box sides go, tick boxes go, and
// a line to write on becomes fill, said after its label.
func aloudLines(text, fill string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimRight(l, " ")
		if strings.TrimSpace(t) != "" && sheetRule.MatchString(t) {
			continue
		}
		if strings.HasPrefix(t, "| ") && strings.HasSuffix(t, "|") {
			t = strings.TrimRight(strings.TrimSuffix(strings.TrimPrefix(t, "| "), "|"), " ")
		}
		t = strings.Replace(t, "[ ] ", "", 1)
		t = strings.Replace(t, "[x] ", "", 1)
		if strings.HasPrefix(t, "* ") {
			t = strings.TrimPrefix(t, "* ")
		}
		t = blanks.ReplaceAllString(t, fill)
		if t == "" && len(out) > 0 && out[len(out)-1] == "" {
			continue
		}
		out = append(out, t)
	}
	return strings.Join(out, "\n")
}
