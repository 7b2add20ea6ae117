package tui

import (
	"charm.land/lipgloss/v2"
)

// Styles are the Lip Gloss styles of the chrome around the content.
type Styles struct {
	Header   lipgloss.Style
	Notice   lipgloss.Style
	Footer   lipgloss.Style
	Title    lipgloss.Style
	Muted    lipgloss.Style
	Selected lipgloss.Style
	Error    lipgloss.Style
}

// Theme chooses the colours: follow the terminal, force dark or light, or
// high contrast (no colours at all; bold, underline and reverse video).
type Theme string

// The themes.
const (
	ThemeAuto         Theme = "auto"
	ThemeDark         Theme = "dark"
	ThemeLight        Theme = "light"
	ThemeHighContrast Theme = "high-contrast"
)

// HighContrastStyles use the terminal's own colours only.
func HighContrastStyles() Styles {
	plain := lipgloss.NewStyle()
	return Styles{
		Header:   plain.Bold(true).Underline(true),
		Notice:   plain.Bold(true),
		Footer:   plain,
		Title:    plain.Bold(true),
		Muted:    plain,
		Selected: plain.Bold(true).Reverse(true),
		Error:    plain.Bold(true).Reverse(true),
	}
}

// NewStyles returns the styles for a dark or light terminal background.
func NewStyles(isDark bool) Styles {
	c := lipgloss.LightDark(isDark)
	accent := c(lipgloss.Color("#5A3E9B"), lipgloss.Color("#C8A2FF"))
	muted := c(lipgloss.Color("#5C5C5C"), lipgloss.Color("#A8A8A8"))
	return Styles{
		Header:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Notice:   lipgloss.NewStyle().Italic(true).Foreground(muted),
		Footer:   lipgloss.NewStyle().Foreground(muted),
		Title:    lipgloss.NewStyle().Bold(true),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Selected: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#A30000"), lipgloss.Color("#FF8787"))),
	}
}
