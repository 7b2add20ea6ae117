package export

import (
	"bufio"
	"io"
	"strings"

	"github.com/her2guide/her2guide/internal/pictures"
)

// mdRule is a ruled line for writing on. Alone on a line it is also a
// Markdown thematic break, so it shows as a rule when rendered too.
var mdRule = strings.Repeat("_", 60)

// writeMarkdown writes the sheet as CommonMark with GitHub task-list items.
func writeMarkdown(w io.Writer, s Sheet) error {
	b := bufio.NewWriter(w)
	blank := strings.Repeat("_", 30)
	field := func(label string) { b.WriteString("- " + mdEscape(label) + ": " + blank + "\n") }
	item := func(text string, lines int) {
		b.WriteString("- [ ] " + mdIndent(mdEscape(text), "  ") + "\n")
		if lines > 0 {
			b.WriteString("\n")
		}
		for range lines {
			b.WriteString("  " + mdRule + "\n")
		}
		b.WriteString("\n")
	}

	b.WriteString("# " + mdEscape(s.Title) + "\n\n")
	date := dateText(s.Date)
	if date == "" {
		date = blank
	}
	b.WriteString(labelDate + ": " + date + "\n\n")
	field(labelDoctor)
	field(labelNext)
	b.WriteString("\n## " + headAbout + "\n\n")
	field(labelHER2)
	field(labelERPR)
	field(labelMedicine)
	b.WriteString("\n")

	for _, g := range s.Groups {
		b.WriteString("## " + mdEscape(strings.ReplaceAll(g.Title, "\n", " ")) + "\n\n")
		for _, p := range s.groupPictures(g) {
			writeMarkdownPicture(b, p)
		}
		for _, it := range g.Items {
			item(it.Text, answerLines)
		}
	}

	b.WriteString("## " + headBefore + "\n\n")
	item(teachBack, 2)
	item(spellDrug, 1)

	if len(s.Urgent) > 0 {
		b.WriteString("## " + headUrgent + "\n\n")
		for _, l := range s.Urgent {
			b.WriteString("> - " + mdIndent(mdEscape(l), ">   ") + "\n")
		}
		b.WriteString(">\n")
		phone := func(label, value string) string {
			if value == "" {
				return label + ": " + blank
			}
			return label + ": " + mdEscape(value)
		}
		b.WriteString("> " + phone(labelPhone, s.Phone) + "\\\n")
		b.WriteString("> " + phone(labelAfter, s.AfterHours) + "\n\n")
	}

	b.WriteString("---\n\n")
	if s.Notice != "" {
		b.WriteString(mdEscape(s.Notice) + "\\\n")
	}
	b.WriteString(mdEscape(footerLine(s)) + "\n")
	return b.Flush()
}

// mdEscape backslash-escapes what Markdown would read as markup: inline
// punctuation anywhere, and block markers (headings, quotes, list items,
// rules, fences) at the start of a line.
func mdEscape(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		line = strings.TrimLeft(line, " ")
		for i, r := range line {
			if (i == 0 && strings.ContainsRune("#>-+=", r)) || strings.ContainsRune("\\`*_[]<>&|~", r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	}
	// An ordered-list marker: "1. " or "1) " at a line start.
	out := b.String()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		j := 0
		for j < len(l) && j < 9 && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		if j > 0 && j < len(l) && (l[j] == '.' || l[j] == ')') {
			lines[i] = l[:j] + "\\" + l[j:]
		}
	}
	return strings.Join(lines, "\n")
}

// mdIndent continues a multi-line list item: each later line ends the one
// before with a hard break and is indented into the item; a blank line
// stays blank (a new paragraph in the item).
func mdIndent(s, pad string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] == "" {
			continue
		}
		if lines[i-1] != "" {
			lines[i-1] += "\\"
		}
		lines[i] = pad + lines[i]
	}
	return strings.Join(lines, "\n")
}

// mdPictureWidth is the width a picture is drawn at in the Markdown sheet,
// inside a code block.
const mdPictureWidth = 72

// writeMarkdownPicture draws a page's picture in a fenced code block,
// with its text equivalent as a paragraph after it when the drawing does
// not already say it in words.
func writeMarkdownPicture(b *bufio.Writer, p *pictures.Picture) {
	lines, alt := drawn(p, mdPictureWidth, false)
	body := strings.Join(lines, "\n")
	fence := "```"
	for strings.Contains(body, fence) {
		fence += "`"
	}
	b.WriteString(fence + "text\n" + body + "\n" + fence + "\n\n")
	if alt {
		b.WriteString(mdEscape(p.Alt) + "\n\n")
	}
}
