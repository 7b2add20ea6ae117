package export

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/e2e"
	"github.com/her2guide/her2guide/internal/guide"
)

const ownQuestion = "Can I keep working?\nMy job is *very* physical: <lifting> & [standing] all day.\n\n1. Is that OK?"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func sampleSheet(t testing.TB) Sheet {
	t.Helper()
	var l checklist.List
	const ask = "What should I ask my oncologist?"
	items := []checklist.Item{
		{ID: "questions#1", Topic: "questions", TopicTitle: ask, Text: "Is my cancer HER2-positive by IHC 3+ or by ISH, and can I have a copy of the report?"},
		{ID: "questions#2", Topic: "questions", TopicTitle: ask, Text: "Is my cancer also hormone receptor-positive, and how does that change my treatment?"},
		{ID: "heart#1", Topic: "heart", TopicTitle: "How will my heart be checked?", Text: "How often will I have a heart scan, and who reads it?"},
		{ID: "questions#3", Topic: "questions", TopicTitle: ask, Text: "What stage is my cancer, and what does that mean for me?"},
	}
	for _, it := range items {
		l.Toggle(it)
	}
	if err := l.SetTop("heart#1", true); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddOwn(ownQuestion); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddOwn("Kann ich weiterarbeiten? Ça va — «oui» 日本語"); err != nil {
		t.Fatal(err)
	}
	return Sheet{
		Title:  "Questions for my oncologist",
		Date:   day(2026, 11, 22),
		Groups: checklist.Ordered(l.Items()),
		Urgent: []string{
			"A temperature of 100.4°F (38°C) or higher, or shaking chills, while you get chemotherapy: call your care team now, day or night.",
			"Call 911 for a seizure or sudden weakness.",
		},
		AfterHours: "(555) 010-0199",
		Notice:     "For learning only, not medical advice. Make choices with your care team.",
		Words: guide.SheetWords{
			HandOver: "Give this sheet to your nurse or doctor at the start of your visit.",
			Endorsed: "Your care team at {clinic} wants you to ask these questions.",
		},
		Reviewed: day(2026, 11, 20),
		Version:  "v1.0.0",
	}
}

func render(t testing.TB, s Sheet, f Format, p Paper) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, f, p); err != nil {
		t.Fatalf("Write %s %s: %v", f, p, err)
	}
	return b.Bytes()
}

// TestGolden pins the text, Markdown and HTML sheets byte for byte; refresh
// with go test ./internal/export -update.
func TestGolden(t *testing.T) {
	s := sampleSheet(t)
	for _, tc := range []struct {
		f Format
		p Paper
	}{{Text, A4}, {Markdown, A4}, {HTML, A4}, {HTML, Letter}} {
		t.Run(string(tc.f)+"_"+string(tc.p), func(t *testing.T) {
			golden.RequireEqual(t, render(t, s, tc.f, tc.p))
		})
	}
}

// wording is what every format must print.
var wording = []string{
	"Questions for my oncologist", "22 November 2026",
	"My doctor", "Next appointment", "My top 3", "How often will I have a heart scan, and who reads it?",
	"My HER2 result (IHC / ISH)", "ER / PR", "My current medicines",
	"What should I ask my oncologist?", "What stage is my cancer, and what does that mean for me?",
	"My own questions", "Can I keep working?",
	"Let me repeat what I heard", "How do you spell that drug?",
	"For learning only, not medical advice.", "Content reviewed 20 November 2026", "her2guide v1.0.0",
}

func TestWordingAndOrder(t *testing.T) {
	s := sampleSheet(t)
	for _, f := range []Format{Text, Markdown, HTML} {
		out := string(render(t, s, f, A4))
		// Markdown escapes punctuation; HTML escapes &, < and >.
		plain := strings.NewReplacer("\\", "", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(out)
		checkOrder(t, string(f), plain, wording)
	}
}

// checkOrder checks that text contains each of want, in that order.
func checkOrder(t *testing.T, name, text string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing (or out of order) after byte %d", name, w, at)
			continue
		}
		at += i + len(w)
	}
}

// TestUrgentBox: every format ends with the "when to call right away" box,
// with each line and the phone numbers (a blank where none is set), after
// the questions and before the footer.
func TestUrgentBox(t *testing.T) {
	s := sampleSheet(t)
	for _, f := range Formats {
		out := string(render(t, s, f, A4))
		switch f {
		case PDF:
			out = pdfText(t, []byte(out))
		case HTML:
			out = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out, " ")
			out = strings.ReplaceAll(out, "&#39;", "'")
		}
		out = strings.Join(strings.Fields(out), " ")
		for _, want := range []string{"100.4°F (38°C) or higher, or shaking chills", "Call 911 for a seizure or sudden weakness.", "After hours: (555) 010-0199", "My care team's phone (daytime):"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: missing %q", f, want)
			}
		}
		head := "When to call right away"
		if f == Text {
			head = "WHEN TO CALL RIGHT AWAY"
		}
		checkOrder(t, string(f), out, []string{en.SpellDrug, head, "100.4°F", "911", "After hours", s.Notice})
	}
	// No lines, no box.
	s.Urgent = nil
	for _, f := range []Format{Text, Markdown, HTML} {
		if out := string(render(t, s, f, A4)); strings.Contains(strings.ToLower(out), "when to call") {
			t.Errorf("%s: a box with no lines", f)
		}
	}
}

// TestTextBoxWidth: the text box is a closed frame of textWidth columns.
func TestTextBoxWidth(t *testing.T) {
	out := string(render(t, sampleSheet(t), Text, A4))
	in := false
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "+===") {
			in = !in
		}
		if (in || strings.HasPrefix(l, "+===")) && ansi.StringWidth(l) != textWidth {
			t.Errorf("box line is %d wide, want %d: %q", ansi.StringWidth(l), textWidth, l)
		}
	}
}

func TestTextLayout(t *testing.T) {
	s := sampleSheet(t)
	s.Groups[1].Items[0].Text = strings.Repeat("Supercalifragilistic", 6) + " 日本語の質問はここにあります日本語の質問はここにあります日本語の質問はここにあります"
	out := string(render(t, s, Text, A4))
	for i, line := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(line); w > textWidth {
			t.Errorf("line %d is %d columns: %q", i+1, w, line)
		}
	}
	if !strings.Contains(out, "[ ] ") || !strings.Contains(out, "    "+strings.Repeat("_", textWidth-textIndent)) {
		t.Error("text lacks [ ] boxes or ruled answer lines")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	out := string(render(t, sampleSheet(t), Markdown, A4))
	for _, want := range []string{
		`- [ ] Can I keep working?\`,
		`  My job is \*very\* physical: \<lifting\> \& \[standing\] all day.`,
		"\n  1\\. Is that OK?",
		"1. How often will I have a heart scan",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	tests := map[string]string{
		"# not a heading": `\# not a heading`,
		"- not a list":    `\- not a list`,
		"a_b`c|d":         "a\\_b\\`c\\|d",
		"12) x":           `12\) x`,
		"  > quote":       `\> quote`,
	}
	for in, want := range tests {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTML(t *testing.T) {
	s := sampleSheet(t)
	s.Groups[len(s.Groups)-1].Items[0].Text = `</div><script>alert("x")</script>`
	a4 := string(render(t, s, HTML, A4))
	letter := string(render(t, s, HTML, Letter))
	if strings.Contains(a4, "<script") || !strings.Contains(a4, "&lt;script&gt;") {
		t.Error("question text is not escaped")
	}
	if !strings.Contains(a4, "size: A4") || !strings.Contains(letter, "size: letter") {
		t.Error("@page size does not follow the paper")
	}
	if regexp.MustCompile(`(?i)(src=|href=|url\(|@import|https?:)`).MatchString(a4) {
		t.Error("the page loads something from elsewhere")
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "MARKDOWN": Markdown, "md": Markdown, " html ": HTML, "pdf": PDF} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("docx"); err == nil || !strings.Contains(err.Error(), "text, markdown, html or pdf") {
		t.Errorf("ParseFormat(docx): %v", err)
	}
	for in, want := range map[string]Paper{"a4": A4, "A4": A4, "letter": Letter} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParsePaper("legal"); err == nil {
		t.Error("ParsePaper(legal) accepted")
	}
	if err := Write(&bytes.Buffer{}, Sheet{}, "docx", A4); err == nil {
		t.Error("Write with an unknown format did not fail")
	}
	if err := Write(&bytes.Buffer{}, Sheet{}, Text, "legal"); err == nil {
		t.Error("Write with an unknown paper did not fail")
	}
}

func TestEmptySheet(t *testing.T) {
	for _, f := range Formats {
		out := render(t, Sheet{Title: "Questions"}, f, Letter)
		if len(out) == 0 {
			t.Errorf("%s: empty output", f)
		}
	}
	if out := string(render(t, Sheet{Title: "Q"}, Text, A4)); !strings.Contains(out, "Date: ____") || !strings.Contains(out, "her2guide\n") {
		t.Errorf("zero date or version:\n%s", out)
	}
}

func TestReproducible(t *testing.T) {
	s := sampleSheet(t)
	for _, f := range Formats {
		for _, p := range []Paper{A4, Letter} {
			if !bytes.Equal(render(t, s, f, p), render(t, s, f, p)) {
				t.Errorf("%s %s: two runs differ", f, p)
			}
		}
	}
	pdf := string(render(t, s, PDF, A4))
	if !strings.Contains(pdf, "/CreationDate(D:20261122000000+00'00')") {
		t.Error("PDF creation date is not the sheet's date")
	}
	s.Date = time.Time{}
	if pdf := string(render(t, s, PDF, A4)); !strings.Contains(pdf, "/CreationDate(D:20261120000000+00'00')") {
		t.Error("PDF creation date does not fall back to the reviewed date")
	}
}

// pdfText extracts a PDF's text with pdftotext (poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return pdfTextArgs(t, pdf)
}

// pdfTextArgs extracts a PDF's text with pdftotext and the given options.
func pdfTextArgs(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	e2e.NeedTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("pdftotext: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pdfPages returns the page count of a PDF made by gopdf.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type /Page\n`).FindAll(pdf, -1))
}

func TestPDF(t *testing.T) {
	s := sampleSheet(t)
	for _, p := range []Paper{A4, Letter} {
		pdf := render(t, s, PDF, p)
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF", p)
		}
		if n := pdfPages(pdf); n != 1 {
			t.Errorf("%s: %d pages, want 1", p, n)
		}
		size := map[Paper]string{A4: "[ 0 0 595.00 842.00 ]", Letter: "[ 0 0 612.00 792.00 ]"}[p]
		if !bytes.Contains(pdf, []byte(size)) {
			t.Errorf("%s: page size %s not found", p, size)
		}
		text := pdfText(t, pdf)
		// pdftotext keeps words but not always line breaks: compare
		// with runs of white space made single.
		flat := strings.Join(strings.Fields(text), " ")
		want := append([]string{}, wording...)
		want = append(want, "My job is *very* physical: <lifting> & [standing] all day.", "Kann ich weiterarbeiten? Ça va — «oui»")
		for _, w := range want {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s: PDF text lacks %q", p, w)
			}
		}
	}
}

func TestPDFFontSizes(t *testing.T) {
	pdf := render(t, sampleSheet(t), PDF, A4)
	sizes := regexp.MustCompile(`/F\d+ ([0-9.]+) Tf`).FindAllSubmatch(inflateAll(t, pdf), -1)
	if len(sizes) == 0 {
		t.Fatal("no Tf operators found in the content streams")
	}
	for _, m := range sizes {
		var size float64
		if _, err := fmt.Sscan(string(m[1]), &size); err != nil || size < 11 {
			t.Errorf("font size %s pt, want at least 11", m[1])
		}
	}
}

// inflateAll returns every zlib-compressed stream of the PDF, inflated and
// joined.
func inflateAll(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var all []byte
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not compressed
		}
		b, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		all = append(all, b...)
	}
	return all
}

func TestPDFPageBreaks(t *testing.T) {
	s := sampleSheet(t)
	var items []checklist.Item
	for i := range 40 {
		items = append(items, checklist.Item{ID: string(rune('a' + i)), Topic: "t", TopicTitle: "Many questions", Text: strings.Repeat("A long question about treatment and side effects. ", 1+i%3)})
	}
	s.Groups = checklist.Ordered(items)
	pdf := render(t, s, PDF, Letter)
	n := pdfPages(pdf)
	if n < 3 {
		t.Fatalf("%d pages for 40 long questions, want several", n)
	}
	text := pdfText(t, pdf)
	if !strings.Contains(text, "Page 1 of") || !strings.Contains(text, "How do you spell that drug?") {
		t.Error("paged PDF lacks page numbers or its last section")
	}
	if got := strings.Count(text, "For learning only"); got != n {
		t.Errorf("footer on %d of %d pages", got, n)
	}
}
