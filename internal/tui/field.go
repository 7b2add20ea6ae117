package tui

import (
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// newField makes a one-line text field. It uses the terminal's real cursor
// (placed by View), which screen readers follow and which needs no blink
// timer. width is the whole line, prompt included.
func newField(prompt, placeholder string, limit, width int, isDark bool) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	// Bubbles' styles draw the prompt in colour 7, light grey, which does
	// not show on a light terminal: keep the terminal's own colours.
	st := textinput.DefaultStyles(isDark)
	for _, s := range []*textinput.StyleState{&st.Focused, &st.Blurred} {
		s.Prompt = lipgloss.NewStyle()
		s.Text = lipgloss.NewStyle()
		s.Placeholder = PlaceholderStyle(isDark)
		s.Suggestion = PlaceholderStyle(isDark)
	}
	ti.SetStyles(st)
	ti.CharLimit = limit
	// No clipboard tools: ctrl+v would run xclip, xsel or wl-paste from
	// PATH. The terminal's own paste still arrives as a paste message.
	ti.KeyMap.Paste.SetEnabled(false)
	ti.SetVirtualCursor(false)
	ti.SetWidth(max(10, width-len(prompt)-1))
	return ti
}
