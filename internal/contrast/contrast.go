// Package contrast computes WCAG 2 contrast ratios, for the tests that
// hold every colour of the guide to 4.5:1 against its background.
package contrast

import (
	"image/color"
	"math"
)

// Luminance is the WCAG 2 relative luminance of c.
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Ratio is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Ratio(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
