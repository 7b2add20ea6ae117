package fuzzy

import (
	"testing"
	"unicode/utf8"
)

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		max  int
		want int
	}{
		{"trastuzumab", "trastuzamab", 2, 1},
		{"enhertu", "enhurtu", 1, 1},
		{"tucatinib", "tucatnib", 2, 1},
		{"tukysa", "tuksya", 1, 1}, // a swap is one edit
		{"pertuzumab", "trastuzumab", 2, 3},
		{"same", "same", 0, 0},
		{"short", "longer words", 2, 3},
		{"", "", 0, 0},
		{"", "abc", 5, 3},
		{"abc", "", 1, 2},
		{"ca", "abc", 5, 3}, // optimal string alignment, not full Damerau (2)
		{"café", "cafe", 1, 1},
		{"idle-timeout", "idle-timout", 2, 1},
	}
	for _, tc := range cases {
		if got := Distance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}

func TestBufferAllocatesNothing(t *testing.T) {
	var buf Buffer
	ra := []rune("trastuzamab")
	words := []string{"trastuzumab", "pertuzumab", "tucatinib", "her2"}
	buf.Distance(ra, "trastuzumab", 2) // grow the rows once
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			buf.Distance(ra, w, 2)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run, want 0", allocs)
	}
}

// reference is the textbook optimal string alignment distance, unbounded.
func reference(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func FuzzDistance(f *testing.F) {
	f.Add("tukysa", "tuksya", 1)
	f.Add("herceptin", "herceptn", 2)
	f.Add("ca", "abc", 3)
	f.Fuzz(func(t *testing.T, a, b string, max int) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || len(a) > 64 || len(b) > 64 {
			return
		}
		max = ((max % 8) + 8) % 8
		want := min(reference(a, b), max+1)
		if got := Distance(a, b, max); got != want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", a, b, max, got, want)
		}
	})
}
