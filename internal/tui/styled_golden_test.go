package tui

import (
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// styledFixture is a one-page guide whose page fits at 80x24 and shows a
// heading, a link and a list, the Markdown elements that carry their own
// colours. Its dates are written in the files, so nothing reads the clock.
func styledFixture(t testing.TB) *guide.Guide {
	t.Helper()
	page := "---\nid: alpha\ntitle: What is alpha?\nsummary: A short summary of alpha.\nsection: first\norder: 1\n" +
		"reviewed: 2026-11-01\nnext_review: 2027-05-01\nsources:\n  - \"Source one. J Test 2025.\"\n  - \"Source two. NEJM 2024.\"\n" +
		"questions:\n  - \"First?\"\n  - \"Second?\"\n  - \"Third?\"\nglossary: [her2]\n---\n\n" +
		"The short answer comes first.\n\n## A heading?\n\n" +
		"Read [the test page](https://example.org/test) for more.\n\n- one\n- two\n"
	fsys := fstest.MapFS{
		"guide.yaml":          {Data: []byte("title: HER2 Guide\nsubtitle: A plain-language guide\nnotice: For learning only, not medical advice.\n")},
		"sections.yaml":       {Data: []byte("- id: first\n  title: First section\n  summary: The first section.\n")},
		"glossary/terms.yaml": {Data: []byte("- id: her2\n  term: HER2\n  definition: A protein.\n")},
		"paths.yaml":          {Data: []byte("walkthrough:\n  - page: alpha\n    label: Alpha\nsituation: []\n")},
		"safety.yaml":         {Data: []byte("[]\n")},
		"figures.yaml":        {Data: []byte("[]\n")},
		"pages/alpha.md":      {Data: []byte(page)},
	}
	g, err := guide.Load(guide.Source{FS: fsys, Name: "styled"}, guide.DefaultRules(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestStyledGolden keeps the styling: the goldens hold the frame exactly as
// View returns it, escape sequences and all, so a changed colour, a lost
// bold or a selected row without reverse video fails here, where the
// stripped goldens of TestGolden cannot see it. The theme is forced (no
// question to the terminal), and View's string is what Lip Gloss and
// Glamour write before Bubble Tea fits it to the terminal's colour
// profile, so the environment (TERM, NO_COLOR) does not change it.
// `cat` a golden to see the screen; update with -update.
func TestStyledGolden(t *testing.T) {
	type size struct{ w, h int }
	std := size{80, 24}
	home := func(t *testing.T, m *Model) *Model { return m }
	page := func(t *testing.T, m *Model) *Model { return press(t, choose(t, m, "first"), "enter") }
	states := []struct {
		name string
		size size
		keys func(t *testing.T, m *Model) *Model
	}{
		{"home", std, home},
		{"page", std, page},
		// The smallest window the guide supports, and a large one.
		{"home-40x12", size{40, 12}, home},
		{"page-40x12", size{40, 12}, page},
		{"home-120x40", size{120, 40}, home},
		{"page-120x40", size{120, 40}, page},
		// A search result opened at its match: the match in reverse video.
		// The matched line is redrawn as plain text today (the heading's
		// colour and bold are lost); issue 15 asks that it keep them.
		{"search", std, func(t *testing.T, m *Model) *Model {
			m = typeText(t, press(t, m, "/"), "heading")
			m = press(t, m, "enter")
			if p := onPage(t, m); len(p.hits) == 0 {
				t.Fatalf("the search result has no highlighted match:\n%s", screen(m))
			}
			return m
		}},
		// Two questions, the first starred (t), the second selected.
		{"questions", std, func(t *testing.T, m *Model) *Model {
			return press(t, choose(t, m, "first"), "enter", "a", "space", "j", "j", "space", "m", "t", "j")
		}},
		{"help", std, func(t *testing.T, m *Model) *Model {
			return press(t, choose(t, m, "first"), "enter", "?")
		}},
		{"quit", std, func(t *testing.T, m *Model) *Model {
			return press(t, choose(t, m, "first"), "enter", "a", "space", "q")
		}},
	}
	for _, theme := range []Theme{ThemeDark, ThemeLight, ThemeHighContrast} {
		for _, st := range states {
			t.Run(string(theme)+"/"+st.name, func(t *testing.T) {
				m := New(styledFixture(t), render.NewCache(render.Document), Options{Theme: theme})
				m = st.keys(t, update(t, m, tea.WindowSizeMsg{Width: st.size.w, Height: st.size.h}))
				assertFits(t, m, st.size.w, st.size.h)
				golden.RequireEqual(t, m.View().Content)
			})
		}
	}
}
