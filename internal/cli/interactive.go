package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/keep"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/tui"
)

// addThemeFlags adds --theme and --paper to the interactive guide.
func addThemeFlags(root *cobra.Command) {
	root.Flags().String("theme", "auto", "colours: auto, dark, light, high-contrast")
	root.Flags().String("paper", "", "paper size: a4, or letter (the US default)")
}

// themeFlag reads and checks --theme.
func themeFlag(cmd *cobra.Command) (tui.Theme, error) {
	v, err := cmd.Flags().GetString("theme")
	if err != nil {
		return "", err
	}
	switch t := tui.Theme(v); t {
	case tui.ThemeAuto, tui.ThemeDark, tui.ThemeLight, tui.ThemeHighContrast:
		return t, nil
	}
	return "", fmt.Errorf("--theme %q: use auto, dark, light or high-contrast", v)
}

// paperFlag reads --paper, defaulting from the locale.
func paperFlag(cmd *cobra.Command) (export.Paper, error) {
	v, err := cmd.Flags().GetString("paper")
	if err != nil {
		return "", err
	}
	if v == "" {
		return defaultPaper(os.Getenv), nil
	}
	return export.ParsePaper(v)
}

// defaultPaper is Letter where the locale says US or Canada, else A4.
func defaultPaper(getenv func(string) string) export.Paper {
	for _, k := range []string{"LC_PAPER", "LC_ALL", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.Contains(v, "_US") || strings.Contains(v, "_CA") {
				return export.Letter
			}
			return export.A4
		}
	}
	return export.A4
}

func runInteractive(cmd *cobra.Command, env Env) error {
	theme, err := themeFlag(cmd)
	if err != nil {
		return err
	}
	paper, err := paperFlag(cmd)
	if err != nil {
		return err
	}
	if dumbTerminal(env) {
		// A dumb terminal shows the full-screen guide's alternate screen,
		// cursor moves and mouse codes as rubbish: read line by line.
		fmt.Fprintln(env.Stderr, i18n.English().Plain.DumbTerminal)
		return runPlain(cmd, env)
	}
	in, out := env.IsTerminal()
	if !in || !out {
		return errNoTerminal
	}
	// The content loads once the first frame (the preview below) is drawn:
	// parsing the pages on both cores while Bubble Tea set up the terminal
	// and drew delayed that frame (see afterDrawn). If no frame comes, it
	// loads after loadAnyway. The guide's model is built when the content
	// is in.
	type loaded struct {
		g   *guide.Guide
		err error
	}
	ready := make(chan loaded, 1)
	start := make(chan struct{})
	var once sync.Once
	go func() {
		select {
		case <-start:
		case <-time.After(loadAnyway):
		}
		g, err := bundled()
		ready <- loaded{g, err}
	}()
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	// "Keep my list on this computer" keeps it here, when the reader
	// chooses it; with no home folder it is not offered.
	keepPath, err := keep.Path()
	if err != nil {
		keepPath = ""
	}
	// The home screen is drawn from guide.yaml and sections.yaml while
	// the pages load: the first frame does not wait for them.
	previewOpts := tui.Options{Theme: theme}
	preview := tui.New(guide.LoadHome(guide.Source{FS: content.FS(), Name: content.Name}), render.NewCache(render.Document), previewOpts)
	lm := &loadingModel{preview: preview, drawn: func() { time.AfterFunc(afterDrawn, func() { once.Do(func() { close(start) }) }) }, load: func() (tea.Model, error) {
		r := <-ready
		if r.err != nil {
			return nil, r.err
		}
		return tui.New(r.g, render.NewCache(render.Document), tui.Options{
			Theme: theme,
			Print: tui.PrintOptions{
				Spooler: printing.DefaultSpooler(),
				Version: cmd.Root().Version,
				Dir:     home,
				Paper:   paper,
			},
			Keep:  keepPath,
			Clock: env.Now,
		}), nil
	}}
	if err := runProgram(cmd, env, lm); err != nil {
		return err
	}
	return lm.err
}

// dumbTerminal reports whether TERM says the terminal cannot move its
// cursor or draw a screen ("dumb", as Emacs' shell and many screen reader
// setups set it).
func dumbTerminal(env Env) bool {
	return env.Getenv != nil && strings.TrimSpace(env.Getenv("TERM")) == "dumb"
}

// loadingModel stands in for the guide's model while its content loads.
// It draws preview (the home screen, made from guide.yaml and
// sections.yaml alone) at once, so the first frame does not wait for the
// pages; everything that arrives meanwhile (keys, size, colours) is held
// and handed to the real model, in order, the moment it is made, so a key
// typed early is never lost and never reaches the preview. The preview only
// sees the size, the background colour and the colour profile, to draw
// itself right.
type loadingModel struct {
	// load makes the real model; it may block until the content is in.
	load func() (tea.Model, error)
	// drawn, if set, is called once, when the preview is first drawn at
	// the terminal's size: the content starts loading then.
	drawn   func()
	sized   bool
	preview tea.Model
	m       tea.Model
	err     error
	held    []tea.Msg
}

// loadedMsg brings the real model, or why it could not be made.
type loadedMsg struct {
	m   tea.Model
	err error
}

// loadAnyway is how long the content waits for the first frame before it
// loads all the same; afterDrawn, how long after the preview's first view
// at the terminal's size it starts, for Bubble Tea to write that frame
// and the terminal to show it (in tmux, with hyperfine: the first frame
// came 38 ms sooner at 50 ms, 20 ms sooner when loading at once after the
// draw; a key typed meanwhile is held, never lost).
const (
	loadAnyway = 250 * time.Millisecond
	afterDrawn = 50 * time.Millisecond
)

// maxHeld bounds what is kept while loading (a pasted text or a stuck key
// cannot grow memory for the second it takes).
const maxHeld = 4096

func (l *loadingModel) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg {
		m, err := l.load()
		return loadedMsg{m, err}
	})
}

func (l *loadingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if l.m != nil {
		return l.m.Update(msg)
	}
	if done, ok := msg.(loadedMsg); ok {
		if done.err != nil {
			l.err = done.err
			return l, tea.Quit
		}
		l.m = done.m
		cmds := []tea.Cmd{l.m.Init()}
		for _, h := range l.held {
			var cmd tea.Cmd
			l.m, cmd = l.m.Update(h)
			cmds = append(cmds, cmd)
		}
		l.held = nil
		return l.m, tea.Batch(cmds...)
	}
	if l.err != nil {
		return l, nil // failed to load: waiting for tea.Quit
	}
	if len(l.held) < maxHeld {
		l.held = append(l.held, msg)
	}
	switch msg.(type) {
	case tea.WindowSizeMsg, tea.BackgroundColorMsg, tea.ColorProfileMsg:
		if _, ok := msg.(tea.WindowSizeMsg); ok {
			l.sized = true
		}
		if l.preview != nil {
			l.preview, _ = l.preview.Update(msg)
		}
	}
	return l, nil
}

func (l *loadingModel) View() tea.View {
	switch {
	case l.m != nil:
		return l.m.View()
	case l.preview != nil && l.err == nil:
		v := l.preview.View()
		if l.sized && l.drawn != nil {
			l.drawn() // Bubble Tea draws this view next
			l.drawn = nil
		}
		return v
	}
	return tea.NewView("")
}

// runProgram runs a model of the guide on the terminal until it ends, and
// turns the way it ended into no error or a plain one.
func runProgram(cmd *cobra.Command, env Env, m tea.Model, opts ...tea.ProgramOption) error {
	// Lip Gloss has already worked out the colour profile of standard
	// output, the same way Bubble Tea would; passing it on saves a second
	// probe (inside tmux, that probe runs "tmux info"). Bubble Tea draws on
	// a timer; at 120 frames a second the first frame and every key's answer
	// reach the screen up to 8 ms sooner than at the default 60, for about
	// 0.3% more CPU while idle (measured: 1.0% against 0.7%).
	opts = append([]tea.ProgramOption{tea.WithContext(cmd.Context()), tea.WithColorProfile(lipgloss.Writer.Profile), tea.WithFPS(120)}, opts...)
	p := tea.NewProgram(m, opts...)
	_, err := p.Run()
	switch {
	case err == nil, errors.Is(err, tea.ErrInterrupted):
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		// Checked before ErrProgramKilled, which wraps it. Said here in
		// plain words rather than through Fang, whose error box asks the
		// terminal for its colours: after a panic that question can go
		// unanswered and hang the exit.
		msg := fmt.Errorf("the guide stopped because of an internal error; your terminal has been restored. Please report this: %w", err)
		if env.status == nil {
			return msg
		}
		fmt.Fprintln(env.Stderr, "her2guide: "+msg.Error())
		*env.status = 1
		return nil
	case errors.Is(err, tea.ErrProgramKilled):
		return nil // ended by a signal or its context: a clean stop
	}
	return fmt.Errorf("the guide stopped: %w", err)
}
