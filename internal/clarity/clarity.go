package clarity

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
	"github.com/her2guide/her2guide/internal/readability"
)

// The rules, as Finding.Rule names them.
const (
	RuleMessage  = "message"
	RuleAcronym  = "acronyms"
	RuleNumbers  = "numbers"
	RuleList     = "lists"
	RuleSentence = "sentences"
	RuleLevel    = "level"
	RuleCall     = "call"
	RuleMore     = "more"
	RulePicture  = "pictures"
)

// Limits of the rules.
const (
	MaxMessageWords  = 20
	MaxSentenceWords = 25
	MaxListItems     = 7
	MaxAcronyms      = 3
	MaxPointsGrade   = 6.0
	MaxSMOG          = 9.0
	MaxGrade         = 8.0
	// MaxLeadInWords is the longest lead-in paragraph of the call section.
	MaxLeadInWords = 30
)

// Finding is one rule a page breaks, at a line of its file.
type Finding struct {
	guide.Problem
	// Rule is the rule broken (RuleMessage and so on).
	Rule string
}

// Checker checks pages of one guide.
type Checker struct {
	g      *guide.Guide
	labels guide.Labels
	figs   map[string]string
	// trials are trial names, longest first; exempt adds the config's
	// names and common acronyms.
	trials, exempt []string
	facts          [][]*regexp.Regexp
}

// New returns a checker for the pages of g with the config cfg (nil: no
// config).
func New(g *guide.Guide, cfg *Config) *Checker {
	c := &Checker{g: g, labels: g.Meta.Labels, figs: map[string]string{}}
	for _, t := range g.Trials {
		if t == nil {
			continue
		}
		c.trials = append(c.trials, t.Name)
		for _, f := range t.Figures {
			if f != nil {
				c.figs[f.ID] = f.Text
			}
		}
	}
	if cfg != nil {
		c.trials = append(c.trials, cfg.Names...)
		c.exempt = append(c.exempt, cfg.Common...)
	}
	c.exempt = append(c.exempt, c.trials...)
	longestFirst := func(a, b string) int { return len(b) - len(a) }
	slices.SortStableFunc(c.trials, longestFirst)
	slices.SortStableFunc(c.exempt, longestFirst)
	for _, r := range g.Safety {
		var rs []*regexp.Regexp
		for _, f := range r.Facts {
			if re, err := regexp.Compile(`(?i)` + f); err == nil {
				rs = append(rs, re)
			}
		}
		c.facts = append(c.facts, rs)
	}
	return c
}

// Check returns the findings of every page of g, in reading order.
func Check(g *guide.Guide, cfg *Config) []Finding {
	c := New(g, cfg)
	var out []Finding
	for _, p := range g.Pages {
		out = append(out, c.Page(p)...)
	}
	return out
}

// pageCheck is one page being checked.
type pageCheck struct {
	*Checker
	p   *guide.Page
	out []Finding
}

func (pc *pageCheck) add(rule string, line int, format string, args ...any) {
	pc.out = append(pc.out, Finding{Problem: guide.Problem{File: pc.p.File, Line: line, Msg: fmt.Sprintf(format, args...)}, Rule: rule})
}

// shown is one line of text a reader sees, at its file line.
type shown struct {
	text string
	line int
	// safety marks a line that carries a safety rule's facts, which keeps
	// its own wording (100.4°F).
	safety bool
}

// Page returns the findings of one page, ordered by line.
func (c *Checker) Page(p *guide.Page) []Finding {
	pc := &pageCheck{Checker: c, p: p}
	blocks := scan(p.Raw, p.BodyLine, c.figs)
	pc.summary()
	pc.sections(blocks)
	// Everything shown, in reading order: message, in_short, body,
	// questions (not sources, not the canonical call lines).
	var texts []shown
	if p.Message != "" {
		texts = append(texts, shown{text: clean(p.Message, c.figs), line: p.Line("message")})
	}
	for i, s := range p.InShort {
		texts = append(texts, shown{text: clean(s, c.figs), line: p.Line("in_short[" + strconv.Itoa(i) + "]")})
	}
	for _, b := range blocks {
		if b.kind == call {
			continue
		}
		safe := pc.carriesFacts(b.text())
		for i, l := range b.lines {
			texts = append(texts, shown{text: l, line: b.at[i], safety: safe})
		}
	}
	for i, q := range p.Questions {
		texts = append(texts, shown{text: q, line: p.Line("questions[" + strconv.Itoa(i) + "]")})
	}
	pc.acronyms(texts)
	pc.numbers(texts)
	pc.lists(blocks)
	pc.sentences(blocks)
	pc.pictures()
	if s := readability.Page(p.Body); s.SMOG > MaxSMOG || s.Grade > MaxGrade {
		pc.add(RuleLevel, p.BodyLine, "reading level SMOG %.1f, Flesch–Kincaid %.1f: keep SMOG at most %.0f and Flesch–Kincaid at most %.0f (shorter sentences, fewer words of three or more syllables)", s.SMOG, s.Grade, MaxSMOG, MaxGrade)
	}
	slices.SortStableFunc(pc.out, func(a, b Finding) int { return a.Line - b.Line })
	return pc.out
}

// countRe finds "N in M" and "N out of M" (not "2 in 3 years").
var (
	countRe   = regexp.MustCompile(`(?i)\b(\d[\d,]*)\s+(?:in|out\s+of)\s+(\d[\d,]*)\b(\s+(?:years?|months?|weeks?|days?|hours?)\b)?`)
	percentRe = regexp.MustCompile(`(?i)\d\s*(?:%|percent\b)`)
	decimalRe = regexp.MustCompile(`\b\d+\.\d+\b`)
)

// summary checks rule 1: the message and the "In short" points.
func (pc *pageCheck) summary() {
	p := pc.p
	if strings.TrimSpace(p.Message) == "" {
		pc.add(RuleMessage, p.Line("message"), "no message: add \"message:\", the main message in one plain sentence of at most %d words", MaxMessageWords)
	} else {
		pc.oneSentence("message", p.Message, p.Line("message"))
	}
	if n := len(p.InShort); n < 2 || n > 3 {
		pc.add(RuleMessage, p.Line("in_short"), "in_short has %d points: write 2 or 3 one-sentence points", n)
	}
	for i, s := range p.InShort {
		pc.oneSentence(fmt.Sprintf("in_short point %d", i+1), s, p.Line("in_short["+strconv.Itoa(i)+"]"))
	}
	if p.Message == "" && len(p.InShort) == 0 {
		return
	}
	var b strings.Builder
	for _, s := range append([]string{p.Message}, p.InShort...) {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(s)
			if !strings.ContainsAny(s[len(s)-1:], ".!?") {
				b.WriteByte('.')
			}
			b.WriteByte(' ')
		}
	}
	if g := readability.Measure(b.String()).Grade; g > MaxPointsGrade {
		pc.add(RuleMessage, p.Line("message"), "message and in_short read at Flesch–Kincaid grade %.1f: keep them at %.0f or below (shorter words and sentences)", g, MaxPointsGrade)
	}
}

func (pc *pageCheck) oneSentence(what, s string, line int) {
	if ss, _ := sentences(clean(s, pc.figs)); len(ss) > 1 {
		pc.add(RuleMessage, line, "%s has %d sentences: write one", what, len(ss))
	}
	if n := words(s); n > MaxMessageWords {
		pc.add(RuleMessage, line, "%s has %d words: keep it to %d", what, n, MaxMessageWords)
	}
	switch {
	case hasName(s, pc.trials) != "":
		pc.add(RuleMessage, line, "%s names the trial %s: keep trial names for the page's body", what, hasName(s, pc.trials))
	case strings.Contains(s, "{{fig"):
		pc.add(RuleMessage, line, "%s holds a {{fig}}: keep trial figures for the page's body", what)
	case strings.Contains(s, "%") || countRe.MatchString(s):
		pc.add(RuleMessage, line, "%s holds a figure (%%, \"N in M\"): say it in words and keep the number for the body", what)
	}
}

// carriesFacts reports whether text carries every fact of a safety rule.
func (pc *pageCheck) carriesFacts(text string) bool {
	for _, rs := range pc.facts {
		if len(rs) == 0 {
			continue
		}
		all := true
		for _, re := range rs {
			if !re.MatchString(text) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// acronyms checks rule 2.
func (pc *pageCheck) acronyms(texts []shown) {
	p := pc.p
	listed := map[string]bool{}
	for _, a := range p.Acronyms {
		listed[a] = true
	}
	if len(p.Acronyms) > MaxAcronyms {
		pc.add(RuleAcronym, p.Line("acronyms"), "acronyms lists %d: use at most %d, and plain words for the rest", len(p.Acronyms), MaxAcronyms)
	}
	seen := map[string]bool{}
	for _, t := range texts {
		text := blankNames(t.text, pc.exempt)
		for _, a := range acronyms(text) {
			if slices.Contains(pc.exempt, a.name) || seen[a.name] {
				continue
			}
			seen[a.name] = true
			switch {
			case !listed[a.name]:
				pc.add(RuleAcronym, t.line, "%s is an acronym: use plain words, or list it in acronyms: (at most %d) and spell it out here, as \"spelled-out words (%s)\"", a.name, MaxAcronyms, a.name)
			case !explained(text, a):
				pc.add(RuleAcronym, t.line, "%s is first used here without being spelled out: write \"spelled-out words (%s)\" or \"%s (spelled-out words)\"", a.name, a.name, a.name)
			}
		}
	}
	for i, a := range p.Acronyms {
		if !seen[a] {
			pc.add(RuleAcronym, p.Line("acronyms["+strconv.Itoa(i)+"]"), "acronyms lists %s, which the page does not use: remove it", a)
		}
	}
}

// numbers checks rule 3: whole numbers, one denominator.
func (pc *pageCheck) numbers(texts []shown) {
	denom, denomLine := "", 0
	for _, t := range texts {
		if t.safety {
			continue
		}
		if d := decimalRe.FindString(t.text); d != "" {
			pc.add(RuleNumbers, t.line, "%s: write whole numbers (\"about %s\")", d, round(d))
		}
		var ms []string
		for _, m := range countRe.FindAllStringSubmatch(t.text, -1) {
			if m[3] == "" {
				ms = append(ms, strings.ReplaceAll(m[2], ",", ""))
			}
		}
		if percentRe.MatchString(t.text) {
			ms = append(ms, "100")
		}
		for _, m := range ms {
			if denom == "" {
				denom, denomLine = m, t.line
			} else if m != denom {
				pc.add(RuleNumbers, t.line, "counts \"in %s\" but line %d counts \"in %s\": use one denominator on a page (all \"in 100\")", m, denomLine, denom)
				break
			}
		}
	}
}

// round rounds a decimal to a whole number, for a message.
func round(d string) string {
	f, err := strconv.ParseFloat(d, 64)
	if err != nil {
		return d
	}
	return strconv.Itoa(int(f + 0.5))
}

// lists checks rule 4.
func (pc *pageCheck) lists(blocks []*block) {
	count, first := map[int]int{}, map[int]int{}
	var order []int
	for _, b := range blocks {
		if b.kind != item {
			continue
		}
		if count[b.list] == 0 {
			first[b.list] = b.at[0]
			order = append(order, b.list)
		}
		count[b.list]++
	}
	for _, l := range order {
		if count[l] > MaxListItems {
			pc.add(RuleList, first[l], "a list of %d items: keep lists to %d, or split it under headings", count[l], MaxListItems)
		}
	}
}

// sentences checks rule 5 in the body and the questions.
func (pc *pageCheck) sentences(blocks []*block) {
	for _, b := range blocks {
		if b.kind != para && b.kind != item {
			continue
		}
		text := b.text()
		if pc.carriesFacts(text) {
			continue
		}
		ss, starts := sentences(text)
		for i, s := range ss {
			if n := words(s); n > MaxSentenceWords {
				pc.add(RuleSentence, b.lineAt(starts[i]), "a sentence of %d words: keep sentences to %d", n, MaxSentenceWords)
			}
		}
	}
	for i, q := range pc.p.Questions {
		if n := words(q); n > MaxSentenceWords {
			pc.add(RuleSentence, pc.p.Line("questions["+strconv.Itoa(i)+"]"), "a question of %d words: keep it to %d", n, MaxSentenceWords)
		}
	}
}

// pictures checks rule 9: every picture has a caption, a title drawn
// above it (PEMAT-P item 17: visual aids have titles or captions). The
// guide's loader has already checked each spec; a spec that does not
// decode here is left to it.
func (pc *pageCheck) pictures() {
	for _, b := range pictures.Find(pc.p.Raw) {
		var spec struct {
			Caption string `yaml:"caption"`
		}
		if err := yaml.Unmarshal([]byte(b.Spec), &spec); err != nil || strings.TrimSpace(spec.Caption) != "" {
			continue
		}
		pc.add(RulePicture, pc.p.BodyLine+b.Line, "picture has no caption: add caption: (PEMAT item 17)")
	}
}

// sections checks rules 7 and 8: the call lines sit in the call section,
// which holds nothing else but a short lead-in, and the "More detail"
// section comes last.
func (pc *pageCheck) sections(blocks []*block) {
	callLabel := strings.ToLower(strings.TrimSpace(pc.labels.Call))
	moreLabel := strings.ToLower(strings.TrimSpace(pc.labels.More))
	inCall, leadIns, calls := false, 0, 0
	moreAt, lastH2 := 0, 0
	for _, b := range blocks {
		if b.kind == heading && b.level <= 2 {
			h := strings.ToLower(b.lines[0])
			inCall = callLabel != "" && strings.HasPrefix(h, callLabel)
			leadIns, calls = 0, 0
			lastH2 = b.at[0]
			if moreLabel != "" && strings.HasPrefix(h, moreLabel) {
				moreAt = b.at[0]
			}
			continue
		}
		facts := b.kind != call && b.kind != heading && pc.carriesFacts(b.text())
		switch {
		case !inCall && b.kind == call:
			pc.add(RuleCall, b.at[0], "%s must sit in the section headed %q", b.lines[0], pc.labels.Call+" …?")
		case !inCall && facts:
			pc.add(RuleCall, b.at[0], "this says a call-now rule in its own words: move it to the section headed %q", pc.labels.Call+" …?")
		case !inCall:
		case b.kind == call || facts:
			calls++
		case b.kind == para && leadIns == 0 && calls == 0 && words(b.text()) <= MaxLeadInWords:
			leadIns++
		default:
			pc.add(RuleCall, b.at[0], "the %q section holds only the call lines and one short lead-in (at most %d words, before them): move this to another section", pc.labels.Call+" …?", MaxLeadInWords)
		}
	}
	if moreAt != 0 && moreAt != lastH2 {
		pc.add(RuleMore, moreAt, "the %q section must be the last section of the page", pc.labels.More)
	}
}
