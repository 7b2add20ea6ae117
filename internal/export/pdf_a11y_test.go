package export

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
)

// TestPDFCatalog: the catalog names the language and asks viewers to show
// the title, and every cross-reference entry and startxref still point at
// what they name after the entries are added.
func TestPDFCatalog(t *testing.T) {
	for _, p := range []Paper{A4, Letter} {
		pdf := render(t, sampleSheet(t), PDF, p)
		cat := regexp.MustCompile(`(?s)\n1 0 obj\n<<\n(.*?)>>\nendobj`).FindSubmatch(pdf)
		if cat == nil {
			t.Fatalf("%s: no catalog", p)
		}
		for _, want := range []string{"/Type /Catalog", "/Lang (en)", "/DisplayDocTitle true", "/Pages 2 0 R"} {
			if !bytes.Contains(cat[1], []byte(want)) {
				t.Errorf("%s: catalog lacks %s:\n%s", p, want, cat[1])
			}
		}
		checkXref(t, pdf)
	}
}

// checkXref checks that startxref points at the table and each entry at its
// object.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	m := regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", at)
	}
	rows := regexp.MustCompile(`(\d{10}) (\d{5}) ([nf]) \n`).FindAllSubmatch(pdf[at:], -1)
	if len(rows) < 3 {
		t.Fatalf("%d xref entries", len(rows))
	}
	for i, r := range rows {
		if string(r[3]) != "n" {
			continue
		}
		off, _ := strconv.Atoi(string(r[1]))
		if want := fmt.Sprintf("%d 0 obj\n", i); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i, pdf[off:min(off+12, len(pdf))])
		}
	}
}

// TestWithCatalogEntriesRefuses: a file gopdf did not write the expected
// way is an error, not a broken PDF.
func TestWithCatalogEntriesRefuses(t *testing.T) {
	good := render(t, sampleSheet(t), PDF, A4)
	for name, pdf := range map[string][]byte{
		"no catalog":   bytes.Replace(good, []byte("/Type /Catalog"), []byte("/Type /Katalog"), 1),
		"no startxref": bytes.Replace(good, []byte("startxref"), []byte("startxrof"), 1),
		"empty":        nil,
	} {
		if _, err := withCatalogEntries(pdf, "  /Lang (en)\n"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPDFFooterLast: an untagged PDF is read in drawing order, so each
// page's footer is drawn after its body and comes last in its text.
func TestPDFFooterLast(t *testing.T) {
	s := sampleSheet(t)
	one := render(t, s, PDF, A4)
	var items []checklist.Item
	for i := range 40 {
		items = append(items, checklist.Item{ID: fmt.Sprint(i), Topic: "t", TopicTitle: "Many questions", Text: strings.Repeat("A long question about treatment and side effects. ", 1+i%3)})
	}
	s.Groups = checklist.Ordered(items)
	many := render(t, s, PDF, Letter)
	for name, pdf := range map[string][]byte{"one page": one, "several pages": many} {
		pages := strings.Split(strings.TrimRight(pdfRawText(t, pdf), "\f\n"), "\f")
		if len(pages) != pdfPages(pdf) {
			t.Fatalf("%s: %d pages of text, %d pages", name, len(pages), pdfPages(pdf))
		}
		for i, page := range pages {
			flat := strings.Join(strings.Fields(page), " ")
			notice := strings.Index(flat, s.Notice)
			if notice < 0 || !strings.HasSuffix(flat, "her2guide v1.0.0") && !regexp.MustCompile(`Page \d+ of \d+$`).MatchString(flat) {
				t.Errorf("%s, page %d: does not end with the footer:\n…%s", name, i+1, flat[max(0, len(flat)-200):])
			}
			if strings.Count(flat, s.Notice) != 1 {
				t.Errorf("%s, page %d: the disclaimer %d times", name, i+1, strings.Count(flat, s.Notice))
			}
			if notice < len(flat)-len(s.Notice)-120 {
				t.Errorf("%s, page %d: text after the footer:\n%s", name, i+1, flat[notice:])
			}
		}
	}
}

// pdfRawText is the PDF's text in the order it is drawn (pdftotext -raw),
// the order a reader of an untagged PDF gets.
func pdfRawText(t *testing.T, pdf []byte) string {
	t.Helper()
	return pdfTextArgs(t, pdf, "-raw")
}
