package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
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

// StylesFor returns the styles for a dark or light background in colour
// profile p. The colours reach 4.5:1 on black, #1E1E1E and white in true
// colour and 256 colours; on a 16-colour terminal (colorprofile.ANSI) the
// terminal's own palette decides, so some are chosen by hand: the nearest
// ANSI colours of the dark accent (bright blue) and error (bright red) and
// of the light greys (bright black) fall below 4.5:1 in xterm's, the Linux
// console's, Windows Terminal's or GNOME's default palette.
func StylesFor(isDark bool, p colorprofile.Profile) Styles {
	c := lipgloss.LightDark(isDark)
	accent := c(lipgloss.Color("#5A3E9B"), pick(p, lipgloss.Color("#C8A2FF"), lipgloss.BrightCyan))
	muted := c(pick(p, lipgloss.Color("#5C5C5C"), lipgloss.Black), lipgloss.Color("#A8A8A8"))
	return Styles{
		Header:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Notice:   lipgloss.NewStyle().Italic(true).Foreground(muted),
		Footer:   lipgloss.NewStyle().Foreground(muted),
		Title:    lipgloss.NewStyle().Bold(true),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Selected: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#A30000"), pick(p, lipgloss.Color("#FF8787"), lipgloss.BrightYellow))),
	}
}

// pick is full, or ansi on a 16-colour terminal.
func pick(p colorprofile.Profile, full, ansi color.Color) color.Color {
	if p == colorprofile.ANSI {
		return ansi
	}
	return full
}

// HelpStylesFor are the key hints' styles for a dark or light background in
// colour profile p. Bubbles' defaults (keys #626262, descriptions #4A4A4A,
// separators #3C3C3C on dark; #909090, #B2B2B2, #DADADA on light) fall to
// between 1.4:1 and 3.4:1; these keep the same order (keys strongest,
// separators faintest) at 4.5:1 or more on black, #1E1E1E and white (3:1
// for separators, which are not text; the ellipsis, which says that more
// keys are hidden, shares their colour and holds 4.5:1). On a 16-colour
// terminal descriptions and separators take the text colour's ANSI
// neighbour (black on light, white on dark): every palette's greys fall
// below 4.5:1 in xterm's or the Linux console's palette.
func HelpStylesFor(isDark bool, p colorprofile.Profile) help.Styles {
	c := lipgloss.LightDark(isDark)
	key := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#3A3A3A"), lipgloss.Color("#C6C6C6")))
	desc := lipgloss.NewStyle().Foreground(c(pick(p, lipgloss.Color("#5C5C5C"), lipgloss.Black), lipgloss.Color("#A8A8A8")))
	sep := lipgloss.NewStyle().Foreground(c(pick(p, lipgloss.Color("#767676"), lipgloss.Black), pick(p, lipgloss.Color("#878787"), lipgloss.White)))
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
// needs 4.5:1. The light one is slate (256-colour 60) rather than grey:
// greys become ANSI bright black on a 16-colour terminal, 4.00:1 on
// xterm's white, and slate becomes ANSI blue, 5.93:1 or more.
func PlaceholderStyle(isDark bool) lipgloss.Style {
	return lipgloss.NewStyle().Foreground(lipgloss.LightDark(isDark)(lipgloss.Color("60"), lipgloss.Color("246")))
}
