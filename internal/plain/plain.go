// Package plain is the guide for screen readers and very simple terminals:
// numbered menus read line by line from standard input, and pages printed
// as plain wrapped text in chunks. It never moves the cursor, redraws, or
// writes escape sequences, and it works when the input is a pipe, so a
// script on standard input can drive it. It imports no TUI code.
package plain

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/search"
)

// Defaults for the zero Options.
const (
	// DefaultWidth is the width text is wrapped to when Options.Width is 0.
	DefaultWidth = 80
	// DefaultChunk is about how many lines of a page are printed before
	// asking for Enter.
	DefaultChunk = 20
)

// maxLine is the most bytes of one input line that are read; the rest of a
// longer line is dropped.
const maxLine = 8 << 10

// Options change how the plain guide looks and what it starts with.
type Options struct {
	// Width is the width to wrap text to; 0 means DefaultWidth. Widths below
	// render.MinWidth are raised to it.
	Width int
	// Chunk is about how many lines of a page to print at a time; 0 sizes
	// parts to Height, or uses DefaultChunk when Height is 0 too.
	Chunk int
	// Height is the height of the terminal the guide prints on, or 0 when
	// it prints to something else (a pipe, a file, a braille display's
	// reader). With Chunk 0 a part of a page then fills the screen but for
	// its prompt.
	Height int
	// Cache renders pages; nil builds one that writes pages to be read
	// aloud (tables as sentences, signs in words, no line broken at a
	// hyphen). A cache made by the caller shows pages as its compose
	// function makes them.
	Cache *render.Cache
	// List is the patient's question list, changed in place; nil starts an
	// empty one.
	List *checklist.List
	// Printer prints or saves the list from My questions; nil leaves the
	// "p" command out.
	Printer Printer
	// Text is the language of the guide's own words; nil means English.
	Text *i18n.Catalog
	// Keep is where "Keep my list on this computer" keeps the list (see
	// keep.Path); empty never offers it and never reads or writes a file.
	Keep string
}

// Printer prints or saves the patient's question list. The plain guide asks
// it what it can do and hands it the list; it owns formats, files and
// printers.
type Printer interface {
	// Choices names the ways the list can be printed or saved, such as
	// "Save as a plain text file" or "Print on Office", and may add a
	// sentence to tell the reader first (for example that no printer is
	// set up, so only saving is offered).
	Choices(ctx context.Context) (choices []string, note string)
	// Do carries out choice (an index into Choices) for the items and
	// returns what to tell the reader: where the file went, or the sheet
	// itself when the choice shows it. Its errors are plain sentences.
	//
	// A choice that saves a file uses name, the path the reader chose, or
	// its usual name when name is "". It never replaces a file: when one is
	// there it saves nothing and returns an *export.ExistsError, and the
	// plain guide offers the free name in it or lets the reader type
	// another, then calls Do again with that name.
	Do(ctx context.Context, choice int, items []checklist.Item, name string) (string, error)
}

// errQuit ends the session when the reader types q.
var errQuit = errors.New("quit")

// Run reads the guide with the reader until they type q or the input ends.
// It returns nil then, and also when ctx is cancelled; it returns an error
// only when writing or reading fails.
func Run(ctx context.Context, g *guide.Guide, in io.Reader, out io.Writer, opts Options) error {
	s := newSession(ctx, g, in, out, opts)
	defer s.close()
	s.notice = s.loadKept()
	err := s.home()
	s.syncKept()
	switch {
	case errors.Is(err, errQuit):
		s.say(s.t.Goodbye)
		return s.out.err
	case errors.Is(err, io.EOF):
		s.say("")
		s.say(s.t.EndOfInput)
		return s.out.err
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return nil
	}
	return err
}

// session is one run of the plain guide.
type session struct {
	ctx   context.Context
	g     *guide.Guide
	lines <-chan line
	done  chan struct{}
	out   *writer
	width int
	chunk int
	cache *render.Cache
	list  *checklist.List
	print Printer
	index *search.Index // built on first search
	// walkSteps are the steps of "Start here" that fit the reader, and
	// walkAt the one they left on.
	walkSteps []guide.Step
	walkAt    int
	// answers are the "My situation" answers, by question id; added are
	// the questions they put on the list. Neither is ever saved.
	answers map[string]string
	added   []checklist.Item
	// saved is the list's mark when it was last printed or saved, and
	// asking is true while the quit question waits for an answer.
	saved  string
	asking bool
	// fillAsked is true once the reader has answered whether the sheet's
	// "About my cancer" lines are filled from "My situation", and
	// fillAbout is their answer. Asked once a session. copyAsked and
	// copyAbout are the same for the copy for the care team, which shows
	// more of the answers, so a yes to one is not a yes to both.
	fillAsked, fillAbout bool
	copyAsked, copyAbout bool
	// keep is the list kept on this computer, if the reader chose it.
	keep keeping
	// notice is said once under the next main menu.
	notice string
	// text is every string the guide says; t is its --plain part.
	text *i18n.Catalog
	t    *i18n.Plain
}

func newSession(ctx context.Context, g *guide.Guide, in io.Reader, out io.Writer, opts Options) *session {
	s := &session{
		ctx: ctx, g: g, out: &writer{w: out},
		width: opts.Width, chunk: opts.Chunk, cache: opts.Cache, list: opts.List, print: opts.Printer,
		done: make(chan struct{}), answers: map[string]string{}, keep: keeping{path: opts.Keep},
	}
	if s.width <= 0 {
		s.width = DefaultWidth
	}
	s.width = max(s.width, render.MinWidth)

	if s.cache == nil {
		s.cache = render.NewCache(s.compose)
	}
	if s.list == nil {
		s.list = &checklist.List{}
	}
	s.text = opts.Text
	if s.text == nil {
		s.text = i18n.English()
	}
	s.t = &s.text.Plain
	if s.chunk <= 0 {
		s.chunk = s.chunkFor(opts.Height)
	}
	s.lines = readLines(in, s.done)
	return s
}

// chunkFor is how many lines of a page fit on a terminal of the given
// height with the page's title above them (and the blank line before it),
// and the "Part N" prompt and the line the reader types below them:
// DefaultChunk when the height is not known.
func (s *session) chunkFor(height int) int {
	if height <= 0 {
		return DefaultChunk
	}
	const title, typed = 2, 1
	prompt := strings.Count(wrap(s.t.PagePart(99, 99), s.width, ""), "\n") + 1
	return max(height-title-prompt-typed, 5)
}

// close stops the line reader. A reader blocked on a terminal or pipe stays
// blocked until its next line, but sends nothing more.
func (s *session) close() { close(s.done) }

// line is one line of input, or the error that ended the input.
type line struct {
	text string
	err  error
}

// readLines reads in line by line on its own goroutine, so that a cancelled
// context ends the session even while the reader is not typing.
func readLines(in io.Reader, done <-chan struct{}) <-chan line {
	ch := make(chan line)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 4<<10), maxLine+1)
		sc.Split(capLines(maxLine))
		for sc.Scan() {
			select {
			case ch <- line{text: sc.Text()}:
			case <-done:
				return
			}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		select {
		case ch <- line{err: err}:
		case <-done:
		}
	}()
	return ch
}

// capLines splits input into lines like bufio.ScanLines, but cuts a line
// longer than limit bytes to its first limit bytes and drops the rest, so
// that no input can stop the scanner.
func capLines(limit int) bufio.SplitFunc {
	skipping := false
	return func(data []byte, atEOF bool) (int, []byte, error) {
		if atEOF && len(data) == 0 {
			return 0, nil, nil
		}
		i := bytes.IndexByte(data, '\n')
		if skipping {
			if i < 0 {
				return len(data), nil, nil
			}
			skipping = false
			return i + 1, nil, nil
		}
		switch {
		case i >= 0:
			return i + 1, bytes.TrimSuffix(data[:i], []byte("\r")), nil
		case len(data) >= limit:
			skipping = true
			return len(data), data[:limit], nil
		case atEOF:
			return len(data), bytes.TrimSuffix(data, []byte("\r")), nil
		}
		return 0, nil, nil
	}
}

// writer remembers the first write error, so the screens can write freely
// and the session stops at its next prompt.
type writer struct {
	w   io.Writer
	err error
}

func (w *writer) line(s string) {
	if w.err == nil {
		_, w.err = io.WriteString(w.w, s+"\n")
	}
}

// say prints text wrapped to the width, its signs in words (see spoken).
func (s *session) say(text string) {
	s.out.line(wrap(s.spoken(text), s.width, ""))
}

// item prints a numbered entry, its continuation lines indented under the
// text, its signs in words.
func (s *session) item(n int, text string) {
	num := strconv.Itoa(n) + ". "
	s.out.line(num + wrap(s.spoken(text), s.width-len(num), strings.Repeat(" ", len(num))))
}

// note prints text indented, as a second line under a numbered entry, its
// signs in words.
func (s *session) note(text string) {
	const indent = "   "
	s.out.line(indent + wrap(s.spoken(text), s.width-len(indent), indent))
}

// wrap wraps text to width at spaces, never at a hyphen, starting
// continuation lines with indent (which the width does not count). Spaces
// inside a line are kept; a word wider than the width is cut. Line breaks
// in text are kept.
func wrap(text string, width int, indent string) string {
	width = max(width, 10)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		cur, started := "", false
		for _, word := range strings.Split(para, " ") {
			for ansi.StringWidth(word) > width {
				if started {
					out = append(out, cur)
				}
				out = append(out, ansi.Truncate(word, width, ""))
				word = ansi.TruncateLeft(word, width, "")
				cur, started = "", false
			}
			switch {
			case !started:
				cur, started = word, true
			case ansi.StringWidth(cur)+1+ansi.StringWidth(word) <= width:
				cur += " " + word
			default:
				out = append(out, strings.TrimRight(cur, " "))
				cur = word
			}
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n"+indent)
}

// read writes a kept list that changed (see syncKept), prints the prompt
// and returns the next line the reader types, cleaned with
// checklist.Sanitize and trimmed. It returns io.EOF when the
// input ends and the context's error when it is cancelled.
func (s *session) read(prompt string) (string, error) {
	s.syncKept() // a kept list follows every change before the next question
	s.say(prompt)
	if s.out.err != nil {
		return "", s.out.err
	}
	select {
	case <-s.ctx.Done():
		return "", s.ctx.Err()
	case l, ok := <-s.lines:
		if !ok {
			return "", io.EOF
		}
		if l.err != nil {
			if errors.Is(l.err, io.EOF) {
				return "", io.EOF
			}
			return "", fmt.Errorf("reading input: %w", l.err)
		}
		return checklist.Sanitize(l.text), nil
	}
}

// choose prints the prompt and reads until the reader types a number from
// 1 to n or one of the words in also. It returns the number, or 0 and the
// word (lower-cased). Typing q ends the session.
func (s *session) choose(n int, prompt string, also ...string) (int, string, error) {
	for {
		text, err := s.read(prompt)
		if err != nil {
			return 0, "", err
		}
		low := strings.ToLower(text)
		if isQuit(low) {
			if ok, err := s.confirmQuit(); err != nil || ok {
				return 0, "", cmpErr(err)
			}
			continue
		}
		for _, w := range also {
			if low == w {
				return 0, w, nil
			}
		}
		if k, err := strconv.Atoi(text); err == nil && k >= 1 && k <= n {
			return k, "", nil
		}
		s.say(s.pleaseNumber(n))
	}
}

func isQuit(low string) bool { return low == "q" || low == "quit" }

// cmpErr is err, or errQuit when err is nil: what a prompt returns once
// confirmQuit has answered.
func cmpErr(err error) error {
	if err != nil {
		return err
	}
	return errQuit
}

// pleaseNumber asks again for a number from 1 to n.
func (s *session) pleaseNumber(n int) string {
	switch n {
	case 0:
		return s.t.NothingToChoose
	case 1:
		return s.t.TypeOne
	}
	return s.t.TypeNumberUpTo(n)
}
