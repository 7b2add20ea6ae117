//go:build paniccheck

package tui

// panicKey panics on purpose in test builds (-tags paniccheck).
const panicKey = "ctrl+]"
