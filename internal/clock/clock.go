// Package clock is the guide's one injectable clock. The full-screen guide,
// its kiosk wrapper, --plain and the command line read the time through a
// Clock, so a test sets the time in one way for all of them.
package clock

import (
	"sync"
	"time"
)

// Clock gives the current time. A nil Clock is the system clock, so a
// zero options struct needs no setting; time.Now itself is a Clock.
type Clock func() time.Time

// Now returns the time: c's, or the system's when c is nil.
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now()
	}
	return c()
}

// Fixed returns a clock stopped at t.
func Fixed(t time.Time) Clock { return func() time.Time { return t } }

// Manual is a clock that only moves when told to, for tests of timeouts
// and dates. It is safe for concurrent use (commands read it too).
type Manual struct {
	mu sync.Mutex
	t  time.Time
}

// NewManual returns a manual clock set to t.
func NewManual(t time.Time) *Manual { return &Manual{t: t} }

// Now returns the clock's time.
func (m *Manual) Now() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.t
}

// Advance moves the clock on by d.
func (m *Manual) Advance(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.t = m.t.Add(d)
}

// Clock returns m as a Clock.
func (m *Manual) Clock() Clock { return m.Now }
