package guide

import (
	"errors"
	"fmt"

	"github.com/her2guide/her2guide/internal/pictures"
)

// checkPictures checks each picture block of a page's body (```icons,
// ```timeline, ```scale, ```compare) against its spec, before the body's
// placeholders are expanded, so lines are the file's lines. An icon
// array's fig: names a figure of figures.yaml (see resolvePictures).
func checkPictures(c *problems, p *Page, sh *shared) {
	figs := sh.pictureFigures()
	for _, b := range pictures.Find(p.Body) {
		fence := p.BodyLine + b.Line
		if !b.Closed {
			c.add(p.File, fence, "```%s picture is not closed: end it with a line of ```", b.Kind)
			continue
		}
		_, errs := pictures.ParseWith(b.Kind, b.Spec, figs)
		for _, e := range errs {
			c.add(p.File, fence+e.Line, "```%s picture: %s", b.Kind, e.Msg)
		}
	}
}

// resolvePictures puts into each icon array of the expanded body the
// count its fig: names, as {{fig}} puts in a figure's text, so an icon
// array never disagrees with the figure the page quotes.
func resolvePictures(p *Page, sh *shared) {
	p.Body = pictures.ResolveFigures(p.Body, sh.pictureFigures())
}

// pictureFigures looks up a figure's text for an icon array's fig:.
func (s *shared) pictureFigures() pictures.Figures {
	return func(id string) (string, error) {
		if s == nil || s.figures == nil {
			return "", errors.New("no figures.yaml is loaded")
		}
		f := s.figures.byID[id]
		if f == nil {
			return "", fmt.Errorf("no such figure in figures.yaml%s", suggestion(id, keys(s.figures.byID)))
		}
		return f.Text, nil
	}
}
