package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the guide, in one place. Screens enable the
// bindings that apply to them, so the help never lists a key that does nothing.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
	Back     key.Binding
	Help     key.Binding
	Quit     key.Binding
}

// DefaultKeyMap returns the guide's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "bottom")),
		Open:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace", "left", "h"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// forMenu enables the keys of a list screen. atHome disables Back.
func (k KeyMap) forMenu(atHome bool) KeyMap {
	k.Open.SetEnabled(true)
	k.Back.SetEnabled(!atHome)
	k.PageUp.SetEnabled(true)
	k.PageDown.SetEnabled(true)
	return k
}

// forPage enables the keys of the page reader.
func (k KeyMap) forPage() KeyMap {
	k.Open.SetEnabled(false)
	k.Back.SetEnabled(true)
	return k
}

// ShortHelp is the one-line help in the footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Open, k.Back, k.Help, k.Quit}
}

// FullHelp is the help shown with "?".
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Top, k.Bottom, k.Open, k.Back},
		{k.Help, k.Quit},
	}
}
