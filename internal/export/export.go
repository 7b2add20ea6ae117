// Package export writes the patient's question list as a sheet to take to
// the visit, in plain text, Markdown, HTML or PDF. Output depends only on
// its input, byte for byte, so it can be golden-tested and reproduced. It
// has no UI code.
package export

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
)

// Sheet is everything printed on the question sheet.
type Sheet struct {
	// Title heads the sheet, e.g. "Questions for my oncologist".
	Title string
	// Date is printed on the sheet (a blank to fill in when zero) and is
	// the PDF's creation date.
	Date time.Time
	// Groups are the questions in print order (see checklist.Ordered).
	Groups []checklist.Group
	// Urgent are the "when to call right away" lines, printed in a box at
	// the end of every sheet (see guide.SheetRules).
	Urgent []string
	// Phone and AfterHours are the care team's numbers for the box; a
	// blank line to fill in when empty.
	Phone, AfterHours string
	// Notice is the guide's safety notice, printed in the footer.
	Notice string
	// Words are the sheet's own words: its headings and labels, and the
	// lines under the title (the bundle's guide.yaml sheet block; see
	// guide.SheetWords). Words.HandOver says what to do with the sheet;
	// Words.Endorsed, the clinic's endorsement line, is printed with Clinic
	// put in only when Clinic is set. Words.Title is not read: Title is.
	// A sheet whose Words have no labels prints the built-in English
	// bundle's (see bundled).
	Words guide.SheetWords
	// Clinic is the name of the clinic that hands out the sheet (a kiosk's
	// clinic setting, or --clinic); see CheckClinic.
	Clinic string
	// Clinician makes the one-page copy for the care team instead of the
	// reader's sheet: About (or a blank "About me" box), the top 3, and
	// every other question on one line, with no blanks to write on.
	Clinician bool
	// About is the reader's situation, printed on the clinician copy: the
	// "My situation" questions asked and the answers given, in order.
	// Empty when the sheet is not made from a path.
	About []Fact
	// Mine fills the reader's sheet's "About my cancer" lines with the
	// reader's own answers; it is set only when the reader agreed (a sheet
	// may be seen by others). An empty value leaves its line blank.
	Mine Cancer
	// Reviewed is when the content was last checked, printed in the footer.
	Reviewed time.Time
	// Version is the program's version, printed in the footer.
	Version string
	// Pictures are the plain-text pictures of the pages the questions come
	// from, by page id. Each is printed under the heading of its page's
	// group of questions: its one-line text equivalent in every format,
	// and the picture drawn in the text, Markdown and HTML sheets. A page
	// whose questions are all under "Most important" shows none. NewSheet
	// fills it for the full checklist only (see AddPictures): pictures make
	// a sheet longer, and the default sheet fits one page.
	Pictures map[string][]*pictures.Picture
}

// Fact is one answer of the reader's "My situation" form.
type Fact struct {
	// Question is the form's question ("What stage is your cancer?").
	Question string
	// Answer is the label of the answer given ("Stage 2").
	Answer string
}

// Cancer is what the reader's "My situation" answers say about the cancer,
// for the "About my cancer" lines: each the label of the answer given, or
// empty when not answered or answered "I don't know".
type Cancer struct {
	Stage, HER2, HR string
}

// groupPage returns the id of the page a group of questions comes from, or
// "" for the "Most important" group and the reader's own questions.
func groupPage(g checklist.Group) string {
	if len(g.Items) == 0 || g.Items[0].Top || g.Items[0].Own {
		return ""
	}
	return g.Items[0].Topic
}

// groupPictures returns the pictures printed under group g.
func (s Sheet) groupPictures(g checklist.Group) []*pictures.Picture {
	if id := groupPage(g); id != "" {
		return s.Pictures[id]
	}
	return nil
}

// drawn returns picture p drawn for width columns, and whether its text
// equivalent must still be printed beside it: not when the drawing already
// says it in words (an icon array's caption).
func drawn(p *pictures.Picture, width int, ascii bool) (lines []string, alt bool) {
	lines = p.Lines(width, ascii)
	words := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	return lines, !strings.Contains(words, strings.Join(strings.Fields(p.Alt), " "))
}

// MaxPhone is the longest phone number text a sheet prints, in characters.
const MaxPhone = 40

// CheckPhone accepts a phone number as it should be printed in the "when to
// call right away" box: up to MaxPhone printable characters, such as
// "(555) 010-0100 ext. 2".
func CheckPhone(v string) error {
	for _, r := range v {
		if !unicode.IsPrint(r) {
			return errors.New("a phone number cannot contain control characters")
		}
	}
	if n := utf8.RuneCountInString(v); n > MaxPhone {
		return fmt.Errorf("a phone number can be at most %d characters (it has %d)", MaxPhone, n)
	}
	return nil
}

// MaxClinic is the longest clinic name a sheet prints, in characters.
const MaxClinic = 60

// CheckClinic accepts a clinic's name as the endorsement line prints it:
// up to MaxClinic printable characters, such as "Riverside Cancer Centre".
func CheckClinic(v string) error {
	for _, r := range v {
		if !unicode.IsPrint(r) {
			return errors.New("a clinic name cannot contain control characters")
		}
	}
	if n := utf8.RuneCountInString(v); n > MaxClinic {
		return fmt.Errorf("a clinic name can be at most %d characters (it has %d)", MaxClinic, n)
	}
	return nil
}

// Format is an output format.
type Format string

// The formats Write knows.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	PDF      Format = "pdf"
)

// Formats lists every format, for help and menus.
var Formats = []Format{Text, Markdown, HTML, PDF}

// ParseFormat returns the format named s ("md" is accepted for markdown).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case Text, Markdown, HTML, PDF:
		return f, nil
	case "md":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q: use text, markdown, html or pdf", s)
}

// Extension returns the usual file name extension for the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case Markdown:
		return ".md"
	case HTML:
		return ".html"
	case PDF:
		return ".pdf"
	}
	return ".txt"
}

// Paper is a paper size, for PDF pages and HTML print CSS.
type Paper string

// The paper sizes Write knows.
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// ParsePaper returns the paper size named s.
func ParsePaper(s string) (Paper, error) {
	switch p := Paper(strings.ToLower(strings.TrimSpace(s))); p {
	case A4, Letter:
		return p, nil
	}
	return "", fmt.Errorf("unknown paper size %q: use a4 or letter", s)
}

// Write writes the sheet in format f on paper p. The same input gives the
// same bytes.
func Write(w io.Writer, s Sheet, f Format, p Paper) error {
	if p != A4 && p != Letter {
		return fmt.Errorf("unknown paper size %q: use a4 or letter", p)
	}
	s.Words = bundled(s.Words)
	s.Groups = named(s.Groups, s.Words)
	switch f {
	case Text:
		return writeText(w, s)
	case Markdown:
		return writeMarkdown(w, s)
	case HTML:
		return writeHTML(w, s, p)
	case PDF:
		return writePDF(w, s, p)
	}
	return fmt.Errorf("unknown format %q: use text, markdown, html or pdf", f)
}

// answerLines is how many ruled lines follow each question in the text,
// Markdown and HTML formats. The PDF picks its own to fit one page.
const answerLines = 2

// dateText is how dates are printed: unambiguous in every country.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// footerLine returns the footer's line after the notice.
func footerLine(s Sheet) string {
	var parts []string
	if d := dateText(s.Reviewed); d != "" {
		parts = append(parts, strings.Replace(s.Words.Reviewed, guide.DatePlaceholder, d, 1))
	}
	name := "her2guide"
	if s.Version != "" {
		name += " " + s.Version
	}
	return strings.Join(append(parts, name), " · ")
}

// bundled returns w, or when w has no labels, the built-in English
// bundle's labels with w's HandOver and Endorsed: a sheet made from a
// small tree with no sheet block (or a Sheet written out by hand) still
// has its headings.
// named returns a copy of the groups with the reader's own questions
// headed in the sheet's words, and any question with no page to head it (a
// bank question a clinic's pages left out) under "other questions".
func named(groups []checklist.Group, w guide.SheetWords) []checklist.Group {
	out := slices.Clone(groups)
	for i, g := range out {
		switch {
		case g.Own:
			out[i].Title = w.Own
		case !g.Top && g.Title == "":
			out[i].Title = w.Rest
		}
	}
	return out
}

func bundled(w guide.SheetWords) guide.SheetWords {
	if w.Labels() {
		return w
	}
	b := guide.LoadHome(guide.Source{FS: content.FS(), Name: content.Name}).Meta.Sheet
	b.HandOver, b.Endorsed = w.HandOver, w.Endorsed
	return b
}
