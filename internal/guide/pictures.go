package guide

import (
	"github.com/her2guide/her2guide/internal/pictures"
)

// checkPictures checks each picture block of a page's body (```icons,
// ```timeline, ```scale, ```compare) against its spec, before the body's
// placeholders are expanded, so lines are the file's lines.
func checkPictures(c *problems, p *Page) {
	for _, b := range pictures.Find(p.Body) {
		fence := p.BodyLine + b.Line
		if !b.Closed {
			c.add(p.File, fence, "```%s picture is not closed: end it with a line of ```", b.Kind)
			continue
		}
		_, errs := pictures.Parse(b.Kind, b.Spec)
		for _, e := range errs {
			c.add(p.File, fence+e.Line, "```%s picture: %s", b.Kind, e.Msg)
		}
	}
}
