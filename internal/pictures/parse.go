package pictures

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/her2guide/her2guide/internal/safetext"
)

// Picture is a checked picture spec, ready to draw.
type Picture struct {
	Kind Kind
	// Alt is the one-line text equivalent: the spec's alt, or one derived
	// from the spec.
	Alt string
	// Caption is the picture's optional title, one line, drawn above it
	// and read before its text equivalent.
	Caption string

	icons    iconsSpec
	steps    [][]string // timeline: each step, one or more outcomes
	groups   []group    // scale
	columns  []column   // compare
	count    int        // icons: how many of per are marked
	per      int        // icons: 10 or 100
	iconText string     // icons: the caption sentence
}

// Error is one problem with a spec. Line counts from 1, the first line of
// the spec (the line after the opening fence); 0 is the opening fence.
type Error struct {
	Line int
	Msg  string
}

func (e Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

type iconsSpec struct {
	Count   string `yaml:"count"`
	Fig     string `yaml:"fig"`
	Says    string `yaml:"says"`
	Rest    string `yaml:"rest"`
	Alt     string `yaml:"alt"`
	Caption string `yaml:"caption"`
}

type timelineSpec struct {
	Steps   []stepSpec `yaml:"steps"`
	Alt     string     `yaml:"alt"`
	Caption string     `yaml:"caption"`
}

// stepSpec is one timeline step: a string, or a list of strings (the
// outcomes the step may have).
type stepSpec struct {
	outcomes []string
	line     int
}

func (s *stepSpec) UnmarshalYAML(n *yaml.Node) error {
	s.line = n.Line
	switch n.Kind {
	case yaml.ScalarNode:
		s.outcomes = []string{n.Value}
		return nil
	case yaml.SequenceNode:
		return n.Decode(&s.outcomes)
	}
	return fmt.Errorf("line %d: a step is a line of text, or a list [a, b] of the outcomes it may have", n.Line)
}

type group struct {
	Name  string   `yaml:"name"`
	Items []string `yaml:"items"`
}

type scaleSpec struct {
	Groups  []group `yaml:"groups"`
	Alt     string  `yaml:"alt"`
	Caption string  `yaml:"caption"`
}

type column struct {
	Title  string   `yaml:"title"`
	Points []string `yaml:"points"`
}

type compareSpec struct {
	Columns []column `yaml:"columns"`
	Alt     string   `yaml:"alt"`
	Caption string   `yaml:"caption"`
}

var (
	yamlLine  = regexp.MustCompile(`line (\d+): `)
	countSpec = regexp.MustCompile(`^(\d+) in (10|100)$`)
	// figCount finds a count in a figure's text: "17 in 100", "17 out of
	// 100", "3 in 10", a whole number (not the tail of "4.6").
	figCount = regexp.MustCompile(`(?:^|[^\d.,])(\d+)\s+(?:in|out\s+of)\s+(100|10)\b`)
)

// Figures gives the text of a trial figure by its id (from figures.yaml),
// for an icon array's fig:, or an error that says why there is none.
type Figures func(id string) (text string, err error)

// Parse checks a spec of the given kind strictly: unknown fields, missing
// fields, wrong shapes and unsafe text are errors, each with its line. An
// icon array with fig: is an error here: use ParseWith and the guide's
// figures.
func Parse(kind Kind, spec string) (*Picture, []Error) { return ParseWith(kind, spec, nil) }

// ParseWith is Parse with the trial figures an icon array's fig: names.
func ParseWith(kind Kind, spec string, figs Figures) (*Picture, []Error) {
	if strings.Contains(spec, "{{") || strings.Contains(spec, "}}") {
		return nil, []Error{{lineOf(spec, strings.Index(spec, "{{")), "a picture cannot hold {{fig}} or {{call}}: write its words and numbers in the spec"}}
	}
	if strings.TrimSpace(spec) == "" {
		return nil, []Error{{0, fmt.Sprintf("empty %s picture: write its spec in YAML (see content/README.md)", kind)}}
	}
	p := &Picture{Kind: kind}
	var errs []Error
	switch kind {
	case Icons:
		errs = decode(spec, &p.icons)
		if errs == nil {
			errs = p.checkIcons(spec, figs)
		}
	case Timeline:
		var s timelineSpec
		if errs = decode(spec, &s); errs == nil {
			errs = p.checkTimeline(spec, s)
		}
	case Scale:
		var s scaleSpec
		if errs = decode(spec, &s); errs == nil {
			errs = p.checkScale(spec, s)
		}
	case Compare:
		var s compareSpec
		if errs = decode(spec, &s); errs == nil {
			errs = p.checkCompare(spec, s)
		}
	default:
		return nil, []Error{{0, fmt.Sprintf("unknown picture %q", kind)}}
	}
	if errs == nil {
		var c struct {
			Caption string `yaml:"caption"`
		}
		if err := yaml.Unmarshal([]byte(spec), &c); err == nil && c.Caption != "" {
			p.Caption = text(&errs, fieldLine(spec, "caption"), "caption", c.Caption)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

// Spoken is what a screen reader should say for the picture: its caption,
// then its text equivalent.
func (p *Picture) Spoken() string {
	if p.Caption == "" {
		return p.Alt
	}
	c := p.Caption
	if !strings.ContainsAny(c[len(c)-1:], ".?!:") {
		c += "."
	}
	return c + " " + p.Alt
}

// lineOf returns the 1-based line of byte i of s.
func lineOf(s string, i int) int { return strings.Count(s[:max(i, 0)], "\n") + 1 }

// decode decodes spec into v with unknown fields as errors.
func decode(spec string, v any) []Error {
	dec := yaml.NewDecoder(bytes.NewReader([]byte(spec)))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := make([]Error, 0, len(msgs))
	for _, m := range msgs {
		line := 1
		m = strings.TrimPrefix(m, "yaml: ")
		if sub := yamlLine.FindStringSubmatchIndex(m); sub != nil {
			if n, convErr := strconv.Atoi(m[sub[2]:sub[3]]); convErr == nil {
				line = n
			}
			m = m[:sub[0]] + m[sub[1]:]
		}
		m = strings.Replace(m, "not found in type pictures.", "is not allowed in ", 1)
		out = append(out, Error{line, "bad spec: " + strings.TrimPrefix(m, "unmarshal errors:\n  ")})
	}
	return out
}

// text checks one piece of text of a spec: present, one line, safe.
func text(errs *[]Error, line int, what, s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		*errs = append(*errs, Error{line, "missing " + what})
	case strings.ContainsAny(s, "\n\r"):
		*errs = append(*errs, Error{line, what + " must be one line"})
	case !safetext.Safe(s):
		*errs = append(*errs, Error{line, what + " contains a control character, an escape sequence or a text direction mark"})
	}
	return s
}

// alt checks the spec's alt if there is one, or returns derived.
func alt(errs *[]Error, spec, given, derived string) string {
	if given == "" {
		return derived
	}
	return text(errs, fieldLine(spec, "alt"), "alt (the one-line text equivalent)", given)
}

// fieldLine returns the line of a top-level field of spec, or 1.
func fieldLine(spec, name string) int {
	for i, l := range strings.Split(spec, "\n") {
		if strings.HasPrefix(l, name+":") {
			return i + 1
		}
	}
	return 1
}

// FigureCount reads the count an icon array draws from a trial figure's
// text: it must hold exactly one "N in 100", "N out of 100" or "N in 10"
// (or "N out of 10"), a whole number. It returns the count as "N in 100".
func FigureCount(text string) (string, error) {
	ms := figCount.FindAllStringSubmatch(text, -1)
	switch {
	case len(ms) == 0:
		return "", fmt.Errorf("its text %q gives no \"N in 100\", \"N out of 100\" or \"N in 10\" to draw: write count: instead", text)
	case len(ms) > 1:
		return "", fmt.Errorf("its text %q gives %d counts: an icon array draws exactly one \"N in 100\", \"N out of 100\" or \"N in 10\"", text, len(ms))
	}
	return ms[0][1] + " in " + ms[0][2], nil
}

// figureCount puts the count of the figure fig: names into p.icons.Count.
func (p *Picture) figureCount(spec string, figs Figures) []Error {
	s := &p.icons
	line := fieldLine(spec, "fig")
	id := strings.TrimSpace(s.Fig)
	switch {
	case strings.TrimSpace(s.Count) != "":
		return []Error{{line, "write count: or fig:, not both"}}
	case id == "":
		return []Error{{line, "missing fig (the id of a figure in figures.yaml)"}}
	case figs == nil:
		return []Error{{line, fmt.Sprintf("fig %q: the guide's figures are not loaded here", id)}}
	}
	text, err := figs(id)
	if err == nil {
		s.Count, err = FigureCount(text)
	}
	if err != nil {
		return []Error{{line, fmt.Sprintf("fig %q: %v", id, err)}}
	}
	return nil
}

func (p *Picture) checkIcons(spec string, figs Figures) []Error {
	countLine := fieldLine(spec, "count")
	if hasField(spec, "fig") {
		if errs := p.figureCount(spec, figs); errs != nil {
			return errs
		}
		countLine = fieldLine(spec, "fig")
	}
	s := p.icons
	var errs []Error
	m := countSpec.FindStringSubmatch(strings.TrimSpace(s.Count))
	if m == nil {
		errs = append(errs, Error{countLine, fmt.Sprintf("count %q: write \"N in 100\" or \"N in 10\", a whole number (or fig: a figure's id)", s.Count)})
	} else {
		p.count, _ = strconv.Atoi(m[1]) // the pattern holds only digits
		p.per, _ = strconv.Atoi(m[2])
		if p.count > p.per {
			errs = append(errs, Error{countLine, fmt.Sprintf("count %q: more than %d in %d", s.Count, p.per, p.per)})
		}
	}
	p.icons.Says = text(&errs, fieldLine(spec, "says"), "says (what the marked ones had or did)", s.Says)
	if strings.TrimSpace(s.Rest) == "" {
		p.icons.Rest = "did not"
	} else {
		p.icons.Rest = text(&errs, fieldLine(spec, "rest"), "rest", s.Rest)
	}
	if len(errs) > 0 {
		return errs
	}
	p.iconText = fmt.Sprintf("About %d in %d %s, so about %d in %d %s.", p.count, p.per, p.icons.Says, p.per-p.count, p.per, p.icons.Rest)
	p.Alt = alt(&errs, spec, s.Alt, p.iconText)
	// A hand-written alt may not give another count than the one drawn.
	marked := fmt.Sprintf("%d in %d", p.count, p.per)
	rest := fmt.Sprintf("%d in %d", p.per-p.count, p.per)
	for _, c := range figCount.FindAllStringSubmatch(s.Alt, -1) {
		if n := c[1] + " in " + c[2]; n != marked && n != rest {
			errs = append(errs, Error{fieldLine(spec, "alt"), fmt.Sprintf("alt says %q, but the picture draws %s (and %s the rest)", n, marked, rest)})
			break
		}
	}
	return errs
}

// hasField reports whether spec has the top-level field name.
func hasField(spec, name string) bool {
	for _, l := range strings.Split(spec, "\n") {
		if strings.HasPrefix(l, name+":") {
			return true
		}
	}
	return false
}

func (p *Picture) checkTimeline(spec string, s timelineSpec) []Error {
	var errs []Error
	if len(s.Steps) < 2 {
		errs = append(errs, Error{fieldLine(spec, "steps"), "a timeline needs steps: at least 2"})
	}
	var said []string
	for _, st := range s.Steps {
		if len(st.outcomes) == 0 || len(st.outcomes) > 3 {
			errs = append(errs, Error{st.line, "a step has 1 to 3 outcomes"})
			continue
		}
		var outs []string
		for _, o := range st.outcomes {
			outs = append(outs, text(&errs, st.line, "step text", o))
		}
		p.steps = append(p.steps, outs)
		words := make([]string, len(outs))
		for i, o := range outs {
			words[i] = lowerFirst(o)
		}
		said = append(said, strings.Join(words, " or "))
	}
	if len(errs) > 0 {
		return errs
	}
	derived := "First " + said[0]
	for _, s := range said[1:] {
		derived += ", then " + s
	}
	p.Alt = alt(&errs, spec, s.Alt, derived+".")
	return errs
}

func (p *Picture) checkScale(spec string, s scaleSpec) []Error {
	var errs []Error
	if len(s.Groups) < 2 || len(s.Groups) > 4 {
		errs = append(errs, Error{fieldLine(spec, "groups"), "a scale needs 2 to 4 groups, each with a name and items"})
	}
	var said []string
	for gi, g := range s.Groups {
		line := itemLine(spec, "groups", gi)
		g.Name = text(&errs, line, "group name", g.Name)
		if len(g.Items) == 0 {
			errs = append(errs, Error{line, fmt.Sprintf("group %q has no items", g.Name)})
		}
		for i, it := range g.Items {
			g.Items[i] = text(&errs, line, "item", it)
		}
		p.groups = append(p.groups, g)
		said = append(said, g.Name+": "+strings.Join(g.Items, ", "))
	}
	if len(errs) > 0 {
		return errs
	}
	p.Alt = alt(&errs, spec, s.Alt, "From left to right, "+strings.Join(said, "; then ")+".")
	return errs
}

func (p *Picture) checkCompare(spec string, s compareSpec) []Error {
	var errs []Error
	if len(s.Columns) != 2 {
		errs = append(errs, Error{fieldLine(spec, "columns"), "a comparison needs columns: exactly 2, each with a title and points"})
	}
	var said []string
	for ci, c := range s.Columns {
		line := itemLine(spec, "columns", ci)
		c.Title = text(&errs, line, "column title", c.Title)
		if len(c.Points) == 0 {
			errs = append(errs, Error{line, fmt.Sprintf("column %q has no points", c.Title)})
		}
		var pts []string
		for i, pt := range c.Points {
			c.Points[i] = text(&errs, line, "point", pt)
			pts = append(pts, strings.TrimRight(c.Points[i], "."))
		}
		p.columns = append(p.columns, c)
		said = append(said, c.Title+": "+strings.Join(pts, "; "))
	}
	if len(errs) > 0 {
		return errs
	}
	p.Alt = alt(&errs, spec, s.Alt, strings.Join(said, ". ")+".")
	return errs
}

// itemLine returns the line of the i-th item of the top-level list key in
// spec, or the key's line.
func itemLine(spec, key string, i int) int {
	var doc yaml.Node
	if yaml.Unmarshal([]byte(spec), &doc) != nil || len(doc.Content) != 1 {
		return fieldLine(spec, key)
	}
	m := doc.Content[0]
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == key && i < len(m.Content[k+1].Content) {
			return m.Content[k+1].Content[i].Line
		}
	}
	return fieldLine(spec, key)
}

// lowerFirst lower-cases the first letter unless the first word looks like
// a name or an abbreviation (a second capital or a digit in it).
func lowerFirst(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if len(w) < 2 || strings.IndexFunc(w[1:], func(r rune) bool { return (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') }) >= 0 {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
