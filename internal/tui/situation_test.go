package tui

import (
	"strings"
	"testing"
)

func TestSituationBuildsPathAndPreTicks(t *testing.T) {
	m := choose(t, newModel(t, 80, 24), situationID)
	if m.screen != formScreen || !strings.Contains(screen(m), "Question 1 of 1 (private, never saved): What stage?") || !strings.Contains(screen(m), "never saved") {
		t.Fatalf("form:\n%s", screen(m))
	}
	m = press(t, m, "enter")
	if m.screen != pathScreen {
		t.Fatalf("after the last answer: screen %v", m.screen)
	}
	s := screen(m)
	if !strings.Contains(s, "1. What is alpha?") || !strings.Contains(s, "2. What is beta?") || !strings.Contains(s, "Start over") {
		t.Errorf("path is not the answer's pages in reading order:\n%s", s)
	}
	if !m.list.Has("alpha#2") || m.list.Len() != 1 || !strings.Contains(s, "1 questions were added") && !strings.Contains(s, "1 question") {
		t.Errorf("pre-ticked: %v\n%s", m.list.Items(), s)
	}
	m = press(t, m, "j", "enter")
	if m.screen != readScreen || m.page.ID != "beta" || !strings.Contains(screen(m), "Step 2 of 2") {
		t.Fatalf("opening the second path page: screen %v page %q\n%s", m.screen, m.page.ID, screen(m))
	}
	m = press(t, m, "esc", "esc")
	if m.screen != homeScreen {
		t.Fatalf("back twice: screen %v", m.screen)
	}
	// Coming back shows the path, not the form again.
	m = choose(t, m, situationID)
	if m.screen != pathScreen {
		t.Fatalf("reopening: screen %v, want the path", m.screen)
	}
	m = press(t, m, "end", "enter")
	if m.screen != homeScreen || m.sit.Answers != nil || !strings.Contains(screen(m), "cleared") {
		t.Fatalf("start over: screen %v answers %v\n%s", m.screen, m.sit.Answers, screen(m))
	}
	if !m.list.Has("alpha#2") {
		t.Error("start over removed a question from the patient's list")
	}
}

func TestSituationUnsureLeadsToHowToFindOut(t *testing.T) {
	m := choose(t, newModel(t, 40, 12), situationID)
	m = press(t, m, "j", "enter")
	if m.screen != pathScreen || !strings.Contains(screen(m), "What is gamma?") {
		t.Fatalf("unsure path:\n%s", screen(m))
	}
	assertFits(t, m, 40, 12)
	m = press(t, choose(t, press(t, m, "esc"), situationID))
	m = press(t, m, "end", "enter")
	m = choose(t, m, situationID)
	if m.screen != formScreen {
		t.Fatalf("after start over the form starts again: screen %v", m.screen)
	}
	m = press(t, m, "esc")
	if m.screen != homeScreen {
		t.Errorf("esc on the first question: screen %v", m.screen)
	}
}
