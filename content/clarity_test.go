package content_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/clarity"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/readability"
)

// Bundle-wide reading level once no page is pending (issue 19).
const (
	maxMedianSMOG      = 7.5
	maxMedianClarityFK = 6.0
)

// TestClarity runs the clarity check of `her2guide check` on the English
// bundle: every page not pending in clarity.yaml passes, every pending page
// still has a finding (else it must leave pending), and once none is
// pending the bundle's SMOG and Flesch–Kincaid medians are held to the
// issue's targets.
func TestClarity(t *testing.T) {
	g := load(t)
	src := guide.Source{FS: content.FS(), Name: content.Name}
	cfg, ps := clarity.Load(src)
	if cfg == nil && len(ps) == 0 {
		t.Fatalf("%s/%s is missing", content.Name, clarity.FileName)
	}
	ps = append(ps, cfg.Validate(g)...)
	for _, p := range ps {
		t.Error(p.String())
	}
	c := clarity.New(g, cfg)
	var smogs, grades []float64
	var report strings.Builder
	for _, p := range g.Pages {
		found := c.Page(p)
		s := readability.Page(p.Body)
		smogs, grades = append(smogs, s.SMOG), append(grades, s.Grade)
		fmt.Fprintf(&report, "%-22s SMOG %4.1f  FK %4.1f  %2d finding(s)%s\n", p.ID, s.SMOG, s.Grade, len(found), map[bool]string{true: "  pending"}[cfg.IsPending(p.ID)])
		switch {
		case cfg.IsPending(p.ID) && len(found) == 0:
			t.Errorf("%s:%d: %s passes the clarity check: remove %s from pending in clarity.yaml", cfg.File, cfg.PendingLine(p.ID), p.ID, p.ID)
		case !cfg.IsPending(p.ID):
			for _, f := range found {
				t.Errorf("%s (%s)", f, f.Rule)
			}
		}
	}
	ms, mg := median(smogs), median(grades)
	t.Logf("clarity by page:\n%smedian SMOG %.1f, median Flesch–Kincaid %.1f over %d pages, %d pending", report.String(), ms, mg, len(g.Pages), len(cfg.Pending))
	if len(cfg.Pending) == 0 {
		if ms > maxMedianSMOG {
			t.Errorf("median SMOG %.1f is above %.1f", ms, maxMedianSMOG)
		}
		if mg > maxMedianClarityFK {
			t.Errorf("median Flesch–Kincaid %.1f is above %.0f", mg, maxMedianClarityFK)
		}
	}
}
