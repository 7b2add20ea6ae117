package tui

import (
	"charm.land/bubbles/v2/help"
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

// HelpStyles are the key hints' styles for a dark or light background.
// Bubbles' defaults (keys #626262, descriptions #4A4A4A, separators #3C3C3C
// on dark; #909090, #B2B2B2, #DADADA on light) fall to between 1.4:1 and
// 3.4:1; these keep the same order (keys strongest, separators faintest)
// at 4.5:1 or more on black, #1E1E1E and white.
func HelpStyles(isDark bool) help.Styles {
	c := lipgloss.LightDark(isDark)
	key := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#3A3A3A"), lipgloss.Color("#C6C6C6")))
	desc := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#5C5C5C"), lipgloss.Color("#A8A8A8")))
	sep := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#767676"), lipgloss.Color("#878787")))
	return help.Styles{
		ShortKey:       key,
		ShortDesc:      desc,
		ShortSeparator: sep,
		Ellipsis:       sep,
		FullKey:        key,
		FullDesc:       desc,
		FullSeparator:  sep,
	}
}

// PlaceholderStyle is the style of a text field's placeholder for a dark or
// light background. Bubbles' default, ANSI 240, is 2.95:1 on black; a
// placeholder can be the only instruction a field has, so it is text and
// needs 4.5:1.
func PlaceholderStyle(isDark bool) lipgloss.Style {
	return lipgloss.NewStyle().Foreground(lipgloss.LightDark(isDark)(lipgloss.Color("242"), lipgloss.Color("246")))
}
