package tui

import (
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/keep"
	"github.com/her2guide/her2guide/internal/safetext"
)

// "Keep my list on this computer": the list is written to Options.Keep only
// after the reader chooses it on My questions, and from then on after each
// change; "Forget my list" deletes the file. With Options.Keep empty (the
// kiosk) none of this is offered and the file is never read or written.
// The file is read, written and deleted in commands, never in Update.

// keeper is the session's side of a kept list.
type keeper struct {
	// on is true while the list is kept: changes are written as they come.
	on bool
	// file is true when a file is at the path (kept, or unreadable).
	file bool
	// mark is the list as last written, and pending as being written.
	mark, pending string
	// gen counts forgets: a write asked for before one is dropped.
	gen *atomic.Int64
	// mu keeps one file operation at a time, in the order they started.
	mu *sync.Mutex
}

func newKeeper() keeper { return keeper{gen: new(atomic.Int64), mu: new(sync.Mutex)} }

// Results of the commands below.
type (
	keptLoadedMsg struct {
		items []checklist.Item
		err   error
	}
	keptSavedMsg struct {
		mark  string
		first bool
		err   error
	}
	keptForgotMsg struct{ err error }
)

// keepOffered reports whether keeping the list is offered at all.
func (c *Context) keepOffered() bool { return c.Opts.Keep != "" }

// loadKept reads the kept list, at start.
func (c *Context) loadKept() tea.Cmd {
	if !c.keepOffered() {
		return nil
	}
	path, k := c.Opts.Keep, c.Session.keep
	return func() tea.Msg {
		k.mu.Lock()
		defer k.mu.Unlock()
		items, err := keep.Load(path)
		return keptLoadedMsg{items, err}
	}
}

// startKeeping is the reader's choice to keep the list: the next sync
// writes it.
func (c *Context) startKeeping() {
	if c.keepOffered() {
		c.Session.keep.on, c.Session.keep.mark, c.Session.keep.pending = true, "", ""
	}
}

// forgetKept stops keeping and deletes the file.
func (c *Context) forgetKept() tea.Cmd {
	if !c.keepOffered() {
		return nil
	}
	k := &c.Session.keep
	k.on, k.pending = false, ""
	k.gen.Add(1)
	path, mu := c.Opts.Keep, k.mu
	return func() tea.Msg {
		mu.Lock()
		defer mu.Unlock()
		return keptForgotMsg{keep.Forget(path)}
	}
}

// syncKept writes the list when it is kept and changed since last written.
func (c *Context) syncKept() tea.Cmd {
	k := &c.Session.keep
	if !c.keepOffered() || !k.on {
		return nil
	}
	mark := keptMark(&c.Session.List)
	if mark == k.mark || mark == k.pending {
		return nil
	}
	first := k.mark == ""
	k.pending = mark
	path, items, gen, g, mu := c.Opts.Keep, c.Session.List.Items(), k.gen, k.gen.Load(), k.mu
	return func() tea.Msg {
		mu.Lock()
		defer mu.Unlock()
		if gen.Load() != g {
			return nil // forgotten meanwhile
		}
		return keptSavedMsg{mark, first, keep.Save(path, items)}
	}
}

// keptMark is listMark, never "" (which means "not written yet").
func keptMark(l *checklist.List) string { return "\x01" + listMark(l) }

// keptResult handles the commands' results; it returns the footer's
// message, or "".
func (c *Context) keptResult(msg tea.Msg) string {
	k := &c.Session.keep
	t := c.Text.Keep
	switch msg := msg.(type) {
	case keptLoadedMsg:
		switch keep.Restore(&c.Session.List, c.Guide, msg.items, msg.err) {
		case keep.NoFile:
			return ""
		case keep.Unreadable:
			k.file = true
			return t.Unreadable(safetext.Line(msg.err.Error()))
		case keep.Ignored:
			k.file = true
			return "" // the reader started a list first: theirs stays
		}
		k.file, k.on, k.mark = true, true, keptMark(&c.Session.List)
		if len(msg.items) == 0 {
			return ""
		}
		return t.Loaded(len(msg.items))
	case keptSavedMsg:
		if k.pending == msg.mark {
			k.pending = ""
		}
		if msg.err != nil {
			k.on = false
			return t.Failed(safetext.Line(msg.err.Error()))
		}
		k.mark, k.file = msg.mark, true
		if msg.first {
			return t.Kept(safetext.Line(c.Opts.Keep))
		}
	case keptForgotMsg:
		if msg.err != nil {
			return t.ForgetFailed(safetext.Line(msg.err.Error()))
		}
		k.file, k.mark = false, ""
		return t.Forgotten
	}
	return ""
}

// kept reports whether the list is kept as it is now.
func (s *Session) kept() bool {
	return s.keep.on && s.keep.mark == keptMark(&s.List)
}
