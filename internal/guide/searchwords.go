package guide

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// SearchWords are the bundle's words for search, from search.yaml: the
// words patients type mapped to the words the pages use, and the words of
// question phrasing that carry no topic. They are content, so that a new
// language brings its own.
type SearchWords struct {
	// Synonyms are groups of phrases that mean the same thing to a reader.
	Synonyms []Synonyms `yaml:"synonyms"`
	// StopWords are words of question phrasing ("how", "am", "going") that
	// a page need not hold to match.
	StopWords []string `yaml:"stop_words"`
}

// Synonyms are one group of search.yaml: a query with one of its Ask
// phrases is also read with each Find phrase, the words the pages use, in
// its place ("swollen arm" also finds "lymphedema" and "arm swelling").
type Synonyms struct {
	// Ask are the ways a patient says it, which pages may not use.
	Ask []string `yaml:"ask"`
	// Find are the words the pages use for it.
	Find []string `yaml:"find"`
}

// searchFile is the optional file of the bundle's search words.
const searchFile = "search.yaml"

// loadSearchWords reads search.yaml if the bundle has one and checks it:
// each group has phrases to ask and to find, none empty, no "ask" phrase
// in two groups, no phrase twice in one list, and each stop word is one
// word.
func loadSearchWords(c *problems, d docs, src Source) SearchWords {
	var sw SearchWords
	if !decodeFile(c, d, src, searchFile, &sw, false) {
		return SearchWords{}
	}
	file := display(src, searchFile)
	groups, stops := searchNode(d, "synonyms"), searchNode(d, "stop_words")
	asked := map[string]int{}
	for i, g := range sw.Synonyms {
		line := nodeLine(groups, i)
		if len(g.Ask) == 0 || len(g.Find) == 0 {
			c.add(file, line, "a synonym group needs \"ask\" (what patients type) and \"find\" (the words the pages use)")
		}
		for _, list := range []struct {
			key     string
			phrases []string
		}{{"ask", g.Ask}, {"find", g.Find}} {
			lines := phraseLines(child(groups, i), list.key)
			seen := map[string]int{}
			for j, p := range list.phrases {
				at := lineAt(lines, j)
				if at == 0 {
					at = line
				}
				key := strings.ToLower(strings.Join(strings.Fields(p), " "))
				if key == "" {
					c.add(file, at, "empty synonym")
					continue
				}
				if prev, dup := seen[key]; dup {
					c.add(file, at, "%q is already in this %s list (line %d)", p, list.key, prev)
				}
				seen[key] = at
				if list.key != "ask" {
					continue
				}
				if prev, dup := asked[key]; dup {
					c.add(file, at, "%q is already asked at line %d: a phrase asks in one group only", p, prev)
				}
				asked[key] = at
			}
		}
	}
	for i, w := range sw.StopWords {
		if len(strings.Fields(w)) != 1 {
			c.add(file, nodeLine(stops, i), "a stop word must be one word, not %q", w)
		}
	}
	return sw
}

// searchNode returns the value node of a top-level key of search.yaml.
func searchNode(d docs, key string) *yaml.Node { return topNode(d, searchFile, key) }

// phraseLines returns the line of each phrase under key in a group's node.
func phraseLines(group *yaml.Node, key string) []int {
	if group == nil || group.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(group.Content); i += 2 {
		if group.Content[i].Value == key {
			var out []int
			for _, n := range group.Content[i+1].Content {
				out = append(out, n.Line)
			}
			return out
		}
	}
	return nil
}

// child returns item i of a sequence node, or nil.
func child(n *yaml.Node, i int) *yaml.Node {
	if n == nil || i >= len(n.Content) {
		return nil
	}
	return n.Content[i]
}

// nodeLine returns the line of item i of a sequence node, or 0.
func nodeLine(n *yaml.Node, i int) int {
	if c := child(n, i); c != nil {
		return c.Line
	}
	return 0
}
