package plain

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/i18n"
)

// TestOptionsText shows that --plain says what Options.Text says.
func TestOptionsText(t *testing.T) {
	text := i18n.English()
	text.Plain.MainMenu = "Menú principal:"
	text.Plain.Goodbye = "Adiós."
	out := runScript(t, bundled(t), "q\n", Options{Text: text})
	for _, want := range []string{"Menú principal:", "Adiós."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
