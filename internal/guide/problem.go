package guide

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with the content, tied to a file and line.
type Problem struct {
	File string
	Line int
	Msg  string
}

// String formats the problem as "file:line: message".
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem found while loading content. It is an error.
type Problems []Problem

// Error joins the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sorted returns the problems ordered by file, then line.
func (ps Problems) sorted() Problems {
	out := append(Problems(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// problems collects problems for one file.
type problems struct {
	list Problems
}

func (c *problems) add(file string, line int, format string, args ...any) {
	c.list = append(c.list, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
