package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/i18n"
)

// KeyMap is every key binding of the guide, in one place. Each screen lists
// the bindings that work on it (Screen.Bindings), and the root adds the
// global ones less any key the screen claims, so the help never lists a key
// that does nothing and no key does two things.
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
	Undo         key.Binding
	// Keep keeps the list on this computer; Forget deletes it (never in
	// the kiosk).
	Keep   key.Binding
	Forget key.Binding
}

// DefaultKeyMap returns the guide's keys, their help in text's words.
func DefaultKeyMap(text *i18n.Catalog) KeyMap {
	t := text.Keys
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", t.Up)),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", t.Down)),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", t.PageUp)),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space", t.PageDown)),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", t.Top)),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", t.Bottom)),
		Open:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", t.Open)),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace", "left", "h"), key.WithHelp("esc", t.Back)),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.Help)),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t.Quit)),

		AddQuestions: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.AddQuestions)),
		MyQuestions:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", t.MyQuestions)),
		Toggle:       key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", t.Toggle)),
		MoveUp:       key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", t.MoveUp)),
		MoveDown:     key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", t.MoveDown)),
		Remove:       key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", t.Remove)),
		Important:    key.NewBinding(key.WithKeys("t", "*"), key.WithHelp("t", t.Important)),
		NewQuestion:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", t.NewQuestion)),
		EditQuestion: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.EditQuestion)),
		Print:        key.NewBinding(key.WithKeys("p"), key.WithHelp("p", t.Print)),
		Glossary:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", t.Glossary)),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", t.Search)),
		GoHome:       key.NewBinding(key.WithKeys("H"), key.WithHelp("H", t.GoHome)),
		PageWords:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", t.PageWords)),
		Sources:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t.Sources)),
		Related:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t.Related)),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", t.NextMatch)),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", t.PrevMatch)),
		Next:         key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n/→", t.Next)),
		Prev:         key.NewBinding(key.WithKeys("p", "left"), key.WithHelp("p/←", t.Prev)),
		Save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", t.Save)),
		Cancel:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.Cancel)),
		Undo:         key.NewBinding(key.WithKeys("u"), key.WithHelp("u", t.Undo)),
		Keep:         key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t.Keep)),
		Forget:       key.NewBinding(key.WithKeys("F"), key.WithHelp("F", t.Forget)),
	}
}

// nav is the list navigation keys.
func (k KeyMap) nav() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// friendly key names for help text.
var friendly = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→", "pgup": "pgup", "pgdown": "pgdn",
	"esc": "esc", "enter": "enter", "space": "space", "backspace": "backspace",
}

// minus returns b without the given keys, its help naming the keys left;
// an empty binding (no keys) when none is left.
func minus(b key.Binding, drop ...string) key.Binding {
	var keep []string
	for _, k := range b.Keys() {
		gone := false
		for _, d := range drop {
			if k == d {
				gone = true
			}
		}
		if !gone {
			keep = append(keep, k)
		}
	}
	if len(keep) == len(b.Keys()) {
		return b
	}
	if len(keep) == 0 {
		return key.NewBinding(key.WithDisabled())
	}
	// Keep the help's key label unless it names a key that is gone.
	label, named := b.Help().Key, false
	for _, d := range drop {
		f := d
		if ff, ok := friendly[d]; ok {
			f = ff
		}
		for _, part := range strings.Split(label, "/") {
			if part == f || part == d {
				named = true
			}
		}
	}
	if named {
		label = keep[0]
		if f, ok := friendly[label]; ok {
			label = f
		}
		if len(keep) > 1 {
			second := keep[1]
			if f, ok := friendly[second]; ok {
				second = f
			}
			label += "/" + second
		}
	}
	return key.NewBinding(key.WithKeys(keep...), key.WithHelp(label, b.Help().Desc))
}

// matches reports whether msg is one of the enabled bindings.
func matches(msg tea.KeyPressMsg, bs ...key.Binding) bool {
	return key.Matches(msg, bs...)
}

// claimed returns every key of the enabled bindings.
func claimed(bs []key.Binding) []string {
	var out []string
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b.Keys()...)
		}
	}
	return out
}

// helpMap shows a screen's bindings in the help: the short line in order,
// the full help in columns of six.
type helpMap []key.Binding

// ShortHelp is the footer's one line.
func (h helpMap) ShortHelp() []key.Binding { return h }

// FullHelp is the help shown with "?".
func (h helpMap) FullHelp() [][]key.Binding {
	var cols [][]key.Binding
	for i := 0; i < len(h); i += 6 {
		cols = append(cols, h[i:min(i+6, len(h))])
	}
	return cols
}
