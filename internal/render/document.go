package render

import (
	"strconv"
	"strings"

	"github.com/her2guide/her2guide/internal/guide"
)

// Document returns the Markdown shown for a page: its body, then its sources
// as a numbered list and its review dates, so every page carries its evidence.
func Document(p *guide.Page) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(p.Body))
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
