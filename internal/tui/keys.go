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

	// Question checklist.
	AddQuestions key.Binding
	MyQuestions  key.Binding
	Toggle       key.Binding
	MoveUp       key.Binding
	MoveDown     key.Binding
	Remove       key.Binding
	Important    key.Binding
	NewQuestion  key.Binding
	EditQuestion key.Binding
	Print        key.Binding
	Glossary     key.Binding
	Search       key.Binding
	GoHome       key.Binding
	PageWords    key.Binding
	Sources      key.Binding
	Related      key.Binding
	NextMatch    key.Binding
	PrevMatch    key.Binding
	Next         key.Binding
	Prev         key.Binding
	Save         key.Binding
	Cancel       key.Binding
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

		AddQuestions: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add questions")),
		MyQuestions:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "my questions")),
		Toggle:       key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick/untick")),
		MoveUp:       key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move up")),
		MoveDown:     key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move down")),
		Remove:       key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "remove")),
		Important:    key.NewBinding(key.WithKeys("t", "*"), key.WithHelp("t", "top 3 on/off")),
		NewQuestion:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new question")),
		EditQuestion: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Print:        key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "print or save")),
		Glossary:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "word list")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		GoHome:       key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "home"), key.WithDisabled()),
		PageWords:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "words on this page")),
		Sources:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sources")),
		Related:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "related pages")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Next:         key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n/→", "next step")),
		Prev:         key.NewBinding(key.WithKeys("p", "left"), key.WithHelp("p/←", "previous")),
		Save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// all returns pointers to every binding, to switch them on or off together.
func (k *KeyMap) all() []*key.Binding {
	return []*key.Binding{
		&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Open, &k.Back, &k.Help, &k.Quit,
		&k.AddQuestions, &k.MyQuestions, &k.Toggle, &k.MoveUp, &k.MoveDown, &k.Remove, &k.Important,
		&k.NewQuestion, &k.EditQuestion, &k.Print, &k.Save, &k.Cancel, &k.Glossary, &k.Next, &k.Prev, &k.Search, &k.NextMatch, &k.PrevMatch, &k.GoHome, &k.PageWords, &k.Sources, &k.Related,
	}
}

// only returns the keymap with just the given bindings enabled.
func (k KeyMap) only(pick func(*KeyMap) []*key.Binding) KeyMap {
	for _, b := range k.all() {
		b.SetEnabled(false)
	}
	for _, b := range pick(&k) {
		b.SetEnabled(true)
	}
	return k
}

// ShortHelp is the one-line help in the footer; disabled keys are left out.
func (k KeyMap) ShortHelp() []key.Binding {
	// Most important first: a narrow footer cuts the end off.
	return []key.Binding{k.Next, k.Prev, k.Open, k.Toggle, k.Save, k.Cancel, k.Back, k.AddQuestions, k.NextMatch, k.MyQuestions, k.Print, k.Search, k.Glossary, k.Help, k.Quit, k.Up, k.Down}
}

// FullHelp is the help shown with "?"; disabled keys are left out.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Back, k.Next, k.Prev, k.Toggle, k.AddQuestions, k.MyQuestions, k.Glossary},
		{k.PageWords, k.Sources, k.Related},
		{k.MoveUp, k.MoveDown, k.Important, k.Remove, k.NewQuestion, k.EditQuestion},
		{k.Search, k.NextMatch, k.Print, k.Save, k.Cancel, k.GoHome, k.Help, k.Quit},
	}
}
