package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func testEnv(stdinTTY, stdoutTTY bool) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		IsTerminal: func() (bool, bool) { return stdinTTY, stdoutTTY },
		TermWidth:  func() int { return 100 },
		Now:        func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) },
	}, &out, &errb
}

func run(t *testing.T, env Env, args ...string) int {
	t.Helper()
	return Execute(context.Background(), env, "test", args)
}

func TestTopics(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "topics"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	first := strings.SplitN(out.String(), "\n", 2)[0]
	if !strings.HasPrefix(first, "her2-positive") || !strings.Contains(first, "diagnosis") || !strings.Contains(first, "What does HER2-positive mean?") {
		t.Errorf("first line = %q", first)
	}
	env, out, _ = testEnv(false, false)
	if code := run(t, env, "topics", "--json"); code != 0 {
		t.Fatalf("--json exit %d", code)
	}
	var list []map[string]string
	if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) < 6 || list[0]["id"] != "her2-positive" {
		t.Fatalf("json: %v, %d topics", err, len(list))
	}
}

func TestShow(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "show", "her2-testing", "--width", "40"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	if strings.Contains(s, "\x1b[") {
		t.Error("non-terminal output has escape sequences")
	}
	for i, line := range strings.Split(s, "\n")[2:] {
		if n := len([]rune(line)); n > 40 {
			t.Errorf("line %d is %d wide: %q", i, n, line)
		}
	}
	if !strings.Contains(s, "Sources") || !strings.Contains(s, "Reviewed") {
		t.Error("page lacks its sources or review date")
	}
	env, out, _ = testEnv(false, true)
	if code := run(t, env, "show", "her2-testing", "--style", "dark"); code != 0 || !strings.Contains(out.String(), "\x1b[") {
		t.Errorf("--style dark on a terminal: exit %d, styled %v", code, strings.Contains(out.String(), "\x1b["))
	}
}

func TestShowErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"show", "stage1"}, `did you mean: stage-1`},
		{[]string{"show", "her2-testing", "--style", "pink"}, `unknown style "pink"`},
		{[]string{"show", "her2-testing", "--width", "5"}, `--width must be at least`},
		{[]string{"show"}, `accepts 1 arg`},
		{[]string{"topics", "--bogus"}, `unknown flag: --bogus`},
	}
	for _, tc := range cases {
		env, _, errb := testEnv(false, false)
		if code := run(t, env, tc.args...); code == 0 {
			t.Errorf("%v: exit 0", tc.args)
		}
		if !strings.Contains(strings.ToLower(errb.String()), strings.ToLower(tc.want)) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, errb.String())
		}
	}
}

func TestInteractiveNeedsTerminal(t *testing.T) {
	for _, tty := range [][2]bool{{false, true}, {true, false}, {false, false}} {
		env, _, errb := testEnv(tty[0], tty[1])
		if code := run(t, env); code == 0 {
			t.Errorf("stdin tty %v, stdout tty %v: exit 0", tty[0], tty[1])
		}
		if !strings.Contains(errb.String(), "her2guide topics") {
			t.Errorf("message does not name the non-interactive commands:\n%s", errb.String())
		}
	}
}

func TestCheck(t *testing.T) {
	env, out, _ := testEnv(false, false)
	env.Now = time.Now // review dates are checked against today
	if code := run(t, env, "check"); code != 0 {
		t.Fatalf("bundled content: exit %d\n%s", code, out.String())
	}
	if !strings.HasPrefix(out.String(), "ok: ") {
		t.Errorf("output = %q", out.String())
	}

	dir := t.TempDir()
	good := "---\nid: clinic-contacts\ntitle: Who do I call at this clinic?\nsummary: Phone numbers.\nsection: talking\norder: 99\nreviewed: 2026-11-01\nnext_review: 2027-05-01\nsources:\n  - \"Clinic policy, 2026.\"\n  - \"Clinic staff list, 2026.\"\nquestions:\n  - \"Who do I call at night?\"\n  - \"Who is my nurse navigator?\"\n  - \"Where do I park?\"\nrelated: [questions]\n---\n\nCall the desk.\n"
	bad := strings.Replace(good, "id: clinic-contacts", "id: clinic-bad", 1)
	bad = strings.Replace(bad, "related: [questions]", "related: [questons]", 1)
	bad = strings.Replace(bad, "order: 99", "order: 98\ncolour: red", 1)
	for name, body := range map[string]string{"clinic-contacts.md": good, "clinic-bad.md": bad} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env, out, _ = testEnv(false, false)
	if code := run(t, env, "check", dir); code == 0 {
		t.Fatal("check of a bad folder exited 0")
	}
	want := filepath.ToSlash(dir) + `/clinic-bad.md:7: unknown field "colour"`
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
	if strings.Contains(out.String(), "clinic-contacts.md") {
		t.Errorf("good page reported:\n%s", out.String())
	}

	env, _, errb := testEnv(false, false)
	if code := run(t, env, "check", filepath.Join(dir, "missing")); code == 0 || !strings.Contains(errb.String(), "does not exist") {
		t.Errorf("missing folder: exit %d, %s", code, errb.String())
	}
}

// TestCheckReportsOverdueReviews: only `check --due` looks at the clock for
// reviews that have fallen due, so a test or an old commit never turns red
// by date alone.
func TestCheckReportsOverdueReviews(t *testing.T) {
	env, out, _ := testEnv(false, false)
	env.Now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	if code := run(t, env, "check", "--due"); code == 0 {
		t.Fatal("overdue content passed check --due")
	}
	if !strings.Contains(out.String(), "review is overdue") {
		t.Errorf("output:\n%s", out.String())
	}
	env, out, _ = testEnv(false, false)
	env.Now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	if code := run(t, env, "check"); code != 0 || !strings.HasPrefix(out.String(), "ok: ") {
		t.Errorf("check without --due in 2030: exit %d\n%s", code, out.String())
	}
}

func TestGlossaryCommand(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "glossary", "Herceptin"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	if !strings.HasPrefix(s, "trastuzumab (say: ") || !strings.Contains(s, "Pages: ") {
		t.Errorf("glossary Herceptin:\n%s", s)
	}
	env, out, _ = testEnv(false, false)
	if code := run(t, env, "glossary"); code != 0 || strings.Count(out.String(), "\n\n") < 80 {
		t.Errorf("whole list: exit %d, %d entries", code, strings.Count(out.String(), "\n\n")+1)
	}
	env, out, errb := testEnv(false, false)
	if code := run(t, env, "glossary", "pertuzamab"); code != 0 || !strings.HasPrefix(out.String(), "pertuzumab (say: ") || !strings.Contains(errb.String(), "showing pertuzumab") {
		t.Errorf("misspelt term: exit %d\n%s%s", code, out.String(), errb.String())
	}
	env, out, _ = testEnv(false, false)
	var list []map[string]any
	if code := run(t, env, "glossary", "--json", "ild"); code != 0 || json.Unmarshal(out.Bytes(), &list) != nil || len(list) != 1 {
		t.Errorf("--json ild: exit %d, %s", code, out.String())
	}
}

func TestShowHonoursNoColor(t *testing.T) {
	env, out, _ := testEnv(false, true)
	env.Getenv = func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	if code := run(t, env, "show", "her2-testing", "--style", "dark"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])[;m]`).MatchString(out.String()) {
		t.Error("NO_COLOR output still sets colours")
	}
}

// TestGlossaryLookup looks words up as search finds them: folded, with
// typos and brand names; a word that names nothing still gets suggestions.
func TestGlossaryLookup(t *testing.T) {
	cases := []struct {
		arg   string
		first string // the first entry printed; "" for an error
		note  bool   // a note on stderr that the word was not exact
		err   []string
	}{
		{arg: "Herceptin", first: "trastuzumab (say: "},
		{arg: "herceptn", first: "trastuzumab (say: ", note: true},
		{arg: "tdxd", first: "trastuzumab deruxtecan"},
		{arg: "T-DXd", first: "trastuzumab deruxtecan"},
		{arg: "enhertu", first: "trastuzumab deruxtecan"},
		{arg: "pertuzamab", first: "pertuzumab (say: ", note: true},
		{arg: "ILD", first: "ILD (interstitial lung disease)"},
		{arg: "xyzzyq", err: []string{`no word "xyzzyq" in the word list`, "her2guide search"}},
		{arg: "ilb", err: []string{`no word "ilb"`, "did you mean: ild"}},
		{arg: "-", err: []string{`no word "-" in the word list (`}},
	}
	for _, tc := range cases {
		env, out, errb := testEnv(false, false)
		code := run(t, env, "glossary", tc.arg)
		if tc.first == "" {
			if code == 0 || out.Len() != 0 {
				t.Errorf("glossary %s: exit %d, want an error\n%s", tc.arg, code, out.String())
			}
			for _, w := range tc.err {
				if !strings.Contains(strings.ToLower(errb.String()), w) {
					t.Errorf("glossary %s: error lacks %q:\n%s", tc.arg, w, errb.String())
				}
			}
			continue
		}
		if code != 0 || !strings.HasPrefix(out.String(), tc.first) {
			t.Errorf("glossary %s: exit %d, want %q first:\n%s%s", tc.arg, code, tc.first, out.String(), errb.String())
		}
		if got := errb.Len() > 0; got != tc.note {
			t.Errorf("glossary %s: stderr %q, want a note: %v", tc.arg, errb.String(), tc.note)
		}
	}
}

// TestShowASCIIIsASCII: "show --style ascii", and show into a pipe, print
// nothing but ASCII for every bundled page: no "•", "°", "é" or dashes.
func TestShowASCIIIsASCII(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range g.PageIDs() {
		for _, args := range [][]string{{"show", id, "--style", "ascii"}, {"show", id, "--width", "30"}} {
			env, out, _ := testEnv(false, false)
			if code := run(t, env, args...); code != 0 {
				t.Fatalf("%v: exit %d", args, code)
			}
			for i, r := range out.String() {
				if r > 0x7e || (r < ' ' && r != '\n') {
					t.Errorf("%v: %q at byte %d is not printable ASCII", args, r, i)
					break
				}
			}
		}
	}
}

// TestShowSuggestsSearch: a word that is not a page id gets the closest
// ids and the search for it, ready to paste.
func TestShowSuggestsSearch(t *testing.T) {
	cases := []struct {
		arg  string
		want []string
	}{
		{"herceptin", []string{`no topic "herceptin"`, "her2guide search herceptin finds the pages", "her2guide topics"}},
		{"stage1", []string{"did you mean: stage-1", "her2guide search stage1 finds"}},
		{"hair loss", []string{`her2guide search 'hair loss' finds`}},
	}
	for _, tc := range cases {
		env, _, errb := testEnv(false, false)
		if code := run(t, env, "show", tc.arg); code == 0 {
			t.Errorf("%q: exit 0", tc.arg)
		}
		for _, w := range tc.want {
			if !strings.Contains(errb.String(), w) {
				t.Errorf("show %q: stderr lacks %q:\n%s", tc.arg, w, errb)
			}
		}
	}
	// Nothing unprintable is echoed as a command to paste.
	env, _, errb := testEnv(false, false)
	run(t, env, "show", "a\tb")
	if strings.Contains(errb.String(), "search") || !strings.Contains(errb.String(), "her2guide topics") {
		t.Errorf("a tab in the topic: %s", errb)
	}
}

// TestErrorsKeepWhatWasTyped: Fang title-cases the first word of an error
// and of a flag's description; paths, flags and names must come out as
// typed.
func TestErrorsKeepWhatWasTyped(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.TXT")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "relative/pages"}, "relative/pages does not exist"},
		{[]string{"check", file}, file + " is not a folder"},
		{[]string{"show", "her2-testing", "--width", "5"}, "--width must be at least 20"},
		{[]string{"show", "herceptin"}, "There is no topic"},
	}
	for _, tc := range cases {
		env, _, errb := testEnv(false, false)
		if code := run(t, env, tc.args...); code == 0 {
			t.Errorf("%v: exit 0", tc.args)
		}
		if !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, errb)
		}
	}
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "kiosk", "--help"); code != 0 || !strings.Contains(out.String(), "TOML file with") {
		t.Errorf("kiosk --help: exit %d, no \"TOML file with\":\n%s", code, out)
	}
	// Every flag's description starts with a word that survives Fang's
	// title case: after its first letter, only lowercase letters and
	// digits ("a4" is fine, "TOML" and "--flag" are not).
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			word, _, _ := strings.Cut(f.Usage, " ")
			word = strings.TrimRight(word, ",:;")
			for i, r := range word {
				if i == 0 && unicode.IsLetter(r) || i > 0 && (unicode.IsLower(r) || unicode.IsDigit(r)) {
					continue
				}
				t.Errorf("%s --%s: description starts with %q, which Fang would change", c.CommandPath(), f.Name, word)
				break
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRoot(env))
}

func TestCapitalFirst(t *testing.T) {
	for in, want := range map[string]string{
		"the folder x":          "The folder x",
		"  no topic":            "  No topic",
		"relative/pages is":     "relative/pages is",
		"--width must":          "--width must",
		"TOML file":             "TOML file",
		"HER2GUIDE_X is not":    "HER2GUIDE_X is not",
		"k.toml:2: unknown key": "k.toml:2: unknown key",
		"use either --all":      "Use either --all",
		"échec total":           "Échec total",
		"":                      "",
	} {
		if got := capitalFirst(in); got != want {
			t.Errorf("capitalFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestManPageParagraphsFlow: the man page's description is whole
// paragraphs. Its generator starts a paragraph at every "\n", so a Long
// text broken into lines broke the page mid-sentence; every Long text
// now has a "\n" only between paragraphs (Fang wraps it for --help).
func TestManPageParagraphsFlow(t *testing.T) {
	// Fang's man command writes to os.Stdout, not to the command's output.
	f, err := os.CreateTemp(t.TempDir(), "man")
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	env, _, errb := testEnv(false, false)
	code := run(t, env, "man")
	os.Stdout = stdout
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(f.Name())
	if err != nil || code != 0 {
		t.Fatalf("man: exit %d, %v\n%s", code, err, errb)
	}
	var line string
	for _, l := range strings.Split(string(page), "\n") {
		if strings.HasPrefix(l, "her2guide walks you through") {
			line = l
		}
	}
	if !strings.Contains(line, "stage by stage, in plain words, and helps you make a list of questions for your oncologist") {
		t.Errorf("the description's first sentence is not on one line:\n%s", page)
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, para := range strings.Split(c.Long, "\n\n") {
			if strings.Contains(para, "\n") {
				t.Errorf("%s: Long breaks a paragraph mid-sentence: %q", c.CommandPath(), para)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRoot(env))
}
