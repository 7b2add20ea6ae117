package contrast

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Palette is what a terminal shows for the 16 ANSI colours. Those are the
// terminal's own (and the user's to change), so a colour that reaches the
// terminal as one of them is checked against several well-known defaults.
type Palette struct {
	// Name says whose defaults these are.
	Name string
	// ANSI are colours 0 to 15.
	ANSI [16]color.RGBA
}

func hexes(name string, h ...uint32) Palette {
	p := Palette{Name: name}
	for i, v := range h {
		p.ANSI[i] = color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
	}
	return p
}

// Palettes are the default 16-colour palettes of xterm, the Linux console
// (the VGA text-mode colours), Windows Terminal ("Campbell") and GNOME
// Terminal ("Tango").
func Palettes() []Palette {
	return []Palette{
		hexes("xterm", 0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
			0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff),
		hexes("VGA/Linux", 0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa,
			0x555555, 0xff5555, 0x55ff55, 0xffff55, 0x5555ff, 0xff55ff, 0x55ffff, 0xffffff),
		hexes("Campbell", 0x0c0c0c, 0xc50f1f, 0x13a10e, 0xc19c00, 0x0037da, 0x881798, 0x3a96dd, 0xcccccc,
			0x767676, 0xe74856, 0x16c60c, 0xf9f1a5, 0x3b78ff, 0xb4009e, 0x61d6d6, 0xf2f2f2),
		hexes("Tango", 0x2e3436, 0xcc0000, 0x4e9a06, 0xc4a000, 0x3465a4, 0x75507b, 0x06989a, 0xd3d7cf,
			0x555753, 0xef2929, 0x8ae234, 0xfce94f, 0x729fcf, 0xad7fa8, 0x34e2e2, 0xeeeeec),
	}
}

// Profiles are the colour profiles a terminal may have, from most colours
// to fewest.
func Profiles() []colorprofile.Profile {
	return []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI}
}

// Shown is the colour a terminal with profile p and palette pal shows for
// c: c downsampled as Lip Gloss and Bubble Tea do (colorprofile), with the
// 16 ANSI colours taken from pal.
func Shown(p colorprofile.Profile, pal Palette, c color.Color) color.Color {
	switch v := p.Convert(c).(type) {
	case ansi.BasicColor:
		return pal.ANSI[v&15]
	case ansi.IndexedColor:
		if v < 16 {
			return pal.ANSI[v]
		}
		return v
	case nil:
		return c
	default:
		return v
	}
}

// Hex writes c as #RRGGBB.
func Hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}

// Pair is a foreground on a background, named for the table.
type Pair struct {
	// Theme and Name say where the pair is used.
	Theme, Name string
	// Fg is the text (or rule) colour; Bg the background under it.
	Fg, Bg color.Color
	// Need is the least ratio: 4.5 for text, 3 for a rule or separator.
	Need float64
	// OnDefault says Bg is the terminal's own background (an assumed
	// one), which no profile changes; otherwise Bg is a colour the style
	// sets, downsampled like Fg.
	OnDefault bool
}

// Result is a pair's worst ratio in one profile and palette.
type Result struct {
	Pair
	Profile colorprofile.Profile
	Palette string
	Ratio   float64
	// ShownFg and ShownBg are the colours the terminal shows.
	ShownFg, ShownBg color.Color
}

// Failed reports whether the ratio is below the pair's need.
func (r Result) Failed() bool { return r.Ratio < r.Need }

func (r Result) String() string {
	return fmt.Sprintf("%s %s: %s on %s shows as %s on %s = %.2f:1 in %s (%s palette), want %.1f:1",
		r.Theme, r.Name, Hex(r.Fg), Hex(r.Bg), Hex(r.ShownFg), Hex(r.ShownBg), r.Ratio, r.Profile, r.Palette, r.Need)
}

// Check computes the pair's ratio in every profile and every palette.
func Check(pair Pair) []Result {
	var out []Result
	for _, p := range Profiles() {
		out = append(out, CheckIn(p, pair)...)
	}
	return out
}

// CheckIn computes the pair's ratio in profile p with every palette, for
// colours chosen for that profile.
func CheckIn(p colorprofile.Profile, pair Pair) []Result {
	var out []Result
	for _, pal := range Palettes() {
		f, b := Shown(p, pal, pair.Fg), pair.Bg
		if !pair.OnDefault {
			b = Shown(p, pal, pair.Bg)
		}
		out = append(out, Result{Pair: pair, Profile: p, Palette: pal.Name, Ratio: Ratio(f, b), ShownFg: f, ShownBg: b})
	}
	return out
}

// Table writes results as Markdown: one row per theme and pair with its
// worst ratio (over the backgrounds) per profile and palette, then the
// lowest per theme, profile and palette, text and rules apart.
func Table(results []Result) string {
	type key struct{ theme, name string }
	cols := []string{}
	for _, p := range Profiles() {
		for _, pal := range Palettes() {
			cols = append(cols, p.String()+" "+pal.Name)
		}
	}
	worst := map[key]map[string]float64{}
	need := map[key]float64{}
	themeWorst := map[string]map[string]float64{}
	for _, r := range results {
		k := key{r.Theme, r.Name}
		col := r.Profile.String() + " " + r.Palette
		if worst[k] == nil {
			worst[k] = map[string]float64{}
		}
		th := fmt.Sprintf("%s, text (need %.1f)", r.Theme, r.Need)
		if r.Need < 4.5 {
			th = fmt.Sprintf("%s, rules and separators (need %.1f)", r.Theme, r.Need)
		}
		if themeWorst[th] == nil {
			themeWorst[th] = map[string]float64{}
		}
		if v, ok := worst[k][col]; !ok || r.Ratio < v {
			worst[k][col] = r.Ratio
		}
		if v, ok := themeWorst[th][col]; !ok || r.Ratio < v {
			themeWorst[th][col] = r.Ratio
		}
		need[k] = r.Need
	}
	keys := make([]key, 0, len(worst))
	for k := range worst {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].theme != keys[j].theme {
			return keys[i].theme < keys[j].theme
		}
		return keys[i].name < keys[j].name
	})
	var b strings.Builder
	b.WriteString("| theme | pair | need | " + strings.Join(cols, " | ") + " |\n|---|---|---|" + strings.Repeat("---|", len(cols)) + "\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "| %s | %s | %.1f |", k.theme, k.name, need[k])
		for _, c := range cols {
			fmt.Fprintf(&b, " %.2f |", worst[k][c])
		}
		b.WriteString("\n")
	}
	themes := make([]string, 0, len(themeWorst))
	for th := range themeWorst {
		themes = append(themes, th)
	}
	sort.Strings(themes)
	b.WriteString("\nLowest ratio per theme, profile and palette:\n\n| theme | " + strings.Join(cols, " | ") + " |\n|---|" + strings.Repeat("---|", len(cols)) + "\n")
	for _, th := range themes {
		fmt.Fprintf(&b, "| %s |", th)
		for _, c := range cols {
			fmt.Fprintf(&b, " %.2f |", themeWorst[th][c])
		}
		b.WriteString("\n")
	}
	return b.String()
}
