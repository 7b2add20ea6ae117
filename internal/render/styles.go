package render

import (
	"encoding/json"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// config returns the Glamour style for s. Each is Glamour's own, with
// headings shown by weight and colour instead of Markdown marks ("## "),
// and, in dark and light, colours that keep at least 4.5:1 against the
// terminal backgrounds they are meant for (black, #1E1E1E; white).
func (s Style) config() ansi.StyleConfig {
	if s == Dark16 || s == Light16 {
		return s.configFor(colorprofile.ANSI)
	}
	return s.configFor(colorprofile.TrueColor)
}

// ForProfile is the style to draw s with on a terminal of colour profile
// p: on a 16-colour terminal, Dark and Light are Dark16 and Light16.
func ForProfile(s Style, p colorprofile.Profile) Style {
	switch {
	case p == colorprofile.ANSI && s == Dark:
		return Dark16
	case p == colorprofile.ANSI && s == Light:
		return Light16
	case p != colorprofile.ANSI && s == Dark16:
		return Dark
	case p != colorprofile.ANSI && s == Light16:
		return Light
	}
	return s
}

// ForStdout is ForProfile for the colour profile Lip Gloss detected for
// standard output, for a page printed there.
func ForStdout(s Style) Style { return ForProfile(s, lipgloss.Writer.Profile) }

// configFor is config for colour profile p: on a 16-colour terminal some
// colours are chosen by hand (see darkPalette and lightPalette).
func (s Style) configFor(p colorprofile.Profile) ansi.StyleConfig {
	switch s {
	case Light, Light16:
		return readable(styles.LightStyleConfig, lightPalette(p))
	case ASCII:
		// Plain text for pipes and printers: no heading marks, and none of
		// the asterisks Glamour puts around bold and italic words.
		cfg := styles.ASCIIStyleConfig
		cfg.Strong = ansi.StylePrimitive{}
		cfg.Emph = ansi.StylePrimitive{}
		// Glamour's ASCII style still draws bullets as "•".
		cfg.Item.BlockPrefix = "* "
		unmarkHeadings(&cfg)
		return cfg
	case HighContrast:
		return highContrast()
	}
	return readable(styles.DarkStyleConfig, darkPalette(p))
}

// palette holds the colours a derived style sets, as ANSI 256 indexes or
// "#RRGGBB".
type palette struct {
	// text is body text; heading the headings; h1 and h1Background the
	// top-level heading (which pages do not use, but the check covers);
	// link, linkText and image the colours of those inline elements;
	// code and codeBackground inline code; rule the horizontal rule.
	text, heading, h1, h1Background, link, linkText, image, code, codeBackground, rule string
}

// darkPalette keeps Glamour's dark colours where they pass and replaces
// those that do not, on #1E1E1E: links (ANSI 30, 3.8:1), image text (243,
// 3.7:1), inline code (203 on 236, 4.4:1), the H1 band (228 on 63, 4.4:1)
// and the rule (240, 2.3:1). On a 16-colour terminal the terminal's palette
// decides: headings (nearest ANSI colour bright blue), inline code and
// image text (bright red) fall below 4.5:1 in xterm's, the Linux console's,
// Windows Terminal's or GNOME's defaults, so they are chosen by hand there.
func darkPalette(p colorprofile.Profile) palette {
	if p == colorprofile.ANSI {
		pal := darkPalette(colorprofile.TrueColor)
		pal.heading = "14" // bright cyan, 9.6:1 or more
		pal.image = "11"   // bright yellow, 13.4:1 or more
		pal.code = "11"
		return pal
	}
	return palette{
		text:           "252", // #D0D0D0, 10.8:1 on #1E1E1E
		heading:        "39",  // #00AFFF, 6.8:1 on #1E1E1E
		h1:             "231", // white on #3A3AB0, 8.7:1
		h1Background:   "#3A3AB0",
		link:           "44",  // #00D7D7, 9.3:1
		linkText:       "42",  // #00D787, 8.8:1
		image:          "212", // #FF87D7, 7.7:1
		code:           "210", // #FF8787 on 236, 5.7:1
		codeBackground: "236",
		rule:           "246", // #949494, 5.5:1 (a rule is not text: 3:1 would do)
	}
}

// lightPalette does the same for Glamour's light style, whose links (ANSI
// 36, 2.8:1), images (205, 2.8:1), inline code (203 on 254, 2.3:1) and
// rule (249, 2.1:1) fail on white. On a 16-colour terminal headings
// (nearest ANSI colour bright blue), link text (green) and the rule (light
// grey) fall below 4.5:1 (3:1 for the rule) in some default palette, so
// they are chosen by hand there.
func lightPalette(p colorprofile.Profile) palette {
	if p == colorprofile.ANSI {
		pal := lightPalette(colorprofile.TrueColor)
		pal.heading = "4"  // blue, 5.9:1 or more
		pal.linkText = "5" // magenta, 4.7:1 or more
		pal.rule = "8"     // bright black, 4.0:1 or more
		return pal
	}
	return palette{
		text:           "234", // #1C1C1C, 17.0:1 on white
		heading:        "27",  // #005FFF, 5.2:1 on white
		h1:             "231",
		h1Background:   "#3A3AB0",
		link:           "24",  // #005F87, 7.0:1
		linkText:       "22",  // #005F00, 8.0:1
		image:          "125", // #AF005F, 7.0:1
		code:           "124", // #AF0000 on 254, 5.9:1
		codeBackground: "254",
		rule:           "244", // #808080, 3.9:1 (not text)
	}
}

// readable derives a style from base with the palette's colours and bold
// headings without marks.
func readable(base ansi.StyleConfig, p palette) ansi.StyleConfig {
	cfg := base
	cfg.Document.Color = &p.text
	cfg.Heading.Color = &p.heading
	cfg.H1.Color, cfg.H1.BackgroundColor = &p.h1, &p.h1Background
	cfg.H6.Color = &p.heading
	cfg.Link.Color = &p.link
	cfg.LinkText.Color = &p.linkText
	cfg.Image.Color = &p.image
	cfg.ImageText.Color = &p.text
	cfg.Code.Color, cfg.Code.BackgroundColor = &p.code, &p.codeBackground
	cfg.CodeBlock.Color = &p.text
	// Code blocks are coloured by Chroma, with a palette of its own that
	// pages do not need: show them in the text colour.
	cfg.CodeBlock.Chroma = nil
	cfg.HorizontalRule.Color = &p.rule
	unmarkHeadings(&cfg)
	boldHeadings(&cfg)
	return cfg
}

// unmarkHeadings removes the Markdown marks ("## ") Glamour prints before
// headings. H1 keeps its padding spaces, which show its background.
func unmarkHeadings(cfg *ansi.StyleConfig) {
	for _, h := range []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = ""
	}
	if cfg.H1.Prefix == "# " {
		cfg.H1.Prefix = ""
	}
}

// boldHeadings makes every heading level bold, H6 included (Glamour sets
// it apart by colour alone).
func boldHeadings(cfg *ansi.StyleConfig) {
	on := true
	cfg.Heading.Bold = &on
	for _, h := range []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Bold = &on
	}
}

// highContrast is the dark style with every colour removed and headings
// bold and underlined, so contrast is whatever the terminal's own colours
// give.
func highContrast() ansi.StyleConfig {
	data, err := json.Marshal(styles.DarkStyleConfig)
	if err != nil {
		return styles.DarkStyleConfig
	}
	var tree any
	if json.Unmarshal(data, &tree) != nil {
		return styles.DarkStyleConfig
	}
	stripColours(tree)
	data, err = json.Marshal(tree)
	var cfg ansi.StyleConfig
	if err != nil || json.Unmarshal(data, &cfg) != nil {
		return styles.DarkStyleConfig
	}
	unmarkHeadings(&cfg)
	boldHeadings(&cfg)
	on := true
	cfg.Heading.Underline = &on
	return cfg
}

// stripColours deletes every colour setting from a decoded JSON style.
func stripColours(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			if k == "color" || k == "background_color" {
				delete(t, k)
				continue
			}
			stripColours(child)
		}
	case []any:
		for _, child := range t {
			stripColours(child)
		}
	}
}
