package guide

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Trial is one study whose figures the pages quote, from figures.yaml.
// Pages write a figure as {{fig ID}}, so each figure is written once.
type Trial struct {
	// Name is how pages name the trial, e.g. "CLEOPATRA".
	Name string `yaml:"trial"`
	// Source names the paper or label the figures come from.
	Source  string    `yaml:"source"`
	Figures []*Figure `yaml:"figures"`
	// File and Line say where the trial is defined.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Figure is one number as the pages say it.
type Figure struct {
	ID string `yaml:"id"`
	// Text is the figure as it reads on the page ("about 57 months").
	Text string `yaml:"text"`
	// Value is the figure exactly as the source gives it ("57.1 months").
	Value string `yaml:"value"`
}

// figurePattern finds a number with a unit that a figure would have: a
// percentage, a count "out of 100", or a time in months or years.
var figurePattern = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)?(?:\s+and\s+a\s+half)?\s*(?:%|percent\b|out\s+of\s+\d+|in\s+(?:10|100|1,000)\b|months?\b|years?\b|weeks?\b)`)

// figures indexes the trials and their figures, and finds figures written
// out by hand beside a trial's name.
type figures struct {
	byID   map[string]*Figure
	trials []*Trial
	// names are the trials' names, longest first.
	names []string
}

func newFigures(c *problems, trials []*Trial) *figures {
	f := &figures{byID: map[string]*Figure{}}
	seen := map[string]bool{}
	var names []string
	for _, t := range trials {
		if t == nil {
			continue
		}
		if strings.TrimSpace(t.Name) == "" || strings.TrimSpace(t.Source) == "" {
			c.add(t.File, t.Line, "trial needs a name (trial) and a source")
		}
		if seen[t.Name] {
			c.add(t.File, t.Line, "trial %q is listed twice", t.Name)
		}
		seen[t.Name] = true
		if t.Name != "" {
			names = append(names, t.Name)
		}
		for _, fg := range t.Figures {
			switch {
			case fg == nil || fg.ID == "" || !idPattern.MatchString(fg.ID):
				c.add(t.File, t.Line, "trial %q: every figure needs an id of lower-case letters, digits and single dashes", t.Name)
				continue
			case strings.TrimSpace(fg.Text) == "" || strings.TrimSpace(fg.Value) == "":
				c.add(t.File, t.Line, "figure %q needs text and value", fg.ID)
			case f.byID[fg.ID] != nil:
				c.add(t.File, t.Line, "figure id %q is used twice", fg.ID)
				continue
			}
			f.byID[fg.ID] = fg
		}
		f.trials = append(f.trials, t)
	}
	// Longest first, so that "HER2CLIMB-05" is found before "HER2CLIMB".
	slices.SortStableFunc(names, func(a, b string) int { return len(b) - len(a) })
	f.names = names
	return f
}

// handWritten reports, for each block of raw (lines between blank lines,
// placeholders already removed) that names a trial, the first figure
// written out by hand, at its line.
func (f *figures) handWritten(c *problems, p *Page, raw string) {
	if f == nil || len(f.names) == 0 {
		return
	}
	lines := strings.Split(raw, "\n")
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
			end++
		}
		block := strings.Join(lines[start:end], "\n")
		// Only a block with a digit can hold a figure: skip the rest cheaply.
		if !strings.ContainsAny(block, "0123456789") {
			start = end + 1
			continue
		}
		if name := f.named(block); name != "" {
			for i := start; i < end; i++ {
				if n := figurePattern.FindString(lines[i]); n != "" {
					c.add(p.File, p.BodyLine+i, "%q near %s is written by hand: put it in figures.yaml and write {{fig ID}}, so each figure is written once", n, name)
					break
				}
			}
		}
		start = end + 1
	}
}

// named returns the first listed trial that block names as a whole name (a
// letter, digit or hyphen on either side makes it another name), or "".
func (f *figures) named(block string) string {
	for _, name := range f.names {
		for from := 0; ; {
			i := strings.Index(block[from:], name)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			before, _ := utf8.DecodeLastRuneInString(block[:i])
			after, _ := utf8.DecodeRuneInString(block[i+len(name):])
			if !nameRune(before) && !nameRune(after) {
				return name
			}
		}
	}
	return ""
}

// nameRune reports whether r would continue a trial's name.
func nameRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
}
