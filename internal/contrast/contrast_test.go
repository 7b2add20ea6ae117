package contrast

import (
	"image/color"
	"math"
	"testing"
)

func TestRatio(t *testing.T) {
	black, white := color.RGBA{0, 0, 0, 255}, color.RGBA{255, 255, 255, 255}
	grey := color.RGBA{0x76, 0x76, 0x76, 255} // the classic 4.54:1 on white
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{{black, white, 21}, {white, white, 1}, {grey, white, 4.54}} {
		if got := Ratio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("Ratio(%v, %v) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}
