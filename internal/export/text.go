package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/pictures"
)

// textWidth is the width of the plain text sheet, in columns.
const textWidth = 72

// textIndent is the indent of a question's wrapped lines and answer lines,
// under its text after "[ ] ".
const textIndent = len("[ ] ")

// writeText writes the sheet as plain monospaced text.
func writeText(w io.Writer, s Sheet) error {
	b := bufio.NewWriter(w)
	pad := strings.Repeat(" ", textIndent)
	rule := strings.Repeat("_", textWidth-textIndent)

	heading := func(title, underline string) {
		b.WriteString(title + "\n")
		b.WriteString(strings.Repeat(underline, max(ansi.StringWidth(title), 1)) + "\n")
	}
	field := func(label, value string) {
		line := label + ": " + value
		if value == "" {
			line += strings.Repeat("_", max(textWidth-ansi.StringWidth(line), 8))
		}
		b.WriteString(line + "\n")
	}
	item := func(text string, lines int) {
		b.WriteString("[ ] " + indent(wrapText(text, textWidth-textIndent), pad) + "\n")
		for range lines {
			b.WriteString(pad + rule + "\n")
		}
	}

	top, groups := s.split()
	heading(s.title(), "=")
	for _, l := range s.intro() {
		b.WriteString(wrapText(l, textWidth) + "\n")
	}
	b.WriteString("\n")
	field(s.Words.Date, dateText(s.Date))
	b.WriteString("\n")
	if s.Clinician {
		if len(s.About) > 0 {
			heading(s.Words.Situation, "-")
			for _, f := range s.About {
				b.WriteString(wrapText(f.Question+" "+f.Answer, textWidth) + "\n")
			}
		} else {
			heading(s.Words.AboutMe, "-")
			field(s.Words.Name, "")
			field(s.Words.Cancer, "")
			field(s.Words.Medicines, "")
		}
		b.WriteString("\n")
		writeTextTop(b, s, top, 0, true)
		if rest := others(groups); len(rest) > 0 {
			b.WriteString("\n")
			heading(s.Words.Rest, "-")
			for _, it := range rest {
				b.WriteString("- " + oneLine(it.Text, textWidth-2) + "\n")
			}
		}
		writeTextFooter(b, s)
		return b.Flush()
	}
	field(s.Words.Doctor, "")
	field(s.Words.NextVisit, "")
	b.WriteString("\n")
	writeTextTop(b, s, top, answerLines, false)
	b.WriteString("\n")
	heading(s.Words.AboutCancer, "-")
	if s.Mine.Stage != "" {
		field(s.Words.Stage, s.Mine.Stage)
	}
	field(s.Words.HER2, s.Mine.HER2)
	field(s.Words.ERPR, s.Mine.HR)
	field(s.Words.Medicines, "")
	b.WriteString(strings.Repeat("_", textWidth) + "\n")

	for _, g := range groups {
		b.WriteString("\n")
		heading(wrapText(g.Title, textWidth), "-")
		for _, p := range s.groupPictures(g) {
			writeTextPicture(b, p, pad)
		}
		for _, it := range g.Items {
			item(it.Text, answerLines)
		}
	}

	b.WriteString("\n")
	heading(s.Words.Before, "-")
	item(s.Words.TeachBack, 2)
	item(s.Words.SpellDrug, 1)

	if len(s.Urgent) > 0 {
		b.WriteString("\n")
		writeTextBox(b, s)
	}

	writeTextFooter(b, s)
	return b.Flush()
}

// writeTextFooter writes the rule, the notice and the footer line.
func writeTextFooter(b *bufio.Writer, s Sheet) {
	b.WriteString("\n" + strings.Repeat("-", textWidth) + "\n")
	if s.Notice != "" {
		b.WriteString(wrapText(s.Notice, textWidth) + "\n")
	}
	b.WriteString(wrapText(footerLine(s), textWidth) + "\n")
}

// writeTextTop draws the "My top 3" box: a frame of - and |, the heading,
// what to do, and three numbered places: a marked question with lines
// ruled lines for its answer (on one line, cut short, when short is set),
// or a ruled line to write a question on.
func writeTextTop(b *bufio.Writer, s Sheet, top []checklist.Item, lines int, short bool) {
	inner := textWidth - 4 // "| " and " |"
	row := func(text string) {
		b.WriteString("| " + text + strings.Repeat(" ", max(inner-ansi.StringWidth(text), 0)) + " |\n")
	}
	edge := "+" + strings.Repeat("-", textWidth-2) + "+\n"
	b.WriteString(edge)
	row(s.topHeading())
	for _, l := range strings.Split(wrapText(s.topInstruction(len(top)), inner), "\n") {
		row(l)
	}
	const num = len("1. ")
	pad := strings.Repeat(" ", num)
	rule := strings.Repeat("_", inner-num)
	for i := range checklist.MaxTop {
		row("")
		n := strconv.Itoa(i+1) + ". "
		if i >= len(top) {
			row(n + rule)
			continue
		}
		text := wrapText(top[i].Text, inner-num)
		if short {
			text = oneLine(top[i].Text, inner-num)
		}
		for j, l := range strings.Split(text, "\n") {
			if j == 0 {
				row(n + l)
			} else {
				row(pad + l)
			}
		}
		for range lines {
			row(pad + rule)
		}
	}
	b.WriteString(edge)
}

// writeTextPicture draws a page's picture in ASCII under its group's
// heading, indented as the questions' text is, with its text equivalent
// under it when the drawing does not already say it in words.
func writeTextPicture(b *bufio.Writer, p *pictures.Picture, pad string) {
	lines, alt := drawn(p, textWidth-textIndent, true)
	for _, l := range lines {
		if l != "" {
			l = pad + l
		}
		b.WriteString(l + "\n")
	}
	if alt {
		b.WriteString("\n" + pad + indent(wrapText(p.Alt, textWidth-textIndent), pad) + "\n")
	}
	b.WriteString("\n")
}

// writeTextBox draws the "when to call right away" box: a frame of = and
// |, a heading in capitals, each line as a bullet, and the phone numbers.
func writeTextBox(b *bufio.Writer, s Sheet) {
	inner := textWidth - 4 // "| " and " |"
	row := func(text string) {
		b.WriteString("| " + text + strings.Repeat(" ", max(inner-ansi.StringWidth(text), 0)) + " |\n")
	}
	edge := "+" + strings.Repeat("=", textWidth-2) + "+\n"
	b.WriteString(edge)
	row(strings.ToUpper(s.Words.Urgent))
	row("")
	for _, l := range s.Urgent {
		for i, w := range strings.Split(wrapText(l, inner-2), "\n") {
			if i == 0 {
				row("* " + w)
			} else {
				row("  " + w)
			}
		}
	}
	row("")
	for _, f := range []struct{ label, value string }{{s.Words.Phone, s.Phone}, {s.Words.AfterHours, s.AfterHours}} {
		line := f.label + ": " + f.value
		if f.value == "" {
			line += strings.Repeat("_", max(inner-ansi.StringWidth(line), 8))
		}
		for _, w := range strings.Split(wrapText(line, inner), "\n") {
			row(w)
		}
	}
	b.WriteString(edge)
}

// wrapText wraps s at width display columns, at spaces where it can and
// inside words where it must, keeping line breaks already in s.
func wrapText(s string, width int) string {
	lines := strings.Split(ansi.Wrap(s, width, ""), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// indent puts pad before every line of s but the first; empty lines stay
// empty.
func indent(s, pad string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
