package clock

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	at := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	if got := Fixed(at).Now(); !got.Equal(at) {
		t.Errorf("Fixed: %v, want %v", got, at)
	}
	var zero Clock
	if got := zero.Now(); time.Since(got) > time.Minute || got.IsZero() {
		t.Errorf("a nil Clock gave %v, want the system time", got)
	}
	m := NewManual(at)
	c := m.Clock()
	m.Advance(90 * time.Second)
	if got, want := c.Now(), at.Add(90*time.Second); !got.Equal(want) {
		t.Errorf("Manual after Advance: %v, want %v", got, want)
	}
}
