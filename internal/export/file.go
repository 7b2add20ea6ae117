package export

import (
	"time"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
)

// NewSheet makes the sheet for a list of questions from the guide's content.
// Its "when to call right away" box has the safety lines that the pages
// behind the questions call for (every line when no question comes from a
// page). The care team's phone numbers are left blank: set Phone and
// AfterHours to fill them in. The full checklist (questions from every
// page that has any, as `her2guide questions --all` makes it) prints its
// pages' pictures too; a shorter sheet does not, to stay short (call
// AddPictures to add them).
func NewSheet(g *guide.Guide, items []checklist.Item, date time.Time, version string) Sheet {
	if version == "" {
		version = "dev"
	}
	var topics []string
	asked := map[string]bool{}
	for _, it := range items {
		if it.Topic != "" {
			topics = append(topics, it.Topic)
			asked[it.Topic] = true
		}
	}
	words := bundled(g.Meta.Sheet)
	s := Sheet{
		Title:    words.Title,
		Date:     date,
		Groups:   checklist.Ordered(items),
		Urgent:   UrgentLines(g, topics),
		Notice:   g.Meta.Notice,
		Words:    words,
		Reviewed: g.Reviewed(),
		Version:  version,
	}
	full := len(asked) > 0
	for _, p := range g.Pages {
		full = full && (len(p.Questions) == 0 || asked[p.ID])
	}
	if full {
		s.AddPictures(g)
	}
	return s
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

// AddPictures puts on the sheet the pictures of the pages its groups of
// questions come from (see Sheet.Pictures). A picture that does not parse
// is left out: the content checks report it.
func (s *Sheet) AddPictures(g *guide.Guide) {
	for _, gr := range s.Groups {
		id := groupPage(gr)
		p, ok := g.Page(id)
		if id == "" || !ok {
			continue
		}
		var pics []*pictures.Picture
		for _, b := range pictures.Find(p.Body) {
			if pic, errs := pictures.Parse(b.Kind, b.Spec); b.Closed && errs == nil {
				pics = append(pics, pic)
			}
		}
		if len(pics) > 0 {
			if s.Pictures == nil {
				s.Pictures = map[string][]*pictures.Picture{}
			}
			s.Pictures[id] = pics
		}
	}
}
