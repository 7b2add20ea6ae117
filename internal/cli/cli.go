// Package cli defines the her2guide command line: the interactive guide and
// the non-interactive commands, on Cobra. cmd/her2guide only runs it.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/guide"
)

// Env is what the commands read from and write to, so tests can run them
// without a terminal.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// IsTerminal reports whether stdin and stdout are terminals.
	IsTerminal func() (stdin, stdout bool)
	// TermWidth is the width of the terminal on stdout, or 0.
	TermWidth func() int
	// Now is the one clock: today for content checks, the date on a
	// question sheet (CLI, --plain and the full-screen guide) and the
	// kiosk's idle countdown and staff log.
	Now clock.Clock
	// Getenv reads an environment variable; nil reads none.
	Getenv func(key string) string
	// Environ lists the environment as "NAME=value" entries; nil lists
	// none. The kiosk checks the names of its variables with it.
	Environ func() []string

	// status, set by Execute, is the exit status of a failure already
	// reported in plain words (see runProgram).
	status *int
}

// OSEnv is the process's real environment.
func OSEnv() Env {
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		IsTerminal: func() (bool, bool) {
			return term.IsTerminal(os.Stdin.Fd()), term.IsTerminal(os.Stdout.Fd())
		},
		TermWidth: func() int {
			w, _, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return w
		},
		Now:     time.Now,
		Getenv:  os.Getenv,
		Environ: os.Environ,
	}
}

// Execute runs the command line with args and returns the exit status: 0,
// 1 for an error, or the status an error chooses with an ExitStatus method
// (the kiosk stopped by a signal).
func Execute(ctx context.Context, env Env, version string, args []string) int {
	status := 0
	env.status = &status
	root := NewRoot(env)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	if err := fang.Execute(ctx, root, fang.WithVersion(version), fang.WithErrorHandler(errorHandler)); err != nil {
		var exit interface{ ExitStatus() int }
		if errors.As(err, &exit) {
			return exit.ExitStatus()
		}
		return 1
	}
	return status
}

// errorHandler is Fang's own error handler with a gentler first word. Fang
// title-cases the first word of every error, which changes what the user
// typed: "relative/pages is not a folder" came out as "Relative/Pages",
// "--width" as "--Width", "TOML" as "Toml". Here only a first word of
// lowercase letters gets a capital letter ("the" to "The").
func errorHandler(w io.Writer, styles fang.Styles, err error) {
	styles.ErrorText = styles.ErrorText.Transform(capitalFirst)
	fang.DefaultErrorHandler(w, styles, err)
}

// capitalFirst raises the first letter of s when the first word is a
// plain word: lowercase letters only, perhaps followed by ",", ":" or ";".
// Any other first word (a path, a flag, a name, a variable) is left as it
// was typed.
func capitalFirst(s string) string {
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	word, _, _ := strings.Cut(s[lead:], " ")
	word = strings.TrimRight(word, ",:;")
	if word == "" {
		return s
	}
	for _, r := range word {
		if !unicode.IsLower(r) {
			return s
		}
	}
	first := []rune(word)[0]
	return s[:lead] + string(unicode.ToUpper(first)) + s[lead+len(string(first)):]
}

// NewRoot builds the command tree.
func NewRoot(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "her2guide",
		Short: "A private, offline guide to HER2-positive breast cancer",
		Long: "her2guide walks you through HER2-positive breast cancer and its treatment, stage " +
			"by stage, in plain words, and helps you make a list of questions for your " +
			"oncologist. It works with no network and saves nothing unless you ask it to. " +
			"--plain (or HER2GUIDE_PLAIN=1, or TERM=dumb) reads it line by line, for " +
			"screen readers, and needs no full-screen terminal.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if plainWanted(cmd, env) {
				return runPlain(cmd, env)
			}
			return runInteractive(cmd, env)
		},
	}
	addPlainFlag(root)
	addThemeFlags(root)
	root.AddCommand(topicsCmd(env), glossaryCmd(env), showCmd(env), checkCmd(env), searchCmd(env), questionsCmd(env), pathCmd(env))
	root.AddCommand(kioskCmd(env))
	root.AddCommand(serveCmd(env))
	// Cobra's own completion command, made now so that its help line is
	// short enough for 80 columns (Fang does not wrap it).
	// Its texts are reflowed so that the man page's paragraphs flow too.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Print a shell's tab-completion script"
			reflowLong(c)
		}
	}
	return root
}

// reflowLong joins the lines of each paragraph of c's and its
// subcommands' Long text, leaving indented (code) lines as they are.
func reflowLong(c *cobra.Command) {
	paras := strings.Split(strings.TrimSpace(c.Long), "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		out := lines[:1]
		for _, l := range lines[1:] {
			last := out[len(out)-1]
			if l == "" || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, " ") ||
				strings.HasPrefix(last, "\t") || strings.HasPrefix(last, " ") {
				out = append(out, l)
				continue
			}
			out[len(out)-1] = strings.TrimRight(last, " ") + " " + strings.TrimLeft(l, " ")
		}
		paras[i] = strings.Join(out, "\n")
	}
	c.Long = strings.Join(paras, "\n\n")
	for _, sub := range c.Commands() {
		reflowLong(sub)
	}
}

// errNoTerminal explains what to do when there is no terminal to draw in.
var errNoTerminal = errors.New("the interactive guide needs a terminal, and this input or output is not one.\n" +
	"Without a terminal, use: her2guide --plain, her2guide topics, her2guide show TOPIC, her2guide check")

// bundled loads the content built into the program. Review dates are not
// checked against the clock here (a wrong clock must not stop the guide);
// `her2guide check` and the tests do that.
func bundled() (*guide.Guide, error) {
	rules := guide.DefaultRules(time.Time{})
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, rules)
	if err != nil {
		return nil, fmt.Errorf("the built-in content is broken (run her2guide check):\n%w", err)
	}
	return g, nil
}

// bundledPage reads one built-in page without loading the rest of the guide
// (a third of the time "show" takes otherwise). A topic that is not a page
// loads the guide, for suggestions.
func bundledPage(id string) (*guide.Page, error) {
	p, err := guide.LoadPage(guide.Source{FS: content.FS(), Name: content.Name}, id)
	switch {
	case errors.Is(err, guide.ErrNoPage):
		g, err := bundled()
		if err != nil {
			return nil, err
		}
		return nil, unknownTopic(g, id)
	case err != nil:
		return nil, fmt.Errorf("the built-in content is broken (run her2guide check):\n%w", err)
	}
	return p, nil
}

// unknownTopic is the error for a page id that does not exist: the closest
// ids, and the search for what was typed, since a reader who types a word
// ("herceptin") is more likely looking for pages about it than for an id.
func unknownTopic(g *guide.Guide, id string) error {
	msg := fmt.Sprintf("there is no topic %q", id)
	if near := guide.Closest(id, g.PageIDs(), 3); len(near) > 0 {
		msg += "; did you mean: " + strings.Join(near, ", ") + "?"
	}
	msg += "\n"
	if q := shellWord(id); q != "" {
		msg += "her2guide search " + q + " finds the pages that mention it, and "
	}
	return errors.New(msg + "her2guide topics lists every topic")
}

// shellWord is s as one word to paste into a shell: bare when it is only
// letters, digits and "-_.", else in single quotes; "" when s is blank or
// holds a character that is not printable ASCII, which no suggestion should
// echo.
func shellWord(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	bare := true
	for _, r := range s {
		switch {
		case r < ' ' || r > '~':
			return ""
		case r == '\'':
			bare = false
		case !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'):
			bare = false
		}
	}
	if bare {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
