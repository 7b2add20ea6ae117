package plain

import (
	"context"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/guide"
)

func bundled(t testing.TB) *guide.Guide {
	t.Helper()
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// runScript runs the guide on the script and returns what it printed. It
// fails the test if Run fails or prints an escape sequence or a line wider
// than the width.
func runScript(t *testing.T, g *guide.Guide, script string, opts Options) string {
	t.Helper()
	var out strings.Builder
	if err := Run(context.Background(), g, strings.NewReader(script), &out, opts); err != nil {
		t.Fatalf("Run: %v", err)
	}
	s := out.String()
	if strings.Contains(s, "\x1b") {
		t.Errorf("output has an escape sequence")
	}
	width := opts.Width
	if width == 0 {
		width = DefaultWidth
	}
	for i, l := range strings.Split(s, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d wide (max %d): %q", i+1, w, width, l)
		}
	}
	return s
}

// inOrder checks that each of want appears in s, each after the one before.
func inOrder(t *testing.T, s string, want ...string) {
	t.Helper()
	rest := s
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("missing (in this order) %q\n--- output:\n%s", w, s)
			return
		}
		rest = rest[i+len(w):]
	}
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestSessions(t *testing.T) {
	g := bundled(t)
	whole := Options{Width: 60, Chunk: 10000} // each page in one chunk
	cases := []struct {
		name   string
		script string
		opts   Options
		want   []string
		absent []string
	}{
		{
			name:   "read a page to the end in chunks",
			script: lines("3", "1") + strings.Repeat("\n", 40) + lines("b", "b", "q"),
			opts:   Options{Width: 60},
			want: []string{"What does HER2-positive mean?", "Part 1 of", "Press Enter for more. Type a to add",
				"Part 2 of", "Reviewed", "End of the page.", "Type a to add this page's questions, t for its words",
				"Please type a, t, r or b.", "Pages:", "Main menu:", "Goodbye."},
		},
		{
			name:   "b stops a page half way",
			script: lines("3", "1", "b", "q"),
			opts:   Options{Width: 60},
			want:   []string{"Part 1 of", "Pages:", "2. How is HER2 tested?", "Goodbye."},
			absent: []string{"End of the page."},
		},
		{
			name:   "search herceptin lists the drugs page",
			script: lines("11", "herceptin", "b", "", "q"),
			opts:   whole,
			want: []string{"Search for:", `Results for "herceptin"`, "Word: trastuzumab", "Which HER2 drugs are there?",
				"Type a number and press Enter to open it", "Search for:", "Main menu:", "Goodbye."},
		},
		{
			name:   "search with no results",
			script: lines("11", "qwxzzy", "", "q"),
			opts:   whole,
			want:   []string{`Nothing found for "qwxzzy"`, "Search for:", "Main menu:"},
		},
		{
			name:   "glossary lookup by brand name",
			script: lines("10", "herceptin", "b", "b", "q"),
			opts:   whole,
			want: []string{"Type a word, or press Enter for the whole list", "trastuzumab", "Say: tras-TOO-zoo-mab",
				"Also called: Herceptin", "Meaning: A monoclonal antibody", "Pages that use this word:",
				"Which HER2 drugs are there?", "Type a number and press Enter to open that page", "Main menu:"},
		},
		{
			name:   "glossary lookup of an unknown word",
			script: lines("10", "xyzzyq", "b", "q"),
			opts:   whole,
			want:   []string{`No word "xyzzyq" in the word list`, "Type a word", "Main menu:"},
		},
		{
			name:   "the whole word list, in parts",
			script: lines("10", "", "", "b", "b", "q"),
			opts:   Options{Width: 60},
			want:   []string{"Part 1 of", "Meaning:", "Part 2 of", "Type a word", "Main menu:", "Goodbye."},
		},
		{
			name:   "bad input on the home menu loses nothing",
			script: lines("99", "abc", "", "0", "-1", "3", "q"),
			opts:   whole,
			want: []string{"Please type a number from 1 to 11.", "Please type a number from 1 to 11.",
				"Please type a number from 1 to 11.", "Please type a number from 1 to 11.",
				"Please type a number from 1 to 11.", "Understanding your diagnosis", "Pages:", "Goodbye."},
		},
		{
			name:   "bad input on a section",
			script: lines("3", strconv.Itoa(diagnosisPages+1), "x", "b", "q"),
			opts:   whole,
			want:   []string{pickRange(diagnosisPages), pickRange(diagnosisPages), "Main menu:"},
		},
		{
			name:   "bad input while paging",
			script: lines("3", "1", "zz", "b", "q"),
			opts:   Options{Width: 60},
			want:   []string{"Part 1 of", "Please press Enter for more, or type a, t, r or b.", "Pages:"},
		},
		{
			name:   "EOF in the middle of a page",
			script: lines("3", "1"),
			opts:   Options{Width: 60},
			want:   []string{"Part 1 of", "End of input. Goodbye."},
		},
		{
			name:   "EOF while writing a question, no final newline",
			script: "9\nn\nHalf a quest",
			opts:   whole,
			want:   []string{"Type your question", "Added: Half a quest", "End of input. Goodbye."},
		},
		{
			name:   "EOF at once",
			script: "",
			want:   []string{"Main menu:", "End of input. Goodbye."},
		},
		{
			name:   "q from deep inside",
			script: lines("4", "1", "a", "q"),
			opts:   whole,
			want:   []string{"Questions you could ask", "Goodbye."},
			absent: []string{"End of input."},
		},
		{
			name:   "CRLF input",
			script: "3\r\nb\r\nq\r\n",
			opts:   whole,
			want:   []string{"Pages:", "Main menu:", "Goodbye."},
			absent: []string{"Please type"},
		},
		{
			name:   "a very long line is cut, not fatal",
			script: strings.Repeat("9", 100000) + "\n" + lines("3", "b", "q"),
			opts:   whole,
			want:   []string{"Please type a number from 1 to 11.", "Pages:", "Goodbye."},
		},
		{
			name:   "narrow width",
			script: lines("3", "3") + strings.Repeat("\n", 60) + lines("q"),
			opts:   Options{Width: 30},
			want:   []string{"End of the page."},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := runScript(t, g, c.script, c.opts)
			inOrder(t, out, c.want...)
			for _, a := range c.absent {
				if strings.Contains(out, a) {
					t.Errorf("output has %q", a)
				}
			}
		})
	}
}

func TestOpenSearchResult(t *testing.T) {
	g := bundled(t)
	opts := Options{Width: 80, Chunk: 10000}
	out := runScript(t, g, lines("11", "herceptin"), opts)
	m := regexp.MustCompile(`(?m)^(\d+)\. Which HER2 drugs are there\?$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no numbered result for the drugs page:\n%s", out)
	}
	out = runScript(t, g, lines("11", "herceptin", m[1], "b", "b", "", "q"), opts)
	drugs, _ := g.Page("her2-drugs")
	inOrder(t, out, "Results for", "\nWhich HER2 drugs are there?\n", firstWords(drugs.Message),
		"End of the page.", "Results for", "Search for:", "Main menu:")
}

func TestQuestions(t *testing.T) {
	g := bundled(t)
	list := &checklist.List{}
	script := lines(
		"3", "1", // the first page, in one chunk
		"a", "1", "2", // tick two questions
		"99", "abc", "", // bad input
		"b", "b", "b", // back to the main menu
		"9",
		"n", "Can I work \x1b[31mduring\x1b[0m treatment?\x1b]0;pwned\x07\x07",
		"t 3",
		"l",
		"q",
	)
	out := runScript(t, g, script, Options{Width: 80, Chunk: 10000, List: list})
	hp, _ := g.Page("her2-positive")
	q1, q2 := firstWords(hp.Questions[0]), firstWords(hp.Questions[1])
	n := pickRange(len(hp.Questions))
	inOrder(t, out,
		"Questions you could ask about \"What does HER2-positive mean?\"",
		"1. Not ticked: "+q1,
		"Ticked, and added to My questions:", "1. Ticked: "+q1,
		"Ticked, and added to My questions:", "2. Ticked: "+q2,
		n, n, n,
		"9. My questions (2)",
		"My questions (2).",
		"Added: Can I work during treatment?",
		"Marked most important: Can I work during treatment?",
		"1. * Can I work during treatment?", "Your own question.",
		"2.   "+q1, "From \"What does HER2-positive mean?\".",
		"3.   "+q2,
		"Goodbye.",
	)
	if strings.Contains(out, "pwned") {
		t.Error("the escape sequence's payload came through")
	}
	items := list.Items()
	if len(items) != 3 {
		t.Fatalf("list has %d items, want 3: %+v", len(items), items)
	}
	if first := items[0]; !first.Own || !first.Top || first.Text != "Can I work during treatment?" {
		t.Errorf("first item = %+v", first)
	}
	if items[1].ID != hp.QuestionIDs[0] || items[2].ID != hp.QuestionIDs[1] {
		t.Errorf("suggested items = %+v", items[1:])
	}
}

func TestQuestionCommands(t *testing.T) {
	g := bundled(t)
	p, ok := g.Page("her2-positive")
	if !ok {
		t.Fatal("no her2-positive page")
	}
	sug := checklist.Suggested(p)
	fill := func() *checklist.List {
		l := &checklist.List{}
		for _, it := range sug[:4] {
			l.Toggle(it)
		}
		return l
	}
	cases := []struct {
		name   string
		script string
		want   []string
		ids    []int // suggested question numbers, in list order
		top    []int
	}{
		{"remove", lines("d 1", "q"), []string{"Removed: " + firstWords(sug[0].Text), "It is still on its page"}, []int{2, 3, 4}, nil},
		{"move up", lines("u 3", "q"), []string{"Moved up to number 2."}, []int{1, 3, 2, 4}, nil},
		{"move up first", lines("up 1", "q"), []string{"already first"}, []int{1, 2, 3, 4}, nil},
		{"move down", lines("down 1", "q"), []string{"Moved down to number 2."}, []int{2, 1, 3, 4}, nil},
		{"move down last", lines("down 4", "q"), []string{"already last"}, []int{1, 2, 3, 4}, nil},
		{"top moves up", lines("t 4", "t 3", "q"), []string{"Marked most important", "1. * ", "2. * "}, []int{4, 2, 1, 3}, []int{4, 2}},
		{"untop moves down", lines("t 4", "t 3", "t 1", "q"), []string{"No longer marked most important"}, []int{2, 4, 1, 3}, []int{2}},
		{"at most 3 top", lines("t 1", "t 2", "t 3", "t 4", "q"), []string{"You can mark up to 3 questions"}, []int{1, 2, 3, 4}, []int{1, 2, 3}},
		{"bad numbers", lines("d 9", "d", "d x", "t 0", "5", "zap", "", "q"), []string{
			"Please type a number from 1 to 4.", "Type d and the question's number", "Please type a number from 1 to 4.",
			"Please type a number from 1 to 4.", "To change question 5", `"zap" is not a command`, "Please type a command."},
			[]int{1, 2, 3, 4}, nil},
		{"empty own question", lines("n", "", "n", "\x1b[0m", "q"), []string{"Nothing added.", "Nothing added."}, []int{1, 2, 3, 4}, nil},
		{"help", lines("h", "q"), []string{"Commands, each followed by Enter:", "down 2  move question 2 down"}, []int{1, 2, 3, 4}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := fill()
			out := runScript(t, g, lines("9")+c.script, Options{List: list})
			inOrder(t, out, c.want...)
			var ids, top []int
			for _, it := range list.Items() {
				for n, s := range sug {
					if s.ID == it.ID {
						ids = append(ids, n+1)
						if it.Top {
							top = append(top, n+1)
						}
					}
				}
			}
			if !equal(ids, c.ids) || !equal(top, c.top) {
				t.Errorf("list = %v (top %v), want %v (top %v)", ids, top, c.ids, c.top)
			}
		})
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fakePrinter records what it was asked to print.
type fakePrinter struct {
	choices []string
	note    string
	err     error
	got     []checklist.Item
	choice  int
	// taken are the paths that are already there, and free is the name
	// offered instead of one of them.
	taken map[string]bool
	free  string
	// names are the names Do was given.
	names []string
}

// fakeHome is the folder the fakePrinter saves to.
const fakeHome = "/home/a"

func (f *fakePrinter) Choices(context.Context) ([]string, string) { return f.choices, f.note }

func (f *fakePrinter) Do(_ context.Context, choice int, items []checklist.Item, name string) (string, error) {
	f.choice, f.got = choice, items
	f.names = append(f.names, name)
	if f.err != nil {
		return "", f.err
	}
	path := name
	if path == "" {
		path = fakeHome + "/questions.txt"
	}
	if f.taken[path] {
		return "", &export.ExistsError{Path: path, Free: f.free}
	}
	return "Saved to " + path + ".", nil
}

func TestPrint(t *testing.T) {
	g := bundled(t)
	list := &checklist.List{}
	if _, err := list.AddOwn("Will I lose my hair?"); err != nil {
		t.Fatal(err)
	}
	fp := &fakePrinter{choices: []string{"Save as a text file", "Print on Office"}}
	out := runScript(t, g, lines("9", "p", "7", "2", "q"), Options{List: list, Printer: fp})
	inOrder(t, out, "p       print or save the list", "Print or save My questions:", "1. Save as a text file", "2. Print on Office",
		"Please type a number from 1 to 2.", "Saved to /home/a/questions.txt.")
	if fp.choice != 1 || len(fp.got) != 1 || fp.got[0].Text != "Will I lose my hair?" {
		t.Errorf("printed choice %d, items %+v", fp.choice, fp.got)
	}

	fp = &fakePrinter{choices: []string{"Save as a text file"}, note: "No printer is set up.", err: errors.New("The disk is full.")}
	out = runScript(t, g, lines("9", "p", "1", "l", "q"), Options{List: list, Printer: fp})
	inOrder(t, out, "No printer is set up.", "1. Save as a text file", "Sorry, that did not work: The disk is full. Your list is kept.",
		"1.   Will I lose my hair?")

	out = runScript(t, g, lines("9", "p", "q"), Options{List: list})
	inOrder(t, out, `"p" is not a command`)
	if strings.Contains(out, "print or save") {
		t.Error("offers p without a printer")
	}

	out = runScript(t, g, lines("9", "p", "q"), Options{Printer: fp})
	inOrder(t, out, "Type n to write a question.", "Your list is empty, so there is nothing to print yet.")
}

// TestPrintTaken: when the file is already there the reader can take the
// free name, type another, or go back; the file is never replaced.
func TestPrintTaken(t *testing.T) {
	g := bundled(t)
	const usual = fakeHome + "/questions.txt"
	cases := []struct {
		name  string
		input []string // after choosing to save
		taken []string // besides usual
		free  string
		names []string // the names Do is given
		want  []string
	}{
		{name: "Enter takes the free name", input: []string{""}, free: fakeHome + "/questions-2.txt",
			names: []string{"", fakeHome + "/questions-2.txt"},
			want: []string{"There is already a file called questions.txt in /home/a. It is kept as it is.",
				"Press Enter to save as questions-2.txt, or type another file name", "Saved to /home/a/questions-2.txt."}},
		{name: "a name of one's own", input: []string{"for-dr-lee.txt"}, free: fakeHome + "/questions-2.txt",
			names: []string{"", fakeHome + "/for-dr-lee.txt"},
			want:  []string{"Press Enter to save as questions-2.txt", "Saved to /home/a/for-dr-lee.txt."}},
		{name: "a whole path", input: []string{"/tmp/mine.txt"}, free: fakeHome + "/questions-2.txt",
			names: []string{"", "/tmp/mine.txt"}, want: []string{"Saved to /tmp/mine.txt."}},
		{name: "that one is taken too", input: []string{"old.txt", ""}, taken: []string{fakeHome + "/old.txt"},
			free: fakeHome + "/questions-2.txt", names: []string{"", fakeHome + "/old.txt", fakeHome + "/questions-2.txt"},
			want: []string{"There is already a file called questions.txt", "There is already a file called old.txt",
				"Saved to /home/a/questions-2.txt."}},
		{name: "no free name", input: []string{"", "mine.txt"},
			names: []string{"", fakeHome + "/mine.txt"},
			want: []string{"Type another file name and press Enter. Type b to go back, q to quit.",
				"Please type a file name.", "Saved to /home/a/mine.txt."}},
		{name: "back", input: []string{"b", "l"}, free: fakeHome + "/questions-2.txt",
			names: []string{""},
			want:  []string{"Nothing was saved. Your list is kept.", "1.   Will I lose my hair?"}},
		{name: "quit", input: []string{"q"}, free: fakeHome + "/questions-2.txt",
			names: []string{""}, want: []string{"Goodbye."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := &checklist.List{}
			if _, err := list.AddOwn("Will I lose my hair?"); err != nil {
				t.Fatal(err)
			}
			fp := &fakePrinter{choices: []string{"Save as a text file"}, free: c.free, taken: map[string]bool{usual: true}}
			for _, p := range c.taken {
				fp.taken[p] = true
			}
			script := append(append([]string{"9", "p", "1"}, c.input...), "q")
			out := runScript(t, g, lines(script...), Options{List: list, Printer: fp})
			inOrder(t, out, c.want...)
			if !slices.Equal(fp.names, c.names) {
				t.Errorf("Do was given %q, want %q", fp.names, c.names)
			}
			if strings.Contains(out, "Sorry, that did not work") {
				t.Errorf("an existing file was reported as a failure:\n%s", out)
			}
		})
	}
}

func TestHomeGolden(t *testing.T) {
	golden.RequireEqual(t, runScript(t, bundled(t), "", Options{}))
}

func TestCancel(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, bundled(t), r, io.Discard, Options{}) }()
	if _, err := io.WriteString(w, "1\n"); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after cancel = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after the context was cancelled")
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := Run(context.Background(), bundled(t), strings.NewReader(lines("1", "1")), failWriter{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Run = %v, want the write error", err)
	}
}

func TestChunks(t *testing.T) {
	var in []string
	for i := range 57 {
		l := "text"
		switch {
		case i%7 == 6:
			l = ""
		case i == 17:
			l = "## Heading"
		}
		in = append(in, l)
	}
	in[18] = ""
	parts := chunks(in, 20)
	var n int
	for i, p := range parts {
		if len(p) > 20 || len(p) == 0 {
			t.Errorf("part %d has %d lines", i, len(p))
		}
		if p[0] == "" {
			t.Errorf("part %d starts with a blank line", i)
		}
		if last := len(p) - 1; last > 0 && p[last] == "" && headingAt(p, last-1) {
			t.Errorf("part %d ends on a heading", i)
		}
		for _, l := range p {
			if l != "" {
				n++
			}
		}
	}
	want := 0
	for _, l := range in {
		if l != "" {
			want++
		}
	}
	if n != want {
		t.Errorf("parts hold %d text lines, want %d", n, want)
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		text   string
		width  int
		indent string
		want   string
	}{
		{"short", 20, "", "short"},
		{"one two three four", 10, "", "one two\nthree four"},
		{"one two three four", 10, "  ", "one two\n  three four"},
		{"  marked item", 20, "", "  marked item"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "", "abcdefghij\nklmnopqrst\nuvwxyz"},
		{"a\nb", 10, "> ", "a\n> b"},
		{"HER2-positive is café", 10, "", "HER2-posit\nive is\ncafé"},
	}
	for _, c := range cases {
		if got := wrap(c.text, c.width, c.indent); got != c.want {
			t.Errorf("wrap(%q, %d, %q) = %q, want %q", c.text, c.width, c.indent, got, c.want)
		}
	}
}

// The tests read the bundled content, which writers change: they take its
// numbers and words from the guide instead of spelling them out.
var diagnosisPages = func() int {
	g, err := guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	if err != nil {
		panic(err)
	}
	for _, sec := range g.Sections {
		if sec.ID == "diagnosis" {
			return len(sec.Pages)
		}
	}
	panic("no diagnosis section")
}()

// pickRange is what --plain says to a number out of 1..n.
func pickRange(n int) string {
	return "Please type a number from 1 to " + strconv.Itoa(n) + "."
}

// firstWords is the first four words of s: enough to find it, and before
// any sign that --plain reads in words ("3+" is said "3 plus").
func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(4, len(f))], " ")
}
