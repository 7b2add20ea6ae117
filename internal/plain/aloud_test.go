package plain

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
)

// hyphenEnd is a line that ends in a hyphen inside a word or a number,
// such as "HER2-" with "positive" on the next line (spaces after it too).
var hyphenEnd = regexp.MustCompile(`[\p{L}\p{N}]-\s*$`)

// unspoken lists what a screen reader or speech synthesizer says badly,
// each with why.
var unspoken = []struct {
	bad *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`##`), `a heading mark, said "hash hash"`},
	{regexp.MustCompile(`\[x\]`), `a tick box, said "x" or skipped`},
	{regexp.MustCompile(`\[ \]`), `an empty tick box, said as nothing`},
	{regexp.MustCompile(`===`), `an underline, said "equals equals"`},
	{regexp.MustCompile(`\b(ISH|IHC|ER|PR|HR|HER2)[+-]($|[^\p{L}\p{N}])`), "a sign a synthesizer drops"},
	{regexp.MustCompile(`\d\+($|[^\p{L}\p{N}])`), `a plus sign after a number, said as nothing`},
	{regexp.MustCompile(`^\s*\|`), "a table row"},
}

// checkAloud fails on any line of out that reads badly aloud.
func checkAloud(t *testing.T, what, out string) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if hyphenEnd.MatchString(l) {
			t.Errorf("%s, line %d ends in a hyphen inside a word: %q", what, i+1, l)
		}
		for _, u := range unspoken {
			if u.bad.MatchString(l) {
				t.Errorf("%s, line %d has %s: %q", what, i+1, u.why, l)
			}
		}
	}
}

// TestEveryPageReadsAloud prints every bundled page and the whole word
// list as --plain does, at several widths, and fails on anything a screen
// reader says badly: "##", "[x]", "[ ]", "=====", a sign after a word, a
// table row, or a line broken after a hyphen inside a word or number.
func TestEveryPageReadsAloud(t *testing.T) {
	g := bundled(t)
	for _, width := range []int{40, 60, 80, 100} {
		var out strings.Builder
		s := newSession(context.Background(), g, strings.NewReader(""), &out, Options{Width: width, Chunk: 1 << 20})
		var pages int
		for _, sec := range g.Sections {
			for _, p := range sec.Pages {
				whole, err := s.readPage(p)
				if err != nil || !whole {
					t.Fatalf("width %d, %s: whole %v, err %v", width, p.ID, whole, err)
				}
				pages++
			}
		}
		if err := s.allWords(); err != nil {
			t.Fatal(err)
		}
		s.close()
		if pages != len(g.PageIDs()) {
			t.Errorf("read %d pages, the guide has %d", pages, len(g.PageIDs()))
		}
		got := out.String()
		checkAloud(t, "width "+strconv.Itoa(width), got)
		for _, want := range []string{"HER2-low: IHC 1 plus, or IHC 2 plus and ISH negative.",
			"ISH positive means extra HER2 gene copies", "Also called: estrogen receptor, ER-positive, ER positive"} {
			if !strings.Contains(strings.Join(strings.Fields(got), " "), want) {
				t.Errorf("width %d: output lacks %q", width, want)
			}
		}
	}
}

// sheetPrinter gives back a fixed sheet, as "show the sheet here" does.
type sheetPrinter struct{ sheet string }

func (p sheetPrinter) Choices(context.Context) ([]string, string) { return []string{"Show"}, "" }

func (p sheetPrinter) Do(context.Context, int, []checklist.Item, string) (string, error) {
	return p.sheet, nil
}

// TestSheetReadsAloud shows the question sheet as a printer gives it and
// checks that --plain reads it without rules, boxes or underlines.
func TestSheetReadsAloud(t *testing.T) {
	sheet := strings.Join([]string{
		"Questions for my oncologist",
		"===========================",
		"",
		"My doctor: ______________________",
		"",
		"About my cancer",
		"---------------",
		"[ ] Is my cancer HER2-positive by IHC 3+ or by ISH?",
		"    ____________________________",
		"+==============================+",
		"| WHEN TO CALL RIGHT AWAY      |",
		"|                              |",
		"| * Fever of 100.4°F (38°C)    |",
		"+==============================+",
	}, "\n")
	list := &checklist.List{}
	if _, err := list.AddOwn("Can I work?"); err != nil {
		t.Fatal(err)
	}
	pr := sheetPrinter{sheet: sheet}
	out := runScript(t, bundled(t), lines("9", "p", "1", "q"), Options{List: list, Printer: pr})
	checkAloud(t, "sheet", out)
	inOrder(t, out, "Questions for my oncologist", "My doctor: (left blank to write in)", "About my cancer",
		"Is my cancer HER2-positive by IHC 3 plus or by ISH?", "WHEN TO CALL RIGHT AWAY", "Fever of 100.4°F (38°C)")
	for _, bad := range []string{"____", "| ", "+="} {
		if strings.Contains(out, bad) {
			t.Errorf("sheet keeps %q:\n%s", bad, out)
		}
	}
}

func TestSpoken(t *testing.T) {
	s := newSession(context.Background(), &guide.Guide{}, strings.NewReader(""), &strings.Builder{}, Options{})
	defer s.close()
	for in, want := range map[string]string{
		"IHC 2+ and ISH-":             "IHC 2 plus and ISH negative",
		"IHC 3+, or IHC 2+ and ISH+.": "IHC 3 plus, or IHC 2 plus and ISH positive.",
		`"ER+" and HR+/HER2+`:         `"ER positive" and HR positive/HER2 positive`,
		"in-ter-STISH-ul":             "in-ter-STISH-ul",
		"HER2-positive, HER2-low":     "HER2-positive, HER2-low",
		"ctrl+s, 1-800-4-CANCER":      "ctrl+s, 1-800-4-CANCER",
		"a score of 0 or 1+":          "a score of 0 or 1 plus",
	} {
		if got := s.spoken(in); got != want {
			t.Errorf("spoken(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinearTables(t *testing.T) {
	md := "Intro.\n\n| Label | Test result |\n| --- | --- |\n| HER2-low | IHC 1+ |\n| HER2-0 | |\n\n" +
		"| Drug | If you could get pregnant | If your partner could |\n| --- | --- | --- |\n| pertuzumab | 7 months | ask |\n"
	got := linearTables(md)
	for _, want := range []string{"- HER2-low: IHC 1+.", "- HER2-0.", "- pertuzumab. If you could get pregnant: 7 months. If your partner could: ask."} {
		if !strings.Contains(got, want) {
			t.Errorf("linearTables lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "|") {
		t.Errorf("a pipe is left:\n%s", got)
	}
}

// TestNoBreakHyphenUnused checks that no page uses the character that
// stands in for an unbreakable hyphen, which would print as "-".
func TestNoBreakHyphenUnused(t *testing.T) {
	g := bundled(t)
	for _, id := range g.PageIDs() {
		p, _ := g.Page(id)
		if strings.ContainsRune(render.Document(p), noBreakHyphen) {
			t.Errorf("%s uses %q", id, noBreakHyphen)
		}
	}
}

// TestPartsFitHeight shows that on a terminal of known height each part of
// a page, with its prompt, fits on the screen.
func TestPartsFitHeight(t *testing.T) {
	for _, height := range []int{12, 24, 50} {
		out := runScript(t, bundled(t), lines("3", "2")+strings.Repeat("\n", 60)+lines("b", "b", "q"), Options{Width: 80, Height: height})
		start := strings.Index(out, "\n\nHow is HER2 tested?\n")
		end := strings.Index(out, "End of the page.")
		if start < 0 || end < 0 {
			t.Fatalf("height %d: page not read to its end:\n%s", height, out)
		}
		// A screen is a part, its prompt (two lines at this width) and
		// the line the reader types.
		parts := regexp.MustCompile(`(?m)^Part \d+ of \d+\..*\n.*\n`).Split(out[start+1:end], -1)
		if len(parts) < 2 {
			t.Fatalf("height %d: the page came in one part", height)
		}
		for i, p := range parts[:len(parts)-1] {
			if n := strings.Count(p, "\n") + 2 + 1; n > height {
				t.Errorf("height %d: part %d takes %d lines with its prompt:\n%s", height, i+1, n, p)
			}
		}
	}
}

// TestPageCommandsAtEveryPart shows that a, t and r work at a "Part N"
// prompt as at a page's end, and that reading goes on where it was.
func TestPageCommandsAtEveryPart(t *testing.T) {
	list := &checklist.List{}
	script := lines("3", "1",
		"a", "1", "b", // add a question at Part 1
		"t", "1", "b", "b", // open a word, back to the words, back to the page
		"r", "b", // related pages, back
		"x", // not a command
		"",  // Part 2
		"b", "b", "q")
	out := runScript(t, bundled(t), script, Options{Width: 80, Chunk: 12, List: list})
	inOrder(t, out, "Part 1 of", "Questions you could ask about", "Ticked, and added to My questions:",
		"Part 1 of", `Words on the page "What does HER2-positive mean?":`, "1. HER2", "Meaning:",
		`Words on the page`, "Part 1 of", `Pages related to "What does HER2-positive mean?":`,
		"Part 1 of", "Please press Enter for more, or type a, t, r or b.", "Part 1 of", "Part 2 of", "Pages:", "Goodbye.")
	if list.Len() != 1 {
		t.Errorf("list has %d questions, want 1", list.Len())
	}
	end := runScript(t, bundled(t), lines("3", "1", "t", "b", "r", "1", "b", "b", "b", "q"), Options{Width: 80, Chunk: 10000})
	inOrder(t, end, "End of the page.", "t for its words, r for related pages", `Words on the page`,
		"t for its words", `Pages related to`, "1. ", "End of the page.", `Pages related to`, "t for its words", "Pages:")
}

// TestEditOwnQuestion changes the words of an own question with e N, and
// refuses a question from a page.
func TestEditOwnQuestion(t *testing.T) {
	g := bundled(t)
	p, _ := g.Page("her2-positive")
	list := &checklist.List{}
	list.Toggle(checklist.Suggested(p)[0])
	if _, err := list.AddOwn("Can I work?"); err != nil {
		t.Fatal(err)
	}
	out := runScript(t, g, lines("9", "e 2", "Can I keep working during treatment?", "e 1", "e 2", "", "e", "e 9", "q"), Options{List: list})
	inOrder(t, out, "e N", "The question now reads: Can I work?", "Changed to: Can I keep working during treatment?",
		"2.   Can I keep working during treatment?", "Only your own questions can be changed.",
		"Nothing changed.", "Type e and the question's number", "Please type a number from 1 to 2.")
	if got := list.Items()[1].Text; got != "Can I keep working during treatment?" {
		t.Errorf("own question = %q", got)
	}
}

// TestPictureReadsAsText checks that --plain gives a picture as its one-line
// text equivalent, not as a drawing.
func TestPictureReadsAsText(t *testing.T) {
	s := newSession(context.Background(), &guide.Guide{}, strings.NewReader(""), &strings.Builder{}, Options{})
	defer s.close()
	p := &guide.Page{ID: "p", Body: "Before.\n\n```icons\ncount: 12 in 100\nsays: had severe diarrhea\n```\n\nAfter.\n"}
	got := s.compose(p)
	if !strings.Contains(got, "About 12 in 100 had severe diarrhea, so about 88 in 100 did not.") {
		t.Errorf("compose lacks the picture's text:\n%s", got)
	}
	if strings.Contains(got, "```") || strings.Contains(got, "count:") {
		t.Errorf("compose shows the picture's spec:\n%s", got)
	}
}
