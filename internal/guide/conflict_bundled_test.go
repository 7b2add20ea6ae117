package guide_test

import (
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
)

// TestBundledConflicts: the bundled form catches an early stage with brain
// spread or with a stage 4 treatment, and lets a consistent reader through.
func TestBundledConflicts(t *testing.T) {
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		answers map[string]string
		want    int
	}{
		{map[string]string{"stage": "1", "her2": "ihc3", "hormone": "positive", "treatment": "after-surgery", "brain": "yes"}, 1},
		{map[string]string{"stage": "3", "brain": "yes", "treatment": "second-line"}, 2},
		{map[string]string{"stage": "2", "her2": "ihc3", "hormone": "positive", "treatment": "after-surgery", "brain": "no"}, 0},
		{map[string]string{"stage": "4", "treatment": "first-line", "brain": "yes"}, 0},
		{map[string]string{"stage": "unsure", "treatment": "first-line", "brain": "yes"}, 0},
	} {
		got := g.Conflicts(tc.answers)
		if len(got) != tc.want {
			t.Errorf("Conflicts(%v) = %d, want %d", tc.answers, len(got), tc.want)
		}
		for _, c := range got {
			if len(c.Questions) != 2 || c.Questions[0] != "stage" {
				t.Errorf("conflict questions %v", c.Questions)
			}
		}
	}
}
