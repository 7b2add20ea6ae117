package export

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// title is the sheet's heading: the clinician copy has its own.
func (s Sheet) title() string {
	if s.Clinician {
		return s.Words.ClinicianTitle
	}
	return s.Title
}

// intro returns the lines printed under the title: the clinic's
// endorsement when a clinic is set, then what to do with the sheet.
func (s Sheet) intro() []string {
	var lines []string
	if s.Clinic != "" && s.Words.Endorsed != "" {
		lines = append(lines, strings.Replace(s.Words.Endorsed, guide.ClinicPlaceholder, s.Clinic, 1))
	}
	if s.Words.HandOver != "" {
		lines = append(lines, s.Words.HandOver)
	}
	return lines
}

// split returns the reader's most important questions (at most
// checklist.MaxTop, printed in the "My top 3" box) and the other groups.
func (s Sheet) split() (top []checklist.Item, rest []checklist.Group) {
	for _, g := range s.Groups {
		if len(g.Items) > 0 && g.Items[0].Top {
			top = append(top, g.Items...)
			continue
		}
		rest = append(rest, g)
	}
	if len(top) > checklist.MaxTop {
		top = top[:checklist.MaxTop]
	}
	return top, rest
}

// topHeading is the "My top 3" box's heading.
func (s Sheet) topHeading() string { return withNumber(s.Words.Top, checklist.MaxTop) }

// topInstruction is the line under the "My top 3" heading for n marked
// questions.
func (s Sheet) topInstruction(n int) string {
	switch {
	case n == 0:
		return withNumber(s.Words.TopEmpty, checklist.MaxTop)
	case n < checklist.MaxTop:
		return s.Words.TopSome
	}
	return s.Words.TopFull
}

// withNumber puts n in a label's {n}.
func withNumber(label string, n int) string {
	return strings.Replace(label, guide.NumberPlaceholder, strconv.Itoa(n), 1)
}

// oneLine is a question's short form: its words on one line, cut with an
// ellipsis when wider than width columns.
func oneLine(text string, width int) string {
	t := strings.Join(strings.Fields(text), " ")
	if ansi.StringWidth(t) <= width {
		return t
	}
	return strings.TrimRight(ansi.Truncate(t, width-1, ""), " ") + "…"
}

// others returns the questions of the groups in print order, for the
// clinician copy's short list.
func others(groups []checklist.Group) []checklist.Item {
	var items []checklist.Item
	for _, g := range groups {
		items = append(items, g.Items...)
	}
	return items
}

// Situation returns the reader's "My situation" answers as the clinician
// copy prints them: each question asked, in the form's order, with the
// label of the answer given.
func Situation(g *guide.Guide, answers map[string]string) []Fact {
	var facts []Fact
	for i, q := range g.Paths.Situation {
		v := answers[q.ID]
		if v == "" || !g.Asks(i, answers) {
			continue
		}
		if label := q.AnswerLabel(v); label != "" {
			facts = append(facts, Fact{Question: q.Ask, Answer: label})
		}
	}
	return facts
}

// AboutCancer returns the reader's answers to the "My situation" questions
// her2, stage and hormone, as the "About my cancer" lines print them (see
// Sheet.Mine): the answer's label, or empty for a question not asked, not
// answered or answered "I don't know" (the answer id "unsure").
func AboutCancer(g *guide.Guide, answers map[string]string) Cancer {
	var c Cancer
	for i, q := range g.Paths.Situation {
		v := answers[q.ID]
		if v == "" || v == "unsure" || !g.Asks(i, answers) {
			continue
		}
		label := q.AnswerLabel(v)
		switch q.ID {
		case "her2":
			c.HER2 = label
		case "stage":
			c.Stage = label
		case "hormone":
			c.HR = label
		}
	}
	return c
}

// Empty reports whether no line would be filled.
func (c Cancer) Empty() bool { return c == Cancer{} }
