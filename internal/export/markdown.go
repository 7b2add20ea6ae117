package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/her2guide/her2guide/internal/checklist"
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
	filled := func(label, value string) {
		if value == "" {
			field(label)
			return
		}
		b.WriteString("- " + mdEscape(label) + ": " + mdEscape(value) + "\n")
	}
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

	top, groups := s.split()
	b.WriteString("# " + mdEscape(s.title()) + "\n\n")
	if intro := s.intro(); len(intro) > 0 {
		for i, l := range intro {
			intro[i] = mdEscape(l)
		}
		b.WriteString(strings.Join(intro, "\\\n") + "\n\n")
	}
	date := dateText(s.Date)
	if date == "" {
		date = blank
	}
	b.WriteString(s.Words.Date + ": " + date + "\n\n")
	if s.Clinician {
		if len(s.About) > 0 {
			b.WriteString("## " + s.Words.Situation + "\n\n")
			for _, f := range s.About {
				b.WriteString("- " + mdEscape(f.Question) + " **" + mdEscape(f.Answer) + "**\n")
			}
		} else {
			b.WriteString("## " + s.Words.AboutMe + "\n\n")
			field(s.Words.Name)
			field(s.Words.Cancer)
			field(s.Words.Medicines)
		}
		b.WriteString("\n")
		writeMarkdownTop(b, s, top, 0, true)
		if rest := others(groups); len(rest) > 0 {
			b.WriteString("## " + s.Words.Rest + "\n\n")
			for _, it := range rest {
				b.WriteString("- " + mdEscape(strings.Join(strings.Fields(it.Text), " ")) + "\n")
			}
			b.WriteString("\n")
		}
		writeMarkdownFooter(b, s)
		return b.Flush()
	}
	field(s.Words.Doctor)
	field(s.Words.NextVisit)
	b.WriteString("\n")
	writeMarkdownTop(b, s, top, answerLines, false)
	b.WriteString("## " + s.Words.AboutCancer + "\n\n")
	if s.Mine.Stage != "" {
		filled(s.Words.Stage, s.Mine.Stage)
	}
	filled(s.Words.HER2, s.Mine.HER2)
	filled(s.Words.ERPR, s.Mine.HR)
	field(s.Words.Medicines)
	b.WriteString("\n")

	for _, g := range groups {
		b.WriteString("## " + mdEscape(strings.ReplaceAll(g.Title, "\n", " ")) + "\n\n")
		for _, p := range s.groupPictures(g) {
			writeMarkdownPicture(b, p)
		}
		for _, it := range g.Items {
			item(it.Text, answerLines)
		}
	}

	b.WriteString("## " + s.Words.Before + "\n\n")
	item(s.Words.TeachBack, 2)
	item(s.Words.SpellDrug, 1)

	if len(s.Urgent) > 0 {
		b.WriteString("## " + s.Words.Urgent + "\n\n")
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
		b.WriteString("> " + phone(s.Words.Phone, s.Phone) + "\\\n")
		b.WriteString("> " + phone(s.Words.AfterHours, s.AfterHours) + "\n\n")
	}

	writeMarkdownFooter(b, s)
	return b.Flush()
}

// writeMarkdownFooter writes the rule, the notice and the footer line.
func writeMarkdownFooter(b *bufio.Writer, s Sheet) {
	b.WriteString("---\n\n")
	if s.Notice != "" {
		b.WriteString(mdEscape(s.Notice) + "\\\n")
	}
	b.WriteString(mdEscape(footerLine(s)) + "\n")
}

// writeMarkdownTop writes the "My top 3" section: what to do in italics,
// then a numbered list of three: each marked question with lines ruled
// lines for its answer (all on one line when short), or a ruled line to
// write a question on.
func writeMarkdownTop(b *bufio.Writer, s Sheet, top []checklist.Item, lines int, short bool) {
	b.WriteString("## " + s.topHeading() + "\n\n")
	b.WriteString("*" + mdEscape(s.topInstruction(len(top))) + "*\n\n")
	const pad = "   " // under "1. "
	for i := range checklist.MaxTop {
		n := strconv.Itoa(i+1) + ". "
		if i >= len(top) {
			b.WriteString(n + mdRule + "\n\n")
			continue
		}
		text := top[i].Text
		if short {
			text = strings.Join(strings.Fields(text), " ")
		}
		b.WriteString(n + mdIndent(mdEscape(text), pad) + "\n\n")
		for range lines {
			b.WriteString(pad + mdRule + "\n")
		}
		if lines > 0 {
			b.WriteString("\n")
		}
	}
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
