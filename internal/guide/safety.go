package guide

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafetyRule is one "when to call right away" rule from safety.yaml: the
// words that make a page need it, the facts the page must then carry, and the
// canonical wording.
type SafetyRule struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// Triggers are the drugs and words that make a page need the rule.
	Triggers []string `yaml:"triggers"`
	// Facts are regular expressions (any case) that the page must match.
	Facts []string `yaml:"facts"`
	// Text is the canonical wording, put on a page by {{call ID}}.
	Text string `yaml:"line"`
	// SheetText, when set, is the wording on the printed sheet instead of Text.
	SheetText string `yaml:"sheet_line"`
	// Sheet is SheetAlways or SheetMentioned.
	Sheet   string   `yaml:"sheet"`
	Sources []string `yaml:"sources"`
	// File and Line say where the rule is defined.
	File string `yaml:"-"`
	Line int    `yaml:"-"`

	triggers []trigger
	facts    []fact
}

// trigger is one trigger word: matched as a whole word, in any case unless
// exact (written all in capitals).
type trigger struct {
	word  string
	exact bool
}

// fact is a compiled fact: a plain word is found by a string search in
// the lower-cased text, anything else by its regular expression.
type fact struct {
	re      *regexp.Regexp
	literal string
}

// When a rule's line is printed on the question sheet.
const (
	// SheetAlways rules are on every sheet.
	SheetAlways = "always"
	// SheetMentioned rules are on a sheet when a page behind its questions
	// triggers them, or when those pages are not known.
	SheetMentioned = "mentioned"
)

// SheetLine is the rule's wording on the printed sheet.
func (r *SafetyRule) SheetLine() string {
	if r.SheetText != "" {
		return r.SheetText
	}
	return r.Text
}

// compile builds the rule's patterns and reports what is wrong with it.
func (r *SafetyRule) compile(c *problems) {
	at := func(format string, args ...any) {
		c.add(r.File, r.Line, "safety rule %q: "+format, append([]any{r.ID}, args...)...)
	}
	for _, f := range []struct{ name, val string }{{"id", r.ID}, {"name", r.Name}, {"line", r.Text}, {"sheet", r.Sheet}} {
		if strings.TrimSpace(f.val) == "" {
			at("missing required field %q", f.name)
		}
	}
	if r.ID != "" && !idPattern.MatchString(r.ID) {
		at("id must be lower-case letters, digits and single dashes")
	}
	if r.Sheet != "" && r.Sheet != SheetAlways && r.Sheet != SheetMentioned {
		at("sheet is %q: use %q or %q", r.Sheet, SheetAlways, SheetMentioned)
	}
	if len(r.Triggers) == 0 {
		at("needs at least one trigger")
	}
	if len(r.Facts) == 0 {
		at("needs at least one fact")
	}
	if len(r.Sources) == 0 {
		at("needs at least one source")
	}
	for _, t := range r.Triggers {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" {
			at("has an empty trigger")
			continue
		}
		r.triggers = append(r.triggers, trigger{word: t, exact: t == strings.ToUpper(t) && t != strings.ToLower(t)})
	}
	for _, f := range r.Facts {
		re, err := regexp.Compile(`(?i)` + f)
		if err != nil {
			at("fact %q is not a valid pattern: %v", f, err)
			continue
		}
		fc := fact{re: re}
		if regexp.QuoteMeta(f) == f {
			fc.literal = strings.ToLower(f) // a plain word: a string search
		}
		r.facts = append(r.facts, fc)
	}
	if len(r.facts) == len(r.Facts) {
		if miss := r.missing(r.Text, lowerASCII(r.Text)); r.Text != "" && miss != "" {
			at("its own line lacks the fact %q", miss)
		}
		if miss := r.missing(r.SheetText, lowerASCII(r.SheetText)); r.SheetText != "" && miss != "" {
			at("its sheet_line lacks the fact %q", miss)
		}
	}
}

// triggered returns the first trigger word in text and its byte offset, or
// -1 when the text names none. lower is text in lower case, byte for byte
// (see lowerASCII). Spaces in a trigger match any run of white space.
func (r *SafetyRule) triggered(text, lower string) (word string, at int) {
	at = -1
	for _, t := range r.triggers {
		hay, needle := lower, strings.ToLower(t.word)
		if t.exact {
			hay, needle = text, t.word
		}
		if i, n := findWord(hay, needle); i >= 0 && (at < 0 || i < at) {
			at, word = i, text[i:i+n]
		}
	}
	return word, at
}

// findWord finds needle in hay as a whole word (no letter or digit on
// either side), any run of white space in hay matching one space in
// needle. It returns the offset and length of the match, or -1.
func findWord(hay, needle string) (int, int) {
	first, rest, _ := strings.Cut(needle, " ")
	for from := 0; from < len(hay); {
		i := strings.Index(hay[from:], first)
		if i < 0 {
			return -1, 0
		}
		i += from
		from = i + 1
		if i > 0 && isWordByte(hay, i-1, true) {
			continue
		}
		end := i + len(first)
		ok := true
		for r := rest; ok && r != ""; {
			var w string
			w, r, _ = strings.Cut(r, " ")
			j := end
			for j < len(hay) && (hay[j] == ' ' || hay[j] == '\n' || hay[j] == '\t' || hay[j] == '\r') {
				j++
			}
			if j == end || !strings.HasPrefix(hay[j:], w) {
				ok = false
			}
			end = j + len(w)
		}
		if ok && (end >= len(hay) || !isWordByte(hay, end, false)) {
			return i, end - i
		}
	}
	return -1, 0
}

// isWordByte reports whether the character at or before byte i (before
// when back) is a letter or a digit.
func isWordByte(s string, i int, back bool) bool {
	var r rune
	if back {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lowerASCII lower-cases the ASCII letters of s, keeping every byte in
// place, so offsets in it are offsets in s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// missing returns the first fact that text does not carry, or "". lower is
// text in lower case (lowerASCII).
func (r *SafetyRule) missing(text, lower string) string {
	// The canonical line carries every fact (compile checks it): a page
	// that has it, through {{call}}, needs no search for each.
	if r.Text != "" && text != r.Text && strings.Contains(text, r.Text) {
		return ""
	}
	for i, f := range r.facts {
		if f.literal != "" {
			if !strings.Contains(lower, f.literal) {
				return r.Facts[i]
			}
			continue
		}
		if !f.re.MatchString(text) {
			return r.Facts[i]
		}
	}
	return ""
}

// checkSafety reports each rule that the page's own text triggers but whose
// facts the expanded page does not carry, at the line of the first trigger,
// and records the rules the page triggers.
func checkSafety(c *problems, p *Page, raw string, rules []*SafetyRule) {
	rawLower, body := lowerASCII(raw), p.Body
	var bodyLower string
	for _, r := range rules {
		word, at := r.triggered(raw, rawLower)
		if at < 0 {
			continue
		}
		p.Safety = append(p.Safety, r.ID)
		if bodyLower == "" {
			bodyLower = lowerASCII(body)
		}
		if miss := r.missing(body, bodyLower); miss != "" {
			line := p.BodyLine + strings.Count(raw[:at], "\n")
			c.add(p.File, line, "mentions %q but lacks the safety line %q (%s): no match for %q; add {{call %s}}, or say it in your own words with every fact in safety.yaml",
				strings.Join(strings.Fields(word), " "), r.ID, r.Name, miss, r.ID)
		}
	}
}

// SheetRules returns the rules whose lines belong on a question sheet made
// from the given pages, in safety.yaml order: every SheetAlways rule, and
// each SheetMentioned rule that one of the pages triggers. With no pages
// (the sheet's pages are not known) it returns every rule.
func (g *Guide) SheetRules(pageIDs []string) []*SafetyRule {
	if len(pageIDs) == 0 {
		return g.Safety
	}
	mentioned := map[string]bool{}
	for _, id := range pageIDs {
		if p, ok := g.pages[id]; ok {
			for _, r := range p.Safety {
				mentioned[r] = true
			}
		}
	}
	var out []*SafetyRule
	for _, r := range g.Safety {
		if r.Sheet == SheetAlways || mentioned[r.ID] {
			out = append(out, r)
		}
	}
	return out
}
