package export

import (
	"time"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// Title heads the printed sheet.
const Title = "Questions for my oncologist"

// NewSheet makes the sheet for a list of questions from the guide's content.
// Its "when to call right away" box has the safety lines that the pages
// behind the questions call for (every line when no question comes from a
// page). The care team's phone numbers are left blank: set Phone and
// AfterHours to fill them in.
func NewSheet(g *guide.Guide, items []checklist.Item, date time.Time, version string) Sheet {
	if version == "" {
		version = "dev"
	}
	var topics []string
	for _, it := range items {
		if it.Topic != "" {
			topics = append(topics, it.Topic)
		}
	}
	return Sheet{
		Title:    Title,
		Date:     date,
		Groups:   checklist.Ordered(items),
		Urgent:   UrgentLines(g, topics),
		Notice:   g.Meta.Notice,
		Reviewed: g.Reviewed(),
		Version:  version,
	}
}

// UrgentLines returns the "when to call right away" lines for a sheet made
// from the given pages' questions: see guide.SheetRules. No pages (a sheet
// for a reader whose treatment is not known) gives every line.
func UrgentLines(g *guide.Guide, pageIDs []string) []string {
	var lines []string
	for _, r := range g.SheetRules(pageIDs) {
		lines = append(lines, r.SheetLine())
	}
	return lines
}
