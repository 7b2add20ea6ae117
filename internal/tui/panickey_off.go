//go:build !paniccheck

package tui

// panicKey is a key that panics on purpose, to test that a panic leaves the
// terminal usable. It exists only in binaries built with -tags paniccheck.
const panicKey = ""
