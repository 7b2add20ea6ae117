package render

import (
	"regexp"
	"strings"
)

// NarrowTableWidth is the width below which tables are shown as lists:
// a table squeezed into a narrow terminal splits words mid-cell.
const NarrowTableWidth = 60

var tableSeparator = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)

// TablesAsLists rewrites each Markdown pipe table as a bullet list, one item
// per row: the first cell in bold, then "Header: cell" for the others.
func TablesAsLists(md string) string {
	lines := strings.Split(md, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if i+1 < len(lines) && isRow(lines[i]) && tableSeparator.MatchString(lines[i+1]) {
			header := cells(lines[i])
			i += 2
			for ; i < len(lines) && isRow(lines[i]); i++ {
				out = append(out, rowItem(header, cells(lines[i])))
			}
			i--
			continue
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

func isRow(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "|")
}

// cells splits a table row on unescaped pipes.
func cells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	var out []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

func rowItem(header, row []string) string {
	if len(row) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("- **")
	b.WriteString(strings.Trim(row[0], "*"))
	b.WriteString("**")
	for j := 1; j < len(row); j++ {
		if row[j] == "" {
			continue
		}
		b.WriteString(" — ")
		if j < len(header) && header[j] != "" {
			b.WriteString(strings.Trim(header[j], "*"))
			b.WriteString(": ")
		}
		b.WriteString(row[j])
		if !strings.HasSuffix(row[j], ".") {
			b.WriteString(".")
		}
	}
	return b.String()
}
