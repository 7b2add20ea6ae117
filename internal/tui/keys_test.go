package tui

import (
	"strings"
	"testing"
)

// TestNoKeyDoesTwoThings visits every screen in its states and fails when
// one key belongs to two of the bindings that work there (the screen's and
// the global ones), or when the help shows a binding with no key.
func TestNoKeyDoesTwoThings(t *testing.T) {
	states := map[string]func(t *testing.T) *Model{
		"home":      func(t *testing.T) *Model { return newModel(t, 80, 24) },
		"section":   func(t *testing.T) *Model { return choose(t, newModel(t, 80, 24), "first") },
		"page":      func(t *testing.T) *Model { return press(t, choose(t, newModel(t, 80, 24), "first"), "enter") },
		"walk page": func(t *testing.T) *Model { return walkEvery(t, newModel(t, 80, 24)) },
		"walk ask":  func(t *testing.T) *Model { return choose(t, newModel(t, 80, 24), walkID) },
		"search page": func(t *testing.T) *Model {
			return press(t, typeText(t, press(t, newModel(t, 80, 24), "/"), "sentence"), "enter")
		},
		"words overlay": func(t *testing.T) *Model {
			return press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "t")
		},
		"sources": func(t *testing.T) *Model { return press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "s") },
		"picker":  func(t *testing.T) *Model { return press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "a") },
		"mine": func(t *testing.T) *Model {
			return press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "a", "space", "m")
		},
		"empty":  func(t *testing.T) *Model { return press(t, newModel(t, 80, 24), "m") },
		"editor": func(t *testing.T) *Model { return press(t, newModel(t, 80, 24), "m", "n") },
		"words":  func(t *testing.T) *Model { return press(t, newModel(t, 80, 24), "w") },
		"term":   func(t *testing.T) *Model { return press(t, newModel(t, 80, 24), "w", "enter") },
		"search": func(t *testing.T) *Model { return press(t, newModel(t, 80, 24), "/") },
		"form":   func(t *testing.T) *Model { return choose(t, newModel(t, 80, 24), situationID) },
		"path":   func(t *testing.T) *Model { return press(t, choose(t, newModel(t, 80, 24), situationID), "enter") },
		"print":  func(t *testing.T) *Model { return press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p") },
		"format": func(t *testing.T) *Model {
			return press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p", "end", "enter")
		},
		"filename": func(t *testing.T) *Model {
			return press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p", "end", "enter", "enter")
		},
		"preview": func(t *testing.T) *Model { return press(t, printModel(t, &fakeSpooler{}, t.TempDir()), "p", "enter") },
	}
	for name, state := range states {
		t.Run(name, func(t *testing.T) {
			m := state(t)
			owner := map[string]string{}
			for _, b := range m.bindings() {
				if !b.Enabled() {
					t.Errorf("help shows a disabled binding %q", b.Help().Desc)
					continue
				}
				if len(b.Keys()) == 0 {
					t.Errorf("help shows %q with no key", b.Help().Desc)
				}
				for _, k := range b.Keys() {
					if prev, ok := owner[k]; ok {
						t.Errorf("%s on %T: %q is both %q and %q", name, m.top(), k, prev, b.Help().Desc)
					}
					owner[k] = b.Help().Desc
				}
			}
		})
	}
}

// TestHelpOnlyListsKeysThatWork presses every key the help shows on a
// page and checks that each one changes something: the screen, the frame
// or the footer.
func TestHelpOnlyListsKeysThatWork(t *testing.T) {
	fresh := func() *Model {
		return press(t, choose(t, newModel(t, 80, 24), "first"), "enter", "j")
	}
	for _, b := range fresh().bindings() {
		if b.Help().Desc == "quit" {
			continue
		}
		m := fresh()
		before, top := screen(m), m.top()
		quit := run(t, m, keyMsg(firstKey(b.Keys()[0])))
		if k := b.Keys()[0]; keyMsg(k).String() != k {
			t.Fatalf("the test cannot press %q", k)
		}
		if !quit && screen(m) == before && m.top() == top {
			t.Errorf("%q (%s) did nothing on a page", b.Help().Key, b.Help().Desc)
		}
	}
}

// firstKey turns a binding's key name into one keyMsg understands.
func firstKey(k string) string {
	if strings.HasPrefix(k, "shift+") {
		return strings.ToUpper(strings.TrimPrefix(k, "shift+"))
	}
	return k
}
