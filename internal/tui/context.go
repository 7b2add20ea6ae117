package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/search"
)

// Context is what every screen shares, handed to each screen when it is
// made. The content, cache and options never change; the root keeps the
// styles, the size of the body area and the search index up to date, and
// the Session holds the patient's own state.
type Context struct {
	Guide *guide.Guide
	Cache *render.Cache
	Opts  Options
	// Text is every string the screens show (Options.Text, or English).
	Text *i18n.Catalog
	// Keys are the guide's key bindings (see DefaultKeyMap).
	Keys KeyMap
	// Styles are the chrome's styles for the terminal's background.
	Styles Styles
	// Dark is true on a dark terminal background.
	Dark bool
	// Style is the Glamour style pages are rendered in.
	Style render.Style
	// Width and Height are the size of the body area between header and
	// footer.
	Width, Height int
	// Index is the search index, nil until it is built.
	Index *search.Index
	// Session is the patient's own state: wiped by Reset.
	Session *Session
	// queue is the navigation screens asked for during this update.
	queue []tea.Msg
	// indexing is true once the index is being built.
	indexing bool
}

// indexCmd builds the search index in a command, once.
func (c *Context) indexCmd() tea.Cmd {
	if c.Index != nil || c.indexing {
		return nil
	}
	c.indexing = true
	g := c.Guide
	return func() tea.Msg { return indexMsg{search.New(g)} }
}

// Session is what one patient does with the guide: their question list,
// their "My situation" answers and where they left the walkthrough. Only
// the list is ever written, and only when the reader chooses to keep it
// (see keeper); a kiosk reset replaces it and cancels its work in flight.
type Session struct {
	// ctx is cancelled when the session is wiped: prints in flight stop.
	ctx    context.Context
	cancel context.CancelFunc
	List   checklist.List
	// Answers maps a "My situation" question id to the chosen answer id.
	Answers map[string]string
	// Walk is the reader's walkthrough (the steps that fit them), and
	// WalkResume the step to resume at; nil until the walk is started.
	Walk       []guide.Step
	WalkResume int
	// saved is the list as it was last printed or saved (see listMark).
	saved string
	// situationAdded are the questions "My situation" put on the list.
	situationAdded []string
	// keep is the list kept on this computer, if the reader chose it.
	keep keeper
	// fillAsked is set once the reader has answered whether the sheet's
	// "About my cancer" lines are filled from Answers (asked once a
	// session); fillAbout is their answer, false (blank lines) by default.
	// copyAsked and copyAbout are the same for the copy for the care team,
	// which shows more of the answers, so a yes to one is not a yes to both.
	fillAsked, fillAbout bool
	copyAsked, copyAbout bool
}

// listMark sums up the list, to tell whether it changed since it was
// last printed or saved (the --plain guide uses the same mark).
func listMark(l *checklist.List) string { return l.Mark() }

// Unsaved reports whether the list has questions that are not printed,
// saved or kept on this computer as they are now.
func (s *Session) Unsaved() bool {
	return s.List.Len() > 0 && listMark(&s.List) != s.saved && !s.kept()
}

// now is the guide's clock (Options.Clock).
func (c *Context) now() time.Time { return c.Opts.Clock.Now() }
