package tui

import "time"

// Kiosk configures clinic kiosk mode. A nil *Kiosk in Options is the
// personal guide.
type Kiosk struct {
	// Idle is how long without input before the "Still reading?" notice.
	Idle time.Duration
	// Countdown is how long the notice waits before the session is reset.
	Countdown time.Duration
	// ExitCode is the staff code that ends the kiosk; empty means the
	// keyboard cannot end it (only a signal can).
	ExitCode string
	// Printer is where "Print my questions" goes; empty is the default
	// printer. Patients never save files in kiosk mode.
	Printer string
	// Log records details for staff (printing errors, resets); nil logs
	// nothing.
	Log func(format string, args ...any)
	// Warnings are shown to staff when the kiosk starts (for example a
	// clinic page that could not be loaded).
	Warnings []string
	// Now is the clock; nil uses time.Now. Tests inject their own.
	Now func() time.Time
}
