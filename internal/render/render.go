// Package render turns pages into terminal text with Glamour and caches the
// result per (page, width, style). It has no UI code and is safe for
// concurrent use.
package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
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
)

// ParseStyle checks a style name.
func ParseStyle(s string) (Style, error) {
	switch Style(s) {
	case Dark, Light, ASCII, HighContrast:
		return Style(s), nil
	}
	return "", fmt.Errorf("unknown style %q: use dark, light, high-contrast or ascii", s)
}

func (s Style) config() ansi.StyleConfig {
	switch s {
	case Light:
		return styles.LightStyleConfig
	case ASCII:
		// Plain text for pipes and printers: keep heading marks, but drop the
		// asterisks Glamour puts around bold and italic words.
		cfg := styles.ASCIIStyleConfig
		cfg.Strong = ansi.StylePrimitive{}
		cfg.Emph = ansi.StylePrimitive{}
		return cfg
	case HighContrast:
		return highContrast()
	}
	return styles.DarkStyleConfig
}

// highContrast is the dark style with every colour removed and headings
// underlined, so contrast is whatever the terminal's own colours give.
func highContrast() ansi.StyleConfig {
	data, err := json.Marshal(styles.DarkStyleConfig)
	if err != nil {
		return styles.DarkStyleConfig
	}
	var tree any
	if json.Unmarshal(data, &tree) != nil {
		return styles.DarkStyleConfig
	}
	stripColours(tree)
	data, err = json.Marshal(tree)
	var cfg ansi.StyleConfig
	if err != nil || json.Unmarshal(data, &cfg) != nil {
		return styles.DarkStyleConfig
	}
	on := true
	cfg.Heading.Bold = &on
	cfg.Heading.Underline = &on
	return cfg
}

// stripColours deletes every colour setting from a decoded JSON style.
func stripColours(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			if k == "color" || k == "background_color" {
				delete(t, k)
				continue
			}
			stripColours(child)
		}
	case []any:
		for _, child := range t {
			stripColours(child)
		}
	}
}

// MinWidth is the narrowest width the renderer will wrap to.
const MinWidth = 20

// Key identifies one rendering of a page.
type Key struct {
	Page  string
	Width int
	Style Style
}

// Rendered is a page rendered for one width and style, split into lines that
// are each at most Width cells wide.
type Rendered struct {
	Key   Key
	Lines []string
}

// Cache renders pages and keeps the results. The zero value is not usable;
// call NewCache.
type Cache struct {
	mu        sync.Mutex
	renderers map[rendererKey]*glamour.TermRenderer
	out       map[Key]Rendered
	compose   func(*guide.Page) string
}

type rendererKey struct {
	width int
	style Style
}

// NewCache returns an empty cache. compose builds the Markdown for a page
// (body plus anything appended, such as its sources); nil uses the body.
func NewCache(compose func(*guide.Page) string) *Cache {
	if compose == nil {
		compose = func(p *guide.Page) string { return p.Body }
	}
	return &Cache{renderers: map[rendererKey]*glamour.TermRenderer{}, out: map[Key]Rendered{}, compose: compose}
}

// Get returns a cached rendering, if there is one.
func (c *Cache) Get(k Key) (Rendered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.out[k]
	return r, ok
}

// Render returns the page rendered at width in style, from the cache when it
// can. Widths below MinWidth are rendered at MinWidth.
func (c *Cache) Render(p *guide.Page, width int, style Style) (Rendered, error) {
	k := Key{Page: p.ID, Width: width, Style: style}
	if r, ok := c.Get(k); ok {
		return r, nil
	}
	md := c.compose(p)
	if width < NarrowTableWidth {
		md = TablesAsLists(md)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.out[k]; ok {
		return r, nil
	}
	tr, err := c.renderer(width, style)
	if err != nil {
		return Rendered{}, err
	}
	s, err := tr.Render(md)
	if err != nil {
		return Rendered{}, fmt.Errorf("render %s: %w", p.ID, err)
	}
	r := Rendered{Key: k, Lines: fit(s, width)}
	c.out[k] = r
	return r, nil
}

// renderer returns the memoized Glamour renderer for (width, style). The
// caller holds c.mu: a TermRenderer is not safe for concurrent use.
func (c *Cache) renderer(width int, style Style) (*glamour.TermRenderer, error) {
	rk := rendererKey{width, style}
	if tr, ok := c.renderers[rk]; ok {
		return tr, nil
	}
	// Glamour's word wrap is the whole line width, document margins included.
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(style.config()), glamour.WithWordWrap(max(MinWidth, width)))
	if err != nil {
		return nil, fmt.Errorf("glamour: %w", err)
	}
	c.renderers[rk] = tr
	return tr, nil
}

// fit splits rendered output into lines, drops the blank lines Glamour puts
// around the document, and cuts any line that is still too wide (a long word
// or a table) so no line is wider than width.
func fit(s string, width int) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if xansi.StringWidth(l) > width {
			l = xansi.Truncate(l, width, "…")
		}
		lines[i] = l
	}
	for len(lines) > 0 && strings.TrimSpace(xansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(xansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
