// Package render turns pages into terminal text with Glamour and caches the
// result per (page, width, style). It has no UI code and is safe for
// concurrent use.
package render

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"charm.land/glamour/v2"
	xansi "github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/guide"
)

// Style is a Glamour style by name.
type Style string

// The styles the guide offers.
const (
	Dark  Style = "dark"
	Light Style = "light"
	ASCII Style = "ascii"
	// HighContrast uses no colours at all: text is the terminal's own
	// foreground on its own background, with bold and underlined headings.
	HighContrast Style = "high-contrast"
	// Dark16 and Light16 are Dark and Light for a 16-colour terminal,
	// whose own palette decides what the colours look like (see
	// ForProfile); they are not offered by name.
	Dark16  Style = "dark-16"
	Light16 Style = "light-16"
)

// ParseStyle checks a style name.
func ParseStyle(s string) (Style, error) {
	switch Style(s) {
	case Dark, Light, ASCII, HighContrast:
		return Style(s), nil
	}
	return "", fmt.Errorf("unknown style %q: use dark, light, high-contrast or ascii", s)
}

// MinWidth is the narrowest width the renderer will wrap to.
const MinWidth = 20

// MaxWidth is the widest a page is rendered: lines of more than about 80
// characters are hard to read, so a wider window gets an 80-column page
// (which the TUI centres).
const MaxWidth = 80

// Measure returns the width a page is rendered at in a window (or body
// area) of the given width: the window's width, but at most MaxWidth. A
// caller that centres the page puts (window-Measure(window))/2 columns
// before each line.
func Measure(window int) int { return min(window, MaxWidth) }

// margin is the blank columns Glamour leaves on each side of the text, in
// every style the guide uses.
const margin = 2

// Key identifies one rendering of a page. Keys whose widths have the same
// Measure name the same rendering: Get and Render look a key up by its
// measure, and a Rendered carries the width it was rendered at.
type Key struct {
	Page  string
	Width int
	Style Style
}

// Rendered is a page rendered for one width and style, split into lines that
// are each at most Key.Width cells wide; Key.Width is the measure, at most
// MaxWidth, whatever width was asked for.
type Rendered struct {
	Key   Key
	Lines []string
}

// Cache renders pages and keeps the results. The zero value is not usable;
// call NewCache.
//
// Its lock guards only the maps, never a Glamour render, so Get is always
// quick, even while other pages render in the background. Renders of
// different pages run in parallel, each with a renderer of its own; two
// requests for the same rendering share one render.
type Cache struct {
	mu sync.Mutex
	// idle holds the memoized Glamour renderers not in use right now, per
	// (width, style): a TermRenderer is not safe for concurrent use.
	idle    map[rendererKey][]*glamour.TermRenderer
	out     map[Key]Rendered
	flights map[Key]*flight
	compose func(*guide.Page) string
	// recent lists the (width, style) pairs in use, most recent first. Only
	// the last KeepSizes are kept: a window dragged through many sizes must
	// not leave a copy of every page at every size behind.
	recent []rendererKey
}

// KeepSizes is how many (width, style) pairs keep their renderings.
const KeepSizes = 3

type rendererKey struct {
	width int
	style Style
}

// flight is a rendering in progress; done is closed when r and err are set.
type flight struct {
	done chan struct{}
	r    Rendered
	err  error
}

// NewCache returns an empty cache. compose builds the Markdown for a page
// (body plus anything appended, such as its sources); nil uses the body.
func NewCache(compose func(*guide.Page) string) *Cache {
	if compose == nil {
		compose = func(p *guide.Page) string { return p.Body }
	}
	return &Cache{
		idle:    map[rendererKey][]*glamour.TermRenderer{},
		out:     map[Key]Rendered{},
		flights: map[Key]*flight{},
		compose: compose,
	}
}

// Get returns a cached rendering, if there is one. It never waits for a
// rendering in progress.
func (c *Cache) Get(k Key) (Rendered, bool) {
	k.Width = Measure(k.Width)
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.out[k]
	return r, ok
}

// Render returns the page rendered at width in style, from the cache when it
// can. Widths above MaxWidth are rendered at MaxWidth (see Measure); below
// MinWidth, Glamour wraps at MinWidth and longer lines are cut. If the same
// rendering is already being made, Render waits for it instead of making it
// twice.
func (c *Cache) Render(p *guide.Page, width int, style Style) (Rendered, error) {
	width = Measure(width)
	k := Key{Page: p.ID, Width: width, Style: style}
	rk := rendererKey{width, style}
	c.mu.Lock()
	c.use(rk)
	if r, ok := c.out[k]; ok {
		c.mu.Unlock()
		return r, nil
	}
	if f, ok := c.flights[k]; ok {
		c.mu.Unlock()
		<-f.done
		return f.r, f.err
	}
	f := &flight{done: make(chan struct{})}
	c.flights[k] = f
	c.mu.Unlock()

	defer func() {
		c.mu.Lock()
		delete(c.flights, k)
		if f.err == nil && slices.Contains(c.recent, rk) {
			c.out[k] = f.r
		}
		c.mu.Unlock()
		close(f.done)
	}()
	f.err = fmt.Errorf("render %s: interrupted", p.ID) // replaced unless render panics
	f.r, f.err = c.render(p, k)
	return f.r, f.err
}

// use marks (width, style) as the most recent, and forgets the renderings
// and renderers of the size that falls off the end. c.mu must be held.
func (c *Cache) use(rk rendererKey) {
	if i := slices.Index(c.recent, rk); i >= 0 {
		c.recent = slices.Delete(c.recent, i, i+1)
	}
	c.recent = slices.Insert(c.recent, 0, rk)
	if len(c.recent) <= KeepSizes {
		return
	}
	old := c.recent[KeepSizes]
	c.recent = c.recent[:KeepSizes]
	delete(c.idle, old)
	for k := range c.out {
		if k.Width == old.width && k.Style == old.style {
			delete(c.out, k)
		}
	}
}

// render makes one rendering of the whole page with a renderer nobody else
// is using. (Rendering long pages in parts, one per processor, saved about
// 2 ms a page and was dropped: every target is met without it.)
func (c *Cache) render(p *guide.Page, k Key) (Rendered, error) {
	md, pics := swapPictures(c.compose(p))
	if k.Width < NarrowTableWidth {
		md = TablesAsLists(md)
	}
	ellipsis := "…"
	if k.Style == ASCII {
		md, ellipsis = ASCIIText(md), "..."
	}
	lines, err := c.renderPart(rendererKey{k.Width, k.Style}, keepShortHyphens(md), ellipsis)
	if err != nil {
		return Rendered{}, fmt.Errorf("render %s: %w", p.ID, err)
	}
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, nbHyphen, "-")
	}
	lines = drawPictures(lines, pics, max(MinWidth, k.Width)-2*margin, k.Style == ASCII)
	return Rendered{Key: k, Lines: lines}, nil
}

// nbHyphen is U+2011, a hyphen the word wrap does not break at.
const nbHyphen = "\u2011"

// maxKeptWord is the longest hyphenated word kept on one line: short names
// such as T-DXd, HER2-low or deruxtecan-nxki split at the hyphen ("T-" at
// the end of a line, "DXd" on the next) trip a screen reader and a
// hurried reader; longer compound words still break at their hyphens, so
// that they fit narrow windows.
const maxKeptWord = 16

// keepShortHyphens puts a non-breaking hyphen in each hyphenated word of
// at most maxKeptWord letters, digits and hyphens (between two letters or
// digits); render puts the ordinary hyphen back after wrapping.
func keepShortHyphens(md string) string {
	if !strings.Contains(md, "-") {
		return md
	}
	word := func(r rune) bool { return r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	var b strings.Builder
	b.Grow(len(md) + 64)
	rs := []rune(md)
	for i := 0; i < len(rs); {
		if !word(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && word(rs[j]) {
			j++
		}
		w := rs[i:j]
		keep := j-i <= maxKeptWord
		for k, r := range w {
			if r == '-' && keep && k > 0 && k < len(w)-1 && w[k-1] != '-' && w[k+1] != '-' {
				b.WriteString(nbHyphen)
				continue
			}
			b.WriteRune(r)
		}
		i = j
	}
	return b.String()
}

// blank reports whether a rendered line shows nothing but spaces.
func blank(l string) bool { return strings.TrimSpace(xansi.Strip(l)) == "" }

// renderPart renders Markdown with a renderer nobody else is using and fits
// the lines to the width, marking a cut line with ellipsis.
func (c *Cache) renderPart(rk rendererKey, md, ellipsis string) ([]string, error) {
	tr, err := c.takeRenderer(rk)
	if err != nil {
		return nil, err
	}
	defer c.putRenderer(rk, tr)
	s, err := tr.Render(md)
	if err != nil {
		return nil, err
	}
	lines := hangIndents(strings.Split(s, "\n"), max(MinWidth, rk.width)-margin)
	return fit(lines, rk.width, ellipsis), nil
}

// takeRenderer returns an idle memoized Glamour renderer for (width, style),
// or builds one (about 33 µs) when all are busy.
func (c *Cache) takeRenderer(rk rendererKey) (*glamour.TermRenderer, error) {
	c.mu.Lock()
	if free := c.idle[rk]; len(free) > 0 {
		tr := free[len(free)-1]
		c.idle[rk] = free[:len(free)-1]
		c.mu.Unlock()
		return tr, nil
	}
	c.mu.Unlock()
	// Glamour's word wrap is the whole line width, document margins included.
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(rk.style.config()), glamour.WithWordWrap(max(MinWidth, rk.width)))
	if err != nil {
		return nil, fmt.Errorf("glamour: %w", err)
	}
	return tr, nil
}

// putRenderer gives a renderer back for the next rendering at its size.
func (c *Cache) putRenderer(rk rendererKey, tr *glamour.TermRenderer) {
	c.mu.Lock()
	if slices.Contains(c.recent, rk) {
		c.idle[rk] = append(c.idle[rk], tr)
	}
	c.mu.Unlock()
}

// fit drops the blank lines Glamour puts around the document, and cuts any
// line that is still too wide (a long word or a table) so no line is wider
// than width, ending it with ellipsis.
func fit(lines []string, width int, ellipsis string) []string {
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if xansi.StringWidth(l) > width {
			l = xansi.Truncate(l, width, ellipsis)
		}
		lines[i] = l
	}
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}
