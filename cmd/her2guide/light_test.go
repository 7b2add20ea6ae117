package main

import (
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/her2guide/her2guide/internal/contrast"
	"github.com/her2guide/her2guide/internal/e2e"
)

// TestTypingShowsOnALightTerminalInTmux types into the new-question box
// with the light theme and reads the colours tmux shows the typed text in:
// the pair must be at least 4.5:1, taking the terminal's own colours as
// black on white. Bubbles' textarea once put a black line under it.
func TestTypingShowsOnALightTerminalInTmux(t *testing.T) {
	t.Parallel()
	const typed = "Typed words here"
	tm := e2e.StartTmux(t, 80, 24, binary(t)+" --theme light")
	tm.WaitFor("Start here")
	tm.Send("m")
	tm.WaitFor("My questions")
	tm.Send("n")
	tm.WaitFor("Write your own question")
	tm.Send("-l", typed)
	tm.WaitFor(typed)
	styled := tm.StyledScreen()
	fg, bg, ok := styleAt(styled, typed)
	t.Logf("typed text: foreground %v, background %v (nil: the terminal's own)", fg, bg)
	if !ok {
		t.Fatalf("%q is not on the styled screen", typed)
	}
	if bg != nil && fg == nil {
		t.Fatalf("the typed text has background %v under the terminal's own text colour", bg)
	}
	if fg == nil {
		fg = color.Black
	}
	if bg == nil {
		bg = color.White
	}
	if r := contrast.Ratio(fg, bg); r < 4.5 {
		t.Errorf("typed text %v on %v is %.2f:1, want 4.5:1", fg, bg, r)
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// styleAt follows the SGR sequences of a tmux capture from the top and
// returns the foreground and background (nil: the terminal's own) in force
// where text first shows, with reverse video applied.
func styleAt(styled, text string) (fg, bg color.Color, ok bool) {
	at := strings.Index(sgr.ReplaceAllString(styled, ""), text)
	if at < 0 {
		return nil, nil, false
	}
	var reverse bool
	plain := 0
	// Every sequence up to the text applies, those right before it too.
	for i := 0; i < len(styled); {
		if loc := sgr.FindStringSubmatchIndex(styled[i:]); loc != nil && loc[0] == 0 {
			fg, bg, reverse = applySGR(styled[i+loc[2]:i+loc[3]], fg, bg, reverse)
			i += loc[1]
			continue
		}
		if plain == at {
			break
		}
		i++
		plain++
	}
	if reverse {
		fg, bg = bg, fg
		if fg == nil {
			fg = color.White // the terminal's background, as text
		}
		if bg == nil {
			bg = color.Black
		}
	}
	return fg, bg, true
}

// applySGR applies one SGR sequence's parameters.
func applySGR(params string, fg, bg color.Color, reverse bool) (color.Color, color.Color, bool) {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	if len(ps) == 0 {
		return nil, nil, false
	}
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case n == 0:
			fg, bg, reverse = nil, nil, false
		case n == 7:
			reverse = true
		case n == 27:
			reverse = false
		case n == 39:
			fg = nil
		case n == 49:
			bg = nil
		case n >= 30 && n <= 37, n >= 90 && n <= 97:
			fg = lipgloss.Color(strconv.Itoa(basic(n, 30, 90)))
		case n >= 40 && n <= 47, n >= 100 && n <= 107:
			bg = lipgloss.Color(strconv.Itoa(basic(n, 40, 100)))
		case (n == 38 || n == 48) && i+2 < len(ps) && ps[i+1] == "5":
			c := lipgloss.Color(ps[i+2])
			if n == 38 {
				fg = c
			} else {
				bg = c
			}
			i += 2
		case (n == 38 || n == 48) && i+4 < len(ps) && ps[i+1] == "2":
			r, _ := strconv.Atoi(ps[i+2])
			g, _ := strconv.Atoi(ps[i+3])
			b, _ := strconv.Atoi(ps[i+4])
			c := color.RGBA{uint8(r), uint8(g), uint8(b), 255}
			if n == 38 {
				fg = c
			} else {
				bg = c
			}
			i += 4
		}
	}
	return fg, bg, reverse
}

// basic is the 0–15 colour index of an SGR 30–37/90–97 (or 40–47/100–107).
func basic(n, normal, bright int) int {
	if n >= bright {
		return n - bright + 8
	}
	return n - normal
}
