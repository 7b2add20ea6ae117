package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/clarity"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/safetext"
)

func topicsCmd(env Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "List every topic: id, section and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := bundled()
			if err != nil {
				return err
			}
			if asJSON {
				type topic struct {
					ID       string `json:"id"`
					Section  string `json:"section"`
					Title    string `json:"title"`
					Summary  string `json:"summary"`
					Reviewed string `json:"reviewed"`
				}
				list := make([]topic, 0, len(g.Pages))
				for _, p := range g.Pages {
					list = append(list, topic{p.ID, p.Section, p.Title, p.Summary, p.Reviewed.Format("2006-01-02")})
				}
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(list)
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			for _, p := range g.Pages {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ID, p.Section, p.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for other programs")
	return cmd
}

func showCmd(env Env) *cobra.Command {
	var width int
	var style string
	cmd := &cobra.Command{
		Use:   "show TOPIC",
		Short: "Print one topic, rendered for the terminal",
		Example: "  her2guide show her2-testing\n" +
			"  her2guide show stage-2 --width 60 --style ascii",
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			g, err := bundled()
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			return g.PageIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := bundledPage(args[0])
			if err != nil {
				return err
			}
			_, isTerm := env.IsTerminal()
			st := render.ASCII
			if isTerm {
				st = render.Dark
			}
			if cmd.Flags().Changed("style") {
				if st, err = render.ParseStyle(style); err != nil {
					return err
				}
			}
			if !cmd.Flags().Changed("width") {
				width = 80
				if w := env.TermWidth(); isTerm && w > 0 {
					width = w
				}
			}
			if width < render.MinWidth {
				return fmt.Errorf("--width must be at least %d, not %d", render.MinWidth, width)
			}
			// On a 16-colour terminal, some colours are chosen by hand.
			r, err := render.NewCache(render.Document).Render(p, width, render.ForStdout(st))
			if err != nil {
				return err
			}
			// One buffered write: a line at a time costs a system call
			// each, which a terminal (tmux most of all) makes slow.
			bw := bufio.NewWriterSize(env.Stdout, 64<<10)
			var out io.Writer = bw
			if env.Getenv != nil && env.Getenv("NO_COLOR") != "" {
				// NO_COLOR: keep bold and underline, drop every colour.
				out = &colorprofile.Writer{Forward: bw, Profile: colorprofile.Ascii}
			}
			title := p.Title
			if st == render.ASCII {
				title = render.ASCIIText(title)
			}
			fmt.Fprintln(out, title)
			fmt.Fprintln(out)
			for _, l := range r.Lines {
				fmt.Fprintln(out, l)
			}
			return bw.Flush()
		},
	}
	cmd.Flags().IntVar(&width, "width", 80, "columns to wrap to (default: the terminal's, or 80)")
	cmd.Flags().StringVar(&style, "style", "dark", "dark, light, high-contrast, or ascii (used when piped)")
	return cmd
}

func checkCmd(env Env) *cobra.Command {
	var due, override bool
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "Check the content and list every problem",
		Long: "check validates content against the rules in content/README.md and prints each " +
			"problem as file:line: message. With DIR, it checks a whole content folder (one " +
			"with a sections.yaml) or a folder of clinic pages beside the built-in guide, " +
			"exactly as the kiosk loads them (--content): every page the kiosk would skip is " +
			"listed with its reasons.\n\n" +
			"With --due it also lists pages whose next_review date has passed: run it on a " +
			"schedule (the tests and CI do not, so that an old commit still builds and " +
			"passes).",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var dir string
			if len(args) > 0 {
				dir = args[0]
			}
			g, problems, skipped, clinic, err := checkContent(dir, env.Now(), override)
			if err != nil {
				return err
			}
			errs, warnings := checkClarity(dir, g, clinic)
			problems = append(problems, errs...)
			printWarnings(env.Stderr, warnings)
			if due {
				problems = append(problems, guide.Overdue(g, env.Now())...)
			}
			if len(problems) > 0 {
				// File names and messages come from the folder checked:
				// nothing in them may reach the terminal as a control.
				for _, p := range problems {
					fmt.Fprintln(env.Stdout, safetext.Line(p.String()))
				}
				if skipped > 0 {
					return fmt.Errorf("%d problem(s) found; the kiosk would skip %d clinic page(s)", len(problems), skipped)
				}
				return fmt.Errorf("%d problem(s) found", len(problems))
			}
			fmt.Fprintf(env.Stdout, "ok: %d pages in %d sections, %d glossary terms\n", len(g.Pages), len(g.Sections), len(g.Terms))
			return nil
		},
	}
	cmd.Flags().BoolVar(&due, "due", false, "also list pages whose review date has passed")
	cmd.Flags().BoolVar(&override, "content-override", false, "check clinic pages as kiosk --content-override does")
	return cmd
}

// checkContent loads what check checks: the built-in content (dir ""), a
// whole content folder, or a folder of clinic pages through the kiosk's
// own loader and rules, so that check and the kiosk skip the same pages.
// It returns the guide, the problems, how many clinic pages would be
// skipped, and the ids of the clinic pages loaded (nil for a content tree);
// the error is for a folder that cannot be checked at all.
func checkContent(dir string, now time.Time, override bool) (*guide.Guide, guide.Problems, int, []string, error) {
	base := guide.Source{FS: content.FS(), Name: content.Name}
	if dir == "" {
		g, err := guide.Load(base, guide.DefaultRules(now))
		ps, err := problemsOf(err)
		return g, ps, 0, nil, err
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, 0, nil, fmt.Errorf("the folder %s does not exist", safetext.Line(dir))
	case err != nil:
		return nil, nil, 0, nil, fmt.Errorf("cannot read the folder %s: %s", safetext.Line(dir), safetext.Line(err.Error()))
	case !info.IsDir():
		return nil, nil, 0, nil, fmt.Errorf("%s is not a folder", safetext.Line(dir))
	}
	src := guide.Source{FS: os.DirFS(dir), Name: filepath.ToSlash(dir)}
	if _, e := fs.Stat(src.FS, "sections.yaml"); e == nil {
		g, err := guide.Load(src, guide.DefaultRules(now))
		ps, err := problemsOf(err)
		return g, ps, 0, nil, err
	}
	// The kiosk's rules: no clock (a wrong clock must not hide pages).
	c, err := guide.LoadClinic(base, src, guide.DefaultRules(time.Time{}), override)
	if err != nil {
		return nil, nil, 0, nil, fmt.Errorf("the built-in content is broken (run her2guide check):\n%s", safetext.Text(err.Error()))
	}
	skipped := 0
	for _, s := range c.Skipped {
		if !s.Folder {
			skipped++
		}
	}
	return c.Guide, c.Problems(), skipped, append(append([]string{}, c.Added...), c.Replaced...), nil
}

// checkClarity runs the clarity check (content/README.md, "Clarity") on
// what check loaded. A content tree's pages must pass, except those its
// clarity.yaml lists as pending: their findings are warnings, as are every
// finding on clinic pages (clinic lists their ids), which the check holds
// to the bundled clarity.yaml.
func checkClarity(dir string, g *guide.Guide, clinic []string) (errs guide.Problems, warnings []clarity.Finding) {
	if g == nil {
		return nil, nil
	}
	src := guide.Source{FS: content.FS(), Name: content.Name}
	if dir != "" && clinic == nil {
		src = guide.Source{FS: os.DirFS(dir), Name: filepath.ToSlash(dir)}
	}
	cfg, errs := clarity.Load(src)
	if cfg != nil && clinic == nil {
		errs = append(errs, cfg.Validate(g)...)
	}
	c := clarity.New(g, cfg)
	for _, p := range g.Pages {
		switch {
		case clinic != nil && !slices.Contains(clinic, p.ID):
			// A bundled page: plain check reports it.
		case clinic != nil || cfg.IsPending(p.ID):
			warnings = append(warnings, c.Page(p)...)
		default:
			for _, f := range c.Page(p) {
				errs = append(errs, f.Problem)
			}
		}
	}
	return errs, warnings
}

// printWarnings prints clarity warnings, each as "warning: file:line:
// message", and a line that counts them.
func printWarnings(w io.Writer, warnings []clarity.Finding) {
	if len(warnings) == 0 {
		return
	}
	pages := map[string]bool{}
	for _, f := range warnings {
		pages[f.File] = true
		fmt.Fprintln(w, "warning: "+safetext.Line(f.String()))
	}
	fmt.Fprintf(w, "%d clarity warning(s) on %d page(s) (pending in clarity.yaml, or clinic pages): not errors yet\n", len(warnings), len(pages))
}

// problemsOf splits a load error into its problems, or returns it when it
// is something else.
func problemsOf(err error) (guide.Problems, error) {
	if err == nil {
		return nil, nil
	}
	var ps guide.Problems
	if errors.As(err, &ps) {
		return ps, nil
	}
	return nil, err
}
