package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// overlayKind is what a page overlay shows.
type overlayKind int

const (
	noOverlay overlayKind = iota
	termsOverlay
	sourcesOverlay
	relatedOverlay
)

// overlay is a box drawn over the page: the page's glossary words, its
// sources, or its related pages. Closing it returns to the same place.
type overlay struct {
	Kind overlayKind
	List listScreen
	// Text is the scrolling text of the sources overlay.
	Text pageScreen
}

// Border and padding of the overlay box, by name.
const (
	overlayBorder  = 1
	overlayPadding = 1
)

var overlayStyle = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, overlayPadding)

// inner returns the Common for the inside of the overlay box.
func (o overlay) inner(c *Common) Common {
	in := *c
	in.Width = max(1, c.Width-2*overlayBorder-2*overlayPadding)
	in.Height = max(1, c.Height-2*overlayBorder)
	return in
}

// openOverlay opens one of the page's overlays.
func (m Model) openOverlay(kind overlayKind) Model {
	p, ok := m.common.Guide.Page(m.page.ID)
	if !ok {
		return m
	}
	o := overlay{Kind: kind}
	switch kind {
	case termsOverlay:
		var items []menuItem
		for _, id := range p.Glossary {
			if t, ok := m.common.Guide.Term(id); ok {
				items = append(items, menuItem{ID: t.ID, Title: t.Term, Summary: termSummary(m.common.Guide, t)})
			}
		}
		intro := "Words on this page. The meaning of the selected word is shown below."
		if len(items) == 0 {
			intro = "This page has no words in the word list."
		}
		o.List = listScreen{Intro: intro, Menu: menu{items: items}, Reserve: 5}
	case relatedOverlay:
		var items []menuItem
		for _, id := range p.Related {
			if r, ok := m.common.Guide.Page(id); ok {
				items = append(items, menuItem{ID: r.ID, Title: r.Title, Summary: r.Summary})
			}
		}
		intro := "Related pages. Press enter to open one."
		if len(items) == 0 {
			intro = "This page has no related pages."
		}
		o.List = listScreen{Intro: intro, Menu: menu{items: items}}
	case sourcesOverlay:
		in := o.inner(&m.common)
		var lines []string
		for i, s := range p.Sources {
			wrapped := lipgloss.Wrap(strconv.Itoa(i+1)+". "+s, in.Width, "")
			lines = append(lines, strings.Split(wrapped, "\n")...)
		}
		lines = append(lines, "", "Reviewed "+p.Reviewed.Format("2 January 2006")+". Next review by "+p.NextReview.Format("2 January 2006")+".")
		o.Text = pageScreen{Lines: append([]string{"Sources for this page:", ""}, lines...)}
	}
	m.overlay = o
	m.keysForScreen()
	return m
}

// updateOverlay handles keys while an overlay is open.
func (m Model) updateOverlay(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.common.Keys
	in := m.overlay.inner(&m.common)
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Cancel):
		m.overlay = overlay{}
		m.keysForScreen()
		return m, nil
	case m.overlay.Kind == relatedOverlay && key.Matches(msg, k.Open):
		if it, ok := m.overlay.List.Menu.selected(); ok {
			m.overlay = overlay{}
			return m.OpenPage(it.ID)
		}
	case m.overlay.Kind == sourcesOverlay:
		m.overlay.Text = m.overlay.Text.Update(msg, &in)
	default:
		m.overlay.List = m.overlay.List.Update(msg, &in)
	}
	return m, nil
}

// View draws the overlay box to fill the body area.
func (o overlay) View(c *Common) string {
	in := o.inner(c)
	var body string
	if o.Kind == sourcesOverlay {
		body = o.Text.View(&in)
	} else {
		body = o.List.View(&in)
	}
	lines := fitLines(body, in.Width, in.Height)
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(0, in.Width-lipgloss.Width(l)))
	}
	return overlayStyle.Render(strings.Join(lines, "\n"))
}

// scroll moves the overlay's list or text (mouse wheel).
func (o overlay) scroll(delta int, c *Common) overlay {
	in := o.inner(c)
	if o.Kind == sourcesOverlay {
		o.Text = o.Text.Scroll(delta, &in)
	} else {
		o.List = o.List.Scroll(delta, &in)
	}
	return o
}
