// Package clarity checks a page against the clarity rules of
// content/README.md ("Clarity"): a main message and short points, explained
// acronyms, whole numbers with one denominator, short lists and sentences,
// the reading level, and where the call-now lines and the extra detail sit.
// It reads a loaded guide and has no UI code.
package clarity

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/her2guide/her2guide/internal/guide"
)

// Config is clarity.yaml: the words every page may use without explaining
// them, and the pages that do not pass yet.
type Config struct {
	// Common are acronyms the guide explains once for every page (HER2).
	Common []string `yaml:"common"`
	// Names are trial names the pages use that figures.yaml does not list.
	Names []string `yaml:"names"`
	// Pending are the ids of pages that do not pass yet: their findings
	// are warnings, not errors.
	Pending []string `yaml:"pending"`

	// File is where the config was read from, for messages.
	File string `yaml:"-"`
	// lines maps "key" and "key[i]" to their line in File.
	lines map[string]int
}

// IsPending reports whether the page with this id is in pending.
func (c *Config) IsPending(id string) bool {
	return c != nil && slices.Contains(c.Pending, id)
}

// Line returns the line of File that holds a key ("pending") or one item of
// its list ("pending[2]", counting from 0), or 0.
func (c *Config) Line(key string) int {
	if c == nil {
		return 0
	}
	return c.lines[key]
}

// PendingLine returns the line of File that lists id in pending, or 0.
func (c *Config) PendingLine(id string) int {
	if c == nil {
		return 0
	}
	if i := slices.Index(c.Pending, id); i >= 0 {
		return c.lines["pending["+strconv.Itoa(i)+"]"]
	}
	return 0
}

// Parse strictly decodes clarity.yaml (an unknown key is an error) and
// checks its entries. file names it in problems.
func Parse(data []byte, file string) (*Config, guide.Problems) {
	c := &Config{File: file, lines: map[string]int{}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		if errors.Is(err, io.EOF) {
			return c, guide.Problems{{File: file, Line: 1, Msg: "empty: expected common, names and pending"}}
		}
		return nil, yamlProblems(err, file)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil && len(doc.Content) == 1 {
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			c.lines[k.Value] = k.Line
			for j, item := range v.Content {
				c.lines[k.Value+"["+strconv.Itoa(j)+"]"] = item.Line
			}
		}
	}
	var ps guide.Problems
	for _, key := range []string{"common", "names", "pending"} {
		list := map[string][]string{"common": c.Common, "names": c.Names, "pending": c.Pending}[key]
		seen := map[string]bool{}
		for i, v := range list {
			at := c.lines[key+"["+strconv.Itoa(i)+"]"]
			switch {
			case v == "":
				ps = append(ps, guide.Problem{File: file, Line: at, Msg: fmt.Sprintf("%s: an empty entry", key)})
			case seen[v]:
				ps = append(ps, guide.Problem{File: file, Line: at, Msg: fmt.Sprintf("%s: %q is listed twice", key, v)})
			}
			seen[v] = true
		}
	}
	return c, ps
}

// Validate checks the config against a guide: every pending id is a page,
// and no name is a trial figures.yaml already lists.
func (c *Config) Validate(g *guide.Guide) guide.Problems {
	var ps guide.Problems
	for i, id := range c.Pending {
		if _, ok := g.Page(id); !ok {
			ps = append(ps, guide.Problem{File: c.File, Line: c.lines["pending["+strconv.Itoa(i)+"]"], Msg: fmt.Sprintf("pending: no page %q", id)})
		}
	}
	for i, n := range c.Names {
		for _, t := range g.Trials {
			if t != nil && t.Name == n {
				ps = append(ps, guide.Problem{File: c.File, Line: c.lines["names["+strconv.Itoa(i)+"]"], Msg: fmt.Sprintf("names: %q is a trial in figures.yaml already; remove it here", n)})
			}
		}
	}
	return ps
}

// FileName is the config's file in a content tree.
const FileName = "clarity.yaml"

// Load reads clarity.yaml from a content tree. A tree without one has no
// config (nil) and no problem.
func Load(src guide.Source) (*Config, guide.Problems) {
	data, err := fs.ReadFile(src.FS, FileName)
	file := path.Join(src.Name, FileName)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, guide.Problems{{File: file, Msg: "cannot read: " + err.Error()}}
	}
	return Parse(data, file)
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlProblems turns a yaml error into one problem per line it names.
func yamlProblems(err error, file string) guide.Problems {
	var ps guide.Problems
	for _, m := range yamlLine.FindAllStringSubmatch(err.Error(), -1) {
		n, _ := strconv.Atoi(m[1]) // the pattern holds only digits
		msg := strings.Replace(m[2], "not found in type clarity.Config", "is not a clarity.yaml key (common, names, pending)", 1)
		ps = append(ps, guide.Problem{File: file, Line: n, Msg: msg})
	}
	if len(ps) == 0 {
		ps = guide.Problems{{File: file, Msg: err.Error()}}
	}
	return ps
}
