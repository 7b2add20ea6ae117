package guide

import (
	"reflect"
	"testing"
)

// TestFitWalk: early and unsure readers walk without the spread steps;
// unsure readers visit the visit page before the last step.
func TestFitWalk(t *testing.T) {
	g := &Guide{Paths: Paths{Walkthrough: []Step{{Page: "a"}, {Page: "m", Spread: true}, {Page: "q"}}}}
	g.pages = map[string]*Page{VisitPage: {ID: VisitPage, Title: "Visit"}}
	ids := func(steps []Step) (out []string) {
		for _, s := range steps {
			out = append(out, s.Page)
		}
		return out
	}
	for fit, want := range map[Fit][]string{
		FitEvery:  {"a", "m", "q"},
		FitEarly:  {"a", "q"},
		FitUnsure: {"a", VisitPage, "q"},
	} {
		if got := ids(g.FitWalk(fit)); !reflect.DeepEqual(got, want) {
			t.Errorf("fit %d: %v, want %v", fit, got, want)
		}
	}
	if got := ids(g.Paths.Walkthrough); !reflect.DeepEqual(got, []string{"a", "m", "q"}) {
		t.Errorf("FitWalk changed the walkthrough: %v", got)
	}
}
