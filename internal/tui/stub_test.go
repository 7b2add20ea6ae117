package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// stubScreen is the smallest screen: it counts the keys it gets.
type stubScreen struct{ keys int }

func (s *stubScreen) Show() tea.Cmd { return nil }
func (s *stubScreen) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		s.keys++
	}
	return nil
}
func (s *stubScreen) View() string            { return "stub body" }
func (s *stubScreen) Bindings() []key.Binding { return nil }
func (s *stubScreen) Crumbs() []string        { return []string{"Stub"} }
