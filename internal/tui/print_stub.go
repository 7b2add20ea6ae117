package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// PrintOptions is a placeholder until printing lands.
type PrintOptions struct{}

type printFlow struct{}

type printersMsg struct{}

type doneMsg struct{}

func (printFlow) typing() bool                               { return false }
func (printFlow) keys(k *KeyMap) []*key.Binding              { return []*key.Binding{&k.Back, &k.Quit} }
func (printFlow) View(*Common) string                        { return "" }
func (m Model) openPrint() (Model, tea.Cmd)                  { return m, nil }
func (m Model) updatePrint(tea.KeyPressMsg) (Model, tea.Cmd) { return m, nil }
func (m Model) handleResult(tea.Msg) Model                   { return m }
