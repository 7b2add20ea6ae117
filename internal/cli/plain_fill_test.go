package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/export"
)

// TestSheetPrinterFillAbout: the --plain printer's sheet has the "About my
// cancer" lines FillAbout gave it, and blank ones after the zero Cancer.
func TestSheetPrinterFillAbout(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }
	p := &sheetPrinter{g: g, dir: t.TempDir(), now: now, version: "test", paper: export.A4}
	items := []checklist.Item{{ID: "own-1", Text: "Will I lose my hair?", Own: true}}
	mine := export.AboutCancer(g, map[string]string{"her2": "ihc3", "stage": "2", "hormone": "unsure"})
	p.FillAbout(mine)
	msg, err := p.Do(context.Background(), 0, items, "") // show the sheet here
	if err != nil || !strings.Contains(msg, "Stage: "+mine.Stage) || !strings.Contains(msg, "My HER2 result (IHC / ISH): "+mine.HER2) ||
		!strings.Contains(msg, "ER / PR: ___") {
		t.Errorf("filled: %v\n%s", err, msg)
	}
	p.FillAbout(export.Cancer{})
	msg, err = p.Do(context.Background(), 0, items, "")
	if err != nil || strings.Contains(msg, "Stage:") || !strings.Contains(msg, "My HER2 result (IHC / ISH): ___") {
		t.Errorf("blank: %v\n%s", err, msg)
	}
}
