// Package persona reads the readers of content/testdata/personas.yaml and
// holds a "My situation" path to their rules, so the content tests (through
// guide.PathFor) and the CLI tests (through `her2guide path --json`) check
// one set of rules in one way.
package persona

import (
	"bytes"
	"fmt"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Persona is one reader: their answers, and what their path must and must
// not hold.
type Persona struct {
	Name         string            `yaml:"name"`
	Answers      map[string]string `yaml:"answers"`
	First        string            `yaml:"first"`
	Note         bool              `yaml:"note"`
	Pages        []string          `yaml:"pages"`
	NotPages     []string          `yaml:"not_pages"`
	Questions    []string          `yaml:"questions"`
	NotQuestions []string          `yaml:"not_questions"`
}

// Load reads a personas file strictly (unknown fields are errors).
func Load(file string) ([]Persona, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var ps []Persona
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&ps); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return ps, nil
}

// Check holds a path (its page ids in order, its pre-ticked question refs,
// whether it shows a banner) to the persona's rules and says what breaks
// them; nil when nothing does.
func (p Persona) Check(pages, refs []string, note bool) []string {
	var bad []string
	if p.First != "" && (len(pages) == 0 || pages[0] != p.First) {
		bad = append(bad, fmt.Sprintf("first page of %v, want %s", pages, p.First))
	}
	for _, id := range p.Pages {
		if !slices.Contains(pages, id) {
			bad = append(bad, fmt.Sprintf("path %v lacks %s", pages, id))
		}
	}
	for _, id := range p.NotPages {
		if slices.Contains(pages, id) {
			bad = append(bad, fmt.Sprintf("path %v has %s", pages, id))
		}
	}
	for _, ref := range p.Questions {
		if !slices.Contains(refs, ref) {
			bad = append(bad, fmt.Sprintf("questions %v lack %s", refs, ref))
		}
	}
	for _, ref := range p.NotQuestions {
		if slices.Contains(refs, ref) {
			bad = append(bad, fmt.Sprintf("questions %v have %s", refs, ref))
		}
	}
	if note != p.Note {
		bad = append(bad, fmt.Sprintf("banner shown: %v, want %v", note, p.Note))
	}
	return bad
}
