package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/clock"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/safetext"
)

// defaultQuestionsPage is the page whose questions are the essential set
// used when no --topic or --all is given.
const defaultQuestionsPage = "questions"

func questionsCmd(env Env) *cobra.Command {
	return questionsCmdWith(env, printing.DefaultSpooler())
}

// questionsCmdWith is questionsCmd with the print spooler given, for tests.
func questionsCmdWith(env Env, spooler printing.Spooler) *cobra.Command {
	var (
		topics        []string
		all           bool
		tops          []string
		format, paper string
		output        string
		doPrint       bool
		printer       string
		force         bool
		answerSpecs   []string
	)
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "Make a sheet of questions for your oncologist",
		Long: "questions makes a sheet of questions for your next visit, with space to write " +
			"the answers. Without --topic or --all it uses a short set of essential " +
			"questions. Every sheet ends with a \"When to call right away\" box; --phone and " +
			"--after-hours-phone fill in the care team's numbers there; --clinic names the clinic " +
			"that asks the reader to bring it. --clinician-copy makes the one-page copy for the " +
			"care team instead. With -o FILE it never " +
			"replaces a file that is already there: it names a free name instead " +
			"(FILE-2.pdf), unless --force is given; --force never replaces a folder, pipe, " +
			"device or link. --top takes at most 3 questions.\n\n" +
			"The date on the sheet is today, or $SOURCE_DATE_EPOCH when set, so that a build " +
			"or a test can make the same file every time.",
		Example: "  her2guide questions\n" +
			"  her2guide questions --topic her2-testing --topic heart --top heart:1 -o questions.pdf\n" +
			"  her2guide questions --all --format html -o questions.html\n" +
			"  her2guide questions --format pdf -o questions.pdf --force\n" +
			"  her2guide questions --print --printer Office\n" +
			"  her2guide questions --phone \"(555) 010-0100\" --after-hours-phone \"(555) 010-0199\"\n" +
			"  her2guide questions --answer stage=2 --answer her2=ihc3 --clinician-copy --clinic \"Riverside Cancer Centre\"",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := bundled()
			if err != nil {
				return err
			}
			var list *checklist.List
			if len(answerSpecs) > 0 {
				list, err = buildAnswerList(g, answerSpecs, topics, all, tops)
			} else {
				list, err = buildList(g, topics, all, tops)
			}
			if err != nil {
				return err
			}
			f, err := export.ParseFormat(format)
			if err != nil {
				return err
			}
			p, err := export.ParsePaper(paper)
			if err != nil {
				return err
			}
			sheet, err := newSheet(cmd, env, g, list)
			if err != nil {
				return err
			}
			if force && (output == "" || output == "-") {
				return errors.New("use --force only with -o FILE")
			}
			if doPrint {
				if cmd.Flags().Changed("format") && f != export.PDF {
					return errors.New("--print always prints a PDF; leave out --format, or save with -o FILE")
				}
				if output != "" {
					return errors.New("use either --print or -o FILE, not both")
				}
				return printSheet(cmd.Context(), env, spooler, sheet, p, printer)
			}
			if printer != "" {
				return errors.New("--printer needs --print")
			}
			return saveSheet(env, sheet, f, p, output, force)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&topics, "topic", nil, "add this topic's questions (repeatable; see topics)")
	fl.BoolVar(&all, "all", false, "add the questions of every topic")
	fl.StringArrayVar(&answerSpecs, "answer", nil, "answer of My situation: QUESTION=ANSWER (repeatable)")
	completeAnswers(cmd)
	fl.StringArrayVar(&tops, "top", nil, "mark TOPIC:N or a question ID most important")
	fl.StringVar(&format, "format", "text", "text, markdown, html or pdf")
	fl.StringVar(&paper, "paper", "a4", "a4 or letter (pdf and html)")
	fl.StringVarP(&output, "output", "o", "", "write to FILE (- or nothing: standard output)")
	fl.BoolVar(&force, "force", false, "with -o, replace an existing file (never a link)")
	fl.BoolVar(&doPrint, "print", false, "send the sheet to a printer as a PDF")
	fl.StringVar(&printer, "printer", "", "printer for --print (default: the system's default)")
	fl.String("phone", "", "daytime phone for the \"When to call right away\" box")
	fl.String("after-hours-phone", "", "the care team's after-hours phone, printed beside it")
	fl.String("clinic", "", "the clinic's name for the sheet's endorsement line")
	fl.Bool("clinician-copy", false, "make the one-page copy for the care team instead")
	fl.Bool("fill-about", false, "fill \"About my cancer\" from the --answer flags")
	return cmd
}

// buildList gathers the questions the flags ask for.
func buildList(g *guide.Guide, topics []string, all bool, tops []string) (*checklist.List, error) {
	if all && len(topics) > 0 {
		return nil, errors.New("use either --all or --topic, not both")
	}
	var pages []*guide.Page
	switch {
	case all:
		pages = g.Pages
	case len(topics) > 0:
		seen := map[string]bool{}
		for _, id := range topics {
			p, ok := g.Page(id)
			if !ok {
				return nil, unknownTopic(g, id)
			}
			if !seen[id] {
				seen[id] = true
				pages = append(pages, p)
			}
		}
	default:
		p, ok := g.Page(defaultQuestionsPage)
		if !ok {
			return nil, fmt.Errorf("the built-in content has no %q page (run her2guide check)", defaultQuestionsPage)
		}
		pages = []*guide.Page{p}
	}
	list := &checklist.List{}
	for _, p := range pages {
		for _, it := range checklist.Suggested(p) {
			list.Add(it) // a question on two pages is asked once
		}
	}
	return list, applyTops(g, list, tops)
}

// buildAnswerList is the sheet of the reader whose "My situation" answers
// the --answer flags give: the questions their path pre-ticks, then those
// of any --topic.
func buildAnswerList(g *guide.Guide, specs, topics []string, all bool, tops []string) (*checklist.List, error) {
	if all {
		return nil, errAnswerAll
	}
	answers, err := parseAnswers(g, specs)
	if err != nil {
		return nil, err
	}
	list := &checklist.List{}
	for _, it := range checklist.PathItems(g, g.PathFor(answers)) {
		list.Add(it)
	}
	if len(topics) > 0 {
		more, err := buildList(g, topics, false, nil)
		if err != nil {
			return nil, err
		}
		for _, it := range more.Items() {
			list.Add(it)
		}
	}
	return list, applyTops(g, list, tops)
}

// applyTops marks the --top questions, adding any not on the list.
func applyTops(g *guide.Guide, list *checklist.List, tops []string) error {
	for _, spec := range tops {
		it, err := parseTop(g, spec)
		if err != nil {
			return err
		}
		list.Add(it)
		if err := list.SetTop(it.ID, true); err != nil {
			if errors.Is(err, checklist.ErrTooManyTop) {
				return fmt.Errorf("--top %s: %w", spec, err)
			}
			return err
		}
	}
	return nil
}

// parseTop reads "TOPIC:N" (the topic page's question N, as the sheet of
// that page numbers them) or a question's id from the question bank.
func parseTop(g *guide.Guide, spec string) (checklist.Item, error) {
	id, num, ok := strings.Cut(spec, ":")
	if !ok {
		if it, found := checklist.Lookup(g, spec); found && !strings.Contains(spec, "#") {
			return it, nil
		}
		return checklist.Item{}, fmt.Errorf("--top %q: write it as TOPIC:N, for example --top heart:2, or give a question's id", spec)
	}
	p, found := g.Page(id)
	if !found {
		return checklist.Item{}, unknownTopic(g, id)
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > len(p.Questions) {
		return checklist.Item{}, fmt.Errorf("--top %q: %s has questions 1 to %d", spec, id, len(p.Questions))
	}
	return checklist.Suggested(p)[n-1], nil
}

// newSheet fills in the sheet for the list.
func newSheet(cmd *cobra.Command, env Env, g *guide.Guide, list *checklist.List) (export.Sheet, error) {
	date, err := sheetDate(env.Now)
	if err != nil {
		return export.Sheet{}, err
	}
	s := export.NewSheet(g, list.Items(), date, cmd.Root().Version)
	if !cmd.Flags().Changed("topic") && !cmd.Flags().Changed("all") && !cmd.Flags().Changed("answer") {
		// The essential questions fit any reader: so does the box.
		s.Urgent = export.UrgentLines(g, nil)
	}
	for _, f := range []struct {
		flag string
		to   *string
	}{{"phone", &s.Phone}, {"after-hours-phone", &s.AfterHours}} {
		v, err := cmd.Flags().GetString(f.flag)
		if err != nil {
			return export.Sheet{}, err
		}
		v = strings.TrimSpace(v)
		if err := export.CheckPhone(v); err != nil {
			return export.Sheet{}, fmt.Errorf("--%s: %w", f.flag, err)
		}
		*f.to = v
	}
	clinic, err := cmd.Flags().GetString("clinic")
	if err != nil {
		return export.Sheet{}, err
	}
	s.Clinic = strings.TrimSpace(clinic)
	if err := export.CheckClinic(s.Clinic); err != nil {
		return export.Sheet{}, fmt.Errorf("--clinic: %w", err)
	}
	if s.Clinician, err = cmd.Flags().GetBool("clinician-copy"); err != nil {
		return export.Sheet{}, err
	}
	fill, err := cmd.Flags().GetBool("fill-about")
	if err != nil {
		return export.Sheet{}, err
	}
	specs, _ := cmd.Flags().GetStringArray("answer")
	if fill && len(specs) == 0 {
		return export.Sheet{}, errors.New("--fill-about needs --answer: it fills the lines from your answers")
	}
	if len(specs) > 0 && (s.Clinician || fill) {
		answers, err := parseAnswers(g, specs)
		if err != nil {
			return export.Sheet{}, err
		}
		if s.Clinician {
			s.About = export.Situation(g, answers)
		}
		// The "About my cancer" lines stay blank unless asked: a sheet
		// may be seen by others.
		if fill {
			s.Mine = export.AboutCancer(g, answers)
		}
	}
	return s, nil
}

// sheetDate is $SOURCE_DATE_EPOCH when set (reproducible output), else
// today: a sheet dated months ago would mislead the patient.
func sheetDate(now clock.Clock) (time.Time, error) {
	if v, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && v != "" {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	return now.Now(), nil
}

// saveSheet writes the sheet to standard output or to a file. It replaces
// a file that is already there only when force is set.
func saveSheet(env Env, s export.Sheet, f export.Format, p export.Paper, output string, force bool) error {
	if output == "" || output == "-" {
		if _, isTerm := env.IsTerminal(); f == export.PDF && isTerm {
			return errors.New("a PDF would garble this terminal: save it with -o FILE (for example -o questions.pdf), or send it to a printer with --print")
		}
		return export.Write(env.Stdout, s, f, p)
	}
	save := export.CreateFile
	if force {
		save = export.ReplaceFile
	}
	if err := save(output, s, f, p); err != nil {
		var ex *export.ExistsError
		if errors.As(err, &ex) {
			return existsError(ex)
		}
		return err
	}
	fmt.Fprintf(env.Stderr, "Saved your questions to %s\n", safetext.Line(output))
	return nil
}

// existsError tells the reader that -o names a file that is already there,
// and how to go on: a free name, or --force.
func existsError(ex *export.ExistsError) error {
	msg := "there is already a file at " + safetext.Line(ex.Path) + ", so nothing was saved.\n"
	if ex.Free != "" {
		msg += "To keep it, save under a free name: -o " + safetext.Line(ex.Free) + "\n"
	} else {
		msg += "To keep it, save under another name with -o FILE.\n"
	}
	return errors.New(msg + "To replace it, add --force")
}

// printSheet renders the sheet as a PDF in memory and sends it to the
// printer on lp's standard input.
func printSheet(ctx context.Context, env Env, spooler printing.Spooler, s export.Sheet, p export.Paper, printer string) error {
	job, err := spooler.PrintWith(ctx, printer, func(w io.Writer) error { return export.Write(w, s, export.PDF, p) })
	if err != nil {
		var pe *printing.Error
		if errors.As(err, &pe) {
			// The patient's message, a way out, then what the spooler said.
			msg := pe.Error()
			if pe.Kind == printing.NoDefault {
				msg += "\nChoose one with --printer NAME"
				if len(pe.Printers) > 0 {
					if name := shellWord(pe.Printers[0]); name != "" {
						msg += ", for example: her2guide questions --print --printer " + name
					}
				}
			}
			msg += "\nYou can save the questions to a file instead: her2guide questions --format pdf -o questions.pdf"
			if pe.Detail != "" {
				msg += "\n(details: " + strings.ReplaceAll(pe.Detail, "\n", " ") + ")"
			}
			return errors.New(msg)
		}
		return err
	}
	where := "the default printer"
	if printer != "" {
		where = printer
	}
	if job != "" {
		fmt.Fprintf(env.Stdout, "Sent your questions to %s (job %s).\n", where, job)
	} else {
		fmt.Fprintf(env.Stdout, "Sent your questions to %s.\n", where)
	}
	return nil
}
