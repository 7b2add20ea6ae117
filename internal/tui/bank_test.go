package tui

import (
	"slices"
	"strings"
	"testing"
)

// TestSharedQuestionTickedEverywhere: a question of the bank that two
// pages list is one question: ticked on one page's questions, it shows
// ticked on the other's, and unticking it there takes it off the list.
func TestSharedQuestionTickedEverywhere(t *testing.T) {
	m := bundledModel(t, 100, 40)
	g := m.ctx.Guide
	staging, _ := g.Page("staging")
	asked, _ := g.Page("questions")
	const id = "goal-treatment-cure"
	at := slices.Index(staging.QuestionIDs, id)
	if at < 0 || !slices.Contains(asked.QuestionIDs, id) {
		t.Fatalf("%s is not on both pages: %v / %v", id, staging.QuestionIDs, asked.QuestionIDs)
	}
	text, _ := g.Question(id)
	m = update(t, m, pushMsg{newPick(m.ctx, staging)})
	for range at {
		m = press(t, m, "j")
	}
	m = press(t, m, "space")
	if !m.ctx.Session.List.Has(id) || m.ctx.Session.List.Len() != 1 {
		t.Fatalf("space on %q: list %v", text.Text, m.ctx.Session.List.Items())
	}
	m = update(t, m, pushMsg{newPick(m.ctx, asked)})
	if !strings.Contains(screen(m), "[x] "+text.Text[:30]) {
		t.Fatalf("the question ticked on the staging page is not ticked on the questions page:\n%s", screen(m))
	}
	for range slices.Index(asked.QuestionIDs, id) {
		m = press(t, m, "j")
	}
	m = press(t, m, "space")
	if m.ctx.Session.List.Len() != 0 {
		t.Errorf("unticked on the other page, the list still has %v", m.ctx.Session.List.Items())
	}
}
