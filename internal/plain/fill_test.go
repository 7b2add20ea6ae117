package plain

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/i18n"
)

// fillPrinter is a fakePrinter that can fill the sheet's "About my
// cancer" lines, and says with what.
type fillPrinter struct {
	fakePrinter
	mine  export.Cancer
	calls int
}

func (f *fillPrinter) FillAbout(mine export.Cancer) { f.mine, f.calls = mine, f.calls+1 }

func (f *fillPrinter) Do(ctx context.Context, choice int, items []checklist.Item, name string) (string, error) {
	msg, err := f.fakePrinter.Do(ctx, choice, items, name)
	return fmt.Sprintf("%s Sheet: stage %q, HER2 %q, ER / PR %q.", msg, f.mine.Stage, f.mine.HER2, f.mine.HR), err
}

// TestFillAboutMyCancer: with "My situation" answered, print or save first
// asks, once a session, whether to fill the sheet's "About my cancer"
// lines; 1, "No, leave them blank", is the default on Enter; 2 fills them;
// b goes back and it is asked again; with only "I don't know" answers it
// is not asked.
func TestFillAboutMyCancer(t *testing.T) {
	g := bundled(t)
	text := i18n.English()
	mine := export.AboutCancer(g, stage2)
	if mine.Stage == "" || mine.HER2 == "" || mine.HR == "" {
		t.Fatalf("AboutCancer(stage2) = %+v", mine)
	}
	run := func(answers map[string]string, then ...string) (string, *fillPrinter) {
		t.Helper()
		fp := &fillPrinter{fakePrinter: fakePrinter{choices: []string{"Save as a text file"}}}
		script := append([]string{homeSituation}, formInput(t, g, answers)...)
		script = append(script, "b", homeMine)
		script = append(script, then...)
		return runScript(t, g, lines(script...), Options{Width: 200, Chunk: 10000, Printer: fp}), fp
	}

	// Enter alone: blank; asked once, so the second print goes straight on.
	out, fp := run(stage2, "p", "", "1", "p", "1", "q", "1")
	inOrder(t, out, "(stage, HER2, ER / PR)", "1. "+text.Print.FillNo, "2. "+text.Print.FillYes,
		"The sheet will say: "+mine.Stage+"; HER2-positive", text.Plain.PromptFill,
		"Print or save My questions:", `Sheet: stage "", HER2 "", ER / PR "".`,
		"Print or save My questions:", `Sheet: stage "", HER2 "", ER / PR "".`)
	if n := strings.Count(out, "(stage, HER2, ER / PR)"); n != 1 || fp.calls != 2 {
		t.Errorf("asked %d times, FillAbout called %d times; want 1 and 2", n, fp.calls)
	}

	// 2: filled.
	out, fp = run(stage2, "p", "2", "1", "q", "1")
	inOrder(t, out, "2. "+text.Print.FillYes, fmt.Sprintf("Sheet: stage %q", mine.Stage), fmt.Sprintf("ER / PR %q.", mine.HR))
	if fp.mine != mine {
		t.Errorf("after yes: %+v, want %+v", fp.mine, mine)
	}

	// b: nothing printed, asked again next time; a wrong number asks again.
	out, _ = run(stage2, "p", "b", "p", "3", "1", "1", "q", "1")
	inOrder(t, out, text.Print.FillAsk[:40], "Type b to go back", text.Print.FillAsk[:40], "Please type a number from 1 to 2.",
		"Print or save My questions:", `Sheet: stage "", HER2 "", ER / PR "".`)

	// Only "I don't know": nothing to fill, no question.
	unsure := map[string]string{"her2": "unsure", "stage": "unsure", "hormone": "unsure", "menopause": "no", "treatment": "after-surgery", "residual": "no", "matters": ""}
	out, fp = run(unsure, "p", "1", "q", "1")
	if strings.Contains(out, "(stage, HER2, ER / PR)") || fp.mine != (export.Cancer{}) {
		t.Errorf("with only I don't know: asked, or filled %+v:\n%s", fp.mine, out)
	}
	inOrder(t, out, "Print or save My questions:", `Sheet: stage "", HER2 "", ER / PR "".`)
}
