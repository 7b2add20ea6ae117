package tui

import "charm.land/bubbles/v2/textinput"

// newField makes a one-line text field. It uses the terminal's real cursor
// (placed by View), which screen readers follow and which needs no blink
// timer. width is the whole line, prompt included.
func newField(prompt, placeholder string, limit, width int, isDark bool) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	st := ti.Styles()
	st.Focused.Placeholder = PlaceholderStyle(isDark)
	st.Blurred.Placeholder = PlaceholderStyle(isDark)
	ti.SetStyles(st)
	ti.CharLimit = limit
	// No clipboard tools: ctrl+v would run xclip, xsel or wl-paste from
	// PATH. The terminal's own paste still arrives as a paste message.
	ti.KeyMap.Paste.SetEnabled(false)
	ti.SetVirtualCursor(false)
	ti.SetWidth(max(10, width-len(prompt)-1))
	return ti
}
