package render

import (
	"strconv"
	"strings"
	"sync"

	"github.com/her2guide/her2guide/content"
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
	l := endLabels(p)
	b.WriteString("\n\n## " + l.Sources + "\n\n")
	for i, s := range p.Sources {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(s)
		b.WriteString("\n")
	}
	b.WriteString("\n" + strings.Replace(l.Reviewed, guide.DatePlaceholder, p.Reviewed.Format("2 January 2006"), 1))
	b.WriteString(" " + strings.Replace(l.NextReview, guide.DatePlaceholder, p.NextReview.Format("2 January 2006"), 1) + "\n")
	return b.String()
}

// english are the English bundle's labels, for a page whose bundle has
// none (a test's small tree): a page always says its sources and dates.
var english = sync.OnceValue(func() guide.Labels {
	return guide.LoadHome(guide.Source{FS: content.FS(), Name: content.Name}).Meta.Labels
})

// endLabels are the labels of a page's end: its bundle's, else English.
func endLabels(p *guide.Page) guide.Labels {
	var l guide.Labels
	if p.Labels != nil {
		l = *p.Labels
	}
	if l.Sources == "" || l.Reviewed == "" || l.NextReview == "" {
		en := english()
		l.Sources, l.Reviewed, l.NextReview = en.Sources, en.Reviewed, en.NextReview
	}
	return l
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
