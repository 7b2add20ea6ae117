package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// fuzzKeys are the keys the fuzzer presses, chosen by byte value.
var fuzzKeys = []string{
	"enter", "esc", "backspace", "down", "up", "pgdown", "end", "home", "j", "k", "q",
	"a", "m", "w", "n", "e", "d", "t", "J", "K", "p", "space", "?", "ctrl+s", "x", "1", "2",
}

// messages turns fuzz bytes into a sequence of messages: keys, mouse, paste
// and resizes.
func messages(data []byte) []tea.Msg {
	var out []tea.Msg
	for i := 0; i < len(data); i++ {
		b := data[i]
		arg := byte(0)
		if i+1 < len(data) {
			arg = data[i+1]
		}
		switch b % 8 {
		case 0, 1, 2, 3, 4:
			out = append(out, keyMsg(fuzzKeys[int(arg)%len(fuzzKeys)]))
			i++
		case 5:
			out = append(out, tea.WindowSizeMsg{Width: int(arg % 130), Height: int(b/8) % 50})
			i++
		case 6:
			out = append(out, tea.MouseClickMsg{X: int(arg % 100), Y: int(b/8) % 40, Button: tea.MouseLeft})
			i++
		case 7:
			out = append(out, tea.PasteMsg{Content: "\x1b[2Jpasted\x07 " + string(rune(arg))})
		}
	}
	return out
}

// FuzzModel sends random messages to the root model. It must never panic,
// the view must always fit the window, and ticked questions may only
// disappear through the patient's own untick or remove keys.
func FuzzModel(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 11, 0, 23, 0, 12, 5, 40, 0, 1})
	f.Add([]byte{5, 39, 0, 0, 0, 0, 0, 11, 0, 23, 5, 0, 0, 12, 7, 65})
	f.Add([]byte{0, 12, 0, 13, 0, 0, 0, 23, 7, 66, 0, 24, 0, 12, 0, 21, 0, 22})
	f.Fuzz(func(t *testing.T, data []byte) {
		m := newModel(t, 80, 24)
		for _, msg := range messages(data) {
			before := m.ctx.Session.List.Len()
			m = update(t, m, msg)
			assertFits(t, m, m.width, m.height)
			if after := m.ctx.Session.List.Len(); after < before {
				k, ok := msg.(tea.KeyPressMsg)
				isRemoval := ok && (k.String() == "space" || k.String() == "x" || k.String() == "d" || k.String() == "enter")
				_, isClick := msg.(tea.MouseClickMsg)
				if !isRemoval && !isClick {
					t.Fatalf("%T %v dropped ticked questions (%d to %d)", msg, msg, before, after)
				}
			}
		}
	})
}
