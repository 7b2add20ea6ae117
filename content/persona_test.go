package content_test

import (
	"slices"
	"testing"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/persona"
)

func loadPersonas(t *testing.T) []persona.Persona {
	t.Helper()
	ps, err := persona.Load("testdata/personas.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// herPositiveTreatment are pages about treating HER2-positive cancer: never
// on the path of a reader whose cancer is HER2-negative.
var her2PositiveTreatment = []string{
	"her2-positive", "her2-drugs", "stage-1", "stage-2", "stage-3", "after-surgery", "metastatic",
	"metastatic-first", "metastatic-second", "metastatic-later", "brain-metastases", "resistance",
	"resistance-why", "resistance-next", "stage-4-from-start", "heart", "lung-ild", "men",
	"hormone-receptors", "pregnancy-fertility", "during-pregnancy", "older-adults", "side-effects",
}

// TestPersonas plays each reader through "My situation": the pages and
// pre-ticked questions their path must and must not hold (issue 21).
func TestPersonas(t *testing.T) {
	g := load(t)
	ps := loadPersonas(t)
	if len(ps) < 12 {
		t.Errorf("%d personas, want at least 12", len(ps))
	}
	for _, p := range ps {
		t.Run(p.Name, func(t *testing.T) {
			for q, v := range p.Answers {
				if e, ok := g.Effective(p.Answers)[q]; !ok || e != v {
					t.Errorf("answer %s=%q would not be asked or offered (counts as %q)", q, v, e)
				}
			}
			path := g.PathFor(p.Answers)
			var pages []string
			for _, pp := range path.Pages {
				pages = append(pages, pp.ID)
				if pp.Why == "" {
					t.Errorf("page %s has no why line", pp.ID)
				}
			}
			for _, bad := range p.Check(pages, path.Questions, len(path.Notes) > 0) {
				t.Error(bad)
			}
		})
	}
}

// formPaths calls f with every way the form can be answered: each
// question the form asks (given the answers before it), with each answer
// it offers; a question with many answers with none, "I don't know" and
// all the others ticked.
func formPaths(g *guide.Guide, f func(map[string]string)) {
	qs := g.Paths.Situation
	answers := map[string]string{}
	var walk func(i int)
	walk = func(i int) {
		if i == len(qs) {
			f(answers)
			return
		}
		if !g.Asks(i, answers) {
			walk(i + 1)
			return
		}
		offered := g.Offered(i, answers)
		var vals []string
		for _, a := range offered {
			vals = append(vals, a.ID)
		}
		if qs[i].Many {
			vals = []string{guide.Unsure}
			all := ""
			for _, a := range offered {
				if a.ID != guide.Unsure {
					if all != "" {
						all += ","
					}
					all += a.ID
				}
			}
			vals = append(vals, "", all)
		}
		for _, v := range vals {
			answers[qs[i].ID] = v
			walk(i + 1)
		}
		delete(answers, qs[i].ID)
	}
	walk(0)
}

// TestSituationRules: over every way through the form, "I don't know" to
// the stage never leads to stage 4 or brain pages; a HER2-negative reader
// gets no HER2-positive treatment page; the trials page always comes with
// a trial question; early stages never get the brain heading. And every
// page of the guide is on some reader's path.
func TestSituationRules(t *testing.T) {
	g := load(t)
	n := 0
	reached := map[string]bool{}
	formPaths(g, func(a map[string]string) {
		n++
		path := g.PathFor(a)
		var pages []string
		for _, p := range path.Pages {
			pages = append(pages, p.ID)
			reached[p.ID] = true
		}
		has := func(id string) bool { return slices.Contains(pages, id) }
		if a["stage"] != "4" {
			for _, id := range []string{"metastatic", "metastatic-first", "metastatic-second", "metastatic-later", "brain-metastases", "stage-4-from-start"} {
				if has(id) {
					t.Fatalf("%v: stage %q but the path has %s", a, a["stage"], id)
				}
			}
			for _, q := range path.Asked(g) {
				if topicOf(q) == "brain-metastases" {
					t.Fatalf("%v: stage %q but %s is pre-ticked under the brain page", a, a["stage"], q.ID)
				}
			}
		}
		if slices.Contains([]string{"low", "ultralow", "zero"}, a["her2"]) {
			for _, id := range her2PositiveTreatment {
				if has(id) {
					t.Fatalf("%v: HER2-negative, but the path has %s", a, id)
				}
			}
			for _, q := range path.Asked(g) {
				if slices.Contains(her2PositiveTreatment, topicOf(q)) {
					t.Fatalf("%v: HER2-negative, but %s is pre-ticked under %s", a, q.ID, topicOf(q))
				}
			}
			if len(path.Notes) == 0 {
				t.Fatalf("%v: HER2-negative without the banner", a)
			}
		}
		if has("clinical-trials") && !slices.Contains(path.Questions, "clinical-trial-fits") {
			t.Fatalf("%v: the trials page without a trial question", a)
		}
		if len(pages) == 0 {
			t.Fatalf("%v: empty path", a)
		}
	})
	for _, p := range g.Pages {
		if !reached[p.ID] {
			t.Errorf("page %s is on no reader's path", p.ID)
		}
	}
	t.Logf("%d ways through the form checked; %d of %d pages reachable", n, len(reached), len(g.Pages))
}

// topicOf is the page a pre-ticked question is printed under on the sheet.
func topicOf(q guide.Asked) string {
	if q.Page != nil {
		return q.Page.ID
	}
	return ""
}
