package guide

import (
	"regexp"
	"strings"
)

// placeholder finds {{fig ID}} and {{call ID, ID}} in a page body, and
// anything else between double braces, which is an error.
var placeholder = regexp.MustCompile(`\{\{([^{}]*)\}\}`)

// shared is what every page may refer to: the safety rules and the trial
// figures. It is read-only once built.
type shared struct {
	rules   []*SafetyRule
	byRule  map[string]*SafetyRule
	figures *figures
}

func newShared(c *problems, rules []*SafetyRule, trials []*Trial) *shared {
	s := &shared{byRule: map[string]*SafetyRule{}}
	for _, r := range rules {
		if r == nil {
			continue
		}
		r.compile(c)
		if s.byRule[r.ID] != nil {
			c.add(r.File, r.Line, "duplicate safety rule id %q", r.ID)
			continue
		}
		s.byRule[r.ID] = r
		s.rules = append(s.rules, r)
	}
	s.figures = newFigures(c, trials)
	return s
}

// expand replaces the placeholders of a page body and checks the page
// against the safety rules and the figures rule. It returns the expanded
// body; raw is the body with every placeholder removed, for the checks that
// read only what the page's author wrote.
func (s *shared) expand(c *problems, p *Page, body string) string {
	if s == nil {
		return body
	}
	var raw strings.Builder
	var out strings.Builder
	last := 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(body, -1) {
		out.WriteString(body[last:m[0]])
		raw.WriteString(body[last:m[0]])
		last = m[1]
		line := p.BodyLine + strings.Count(body[:m[0]], "\n")
		fields := strings.Fields(strings.ReplaceAll(body[m[2]:m[3]], ",", " "))
		if len(fields) < 2 {
			c.add(p.File, line, "%s: write {{fig ID}} or {{call ID}}", body[m[0]:m[1]])
			continue
		}
		switch fields[0] {
		case "fig":
			f := s.figures.byID[fields[1]]
			if f == nil || len(fields) > 2 {
				c.add(p.File, line, "%s: no such figure in figures.yaml%s", body[m[0]:m[1]], suggestion(fields[1], keys(s.figures.byID)))
				continue
			}
			out.WriteString(f.Text)
		case "call":
			if !alone(body, m[0], m[1]) {
				c.add(p.File, line, "%s must stand alone on its line", body[m[0]:m[1]])
			}
			for i, id := range fields[1:] {
				r := s.byRule[id]
				if r == nil {
					c.add(p.File, line, "%s: no safety rule %q in safety.yaml%s", body[m[0]:m[1]], id, suggestion(id, keys(s.byRule)))
					continue
				}
				if i > 0 {
					out.WriteString("\n")
				}
				out.WriteString("- " + r.Text)
			}
		default:
			c.add(p.File, line, "%s: write {{fig ID}} or {{call ID}}", body[m[0]:m[1]])
		}
	}
	out.WriteString(body[last:])
	raw.WriteString(body[last:])
	p.Body = out.String()
	src := raw.String()
	if strings.Contains(src, "{{") || strings.Contains(src, "}}") {
		line := p.BodyLine + strings.Count(src[:max(strings.Index(src, "{{"), strings.Index(src, "}}"))], "\n")
		c.add(p.File, line, "unmatched {{ or }}: write {{fig ID}} or {{call ID}}")
	}
	checkSafety(c, p, src, s.rules)
	s.figures.handWritten(c, p, src)
	return p.Body
}

// alone reports whether body[i:j] is the only thing on its line.
func alone(body string, i, j int) bool {
	start := strings.LastIndexByte(body[:i], '\n') + 1
	end := strings.IndexByte(body[j:], '\n')
	if end < 0 {
		end = len(body)
	} else {
		end += j
	}
	return strings.TrimSpace(body[start:i]) == "" && strings.TrimSpace(body[j:end]) == ""
}
