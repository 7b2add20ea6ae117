package render

import (
	"strconv"
	"strings"

	"github.com/her2guide/her2guide/internal/guide"
)

// Document returns the Markdown shown for a page: its main message and its
// short points, its body, then its sources as a numbered list and its review
// dates, so every page carries its evidence.
func Document(p *guide.Page) string {
	var b strings.Builder
	b.WriteString(Lead(p))
	b.WriteString(strings.TrimSpace(p.Body))
	b.WriteString(Questions(p))
	b.WriteString("\n\n## Sources\n\n")
	for i, s := range p.Sources {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(s)
		b.WriteString("\n")
	}
	b.WriteString("\nReviewed ")
	b.WriteString(p.Reviewed.Format("2 January 2006"))
	b.WriteString(". Next review by ")
	b.WriteString(p.NextReview.Format("2 January 2006"))
	b.WriteString(".\n")
	return b.String()
}

// Questions returns the Markdown of the page's suggested questions, under
// the bundle's heading for them, to take to a visit; empty when the page
// has none or the bundle no heading.
func Questions(p *guide.Page) string {
	if p.Labels == nil || p.Labels.Questions == "" || len(p.Questions) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n\n## " + p.Labels.Questions + "\n\n")
	for _, q := range p.Questions {
		b.WriteString("- " + strings.TrimSpace(q) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// Lead returns the Markdown that opens a page, before its body: the main
// message in bold under its label, then the "In short" points. It is empty
// for a page that has neither.
func Lead(p *guide.Page) string {
	var labels guide.Labels
	if p.Labels != nil {
		labels = *p.Labels
	}
	var b strings.Builder
	if m := strings.TrimSpace(p.Message); m != "" {
		if labels.Message != "" {
			b.WriteString("**" + labels.Message + ":** ")
		}
		b.WriteString("**" + m + "**\n\n")
	}
	if len(p.InShort) > 0 {
		if labels.InShort != "" {
			b.WriteString("**" + labels.InShort + "**\n\n")
		}
		for _, s := range p.InShort {
			b.WriteString("- " + strings.TrimSpace(s) + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}
