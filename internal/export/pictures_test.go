package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
)

// htmlTag matches an HTML tag.
var htmlTag = regexp.MustCompile(`<[^>]*>`)

// benchGuide loads the bundled guide, as benchSheets does.
func benchGuide(t testing.TB) *guide.Guide {
	t.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

const (
	iconsAlt    = "About 12 in 100 had severe diarrhea, so about 88 in 100 did not."
	timelineAlt = "First chemotherapy and 2 HER2 drugs, then surgery, then no cancer left or some cancer left."
	scaleAlt    = "From left to right, HER2-negative: HER2-0, HER2-low; then HER2-positive: HER2-positive."
)

func picture(t testing.TB, k pictures.Kind, spec string) *pictures.Picture {
	t.Helper()
	p, errs := pictures.Parse(k, spec)
	if errs != nil {
		t.Fatal(errs)
	}
	return p
}

// picturedSheet is the sample sheet with pictures for its two pages: two
// for "questions", and one for "heart", whose only question is under
// "Most important", so it is not printed.
func picturedSheet(t testing.TB) Sheet {
	s := sampleSheet(t)
	s.Pictures = map[string][]*pictures.Picture{
		"questions": {
			picture(t, pictures.Timeline, "steps:\n  - Chemotherapy and 2 HER2 drugs\n  - Surgery\n  - [No cancer left, Some cancer left]\n"),
			picture(t, pictures.Icons, "count: 12 in 100\nsays: had severe diarrhea\n"),
		},
		"heart": {picture(t, pictures.Scale, "groups:\n  - name: HER2-negative\n    items: [HER2-0, HER2-low]\n  - name: HER2-positive\n    items: [HER2-positive]\n")},
	}
	return s
}

// TestPictureGolden pins the text, Markdown and HTML sheets with pictures;
// refresh with go test ./internal/export -update.
func TestPictureGolden(t *testing.T) {
	s := picturedSheet(t)
	for _, f := range []Format{Text, Markdown, HTML} {
		t.Run(string(f), func(t *testing.T) {
			golden.RequireEqual(t, render(t, s, f, A4))
		})
	}
}

// TestPicturesUnderTheirPage: in every format, a page's pictures' text
// equivalents come under its group's heading, before its first question;
// an icon array's words are printed once; the picture of a page whose
// questions are all "Most important" is not printed.
func TestPicturesUnderTheirPage(t *testing.T) {
	s := picturedSheet(t)
	for _, f := range Formats {
		out := string(render(t, s, f, A4))
		switch f {
		case PDF:
			out = pdfText(t, []byte(out))
		case HTML:
			// The text a sighted reader sees: the accessible names are
			// checked in TestPicturesHTML.
			out = strings.NewReplacer("&#39;", "'", "&#43;", "+").Replace(out)
			out = regexp.MustCompile(`(?s)<pre class="narrow">.*?</pre>`).ReplaceAllString(out, "")
			out = htmlTag.ReplaceAllString(out, " ")
		case Markdown:
			out = strings.ReplaceAll(out, "\\", "")
		}
		flat := strings.Join(strings.Fields(out), " ")
		checkOrder(t, string(f), flat, []string{"What should I ask my oncologist?", timelineAlt, iconsAlt, "Is my cancer HER2-positive"})
		if strings.Contains(flat, "HER2-0") {
			t.Errorf("%s: the picture of a page under Most important is printed", f)
		}
		if n := strings.Count(flat, iconsAlt); n != 1 {
			t.Errorf("%s: the icon array's words are printed %d times, want once", f, n)
		}
	}
	// No pictures: the sheet is as before.
	plain := sampleSheet(t)
	for _, f := range Formats {
		if !bytes.Equal(render(t, plain, f, A4), render(t, Sheet{Title: plain.Title, Date: plain.Date, Groups: plain.Groups, Urgent: plain.Urgent, AfterHours: plain.AfterHours, Notice: plain.Notice, Words: plain.Words, Reviewed: plain.Reviewed, Version: plain.Version, Pictures: map[string][]*pictures.Picture{}}, f, A4)) {
			t.Errorf("%s: an empty Pictures changes the sheet", f)
		}
	}
}

// TestPicturesDrawn: the text sheet draws in ASCII within its width, the
// Markdown sheet in a code block, both under the heading.
func TestPicturesDrawn(t *testing.T) {
	s := picturedSheet(t)
	text := string(render(t, s, Text, A4))
	for i, l := range strings.Split(text, "\n") {
		if xansi.StringWidth(l) > textWidth {
			t.Errorf("text line %d is wider than %d: %q", i+1, textWidth, l)
		}
	}
	if !strings.Contains(text, "    X X X X X X X X X X\n    X X . . . . . . . .\n") || strings.ContainsAny(text, "■□┌→") {
		t.Errorf("text sheet does not draw the icon array in ASCII:\n%s", text)
	}
	md := string(render(t, s, Markdown, A4))
	if !strings.Contains(md, "```text\n■ ■ ■ ■ ■ ■ ■ ■ ■ ■\n■ ■ □ □ □ □ □ □ □ □\n") {
		t.Errorf("Markdown sheet does not draw the icon array in a code block:\n%s", md)
	}
}

// TestPicturesHTML: each picture is one role="img" named by its text
// equivalent, holding the drawing twice, wide and narrow (one shown at a
// time, by width), and the words when the drawing does not say them.
func TestPicturesHTML(t *testing.T) {
	page := render(t, picturedSheet(t), HTML, A4)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	imgs := find(doc, func(n *html.Node) bool { return attr(n, "role") == "img" })
	if len(imgs) != 2 {
		t.Fatalf("%d role=img, want 2", len(imgs))
	}
	for i, img := range imgs {
		want := []string{timelineAlt, iconsAlt}[i]
		if attr(img, "aria-label") != want {
			t.Errorf("picture %d: aria-label=%q, want %q", i, attr(img, "aria-label"), want)
		}
		pres := find(img, isElem(atom.Pre))
		if len(pres) != 2 || attr(pres[0], "class") != "wide" || attr(pres[1], "class") != "narrow" {
			t.Fatalf("picture %d: want a wide and a narrow <pre>", i)
		}
		for _, pre := range pres {
			limit := map[string]int{"wide": htmlPictureWide, "narrow": htmlPictureNarrow}[attr(pre, "class")]
			for _, l := range strings.Split(text(pre), "\n") {
				if xansi.StringWidth(l) > limit {
					t.Errorf("<pre class=%q>: line %q wider than %d", attr(pre, "class"), l, limit)
				}
			}
		}
		words := find(img, isElem(atom.P))
		if shown := len(words) == 1 && text(words[0]) == want; shown != (i == 0) {
			t.Errorf("picture %d: words under the drawing shown=%v, want them for the timeline only", i, shown)
		}
	}
	checkHTMLAccessible(t, picturedSheet(t), page)
}

// TestSheetPages: the default sheet (the questions page's questions) has
// no pictures and stays one page on A4 and Letter; the full checklist
// (--all) prints the bundled pages' pictures, each page's all.
func TestSheetPages(t *testing.T) {
	sheets := benchSheets(t)
	g := benchGuide(t)
	def, full := sheets["default"], sheets["full"]
	if def.Pictures != nil {
		t.Errorf("the default sheet has pictures: %v", def.Pictures)
	}
	for id, pics := range full.Pictures {
		p, _ := g.Page(id)
		if got := len(pictures.Find(p.Body)); got != len(pics) {
			t.Errorf("%s: %d pictures on the sheet, %d on the page", id, len(pics), got)
		}
	}
	for _, p := range g.Pages {
		if len(pictures.Find(p.Body)) > 0 && len(full.Pictures[p.ID]) == 0 && len(p.Questions) > 0 {
			t.Errorf("the full checklist leaves out the pictures of %s", p.ID)
		}
	}
	without := full
	without.Pictures = nil
	for _, p := range []Paper{A4, Letter} {
		if n := pdfPages(render(t, def, PDF, p)); n != 1 {
			t.Errorf("default sheet on %s: %d pages, want 1", p, n)
		}
		t.Logf("%s: full sheet %d pages without pictures, %d with its %d pages' pictures", p, pdfPages(render(t, without, PDF, p)), pdfPages(render(t, full, PDF, p)), len(full.Pictures))
	}
}
