package export

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"
	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/pictures"
)

// Sizes on the PDF page, in points (1/72 inch). Text is never smaller than
// 11 pt.
const (
	pdfMargin    = 40.0 // page margin, about 14 mm
	pdfTitleSize = 20.0
	pdfHeadSize  = 13.5
	pdfSmallSize = 11.0 // the footer
	pdfLeading   = 1.3  // line height as a multiple of the font size
	pdfBox       = 10.0 // checkbox side
	pdfIndent    = 20.0 // question text after the checkbox
	pdfThin      = 0.5  // width of ruled lines
	pdfBoxLine   = 1.0  // width of checkbox and heading rules
)

// Font family names registered with gopdf.
const (
	fontRegular = "regular"
	fontBold    = "bold"
)

// pdfStyle is what changes between layouts tried to fit one page.
type pdfStyle struct {
	answerLines int     // ruled lines after each question
	bodySize    float64 // font size of questions and fields
	ruleGap     float64 // space between ruled answer lines: room to write
	gapItem     float64 // space after a question's answer lines
	gapHead     float64 // space before a heading
	spellLines  int     // ruled lines after "How do you spell that drug?"
	// pair puts the "My top 3" box and "About my cancer" side by side.
	pair bool
}

// pdfStyles are the layouts to try, roomiest first: the sheet uses the
// first that fits on one page. When none does, it uses pdfPaged over as
// many pages as it takes.
var pdfStyles = []pdfStyle{
	{4, 12, 21, 7, 12, 1, false},
	{3, 12, 21, 7, 12, 1, false},
	{2, 12, 21, 7, 12, 1, false},
	{1, 12, 21, 7, 12, 1, false},
	{1, 11, 19, 4, 12, 1, false},
	{1, 11, 16, 2, 8, 1, false},
	{1, 11, 13, 1, 6, 0, false},
	{1, 11, 13, 1, 6, 0, true},
	{1, 11, 13, 1, 4, 0, true},
}

var pdfPaged = pdfStyle{2, 12, 21, 7, 12, 1, false}

// writePDF lays the sheet out on A4 or Letter pages with the Go fonts
// embedded (subset), boxes drawn as rectangles, and text wrapped by its
// measured width.
func writePDF(w io.Writer, s Sheet, p Paper) error {
	r, err := newRuler(s, p)
	if err != nil {
		return err
	}
	for _, st := range pdfStyles {
		doc, err := r.onePage(st)
		if err != nil {
			return err
		}
		if doc != nil {
			return doc.writeTo(w)
		}
	}
	// Several pages: count them without drawing, then lay out and number them.
	pages, err := r.count(pdfPaged)
	if err != nil {
		return err
	}
	doc, err := layoutPDF(s, p, pdfPaged, pages)
	if err != nil {
		return err
	}
	return doc.writeTo(w)
}

// writeTo writes the finished PDF to w and returns the error in writing
// it. gopdf's WriteTo ignores the errors of the writer it is given
// (v0.33.0: compilePdf drops every Fprintf's), so a full disk gave a
// "saved" file of 0 bytes: it writes to memory here, and w gets the whole
// file in one Write whose error is returned.
func (d *pdfDoc) writeTo(w io.Writer) error {
	var b bytes.Buffer
	if _, err := d.pdf.WriteTo(&b); err != nil {
		return err
	}
	out, err := deflateStreams(b.Bytes())
	if err != nil {
		return err
	}
	if out, err = withCatalogEntries(out, pdfCatalogExtra); err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// pdfCatalogExtra is what the document catalog gets beyond what gopdf
// writes: the language, so a screen reader reads the sheet with English
// rules (PDF 1.7, 14.9.2), and the title, not the file name, in the
// viewer's title bar (PDF/UA-1, 7.1).
//
// The PDF stays untagged: gopdf v0.33.0 has no marked content (BDC/EMC),
// no structure tree (/StructTreeRoot, /StructParents) and no way to add
// operators to a content stream, so readers get the text in the order it
// is drawn. That order is the reading order: the footer is drawn last on
// every page.
const pdfCatalogExtra = "  /Lang (en)\n  /ViewerPreferences << /DisplayDocTitle true >>\n"

// catalogStart is how gopdf v0.33.0 begins the catalog, always object 1.
const catalogStart = "1 0 obj\n<<\n  /Type /Catalog\n"

// withCatalogEntries returns the PDF made by gopdf with extra entries in its
// catalog dictionary, and the cross-reference table and startxref moved to
// match. gopdf v0.33.0 has no way to add them (CatalogObj.write writes
// /Type, /Pages and /Outlines only). It fails, rather than write a broken
// file, if gopdf ever writes its catalog or table another way.
func withCatalogEntries(pdf []byte, extra string) ([]byte, error) {
	found := false
	out, err := rewriteObjects(pdf, func(out []byte, obj []byte) []byte {
		if !bytes.HasPrefix(obj, []byte(catalogStart)) {
			return append(out, obj...)
		}
		found = true
		out = append(out, catalogStart...)
		out = append(out, extra...)
		return append(out, obj[len(catalogStart):]...)
	})
	if err == nil && !found {
		return nil, errors.New("pdf catalog: catalog not as gopdf v0.33.0 writes it")
	}
	return out, err
}

// plainStream is how gopdf v0.33.0 begins an uncompressed stream: page
// contents when compression is off, and the fonts' ToUnicode maps.
const plainStream = "<<\n/Length "

// deflateStreams returns the PDF made by gopdf with its uncompressed
// streams compressed, as gopdf writes them when compression is on
// ("/Filter/FlateDecode"), with one zlib writer for the whole file. gopdf
// v0.33.0 makes a writer for each page, and the 0.7 MB each allocates and
// clears was a third of the time to write a 34-page sheet.
func deflateStreams(pdf []byte) ([]byte, error) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	var failed error
	out, err := rewriteObjects(pdf, func(out []byte, obj []byte) []byte {
		head, rest, ok := bytes.Cut(obj, []byte("\n"))
		if !ok || !bytes.HasPrefix(rest, []byte(plainStream)) {
			return append(out, obj...)
		}
		var n int
		if _, err := fmt.Sscanf(string(rest[len(plainStream):min(len(rest), len(plainStream)+20)]), "%d\n", &n); err != nil {
			failed = errors.New("pdf stream: length not as gopdf v0.33.0 writes it")
			return out
		}
		dict := fmt.Sprintf("%s%d\n>>\nstream\n", plainStream, n)
		start := len(dict)
		if !bytes.HasPrefix(rest, []byte(dict)) || start+n > len(rest) || !bytes.HasPrefix(rest[start+n:], []byte("endstream\n")) {
			failed = errors.New("pdf stream: not as gopdf v0.33.0 writes it")
			return out
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(rest[start : start+n]); err != nil {
			failed = err
		}
		if err := zw.Close(); err != nil {
			failed = err
		}
		out = append(out, head...)
		out = fmt.Appendf(out, "\n<<\n/Filter/FlateDecode/Length %d\n>>\nstream\n", z.Len())
		out = append(out, z.Bytes()...)
		out = append(out, '\n')
		return append(out, rest[start+n:]...)
	})
	if failed != nil {
		return nil, failed
	}
	return out, err
}

// rewriteObjects returns the PDF made by gopdf with each object (from its
// "n 0 obj" to the next object or the cross-reference table) replaced by
// what edit appends to out, and the table and startxref moved to match.
// It fails, rather than write a broken file, if gopdf ever writes its table
// another way.
func rewriteObjects(pdf []byte, edit func(out, obj []byte) []byte) ([]byte, error) {
	bad := func(what string) ([]byte, error) {
		return nil, fmt.Errorf("pdf: %s not as gopdf v0.33.0 writes it", what)
	}
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return bad("startxref")
	}
	var xref int
	if _, err := fmt.Sscanf(string(pdf[sx+len("\nstartxref\n"):]), "%d", &xref); err != nil || xref <= 0 || xref >= sx {
		return bad("startxref")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(pdf[xref:sx]), "xref\n%d %d\n", &first, &count); err != nil || first != 0 {
		return bad("xref")
	}
	const entry = 20 // "nnnnnnnnnn ggggg n \n"
	rows := xref + bytes.IndexByte(pdf[xref+len("xref\n"):], '\n') + len("xref\n") + 1
	if rows+count*entry > sx {
		return bad("xref")
	}
	type row struct {
		off, gen int
		kind     string
	}
	table := make([]row, count)
	last := 0
	for i := range table {
		r := &table[i]
		if _, err := fmt.Sscanf(string(pdf[rows+i*entry:rows+(i+1)*entry]), "%10d %5d %1s", &r.off, &r.gen, &r.kind); err != nil {
			return bad("xref entry")
		}
		if r.kind == "n" {
			if r.off <= last || r.off >= xref {
				return bad("xref entry") // gopdf writes objects in order
			}
			last = r.off
		}
	}
	out := make([]byte, 0, len(pdf)+len(pdf)/8)
	prev := -1 // where the object being copied starts in pdf
	for i, r := range table {
		if r.kind != "n" {
			continue
		}
		if prev < 0 {
			out = append(out, pdf[:r.off]...)
		} else {
			out = edit(out, pdf[prev:r.off])
		}
		prev, table[i].off = r.off, len(out)
	}
	if prev >= 0 {
		out = edit(out, pdf[prev:xref])
	} else {
		out = append(out, pdf[:xref]...)
	}
	newXref := len(out)
	out = append(out, pdf[xref:rows]...)
	for _, r := range table {
		out = fmt.Appendf(out, "%010d %05d %s \n", r.off, r.gen, r.kind)
	}
	out = append(out, pdf[rows+count*entry:sx]...)
	out = fmt.Appendf(out, "\nstartxref\n%d\n%%%%EOF\n", newXref)
	return out, nil
}

// pdfDoc is one layout of the sheet in progress.
type pdfDoc struct {
	pdf     *gopdf.GoPdf
	s       Sheet
	width   float64 // page width
	height  float64 // page height
	y       float64 // top of the next thing to draw
	page    int     // pages so far
	pages   int     // total pages when known (for "Page n of N"), else 0
	style   pdfStyle
	onePage bool    // stop at the first page break (a one-page try)
	dry     bool    // measure only, draw nothing (see pdfRuler)
	family  string  // the current font
	size    float64 // the current font size
	err     error   // the first drawing error

	// widths are the measured widths of text in a font and size: wrapping
	// measures the same words hundreds of times.
	widths map[widthKey]float64
	// foot is the current page's footer, footFor the page it is for.
	foot    []string
	footFor int
}

// widthKey is a text in a font and size.
type widthKey struct {
	family string
	size   float64
	text   string
}

// errPageBreak stops a one-page layout at its first page break.
var errPageBreak = errors.New("pdf: does not fit on one page")

// layoutOnePage lays the sheet out in style st if it fits on one page, and
// returns nil otherwise.
func layoutOnePage(s Sheet, p Paper, st pdfStyle) (*pdfDoc, error) {
	r, err := newRuler(s, p)
	if err != nil {
		return nil, err
	}
	return r.onePage(st)
}

func layoutPDF(s Sheet, p Paper, st pdfStyle, pages int) (*pdfDoc, error) {
	d, err := newPDFDoc(s, p)
	if err != nil {
		return nil, err
	}
	d.style, d.pages = st, pages
	return d, d.layout()
}

// pdfRuler lays the sheet out without drawing it (a dry pdfDoc), to find
// the style that fits one page or to count the pages: only the layout it
// settles on is drawn. Its layouts share one gopdf document, for the
// fonts, and the widths measured.
type pdfRuler struct {
	base  pdfDoc
	paper Paper
}

func newRuler(s Sheet, p Paper) (*pdfRuler, error) {
	d, err := newPDFDoc(s, p)
	if err != nil {
		return nil, err
	}
	d.dry = true
	return &pdfRuler{*d, p}, nil
}

// onePage lays the sheet out in style st if it fits on one page, and
// returns nil otherwise, without laying out the rest: a long sheet tries
// every style before it is paged.
func (r *pdfRuler) onePage(st pdfStyle) (doc *pdfDoc, err error) {
	d := r.base
	d.style, d.onePage = st, true
	fits, err := func() (fits bool, err error) {
		defer func() {
			if p := recover(); p != nil {
				if p != errPageBreak {
					panic(p)
				}
				fits, err = false, nil
			}
		}()
		return true, d.layout()
	}()
	if err != nil || !fits {
		return nil, err
	}
	return layoutPDF(d.s, r.paper, st, 0)
}

// count is the number of pages the sheet takes in style st, without page
// numbers in the footers.
func (r *pdfRuler) count(st pdfStyle) (int, error) {
	d := r.base
	d.style = st
	err := d.layout()
	return d.page, err
}

// newPDFDoc starts a document with the fonts and no pages.
func newPDFDoc(s Sheet, p Paper) (*pdfDoc, error) {
	size := *gopdf.PageSizeA4
	if p == Letter {
		size = *gopdf.PageSizeLetter
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: size, Unit: gopdf.UnitPT})
	pdf.SetNoCompression() // deflateStreams compresses, faster
	date := s.Date
	if date.IsZero() {
		date = s.Reviewed
	}
	creator := strings.TrimSpace("her2guide " + s.Version)
	pdf.SetInfo(gopdf.PdfInfo{Title: s.Title, Creator: creator, Producer: creator, CreationDate: date.UTC()})
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	if err := pdf.AddTTFFontDataWithOption(fontRegular, goregular.TTF, opt); err != nil {
		return nil, fmt.Errorf("pdf font: %w", err)
	}
	if err := pdf.AddTTFFontDataWithOption(fontBold, gobold.TTF, opt); err != nil {
		return nil, fmt.Errorf("pdf font: %w", err)
	}
	pdf.SetStrokeColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	return &pdfDoc{pdf: pdf, s: s, width: size.W, height: size.H, widths: map[widthKey]float64{}}, nil
}

// layout lays the sheet out from its first page.
func (d *pdfDoc) layout() error {
	d.newPage()
	d.sheet()
	d.footer()
	return d.err
}

// left, right and bottom bound the page's content; the footer sits below bottom.
func (d *pdfDoc) left() float64  { return pdfMargin }
func (d *pdfDoc) right() float64 { return d.width - pdfMargin }
func (d *pdfDoc) bottom() float64 {
	return d.height - pdfMargin - d.footerHeight()
}

func (d *pdfDoc) footerHeight() float64 {
	lines := len(d.footerLines())
	return 8 + float64(lines)*pdfSmallSize*pdfLeading
}

// footerLines is the current page's footer, wrapped. It is asked for at
// each need, so it is kept for the page.
func (d *pdfDoc) footerLines() []string {
	if d.foot != nil && d.footFor == d.page {
		return d.foot
	}
	var lines []string
	d.withFont(fontRegular, pdfSmallSize, func() {
		if d.s.Notice != "" {
			lines = append(lines, d.wrap(d.s.Notice, d.right()-d.left())...)
		}
		foot := footerLine(d.s)
		if d.pages > 1 {
			foot += " · " + strings.NewReplacer(guide.PagePlaceholder, strconv.Itoa(d.page), guide.PagesPlaceholder, strconv.Itoa(d.pages)).Replace(d.s.Words.Page)
		}
		lines = append(lines, d.wrap(foot, d.right()-d.left())...)
	})
	d.foot, d.footFor = lines, d.page
	return lines
}

func (d *pdfDoc) newPage() {
	if d.onePage && d.page == 1 {
		panic(errPageBreak) // recovered by pdfRuler.onePage
	}
	if d.page > 0 {
		d.footer() // last on the page it ends, so last in reading order
	}
	if !d.dry {
		d.pdf.AddPage()
	}
	d.page++
	d.y = pdfMargin
}

// need starts a new page unless h more points fit on this one.
func (d *pdfDoc) need(h float64) {
	if d.y+h > d.bottom() && d.y > pdfMargin {
		d.newPage()
	}
}

// footer draws the disclaimer and, on a sheet of several pages, the page
// number at the foot of the current page. It is drawn after the page's
// body: an untagged PDF is read in drawing order.
func (d *pdfDoc) footer() {
	lines := d.footerLines()
	y := d.height - pdfMargin - float64(len(lines))*pdfSmallSize*pdfLeading
	d.line(d.left(), y-6, d.right(), y-6, pdfThin)
	d.withFont(fontRegular, pdfSmallSize, func() {
		for _, l := range lines {
			d.text(d.left(), y, l)
			y += pdfSmallSize * pdfLeading
		}
	})
}

// sheet draws everything above the footer.
func (d *pdfDoc) sheet() {
	s := d.s
	width := d.right() - d.left()
	top, groups := s.split()
	// The title on the left, the date on the right of its last line.
	d.font(fontRegular, d.style.bodySize)
	dateW := 150.0 // room to write the date in
	if !s.Date.IsZero() {
		dateW = d.measure(s.Words.Date + ": " + dateText(s.Date))
	}
	titleSize, gap := pdfTitleSize, 6.0
	if d.style.pair {
		// The tightest layouts: a smaller title, closer to what follows.
		titleSize, gap = pdfTitleSize-4, 2
	}
	d.font(fontBold, titleSize)
	lines := d.wrap(s.title(), width-dateW-16)
	for i, l := range lines {
		d.text(d.left(), d.y, l)
		if i == len(lines)-1 {
			d.y += titleSize - d.style.bodySize
			d.field(d.right()-dateW, dateW, s.Words.Date, dateText(s.Date))
			d.y -= titleSize - d.style.bodySize
		}
		d.y += titleSize * pdfLeading
	}
	d.font(fontBold, d.style.bodySize)
	for _, p := range s.intro() {
		for _, l := range d.wrap(p, width) {
			d.text(d.left(), d.y, l)
			d.y += d.style.bodySize * pdfLeading
		}
	}
	d.y += gap
	if s.Clinician {
		d.clinician(top, groups)
		return
	}
	half := (width - 24) / 2
	d.field(d.left(), half, s.Words.Doctor, "")
	d.field(d.left()+half+24, half, s.Words.NextVisit, "")
	if d.style.pair {
		d.y += d.style.bodySize * pdfLeading * 1.25
	} else {
		d.y += d.style.bodySize * pdfLeading * 1.5
	}

	if d.style.pair {
		// Side by side, each half as wide: the box, and "About my
		// cancer" with its fields one under another.
		// The box is wide enough for what to do beside its heading
		// when that leaves "About my cancer" room for its blanks.
		d.font(fontBold, pdfHeadSize)
		boxW := d.measure(s.topHeading()) + 8
		d.font(fontRegular, d.style.bodySize)
		boxW += d.measure(s.topInstruction(len(top))) + 2*pdfBoxPad + 2
		boxW = min(max(half, boxW), width*0.58)
		y0 := d.y
		d.topBox(d.left(), boxW, top, d.style.answerLines, false)
		yBox := d.y
		d.y = y0 + d.style.gapHead
		x := d.left() + boxW + 24
		d.font(fontBold, pdfHeadSize)
		d.text(x, d.y, s.Words.AboutCancer)
		d.y += d.headLead()
		d.line(x, d.y, d.right(), d.y, pdfBoxLine)
		d.y += d.underHead()
		fields := [][2]string{{d.s.Words.HER2, d.s.Mine.HER2}, {d.s.Words.ERPR, d.s.Mine.HR}, {d.s.Words.Medicines, ""}}
		if d.s.Mine.Stage != "" {
			fields = append([][2]string{{d.s.Words.Stage, d.s.Mine.Stage}}, fields...)
		}
		for _, f := range fields {
			d.y += d.mine(x, d.right()-x, f[0], f[1])
			d.y += d.style.bodySize * pdfLeading * 1.3
		}
		d.y = max(d.y-d.style.bodySize*pdfLeading*0.3, yBox)
	} else {
		d.topBox(d.left(), width, top, d.style.answerLines, false)
		d.about()
	}

	for _, g := range groups {
		first := 0.0
		if len(g.Items) > 0 {
			first = d.itemHeight(g.Items[0].Text, d.style.answerLines)
		}
		pics := s.groupPictures(g)
		d.heading(g.Title, d.picturesHeight(pics)+first)
		d.pictures(pics)
		for _, it := range g.Items {
			d.item(it.Text, d.style.answerLines)
		}
	}

	d.heading(s.Words.Before, d.itemHeight(s.Words.TeachBack, 1))
	if d.style.pair {
		// The two short prompts side by side.
		half := (width - 24) / 2
		y0 := d.y
		d.itemAt(d.left(), half, s.Words.TeachBack, 1)
		y1 := d.y
		d.y = y0
		d.itemAt(d.left()+half+24, half, s.Words.SpellDrug, 1)
		d.y = max(d.y, y1)
	} else {
		d.item(s.Words.TeachBack, 1)
		d.item(s.Words.SpellDrug, d.style.spellLines)
	}
	d.urgentBox()
}

// about draws "About my cancer" across the page.
func (d *pdfDoc) about() {
	width := d.right() - d.left()
	need := d.style.bodySize * pdfLeading * 4.5
	if d.s.Mine.Stage != "" {
		need += d.style.bodySize * pdfLeading * 1.3
	}
	d.heading(d.s.Words.AboutCancer, need)
	wide := width * 0.62
	if d.s.Mine.Stage != "" {
		d.y += d.mine(d.left(), width, d.s.Words.Stage, d.s.Mine.Stage)
		d.y += d.style.bodySize * pdfLeading * 1.3
	}
	d.y += max(d.mine(d.left(), wide-12, d.s.Words.HER2, d.s.Mine.HER2),
		d.mine(d.left()+wide+12, width-wide-12, d.s.Words.ERPR, d.s.Mine.HR))
	d.y += d.style.bodySize * pdfLeading * 1.5
	d.field(d.left(), width, d.s.Words.Medicines, "")
	if d.style.answerLines > 1 {
		// A second line for a long list of medicines, when there is room.
		d.y += d.style.bodySize*pdfLeading + d.style.ruleGap - 4
		d.line(d.left(), d.y, d.right(), d.y, pdfThin)
		d.y += 8
	} else {
		d.y += d.style.bodySize * pdfLeading
	}
}

// clinician draws the clinician copy below the title: the reader's
// situation (or a blank "About me" box), the top 3, and every other
// question on one line.
func (d *pdfDoc) clinician(top []checklist.Item, groups []checklist.Group) {
	s := d.s
	width := d.right() - d.left()
	lead := d.style.bodySize * pdfLeading
	if len(s.About) > 0 {
		d.heading(s.Words.Situation, lead)
		d.font(fontRegular, d.style.bodySize)
		for _, f := range s.About {
			for _, l := range d.wrap(f.Question+" "+f.Answer, width) {
				d.need(lead)
				d.text(d.left(), d.y, l)
				d.y += lead
			}
		}
	} else {
		d.heading(s.Words.AboutMe, lead*4.5)
		for _, label := range []string{s.Words.Name, s.Words.Cancer, s.Words.Medicines} {
			d.field(d.left(), width, label, "")
			d.y += lead * 1.5
		}
	}
	d.topBox(d.left(), width, top, 0, true)
	rest := others(groups)
	if len(rest) == 0 {
		return
	}
	d.heading(s.Words.Rest, lead)
	d.font(fontRegular, d.style.bodySize)
	for _, it := range rest {
		d.need(lead)
		d.text(d.left(), d.y, "•")
		d.text(d.left()+pdfBullet, d.y, d.oneLine(it.Text, width-pdfBullet))
		d.y += lead
	}
}

// oneLine is text on one line no wider than width in the current font, cut
// with an ellipsis when it is wider.
func (d *pdfDoc) oneLine(text string, width float64) string {
	t := strings.Join(strings.Fields(text), " ")
	if d.measure(t) <= width {
		return t
	}
	words := strings.Fields(t)
	for n := len(words) - 1; n > 0; n-- {
		if c := strings.Join(words[:n], " ") + "…"; d.measure(c) <= width {
			return c
		}
	}
	return d.breakWord(t, width-d.measure("…"))[0] + "…"
}

// topBox draws the "My top 3" box in a frame: the heading, what to do, and
// three numbered places: a marked question with lines ruled lines for its
// answer (on one line, cut short, when short is set), or a ruled line to
// write a question on. It is all on one page.
func (d *pdfDoc) topBox(left, width float64, top []checklist.Item, lines int, short bool) {
	inner := width - 2*pdfBoxPad
	lead := d.style.bodySize * pdfLeading
	d.font(fontRegular, d.style.bodySize)
	numW := d.measure("3.") + 6
	// What to do follows the heading on its line when it fits there.
	d.font(fontBold, pdfHeadSize)
	headW := d.measure(d.s.topHeading()) + 8
	d.font(fontRegular, d.style.bodySize)
	says := d.wrap(d.s.topInstruction(len(top)), inner-headW)
	beside := len(says) == 1
	if !beside {
		says = d.wrap(d.s.topInstruction(len(top)), inner)
	}
	texts := make([][]string, len(top))
	blank := max(lead, d.style.ruleGap) + d.style.gapItem
	h := 2*pdfBoxPad + d.headLead() + 2
	if !beside {
		h += float64(len(says)) * lead
	}
	for i := range checklist.MaxTop {
		if i >= len(top) {
			h += blank
			continue
		}
		if short {
			texts[i] = []string{d.oneLine(top[i].Text, inner-numW)}
		} else {
			texts[i] = d.wrap(top[i].Text, inner-numW)
		}
		h += float64(len(texts[i]))*lead + float64(lines)*d.style.ruleGap + d.style.gapItem
	}
	d.need(h + d.style.gapHead)
	d.y += d.style.gapHead
	y0 := d.y
	d.setLineWidth(pdfBoxFrame * 0.75)
	d.rect(left, y0, width, h)
	x := left + pdfBoxPad
	d.y = y0 + pdfBoxPad
	d.font(fontBold, pdfHeadSize)
	d.text(x, d.y, d.s.topHeading())
	d.font(fontRegular, d.style.bodySize)
	if beside {
		// On the heading's baseline.
		d.text(x+headW, d.y+(pdfHeadSize-d.style.bodySize)*0.8, says[0])
		d.y += d.headLead()
	} else {
		d.y += d.headLead()
		for _, l := range says {
			d.text(x, d.y, l)
			d.y += lead
		}
	}
	d.y += 2
	for i := range checklist.MaxTop {
		if i >= len(top) {
			// The number sits on the line to write on, as a field's label does.
			base := d.y + max(lead, d.style.ruleGap) - 2
			d.text(x, base-d.style.bodySize*1.05, strconv.Itoa(i+1)+".")
			d.line(x+numW, base, x+inner, base, pdfThin)
			d.y += blank
			continue
		}
		d.text(x, d.y, strconv.Itoa(i+1)+".")
		for _, l := range texts[i] {
			d.text(x+numW, d.y, l)
			d.y += lead
		}
		for range lines {
			d.y += d.style.ruleGap
			d.line(x+numW, d.y, x+inner, d.y, pdfThin)
		}
		d.y += d.style.gapItem
	}
	d.y = y0 + h
}

// Sizes of the "when to call right away" box, in points.
const (
	pdfBoxPad    = 5.0 // inside the frame
	pdfBoxFrame  = 2.0 // width of the frame
	pdfBullet    = 12.0
	pdfBulletGap = 0.0 // between two lines of the box
	pdfBoxLead   = 1.2 // line height in the box, tighter than pdfLeading
)

// urgentBox draws the "when to call right away" lines and the care team's
// phone numbers in a thick frame, all on one page.
func (d *pdfDoc) urgentBox() {
	s := d.s
	if len(s.Urgent) == 0 {
		return
	}
	width := d.right() - d.left()
	inner := width - 2*pdfBoxPad
	lead := d.style.bodySize * pdfBoxLead
	d.font(fontRegular, d.style.bodySize)
	wrapped := make([][]string, len(s.Urgent))
	h := 2*pdfBoxPad + d.headLead()
	for i, l := range s.Urgent {
		wrapped[i] = d.wrap(l, inner-pdfBullet)
		h += float64(len(wrapped[i]))*lead + pdfBulletGap
	}
	h += lead * 1.3 // the phone numbers
	d.need(h + d.style.gapHead)
	d.y += d.style.gapHead
	top := d.y
	d.setLineWidth(pdfBoxFrame)
	d.rect(d.left(), top, width, h)
	x := d.left() + pdfBoxPad
	d.y = top + pdfBoxPad
	d.font(fontBold, pdfHeadSize)
	d.text(x, d.y, s.Words.Urgent)
	d.y += d.headLead()
	d.font(fontRegular, d.style.bodySize)
	for _, lines := range wrapped {
		d.text(x, d.y, "•")
		for _, l := range lines {
			d.text(x+pdfBullet, d.y, l)
			d.y += lead
		}
		d.y += pdfBulletGap
	}
	d.y += lead * 0.1
	half := (inner - 16) / 2
	d.field(x, half+40, s.Words.Phone, s.Phone)
	d.field(x+half+56, half-40, s.Words.AfterHours, s.AfterHours)
	d.y = top + h
}

// heading draws a bold heading with a rule under it, on a new page unless it
// and next more points fit.
func (d *pdfDoc) heading(title string, next float64) {
	d.font(fontBold, pdfHeadSize)
	lines := d.wrap(title, d.right()-d.left())
	h := d.style.gapHead + float64(len(lines))*d.headLead() + 4
	d.need(h + next)
	d.y += d.style.gapHead
	for _, l := range lines {
		d.text(d.left(), d.y, l)
		d.y += d.headLead()
	}
	d.line(d.left(), d.y, d.right(), d.y, pdfBoxLine)
	d.y += d.underHead()
}

// headLead is the line height of headings: tighter in the tightest
// layouts (pdfStyle.pair).
func (d *pdfDoc) headLead() float64 {
	if d.style.pair {
		return pdfHeadSize * 1.15
	}
	return pdfHeadSize * pdfLeading
}

// underHead is the space between a heading's rule and what follows.
func (d *pdfDoc) underHead() float64 {
	if d.style.pair {
		return 4
	}
	return 6
}

// picturesHeight is the height of the text equivalents of a page's
// pictures, as pictures draws them.
func (d *pdfDoc) picturesHeight(pics []*pictures.Picture) float64 {
	d.font(fontRegular, d.style.bodySize)
	h := 0.0
	for _, p := range pics {
		h += float64(len(d.wrap(p.Spoken(), d.right()-d.left()-pdfIndent)))*d.style.bodySize*pdfLeading + d.style.gapItem
	}
	return h
}

// pictures prints the one-line text equivalent of each of a page's
// pictures, aligned with the questions' text. The PDF does not draw them:
// its text is proportional, which would break a drawing's columns, and the
// words say what the drawing shows.
func (d *pdfDoc) pictures(pics []*pictures.Picture) {
	d.font(fontRegular, d.style.bodySize)
	for _, p := range pics {
		lines := d.wrap(p.Spoken(), d.right()-d.left()-pdfIndent)
		d.need(float64(len(lines)) * d.style.bodySize * pdfLeading)
		for _, l := range lines {
			d.text(d.left()+pdfIndent, d.y, l)
			d.y += d.style.bodySize * pdfLeading
		}
		d.y += d.style.gapItem
	}
}

// itemHeight is the height of a question with its answer lines.
func (d *pdfDoc) itemHeight(text string, lines int) float64 {
	d.font(fontRegular, d.style.bodySize)
	n := len(d.wrap(text, d.right()-d.left()-pdfIndent))
	return float64(n)*d.style.bodySize*pdfLeading + float64(lines)*d.style.ruleGap + d.style.gapItem
}

// item draws a checkbox, the question and ruled lines to write the answer
// on, all on one page.
func (d *pdfDoc) item(text string, lines int) {
	d.need(d.itemHeight(text, lines))
	d.itemAt(d.left(), d.right()-d.left(), text, lines)
}

// itemAt draws a question as item does, in a column of the given width
// starting at left.
func (d *pdfDoc) itemAt(left, width float64, text string, lines int) {
	d.font(fontRegular, d.style.bodySize)
	x := left + pdfIndent
	d.setLineWidth(pdfBoxLine)
	d.rect(left, d.y+1.5, pdfBox, pdfBox)
	for _, l := range d.wrap(text, left+width-x) {
		d.text(x, d.y, l)
		d.y += d.style.bodySize * pdfLeading
	}
	for range lines {
		d.y += d.style.ruleGap
		d.line(x, d.y, left+width, d.y, pdfThin)
	}
	d.y += d.style.gapItem
}

// field draws "Label: value" or "Label:" and a line to write on, in a box
// of the given width starting at x on the current line.
func (d *pdfDoc) field(x, width float64, label, value string) {
	d.font(fontRegular, d.style.bodySize)
	text := label + ":"
	if value != "" {
		text += " " + value
	}
	d.text(x, d.y, text)
	if value != "" {
		return
	}
	w := d.measure(text) + 6
	base := d.y + d.style.bodySize*1.05
	d.line(x+w, base, x+width, base, pdfThin)
}

// mine draws an "About my cancer" field: blank to write on, or filled with
// the reader's answer wrapped within width. It returns the height of the
// lines below the first.
func (d *pdfDoc) mine(x, width float64, label, value string) (extra float64) {
	if value == "" {
		d.field(x, width, label, "")
		return 0
	}
	d.font(fontRegular, d.style.bodySize)
	for i, line := range d.wrap(label+": "+value, width) {
		extra = float64(i) * d.style.bodySize * pdfLeading
		d.text(x, d.y+extra, line)
	}
	return extra
}

// wrap breaks text into lines no wider than width in the current font: at
// spaces where it can, between characters (whole grapheme clusters) inside
// a word that is wider than the line. Line breaks in text are kept.
func (d *pdfDoc) wrap(text string, width float64) []string {
	var out []string
	space := d.measure(" ")
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line, lineW := "", 0.0
		for _, word := range words {
			ww := d.measure(word)
			switch {
			case line != "" && lineW+space+ww <= width:
				line += " " + word
				lineW += space + ww
				continue
			case line != "":
				out = append(out, line)
			}
			line, lineW = word, ww
			if ww > width {
				parts := d.breakWord(word, width)
				out = append(out, parts[:len(parts)-1]...)
				line = parts[len(parts)-1]
				lineW = d.measure(line)
			}
		}
		out = append(out, line)
	}
	return out
}

// breakWord splits a word wider than width into pieces that fit, between
// grapheme clusters.
func (d *pdfDoc) breakWord(word string, width float64) []string {
	var parts []string
	cur := ""
	g := uniseg.NewGraphemes(word)
	for g.Next() {
		c := g.Str()
		if cur != "" && d.measure(cur+c) > width {
			parts = append(parts, cur)
			cur = ""
		}
		cur += c
	}
	return append(parts, cur)
}

func (d *pdfDoc) font(family string, size float64) {
	d.family, d.size = family, size
	if err := d.pdf.SetFont(family, "", size); err != nil && d.err == nil {
		d.err = fmt.Errorf("pdf font: %w", err)
	}
}

// withFont runs fn with the given font, then sets the font back.
func (d *pdfDoc) withFont(family string, size float64, fn func()) {
	oldFamily, oldSize := d.family, d.size
	d.font(family, size)
	fn()
	if oldFamily != "" {
		d.font(oldFamily, oldSize)
	}
}

func (d *pdfDoc) measure(s string) float64 {
	k := widthKey{d.family, d.size, s}
	if w, ok := d.widths[k]; ok {
		return w
	}
	w, err := d.pdf.MeasureTextWidth(s)
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("pdf text: %w", err)
	}
	d.widths[k] = w
	return w
}

// text draws one line with its top at y.
func (d *pdfDoc) text(x, y float64, s string) {
	if s == "" || d.dry {
		return
	}
	d.pdf.SetXY(x, y)
	if err := d.pdf.Cell(nil, s); err != nil && d.err == nil {
		d.err = fmt.Errorf("pdf text: %w", err)
	}
}

func (d *pdfDoc) line(x1, y1, x2, y2, width float64) {
	if d.dry {
		return
	}
	d.setLineWidth(width)
	d.pdf.Line(x1, y1, x2, y2)
}

// rect draws a rectangle's outline with its top left corner at x, y.
func (d *pdfDoc) rect(x, y, w, h float64) {
	if !d.dry {
		d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
	}
}

func (d *pdfDoc) setLineWidth(w float64) {
	if !d.dry {
		d.pdf.SetLineWidth(w)
	}
}
