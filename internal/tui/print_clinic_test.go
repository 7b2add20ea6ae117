package tui

import (
	"strings"
	"testing"
)

// TestPrintClinic: the clinic set for the kiosk (PrintOptions.Clinic)
// reaches the sheet, which prints the bundle's endorsement line with it.
func TestPrintClinic(t *testing.T) {
	m := printModel(t, &fakeSpooler{}, t.TempDir())
	m.ctx.Opts.Print.Clinic = "Riverside Cancer Centre"
	m.ctx.Guide.Meta.Sheet.Endorsed = "Your care team at {clinic} wants you to ask these questions."
	m.ctx.Guide.Meta.Sheet.HandOver = "Give this sheet to your nurse or doctor at the start of your visit."
	m = press(t, m, "p", "enter", "enter")
	if ps(m).step != stepPreview {
		t.Fatalf("no preview:\n%s", screen(m))
	}
	view := strings.Join(strings.Fields(screen(m)), " ")
	for _, want := range []string{"Your care team at Riverside Cancer Centre wants you to ask these questions.", "Give this sheet to your nurse or doctor"} {
		if !strings.Contains(view, want) {
			t.Errorf("preview lacks %q:\n%s", want, screen(m))
		}
	}
}
