package guide

import (
	"regexp"
	"strings"
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

	trigger *regexp.Regexp
	facts   []*regexp.Regexp
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
	var exact, anyCase []string
	for _, t := range r.Triggers {
		t = strings.TrimSpace(t)
		if t == "" {
			at("has an empty trigger")
			continue
		}
		q := regexp.QuoteMeta(t)
		q = strings.ReplaceAll(q, " ", `\s+`)
		if t == strings.ToUpper(t) && t != strings.ToLower(t) {
			exact = append(exact, q)
		} else {
			anyCase = append(anyCase, q)
		}
	}
	var alts []string
	if len(anyCase) > 0 {
		alts = append(alts, `(?i:`+strings.Join(anyCase, "|")+`)`)
	}
	alts = append(alts, exact...)
	if len(alts) > 0 {
		r.trigger = regexp.MustCompile(`(?:^|[^\pL\pN])(` + strings.Join(alts, "|") + `)(?:$|[^\pL\pN])`)
	}
	for _, f := range r.Facts {
		re, err := regexp.Compile(`(?i)` + f)
		if err != nil {
			at("fact %q is not a valid pattern: %v", f, err)
			continue
		}
		r.facts = append(r.facts, re)
	}
	if len(r.facts) == len(r.Facts) {
		if miss := r.missing(r.Text); r.Text != "" && miss != "" {
			at("its own line lacks the fact %q", miss)
		}
		if miss := r.missing(r.SheetText); r.SheetText != "" && miss != "" {
			at("its sheet_line lacks the fact %q", miss)
		}
	}
}

// triggered returns the first trigger word in text and its byte offset, or
// -1 when the text names none.
func (r *SafetyRule) triggered(text string) (word string, at int) {
	if r.trigger == nil {
		return "", -1
	}
	m := r.trigger.FindStringSubmatchIndex(text)
	if m == nil {
		return "", -1
	}
	return text[m[2]:m[3]], m[2]
}

// missing returns the first fact that text does not carry, or "".
func (r *SafetyRule) missing(text string) string {
	for i, re := range r.facts {
		if !re.MatchString(text) {
			return r.Facts[i]
		}
	}
	return ""
}

// checkSafety reports each rule that the page's own text triggers but whose
// facts the expanded page does not carry, at the line of the first trigger,
// and records the rules the page triggers.
func checkSafety(c *problems, p *Page, raw string, rules []*SafetyRule) {
	for _, r := range rules {
		word, at := r.triggered(raw)
		if at < 0 {
			continue
		}
		p.Safety = append(p.Safety, r.ID)
		if miss := r.missing(p.Body); miss != "" {
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
