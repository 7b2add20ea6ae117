package export

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

const (
	handOver = "Give this sheet to your nurse or doctor at the start of your visit."
	endorsed = "Your care team at {clinic} wants you to ask these questions."
	heartQ   = "How often will I have a heart scan, and who reads it?"
)

// plainText is a sheet's text in format f with markup taken out, for
// checking wording: Markdown escapes, HTML entities and tags, PDF text.
func plainText(t *testing.T, s Sheet, f Format, p Paper) string {
	t.Helper()
	out := render(t, s, f, p)
	if f == PDF {
		return strings.Join(strings.Fields(pdfText(t, out)), " ")
	}
	text := string(out)
	switch f {
	case Text:
		// The boxes' frames, and their headings in capitals.
		text = strings.NewReplacer("|", "", strings.ToUpper(enTop), enTop, strings.ToUpper(en.Urgent), en.Urgent).Replace(text)
	case HTML:
		// Tags out; an ordered list's numbers in.
		n := 0
		text = regexp.MustCompile(`<li class="q">|<[^>]+>`).ReplaceAllStringFunc(text, func(tag string) string {
			if strings.HasPrefix(tag, `<li class="q">`) && strings.Contains(text, "<ol>") {
				if n++; n > 3 {
					n = 1
				}
				return " " + strconv.Itoa(n) + ". "
			}
			return " "
		})
	}
	text = strings.NewReplacer("\\", "", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#43;", "+", "**", "").Replace(text)
	return strings.Join(strings.Fields(text), " ")
}

// withTops returns the sample sheet with n of its questions marked most
// important (0 to 3).
func withTops(t *testing.T, n int) Sheet {
	t.Helper()
	s := sampleSheet(t)
	var l checklist.List
	for _, g := range s.Groups {
		for _, it := range g.Items {
			it.Top = false
			l.Toggle(it)
		}
	}
	for i, it := range l.Items() {
		if i < n {
			if err := l.SetTop(it.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Groups = checklist.Ordered(l.Items())
	s.Words.HandOver, s.Words.Endorsed = handOver, endorsed
	return s
}

// TestTopBox: every format prints the "My top 3" box before "About my
// cancer": the marked questions numbered, an empty numbered line for each
// place left, and what to do: write them when none is marked.
func TestTopBox(t *testing.T) {
	for _, f := range Formats {
		for n, say := range []string{enTopEmpty, en.TopSome, en.TopSome, en.TopFull} {
			s := withTops(t, n)
			text := plainText(t, s, f, A4)
			want := []string{enTop, say}
			top, _ := s.split()
			for i, it := range top {
				want = append(want, []string{"1.", "2.", "3."}[i]+" "+strings.Join(strings.Fields(it.Text), " "))
			}
			want = append(want, en.AboutCancer)
			checkOrder(t, string(f)+" with "+string(rune('0'+n)), text, want)
			if strings.Contains(text, "Most important") {
				t.Errorf("%s with %d: the %q group is printed besides the box", f, n, "Most important")
			}
			for _, it := range top {
				if c := strings.Count(text, strings.Join(strings.Fields(it.Text), " ")); c != 1 {
					t.Errorf("%s with %d: %q printed %d times, want once (in the box)", f, n, it.Text, c)
				}
			}
		}
	}
	// No marks: three numbered lines to write on.
	out := string(render(t, withTops(t, 0), Text, A4))
	for _, n := range []string{"| 1. ____", "| 2. ____", "| 3. ____"} {
		if !strings.Contains(out, n) {
			t.Errorf("text, none marked: no %q line to write on", n)
		}
	}
	md := string(render(t, withTops(t, 0), Markdown, A4))
	if !strings.Contains(md, "3. "+mdRule) {
		t.Error("markdown, none marked: no third line to write on")
	}
	html := string(render(t, withTops(t, 0), HTML, A4))
	if got := strings.Count(html, `aria-label="My top question `); got != 3 {
		t.Errorf("html, none marked: %d labelled blanks, want 3", got)
	}
}

// TestIntroLines: the hand-over line is under the title in every format,
// and the clinic's endorsement only when a clinic is set, with its name.
func TestIntroLines(t *testing.T) {
	for _, f := range Formats {
		s := withTops(t, 1)
		text := plainText(t, s, f, Letter)
		checkOrder(t, string(f), text, []string{"Questions for my oncologist", handOver, en.Doctor})
		if strings.Contains(text, "wants you to ask") {
			t.Errorf("%s: an endorsement without a clinic", f)
		}
		s.Clinic = "Riverside Cancer Centre"
		text = plainText(t, s, f, Letter)
		checkOrder(t, string(f), text, []string{"Questions for my oncologist",
			"Your care team at Riverside Cancer Centre wants you to ask these questions.", handOver, en.Doctor})
		s.Words.HandOver, s.Words.Endorsed = "", ""
		if text := plainText(t, s, f, Letter); strings.Contains(text, "Riverside") || strings.Contains(text, "start of your visit") {
			t.Errorf("%s: intro lines printed without the bundle's wording", f)
		}
	}
}

func TestCheckClinic(t *testing.T) {
	for v, ok := range map[string]bool{
		"": true, "Riverside Cancer Centre": true, "Clínica São João — Oncología": true,
		strings.Repeat("x", MaxClinic): true, strings.Repeat("x", MaxClinic+1): false,
		"Evil\x1b[2J": false, "Two\nlines": false,
	} {
		if err := CheckClinic(v); (err == nil) != ok {
			t.Errorf("CheckClinic(%q) = %v, want ok=%v", v, err, ok)
		}
	}
}

// TestClinicianCopy: the clinician copy has the reader's situation (or a
// blank "About me" box), the top 3, and every other question on one line
// with no blanks to write on, in every format; no "Before I leave" and no
// answer lines.
func TestClinicianCopy(t *testing.T) {
	for _, f := range Formats {
		s := withTops(t, 1)
		s.Clinician = true
		s.Clinic = "Riverside"
		s.About = []Fact{{"What stage is your cancer?", "Stage 2"}, {"What was your HER2 result?", "IHC 3+"}}
		text := plainText(t, s, f, A4)
		checkOrder(t, string(f), text, []string{en.ClinicianTitle, "Your care team at Riverside", handOver,
			en.Situation, "What stage is your cancer? Stage 2", "What was your HER2 result? IHC 3+",
			enTop, "1. " + withTops(t, 1).Groups[0].Items[0].Text, en.Rest,
			"Is my cancer also hormone receptor-positive", "Can I keep working?", "Kann ich weiterarbeiten?", "her2guide v1.0.0"})
		for _, no := range []string{en.Before, en.Doctor, en.AboutCancer, en.SpellDrug, en.AboutMe} {
			if strings.Contains(text, no) {
				t.Errorf("%s: clinician copy has %q", f, no)
			}
		}
		s.About = nil
		text = plainText(t, s, f, A4)
		checkOrder(t, string(f)+" no situation", text, []string{en.AboutMe, en.Name, en.Cancer, en.Medicines, enTop})
		if f == PDF {
			for _, p := range []Paper{A4, Letter} {
				if n := pdfPages(render(t, s, PDF, p)); n != 1 {
					t.Errorf("clinician copy on %s: %d pages, want 1", p, n)
				}
			}
		}
	}
	// One line each in the text format: the own question of four lines is
	// one, and nothing follows a question but the next.
	s := withTops(t, 0)
	s.Clinician = true
	out := string(render(t, s, Text, A4))
	if strings.Contains(out, "    ____") || strings.Contains(out, "[ ]") {
		t.Errorf("text clinician copy has answer lines or tick boxes:\n%s", out)
	}
	if !strings.Contains(out, "\n- Can I keep working? My job is *very* physical: <lifting> & [standing]…\n") {
		t.Errorf("text clinician copy: the own question is not on one line, cut short:\n%s", out)
	}
}

// TestBundleSheets: the bundled guide gives the sheet its hand-over and
// endorsement wording, and the default sheet stays one page on A4 and
// Letter with no question marked, with 3 marked and a clinic set, and as
// the clinician copy.
func TestBundleSheets(t *testing.T) {
	g := benchGuide(t)
	def := benchSheets(t)["default"]
	if def.Words.HandOver != g.Meta.Sheet.HandOver || def.Words.HandOver == "" || !strings.Contains(def.Words.Endorsed, guide.ClinicPlaceholder) {
		t.Fatalf("NewSheet: hand-over %q, endorsed %q, from the bundle's sheet wording", def.Words.HandOver, def.Words.Endorsed)
	}
	var l checklist.List
	for _, g := range def.Groups {
		for _, it := range g.Items {
			l.Toggle(it)
		}
	}
	for _, it := range l.Items()[:checklist.MaxTop] {
		if err := l.SetTop(it.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	top := def
	top.Groups = checklist.Ordered(l.Items())
	top.Clinic = strings.Repeat("Riverside Clinic ", 4)[:MaxClinic]
	clin := top
	clin.Clinician = true
	situ := clin
	situ.About = Situation(g, map[string]string{"her2": "ihc3", "stage": "2", "hormone": "positive"})
	if len(situ.About) != 3 {
		t.Errorf("Situation: %v, want 3 answers", situ.About)
	}
	for name, s := range map[string]Sheet{"default": def, "top 3 and clinic": top, "clinician copy": clin, "clinician copy with situation": situ} {
		for _, p := range []Paper{A4, Letter} {
			n := pdfPages(render(t, s, PDF, p))
			if n != 1 {
				t.Errorf("%s on %s: %d pages, want 1", name, p, n)
			}
			t.Logf("%s on %s: %d page(s)", name, p, n)
		}
	}
}
