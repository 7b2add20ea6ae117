package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/search"
)

func glossaryCmd(env Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "glossary [TERM]",
		Short: "Print the word list, or one word's meaning",
		Example: "  her2guide glossary\n" +
			"  her2guide glossary herceptin",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := bundled()
			if err != nil {
				return err
			}
			terms := g.Terms
			if len(args) == 1 {
				var note string
				terms, note, err = lookUpTerm(g, args[0])
				if err != nil {
					return err
				}
				if note != "" {
					fmt.Fprintln(env.Stderr, note)
				}
			}
			if asJSON {
				return writeTermsJSON(env.Stdout, g, terms)
			}
			for i, t := range terms {
				if i > 0 {
					fmt.Fprintln(env.Stdout)
				}
				writeTerm(env.Stdout, g, t)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for other programs")
	return cmd
}

// lookUpTerm finds the entries q asks for with the one glossary lookup,
// search.(*Index).Terms: the entry q names exactly; else the entries whose
// name holds q, allowing for typos, with a note for stderr saying so; else
// an error with suggestions.
func lookUpTerm(g *guide.Guide, q string) (terms []*guide.Term, note string, err error) {
	if !hasWord(q) {
		return nil, "", unknownTerm(g, q, nil)
	}
	matches := search.New(g).Terms(q)
	if len(matches) > 0 && matches[0].Exact {
		return []*guide.Term{matches[0].Term}, "", nil
	}
	var names []string
	for _, m := range matches {
		if m.Name {
			terms = append(terms, m.Term)
			names = append(names, m.Term.Term)
		}
	}
	if len(terms) > 0 {
		return terms, fmt.Sprintf("no word %q in the word list; showing %s", q, strings.Join(names, ", ")), nil
	}
	return nil, "", unknownTerm(g, q, matches)
}

// maxMentions is how many entries that mention an unknown word its error
// names.
const maxMentions = 3

// unknownTerm is the error for a word that names no entry: the ids closest
// to it, and the entries whose meaning mentions it (matches).
func unknownTerm(g *guide.Guide, q string, matches []search.TermMatch) error {
	ids := make([]string, len(g.Terms))
	for i, t := range g.Terms {
		ids[i] = t.ID
	}
	msg := fmt.Sprintf("no word %q in the word list", q)
	if near := guide.Closest(strings.ToLower(q), ids, 3); len(near) > 0 && hasWord(q) {
		msg += "; did you mean: " + strings.Join(near, ", ") + "?"
	}
	if len(matches) > 0 {
		var in []string
		for _, m := range matches[:min(len(matches), maxMentions)] {
			in = append(in, m.Term.ID)
		}
		msg += "; the meaning of " + strings.Join(in, ", ") + " mentions it"
	}
	return fmt.Errorf("%s (her2guide glossary lists them all; her2guide search finds words on pages)", msg)
}

func writeTerm(w io.Writer, g *guide.Guide, t *guide.Term) {
	head := t.Term
	if t.Say != "" {
		head += " (say: " + t.Say + ")"
	}
	fmt.Fprintln(w, head)
	if len(t.AKA) > 0 {
		fmt.Fprintln(w, "  Also called: "+strings.Join(t.AKA, ", "))
	}
	fmt.Fprintln(w, "  "+t.Definition)
	if used := g.PagesUsing(t.ID); len(used) > 0 {
		ids := make([]string, len(used))
		for i, p := range used {
			ids[i] = p.ID
		}
		fmt.Fprintln(w, "  Pages: "+strings.Join(ids, ", "))
	}
}

func writeTermsJSON(w io.Writer, g *guide.Guide, terms []*guide.Term) error {
	type entry struct {
		ID         string   `json:"id"`
		Term       string   `json:"term"`
		Say        string   `json:"say,omitempty"`
		AKA        []string `json:"aka,omitempty"`
		Definition string   `json:"definition"`
		Pages      []string `json:"pages"`
	}
	out := make([]entry, 0, len(terms))
	for _, t := range terms {
		pages := []string{}
		for _, p := range g.PagesUsing(t.ID) {
			pages = append(pages, p.ID)
		}
		out = append(out, entry{t.ID, t.Term, t.Say, t.AKA, t.Definition, pages})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
