package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
)

// TestOptionsText shows that the words on screen come from Options.Text:
// another catalog changes them with no change to the screens.
func TestOptionsText(t *testing.T) {
	text := i18n.English()
	text.MyQuestions = "Mis preguntas"
	text.Keys.Quit = "salir"
	m := New(fixture(t), render.NewCache(render.Document), Options{Text: text})
	m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	screen := ansi.Strip(m.Render())
	for _, want := range []string{"Mis preguntas", "salir"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "My questions") {
		t.Errorf("screen still shows the English name:\n%s", screen)
	}
}
