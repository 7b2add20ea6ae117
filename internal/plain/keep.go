package plain

import (
	"github.com/her2guide/her2guide/internal/keep"
	"github.com/her2guide/her2guide/internal/safetext"
)

// "Keep my list on this computer", as the TUI offers it: the list is
// written to Options.Keep only after the reader types c on My questions,
// and from then on after each change (checked before every prompt, so a
// change made anywhere is written before the reader is asked anything);
// F deletes the file. With Options.Keep empty none of this is offered and
// the file is never read or written.

// keeping is the session's side of a kept list.
type keeping struct {
	// path is where the list is kept; "" turns the feature off.
	path string
	// on is true while the list is kept: changes are written as they come.
	on bool
	// file is true when a file is at the path (kept, or unreadable).
	file bool
	// mark is the list as last written; written is false until it is.
	mark    string
	written bool
}

// keepOffered reports whether keeping the list is offered at all.
func (s *session) keepOffered() bool { return s.keep.path != "" }

// canKeep reports whether c is offered now: the list has questions and is
// not kept.
func (s *session) canKeep() bool { return s.keepOffered() && !s.keep.on && s.list.Len() > 0 }

// canForget reports whether F is offered now: the list is kept or a file
// is there.
func (s *session) canForget() bool { return s.keepOffered() && (s.keep.on || s.keep.file) }

// loadKept reads the kept list at start and returns what to tell the
// reader, or "". A list the reader already has stays as it is.
func (s *session) loadKept() string {
	if !s.keepOffered() {
		return ""
	}
	t := s.text.Keep
	items, err := keep.Load(s.keep.path)
	switch keep.Restore(s.list, s.g, items, err) {
	case keep.NoFile:
		return ""
	case keep.Unreadable:
		s.keep.file = true
		return t.Unreadable(safetext.Line(err.Error()))
	case keep.Ignored:
		s.keep.file = true
		return "" // the reader's own list stays
	}
	s.keep.file = true
	s.keep.on, s.keep.mark, s.keep.written = true, s.list.Mark(), true
	if len(items) == 0 {
		return ""
	}
	return t.Loaded(len(items))
}

// startKeeping is the reader's choice to keep the list: it is written now.
func (s *session) startKeeping() {
	s.keep.on, s.keep.written = true, false
	if s.syncKept() {
		s.say(s.text.Keep.Kept(safetext.Line(s.keep.path)))
	}
}

// forgetKept stops keeping and deletes the file.
func (s *session) forgetKept() {
	s.keep.on = false
	if err := keep.Forget(s.keep.path); err != nil {
		s.say(s.text.Keep.ForgetFailed(safetext.Line(err.Error())))
		return
	}
	s.keep.file, s.keep.written, s.keep.mark = false, false, ""
	s.say(s.text.Keep.Forgotten)
}

// syncKept writes the list when it is kept and changed since last written,
// and reports whether it wrote it. A failed write is told and stops
// keeping, so the quit question asks again.
func (s *session) syncKept() bool {
	k := &s.keep
	if !s.keepOffered() || !k.on {
		return false
	}
	mark := s.list.Mark()
	if k.written && mark == k.mark {
		return false
	}
	if err := keep.Save(k.path, s.list.Items()); err != nil {
		k.on = false
		s.say(s.text.Keep.Failed(safetext.Line(err.Error())))
		return false
	}
	k.mark, k.written, k.file = mark, true, true
	return true
}

// keptAsIs reports whether the list is kept as it is now.
func (s *session) keptAsIs() bool {
	return s.keep.on && s.keep.written && s.keep.mark == s.list.Mark()
}
