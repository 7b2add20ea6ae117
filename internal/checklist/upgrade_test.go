package checklist

import (
	"testing"
	"time"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
)

// TestUpgradeKeptList: a list kept before the question bank (ids
// "page#n") takes the bank's ids. Two old questions that are now one (the
// goal of treatment was on the staging and the questions pages) are kept
// once, marked most important since one was; own questions and questions
// the guide no longer has stay as they were.
func TestUpgradeKeptList(t *testing.T) {
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	goal, ok := g.Question("goal-treatment-cure")
	if !ok {
		t.Fatal("the bundled bank has no goal-treatment-cure")
	}
	staging, _ := g.Page("staging")
	heart, _ := g.Page("heart")
	old := []Item{
		{ID: "staging#5", Topic: "staging", Text: "Is the goal of my treatment to cure the cancer or to control it?"},
		{ID: "own-1", Text: "Can I keep working?", Own: true},
		{ID: "questions#4", Topic: "questions", Text: "What is the goal of my treatment: to cure the cancer or to control it?", Top: true},
		{ID: "heart#2", Topic: "heart", Text: "What was my LVEF before treatment, and what is it now?"},
		{ID: "gone#1", Topic: "gone", TopicTitle: "Gone", Text: "A question no page asks now?"},
	}
	got := Upgrade(g, old)
	want := []Item{
		{ID: goal.ID, Topic: goal.Page.ID, TopicTitle: goal.Page.Title, Text: goal.Text, Top: true},
		old[1],
		{ID: heart.QuestionIDs[1], Topic: "heart", TopicTitle: heart.Title, Text: heart.Questions[1]},
		old[4],
	}
	if len(got) != len(want) {
		t.Fatalf("Upgrade gave %d items, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d = %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if staging.QuestionIDs[4] != goal.ID {
		t.Errorf("staging's fifth question is %q, want the goal question", staging.QuestionIDs[4])
	}
	var l List
	if err := l.Load(got); err != nil {
		t.Errorf("the upgraded list does not load: %v", err)
	}
}
