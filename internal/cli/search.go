package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/search"
)

// searchHit is one result as `search --json` prints it.
type searchHit struct {
	Page    string  `json:"page"`
	Term    string  `json:"term"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"`
	Kind    string  `json:"kind"`
	Score   float64 `json:"score"`
}

// errEmptyQuery is the usage error for a query with no words in it.
var errEmptyQuery = errors.New("search needs something to look for, such as: her2guide search herceptin")

func searchCmd(env Env) *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search the topics and the glossary",
		Long: "search looks for words in the topics' titles, summaries and text, and in the " +
			"glossary, and lists the best matches first. Case, accents and hyphens do not " +
			"matter, common misspellings of drug names are forgiven, and a brand name " +
			"(Herceptin) also finds the drug's other name (trastuzumab).",
		Example: "  her2guide search herceptin\n" +
			"  her2guide search lung inflammation --limit 3\n" +
			"  her2guide search t-dxd --json",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			query := strings.Join(args, " ")
			if !hasWord(query) {
				return errEmptyQuery
			}
			if limit < 1 {
				return fmt.Errorf("limit must be at least 1 (got --limit %d)", limit)
			}
			g, err := bundled()
			if err != nil {
				return err
			}
			results := search.New(g).Search(query, limit)
			if asJSON {
				hits := make([]searchHit, 0, len(results))
				for _, r := range results {
					hits = append(hits, searchHit{r.PageID, r.TermID, r.Title, r.Snippet, r.Kind.String(), round(r.Score)})
				}
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(hits)
			}
			if len(results) == 0 {
				fmt.Fprintf(env.Stdout, "Nothing matches %q. Try other words, or see every topic with: her2guide topics\n", query)
				return nil
			}
			for i, r := range results {
				if i > 0 {
					fmt.Fprintln(env.Stdout)
				}
				where := r.PageID
				if where == "" {
					where = "glossary: " + r.TermID
				}
				fmt.Fprintf(env.Stdout, "%s (%s)\n    %s\n", r.Title, where, r.Snippet)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for other programs")
	cmd.Flags().IntVar(&limit, "limit", 10, "show at most this many results")
	return cmd
}

// hasWord reports whether s holds a letter or digit to search for.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// round keeps two decimals of a score, enough to compare results.
func round(f float64) float64 {
	return math.Round(f*100) / 100
}
