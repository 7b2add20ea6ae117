package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/guide"
)

// parseAnswers reads --answer QUESTION=ANSWER flags ("drugs=tdxd,tdm1" or
// the flag repeated for a question with many answers) into the answers
// of the "My situation" form, checking every id.
func parseAnswers(g *guide.Guide, specs []string) (map[string]string, error) {
	answers := map[string]string{}
	var qids []string
	for _, q := range g.Paths.Situation {
		qids = append(qids, q.ID)
	}
	for _, spec := range specs {
		qid, val, ok := strings.Cut(spec, "=")
		qid, val = strings.TrimSpace(qid), strings.TrimSpace(val)
		if !ok || qid == "" {
			return nil, fmt.Errorf("--answer %q: write it as QUESTION=ANSWER, for example --answer stage=2", spec)
		}
		i := slices.IndexFunc(g.Paths.Situation, func(q guide.Question) bool { return q.ID == qid })
		if i < 0 {
			return nil, fmt.Errorf("--answer %q: there is no question %q%s; the questions are: %s",
				spec, qid, near(qid, qids), strings.Join(qids, ", "))
		}
		q := g.Paths.Situation[i]
		var aids []string
		for _, a := range q.Answers {
			aids = append(aids, a.ID)
		}
		picks := guide.Picks(val)
		if len(picks) == 0 && !q.Many {
			return nil, fmt.Errorf("--answer %q: give one answer of %s: %s", spec, qid, strings.Join(aids, ", "))
		}
		if len(picks) > 1 && !q.Many {
			return nil, fmt.Errorf("--answer %q: %s takes one answer", spec, qid)
		}
		for _, id := range picks {
			if !slices.Contains(aids, id) {
				return nil, fmt.Errorf("--answer %q: %s has no answer %q%s; its answers are: %s",
					spec, qid, id, near(id, aids), strings.Join(aids, ", "))
			}
		}
		prev, given := answers[qid]
		switch {
		case given && !q.Many:
			return nil, fmt.Errorf("--answer %q: %s is answered twice", spec, qid)
		case given && prev != "" && val != "":
			answers[qid] = prev + "," + strings.Join(picks, ",")
		case !given || val != "":
			answers[qid] = strings.Join(picks, ",")
		}
	}
	return answers, nil
}

func near(id string, known []string) string {
	if n := guide.Closest(id, known, 3); len(n) > 0 {
		return " (did you mean " + strings.Join(n, ", ") + "?)"
	}
	return ""
}

// pathQuestion is a pre-ticked question as the path command prints it.
type pathQuestion struct {
	Ref  string `json:"ref"`
	Page string `json:"page"`
	Text string `json:"text"`
}

// pathReport is the path command's JSON.
type pathReport struct {
	Answers map[string]string `json:"answers"`
	// Ignored are answers the form would not take with the others (a
	// question it would not ask, an answer it would not offer).
	Ignored   map[string]string `json:"ignored,omitempty"`
	Notes     []string          `json:"notes,omitempty"`
	Pages     []guide.PathPage  `json:"pages"`
	Questions []pathQuestion    `json:"questions"`
}

func newPathReport(g *guide.Guide, answers map[string]string) pathReport {
	eff := g.Effective(answers)
	path := g.PathFor(answers)
	r := pathReport{Answers: eff, Notes: path.Notes, Pages: path.Pages, Questions: []pathQuestion{}}
	if r.Pages == nil {
		r.Pages = []guide.PathPage{}
	}
	for q, v := range answers {
		if e, ok := eff[q]; !ok || e != v {
			if r.Ignored == nil {
				r.Ignored = map[string]string{}
			}
			r.Ignored[q] = v
		}
	}
	for _, q := range path.Asked(g) {
		pq := pathQuestion{Ref: q.ID, Text: q.Text}
		if q.Page != nil {
			pq.Page = q.Page.ID
		}
		r.Questions = append(r.Questions, pq)
	}
	return r
}

func pathCmd(env Env) *cobra.Command {
	var specs []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "path",
		Short: "Pages and questions for My situation answers",
		Long: "path answers the \"My situation\" form from the command line and prints the " +
			"reader's own path: the pages in reading order, each with the line that says why " +
			"it is there, and the questions the answers put on the list. The TUI and --plain " +
			"build the same path. Answers to questions the form would not ask with the " +
			"others (the brain question below stage 4, say) are listed as ignored. A question " +
			"with many answers takes them joined by commas, or the flag again.",
		Example: "  her2guide path --answer her2=ihc3 --answer stage=2 --answer hormone=positive\n" +
			"  her2guide path --answer her2=ihc3 --answer stage=4 --answer drugs=tdxd,tdm1 --json\n" +
			"  her2guide path --answer her2=ihc3 --answer matters=fertility --answer matters=heart",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := bundled()
			if err != nil {
				return err
			}
			answers, err := parseAnswers(g, specs)
			if err != nil {
				return err
			}
			r := newPathReport(g, answers)
			if asJSON {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			return writePath(env.Stdout, g, r)
		},
	}
	cmd.Flags().StringArrayVar(&specs, "answer", nil, "answer a question of My situation, as QUESTION=ANSWER (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for other programs")
	completeAnswers(cmd)
	return cmd
}

// completeAnswers has the shell complete --answer with every QUESTION=ANSWER.
func completeAnswers(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("answer", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		g, err := bundled()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, q := range g.Paths.Situation {
			for _, a := range q.Answers {
				out = append(out, q.ID+"="+a.ID+"\t"+a.Label)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

func writePath(w io.Writer, g *guide.Guide, r pathReport) error {
	var b strings.Builder
	for _, n := range r.Notes {
		b.WriteString(n + "\n\n")
	}
	if len(r.Ignored) > 0 {
		var qs []string
		for _, q := range g.Paths.Situation {
			if v, ok := r.Ignored[q.ID]; ok {
				qs = append(qs, q.ID+"="+v)
			}
		}
		b.WriteString("Ignored (the form would not ask or offer these with your other answers): " + strings.Join(qs, ", ") + "\n\n")
	}
	fmt.Fprintf(&b, "Your path (%d pages):\n", len(r.Pages))
	for i, p := range r.Pages {
		fmt.Fprintf(&b, "%2d. %s (%s)\n", i+1, p.Title, p.ID)
		if p.Why != "" {
			fmt.Fprintf(&b, "    %s\n", p.Why)
		}
	}
	fmt.Fprintf(&b, "\nQuestions for your list (%d):\n", len(r.Questions))
	for _, q := range r.Questions {
		fmt.Fprintf(&b, "- %s (%s)\n", q.Text, q.Ref)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var errAnswerAll = errors.New("use either --all or --answer, not both")
