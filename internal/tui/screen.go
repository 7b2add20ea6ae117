package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one screen of the guide. It owns its state; the root keeps a
// stack of screens (the history), routes messages to the top one and draws
// the chrome around its View. Screens ask for navigation with messages
// (push, replace, back, home), never by reaching into another screen.
type Screen interface {
	// Show is called whenever the screen comes (back) to the top of the
	// stack and after every resize or theme change: re-lay out, refresh
	// from the session, ask for renders.
	Show() tea.Cmd
	// Update handles a message meant for this screen.
	Update(msg tea.Msg) tea.Cmd
	// View draws the body area (Context.Width × Context.Height).
	View() string
	// Bindings are the keys that work on this screen now, most important
	// first, for the footer's help and for routing.
	Bindings() []key.Binding
	// Crumbs say where the reader is, after the guide's title.
	Crumbs() []string
}

// Optional behaviour a screen can have.
type (
	// typer is a screen with a focused text field: every key is its, and
	// global keys are off.
	typer interface{ Typing() bool }
	// cursorer places the terminal's cursor (row and column in the body).
	cursorer interface{ Cursor() *tea.Cursor }
	// clicker handles a left click at body cell (x, y).
	clicker interface{ Click(x, y int) tea.Cmd }
	// scroller handles the mouse wheel.
	scroller interface{ Scroll(delta int) }
	// statuser is the footer's status text (position, progress).
	statuser interface{ Status() string }
	// informer is the header's right-hand text (a page's review date).
	informer interface{ Info() string }
	// leaver is told when it is taken off the stack.
	leaver interface{ Leave() }
	// hider hides global keys that mean nothing here (m on My questions).
	hider interface{ Hides(b *key.Binding) bool }
	// leader says how many of its first bindings come before Back in the
	// footer (one when a screen does not say).
	leader interface{ Leading() int }
)

// Navigation messages, sent by screens through commands.
type (
	pushMsg    struct{ s Screen }
	replaceMsg struct{ s Screen }
	backMsg    struct{}
	homeMsg    struct{}
	// statusMsg is a one-off message for the footer, until the next key.
	statusMsg string
	// finishMsg asks whoever runs the guide to wipe the session (the
	// kiosk's "Finish and clear").
	finishMsg struct{}
)

// Navigation asked for by a screen is queued on the Context and handled by
// the root as soon as the screen's Update returns, in the same update: a key
// typed ahead can never reach the screen being left.

// push opens s on top of the current screen.
func (c *Context) push(s Screen) tea.Cmd { return c.send(pushMsg{s}) }

// replace swaps the current screen for s (Back skips the old one).
func (c *Context) replace(s Screen) tea.Cmd { return c.send(replaceMsg{s}) }

// back returns to the screen below.
func (c *Context) back() tea.Cmd { return c.send(backMsg{}) }

// status shows a one-off message in the footer.
func (c *Context) status(s string) tea.Cmd { return c.send(statusMsg(s)) }

// send queues msgs for the root, in order. It returns no command.
func (c *Context) send(msgs ...tea.Msg) tea.Cmd {
	c.queue = append(c.queue, msgs...)
	return nil
}
