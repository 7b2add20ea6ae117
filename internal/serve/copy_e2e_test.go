package serve

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/e2e"
	"github.com/her2guide/her2guide/internal/i18n"
)

// TestSheetToCopyOffersTheCareTeamCopy (issue 21): a session that may not
// print gets the sheet to copy, and print or save asks there too which
// sheet: the reader's own (first) or the one-page copy for the care team,
// shown to copy like the other. The system ssh client in tmux.
func TestSheetToCopyOffersTheCareTeamCopy(t *testing.T) {
	e2e.NeedTool(t, "ssh")
	ts := startServer(t, nil)
	_, keyFile := clientKey(t)
	text := i18n.English()
	const mine = "WOMBAT scan question"

	tm := startWithOwnQuestion(t, ts.addr, keyFile, mine)
	tm.Send("p")
	tm.WaitFor(text.Print.Which, "1. "+text.Print.Mine, "2. "+text.Print.Copy)
	tm.Send("Down", "Enter")
	screen := tm.WaitFor("Your sheet, to copy.")
	if !strings.Contains(screen, "copy for my care team") {
		t.Errorf("the sheet to copy is not the copy for the care team:\n%s", screen)
	}
	// Back: the choice again, and the reader's own sheet to copy.
	tm.Send("Escape")
	tm.WaitFor(text.Print.Which)
	tm.Send("Up", "Enter")
	screen = tm.WaitFor("Your sheet, to copy.")
	if strings.Contains(screen, "copy for my care team") {
		t.Errorf("My sheet to copy is the copy for the care team:\n%s", screen)
	}
}
