package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/render"
)

// pageScreen shows one rendered page and scrolls it. It slices the visible
// lines out of the cached rendering, so scrolling never re-processes the page.
type pageScreen struct {
	ID string
	// Want is the rendering the screen is waiting for or showing.
	Want render.Key
	// Lines is the current rendering; nil while it is being made.
	Lines  []string
	Offset int
	Err    error

	// Query is the search that opened the page; its matching lines are
	// Hits (line numbers) with their byte ranges, and Hit is the current one.
	Query     string
	Hits      []int
	HitRanges map[int][][2]int
	Hit       int
}

// maxOffset is the largest useful scroll offset for a body of height rows.
func (p pageScreen) maxOffset(height int) int {
	return max(0, len(p.Lines)-height)
}

// Update scrolls for navigation keys.
func (p pageScreen) Update(msg tea.KeyPressMsg, c *Common) pageScreen {
	k := c.Keys
	switch {
	case key.Matches(msg, k.Up):
		p.Offset--
	case key.Matches(msg, k.Down):
		p.Offset++
	case key.Matches(msg, k.PageUp):
		p.Offset -= max(1, c.Height-1)
	case key.Matches(msg, k.PageDown):
		p.Offset += max(1, c.Height-1)
	case key.Matches(msg, k.Top):
		p.Offset = 0
	case key.Matches(msg, k.Bottom):
		p.Offset = p.maxOffset(c.Height)
	}
	return p.clamp(c.Height)
}

// Scroll moves by delta lines (mouse wheel).
func (p pageScreen) Scroll(delta int, c *Common) pageScreen {
	p.Offset += delta
	return p.clamp(c.Height)
}

func (p pageScreen) clamp(height int) pageScreen {
	p.Offset = max(0, min(p.Offset, p.maxOffset(height)))
	return p
}

// SetRendering shows a new rendering, keeping the reader at the same place
// (by fraction of the page) when the width changed.
func (p pageScreen) SetRendering(r render.Rendered, height int) pageScreen {
	if len(p.Lines) > 0 && len(r.Lines) > 0 {
		p.Offset = p.Offset * len(r.Lines) / len(p.Lines)
	}
	p.Lines = r.Lines
	p.Err = nil
	return p.clamp(height)
}

// Position describes the scroll position for the footer.
func (p pageScreen) Position(height int) string {
	if p.Lines == nil {
		return ""
	}
	total := len(p.Lines)
	if total <= height {
		return "All"
	}
	pct := 100 * p.Offset / p.maxOffset(height)
	switch {
	case p.Offset == 0:
		return "Top"
	case pct >= 100:
		return "End"
	}
	return strconv.Itoa(pct) + "%"
}

// View renders the visible lines into the body area.
func (p pageScreen) View(c *Common) string {
	if p.Err != nil {
		return c.Styles.Error.Render("This page could not be shown: " + p.Err.Error())
	}
	if p.Lines == nil {
		return c.Styles.Muted.Render("Loading…")
	}
	end := min(len(p.Lines), p.Offset+c.Height)
	if len(p.HitRanges) == 0 {
		return strings.Join(p.Lines[p.Offset:end], "\n")
	}
	out := make([]string, 0, end-p.Offset)
	for i := p.Offset; i < end; i++ {
		if rs, ok := p.HitRanges[i]; ok {
			out = append(out, highlight(p.Lines[i], rs))
		} else {
			out = append(out, p.Lines[i])
		}
	}
	return strings.Join(out, "\n")
}
