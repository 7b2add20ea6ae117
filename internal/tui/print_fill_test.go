package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
)

// fillModel is the bundled guide with "My situation" answered (HER2 IHC
// 3+, stage 2, hormone receptors not known) and one question on the list.
func fillModel(t *testing.T, answers map[string]string) *Model {
	t.Helper()
	opts := Options{Print: PrintOptions{Spooler: printing.Spooler{Run: (&fakeSpooler{}).run}, Version: "test", Dir: t.TempDir()},
		Clock: clock.Fixed(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))}
	m := New(bundledGuide(t), render.NewCache(render.Document), opts)
	m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	for k, v := range answers {
		m.ctx.Session.Answers[k] = v
	}
	m.ctx.Session.List.Toggle(checklist.Item{ID: "visit-prep#1", Topic: "visit-prep", TopicTitle: "Visit", Text: "What should I bring?"})
	return m
}

// previewText is the print preview, every line.
func previewText(m *Model) string { return strings.Join(ps(m).preview.Lines, "\n") }

// TestFillAboutMyCancerChoice: with "My situation" answered, print or
// save asks after the choice of sheet, once a session, whether to fill the
// sheet's "About my cancer" lines; "no" is the default and leaves them
// blank; "yes" fills stage and HER2, and the "I don't know" answer stays
// blank.
func TestFillAboutMyCancerChoice(t *testing.T) {
	answers := map[string]string{"her2": "ihc3", "stage": "2", "hormone": "unsure"}
	mine := export.AboutCancer(bundledGuide(t), answers)
	if mine.HER2 == "" || mine.Stage == "" || mine.HR != "" {
		t.Fatalf("AboutCancer = %+v", mine)
	}
	her2Line := "My HER2 result (IHC / ISH): " + mine.HER2

	// The default: enter keeps the lines blank.
	m := press(t, fillModel(t, answers), "m", "p", "enter")
	if ps(m).step != stepFill {
		t.Fatalf("p with answers: step %v, want the fill question\n%s", ps(m).step, screen(m))
	}
	text := m.ctx.Text.Print
	s := screen(m)
	for _, want := range []string{"(stage, HER2, ER / PR)", "› 1. " + text.FillNo, text.FillYes} {
		if !strings.Contains(s, want) {
			t.Errorf("the fill question lacks %q:\n%s", want, s)
		}
	}
	// "Yes" says what the sheet will say.
	if s := screen(press(t, fillModel(t, answers), "m", "p", "enter", "down")); !strings.Contains(s, mine.Stage+"; "+mine.HER2) {
		t.Errorf("yes does not say what the sheet will say:\n%s", s)
	}
	m = press(t, m, "enter")
	if ps(m).step != stepDestination || !m.ctx.Session.fillAsked || m.ctx.Session.fillAbout {
		t.Fatalf("enter on the default: step %v, asked %v, fill %v", ps(m).step, m.ctx.Session.fillAsked, m.ctx.Session.fillAbout)
	}
	m = press(t, m, "enter") // the default printer: the preview
	if p := previewText(m); ps(m).step != stepPreview || strings.Contains(p, mine.HER2) || strings.Contains(p, "Stage:") || !strings.Contains(p, "My HER2 result (IHC / ISH): ___") {
		t.Fatalf("preview after no:\n%s", p)
	}
	// Asked once: the next print goes from the choice of sheet straight to
	// where the sheet goes.
	m = press(t, m, "esc", "esc", "esc", "p", "enter")
	if ps(m).step != stepDestination {
		t.Errorf("second print: step %v, want no second question", ps(m).step)
	}

	// Yes: down, enter.
	m = press(t, fillModel(t, answers), "m", "p", "enter", "down", "enter")
	if ps(m).step != stepDestination || !m.ctx.Session.fillAbout {
		t.Fatalf("yes: step %v, fill %v", ps(m).step, m.ctx.Session.fillAbout)
	}
	m = press(t, m, "enter")
	p := previewText(m)
	for _, want := range []string{"Stage: " + mine.Stage, her2Line, "ER / PR: ___"} {
		if !strings.Contains(p, want) {
			t.Errorf("preview after yes lacks %q:\n%s", want, p)
		}
	}

	// Esc goes back to the choice of sheet without an answer: asked again.
	m = press(t, fillModel(t, answers), "m", "p", "enter", "esc")
	if ps(m).step != stepWhich || m.ctx.Session.fillAsked {
		t.Fatalf("esc on the question: step %v, asked %v", ps(m).step, m.ctx.Session.fillAsked)
	}
	if m = press(t, m, "enter"); ps(m).step != stepFill {
		t.Errorf("after esc, p: step %v, want the question again", ps(m).step)
	}

	// No answers that fill a line ("I don't know" only): no question.
	m = press(t, fillModel(t, map[string]string{"her2": "unsure", "stage": "unsure"}), "m", "p", "enter")
	if ps(m).step != stepDestination {
		t.Errorf("with nothing to fill: step %v, want no question", ps(m).step)
	}
}
