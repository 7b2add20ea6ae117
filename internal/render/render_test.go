package render

import (
	"encoding/json"
	"github.com/charmbracelet/colorprofile"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/guide"
)

func testPage() *guide.Page {
	return &guide.Page{
		ID:         "p",
		Body:       "Short answer.\n\n## Why?\n\n" + strings.Repeat("A sentence with words that wrap somewhere. ", 20) + "\n\n| Label | Result |\n|---|---|\n| HER2-positive | IHC 3+ |\n",
		Sources:    []string{"Trial A. NEJM 2020.", "Guideline B, 2023."},
		Reviewed:   time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		NextReview: time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestRenderFitsWidth(t *testing.T) {
	c := NewCache(Document)
	for _, st := range []Style{Dark, Light, ASCII, HighContrast} {
		for _, w := range []int{20, 40, 80, 120} {
			r, err := c.Render(testPage(), w, st)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Lines) < 5 {
				t.Fatalf("%s/%d: only %d lines", st, w, len(r.Lines))
			}
			if r.Key.Width != Measure(w) {
				t.Errorf("%s/%d: rendered at %d, want %d", st, w, r.Key.Width, Measure(w))
			}
			for i, l := range r.Lines {
				if n := ansi.StringWidth(l); n > Measure(w) {
					t.Errorf("%s/%d: line %d is %d wide, more than %d", st, w, i, n, Measure(w))
				}
			}
			// Compare words, not line breaks: narrow widths wrap inside phrases.
			text := strings.Join(strings.Fields(ansi.Strip(strings.Join(r.Lines, "\n"))), " ")
			for _, want := range []string{"Short answer.", "Sources", "Trial A. NEJM 2020.", "Reviewed 1 November 2026"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s/%d: lacks %q", st, w, want)
				}
			}
		}
	}
}

func TestCacheReusesAndIsConcurrencySafe(t *testing.T) {
	c := NewCache(Document)
	p := testPage()
	if _, ok := c.Get(Key{"p", 80, Dark}); ok {
		t.Fatal("empty cache has an entry")
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			if _, err := c.Render(p, w, Dark); err != nil {
				t.Error(err)
			}
		}(60 + i%2*20)
	}
	wg.Wait()
	a, ok := c.Get(Key{"p", 80, Dark})
	if !ok {
		t.Fatal("rendering was not cached")
	}
	b, _ := c.Render(p, 80, Dark)
	if &a.Lines[0] != &b.Lines[0] {
		t.Error("second render did not come from the cache")
	}
}

func TestParseStyle(t *testing.T) {
	for _, s := range []string{"dark", "light", "ascii"} {
		if _, err := ParseStyle(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseStyle("pink"); err == nil {
		t.Error("pink accepted")
	}
}

func TestHighContrastHasNoColours(t *testing.T) {
	r, err := NewCache(Document).Render(testPage(), 60, HighContrast)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Join(r.Lines, "\n")
	for _, colour := range []string{"38;5;", "38;2;", "48;5;", "48;2;"} {
		if strings.Contains(out, colour) {
			t.Fatalf("high-contrast output sets a colour (%q)", colour)
		}
	}
	if !strings.Contains(out, "\x1b[") {
		t.Error("high-contrast output has no bold or underline at all")
	}
}

// TestConcurrentRendersOfOnePageRenderOnce checks that requests for the same
// rendering made while it is in progress share it (a prefetch and the
// reader opening that page, say).
func TestConcurrentRendersOfOnePageRenderOnce(t *testing.T) {
	var composed atomic.Int32
	release := make(chan struct{})
	c := NewCache(func(p *guide.Page) string {
		composed.Add(1)
		<-release
		return Document(p)
	})
	p := testPage()
	var wg sync.WaitGroup
	results := make([]Rendered, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Render(p, 80, Dark)
			if err != nil {
				t.Error(err)
			}
			results[i] = r
		}()
	}
	// Wait until one render is in progress, then let it finish.
	for composed.Load() == 0 {
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := composed.Load(); n != 1 {
		t.Errorf("page rendered %d times, want once", n)
	}
	for i, r := range results {
		if len(r.Lines) == 0 || &r.Lines[0] != &results[0].Lines[0] {
			t.Errorf("request %d did not get the shared rendering", i)
		}
	}
}

// TestGetDuringRendering checks that Get (which the TUI calls in Update)
// answers while a rendering is in progress, and that only a finished
// rendering is cached.
func TestGetDuringRendering(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	c := NewCache(func(p *guide.Page) string {
		close(started)
		<-release
		return Document(p)
	})
	done := make(chan error)
	go func() {
		_, err := c.Render(testPage(), 80, Dark)
		done <- err
	}()
	<-started
	if _, ok := c.Get(Key{"p", 80, Dark}); ok {
		t.Error("a rendering in progress was returned as cached")
	}
	if _, ok := c.Get(Key{"other", 80, Dark}); ok {
		t.Error("an unknown page was cached")
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(Key{"p", 80, Dark}); !ok {
		t.Error("finished rendering was not cached")
	}
}

// TestCacheKeepsRecentSizes checks that dragging a window through many widths
// keeps only the last KeepSizes sizes, and that those are still served from
// the cache without rendering again.
func TestCacheKeepsRecentSizes(t *testing.T) {
	var composed int
	c := NewCache(func(p *guide.Page) string { composed++; return p.Body })
	p := testPage()
	for w := 40; w < 60; w++ {
		if _, err := c.Render(p, w, Dark); err != nil {
			t.Fatal(err)
		}
	}
	if composed != 20 {
		t.Fatalf("composed %d times, want 20", composed)
	}
	if len(c.out) != KeepSizes || len(c.idle) != KeepSizes {
		t.Fatalf("cache holds %d renderings and %d renderer sizes, want %d of each", len(c.out), len(c.idle), KeepSizes)
	}
	for w := 59; w > 59-KeepSizes; w-- {
		if _, ok := c.Get(Key{Page: p.ID, Width: w, Style: Dark}); !ok {
			t.Errorf("width %d, one of the last %d, is not cached", w, KeepSizes)
		}
		if _, err := c.Render(p, w, Dark); err != nil {
			t.Fatal(err)
		}
	}
	if composed != 20 {
		t.Errorf("recent widths were rendered again (%d renders)", composed)
	}
	if _, ok := c.Get(Key{Page: p.ID, Width: 40, Style: Dark}); ok {
		t.Error("the oldest width is still cached")
	}
}

// TestForProfile: on a 16-colour terminal Dark and Light become their
// 16-colour forms, whose colours are the ones chosen by hand for such
// terminals; on any other they stay (or become again) Dark and Light; the
// other styles never change.
func TestForProfile(t *testing.T) {
	cases := []struct {
		in   Style
		p    colorprofile.Profile
		want Style
	}{
		{Dark, colorprofile.ANSI, Dark16}, {Light, colorprofile.ANSI, Light16},
		{Dark16, colorprofile.TrueColor, Dark}, {Light16, colorprofile.ANSI256, Light},
		{Dark, colorprofile.ANSI256, Dark}, {HighContrast, colorprofile.ANSI, HighContrast}, {ASCII, colorprofile.ANSI, ASCII},
	}
	for _, tc := range cases {
		if got := ForProfile(tc.in, tc.p); got != tc.want {
			t.Errorf("ForProfile(%q, %v) = %q, want %q", tc.in, tc.p, got, tc.want)
		}
	}
	js := func(c any) string {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if js(Dark16.config()) != js(Dark.configFor(colorprofile.ANSI)) || js(Light16.config()) != js(Light.configFor(colorprofile.ANSI)) {
		t.Error("the 16-colour styles are not the 16-colour palettes")
	}
	if js(Dark.config()) == js(Dark16.config()) || js(Light.config()) == js(Light16.config()) {
		t.Error("the 16-colour styles are the same as the others: the test proves nothing")
	}
	if js(Dark.config()) != js(Dark.configFor(colorprofile.TrueColor)) {
		t.Error("Dark does not use the true-colour palette")
	}
}

// TestShortHyphenatedNamesStayWhole: a short hyphenated name (T-DXd) is
// never split at its hyphen by the word wrap, at any width; the page keeps
// ordinary hyphens (no U+2011 reaches the screen) and fits the width.
func TestShortHyphenatedNamesStayWhole(t *testing.T) {
	c := NewCache(Document)
	for w := MinWidth; w <= 60; w++ {
		p := testPage()
		p.Body = strings.Repeat("The drug T-DXd can help some people with HER2-low cancer. ", 6)
		r, err := c.Render(p, w, ASCII)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range r.Lines {
			s := strings.TrimRight(ansi.Strip(l), " ")
			if strings.HasSuffix(s, " T-") || strings.HasSuffix(s, " HER2-") || strings.Contains(l, nbHyphen) || ansi.StringWidth(l) > w {
				t.Fatalf("width %d: line %q splits a short name, keeps U+2011 or is too wide", w, s)
			}
		}
	}
	if got := keepShortHyphens("T-DXd and a-very-long-compound-word-here, 2 - 3, --- and -x"); got != "T\u2011DXd and a-very-long-compound-word-here, 2 - 3, --- and -x" {
		t.Errorf("keepShortHyphens = %q", got)
	}
}
