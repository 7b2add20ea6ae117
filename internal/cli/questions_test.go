package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/safetext"
)

// runQuestions runs `questions args...` under a root with a version, with
// the given spooler, and returns the exit error.
func runQuestions(t *testing.T, env Env, spooler printing.Spooler, args ...string) error {
	t.Helper()
	root := &cobra.Command{Use: "her2guide", Version: "v9.9.9", SilenceUsage: true, SilenceErrors: true}
	root.AddCommand(questionsCmdWith(env, spooler))
	root.SetArgs(append([]string{"questions"}, args...))
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	return root.ExecuteContext(context.Background())
}

// noSpooler fails every command, as if CUPS were not installed.
var noSpooler = printing.Spooler{Run: func(context.Context, string, ...string) ([]byte, error) {
	return nil, os.ErrNotExist
}}

func TestQuestionsDefault(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler); err != nil {
		t.Fatal(err)
	}
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := g.Page("questions")
	s := out.String()
	for _, q := range p.Questions {
		if !strings.Contains(strings.Join(strings.Fields(s), " "), q) {
			t.Errorf("default sheet lacks %q", q)
		}
	}
	for _, want := range []string{"Questions for my oncologist", "[ ] ", "her2guide v9.9.9", "Content reviewed", g.Meta.Notice,
		"Date: " + env.Now().Format("2 January 2006")} {
		if !strings.Contains(s, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	// Reproducible: the same command gives the same bytes.
	env2, out2, _ := testEnv(false, false)
	if err := runQuestions(t, env2, noSpooler); err != nil || !bytes.Equal(out.Bytes(), out2.Bytes()) {
		t.Errorf("second run differs (err %v)", err)
	}
}

func TestQuestionsTopicsAndTop(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 1 January 2026
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	heart, _ := g.Page("heart")
	testingPage, _ := g.Page("her2-testing")
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--topic", "her2-testing", "--topic", "heart", "--topic", "heart",
		"--top", "heart:2", "--format", "markdown"); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	top := strings.Index(s, "## My top 3")
	if top < 0 || !strings.Contains(s, "Date: 1 January 2026") {
		t.Fatalf("markdown lacks the top group or the SOURCE_DATE_EPOCH date:\n%s", s)
	}
	after := s[top:]
	first := strings.Index(after, "1. ")
	if first < 0 || !strings.HasPrefix(after[first+3:], mdPrefix(heart.Questions[1])) {
		t.Errorf("first top question is not heart:2:\n%s", after[:min(len(after), 300)])
	}
	if strings.Count(s, mdPrefix(heart.Questions[0])) != 1 {
		t.Error("--topic heart twice added its questions twice")
	}
	if !strings.Contains(s, "## "+testingPage.Title) {
		t.Errorf("no group for %s", testingPage.Title)
	}
	if strings.Contains(s, "## What should I ask my oncologist?") {
		t.Error("--topic still added the default questions")
	}
}

// TestQuestionsSharedQuestionOnce: a bank question on two pages is printed
// once, under the first of them in reading order, and --top takes its id.
func TestQuestionsSharedQuestionOnce(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	goal, ok := g.Question("goal-treatment-cure")
	staging, _ := g.Page("staging")
	if !ok || !slices.Contains(staging.QuestionIDs, goal.ID) {
		t.Fatal("the goal question is not in the bank or not on the staging page")
	}
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--topic", "staging", "--topic", "questions",
		"--top", "goal-treatment-cure", "--format", "markdown"); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if n := strings.Count(s, mdPrefix(goal.Text)); n != 1 {
		t.Errorf("the goal question is printed %d times, want once:\n%s", n, s)
	}
	top := strings.Index(s, "## My top 3")
	if top < 0 || !strings.Contains(s[top:min(len(s), top+300)], mdPrefix(goal.Text)) {
		t.Errorf("--top goal-treatment-cure did not mark it:\n%s", s)
	}
	env, _, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--top", "staging#5"); err == nil || !strings.Contains(err.Error(), "TOPIC:N") {
		t.Errorf("--top staging#5: %v, want the TOPIC:N hint", err)
	}
}

// mdPrefix is the start of q as Markdown writes it (before any escaping).
func mdPrefix(q string) string {
	if i := strings.IndexAny(q, "\\`*_[]<>&|~"); i >= 0 {
		return q[:i]
	}
	return q
}

func TestQuestionsAll(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--all"); err != nil {
		t.Fatal(err)
	}
	if n, want := strings.Count(out.String(), "[ ] "), 2; n < len(g.Pages)*3+want {
		t.Errorf("--all printed %d boxes for %d pages", n, len(g.Pages))
	}
}

func TestQuestionsErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--topic", "hart"}, "did you mean: heart"},
		{[]string{"--top", "hart:1"}, "did you mean: heart"},
		{[]string{"--top", "heart"}, "write it as TOPIC:N"},
		{[]string{"--top", "heart:0"}, "heart has questions 1 to"},
		{[]string{"--top", "heart:99"}, "heart has questions 1 to"},
		{[]string{"--top", "heart:1", "--top", "heart:2", "--top", "heart:3", "--top", "questions:1"}, "only 3 questions can be marked most important"},
		{[]string{"--all", "--topic", "heart"}, "either --all or --topic"},
		{[]string{"--format", "docx"}, `unknown format "docx"`},
		{[]string{"--paper", "legal"}, `unknown paper size "legal"`},
		{[]string{"--print", "--format", "html"}, "--print always prints a PDF"},
		{[]string{"--print", "-o", "x.pdf"}, "either --print or -o"},
		{[]string{"--printer", "PDF"}, "--printer needs --print"},
		{[]string{"--force"}, "--force only with -o FILE"},
		{[]string{"--force", "-o", "-"}, "--force only with -o FILE"},
		{[]string{"--force", "--print"}, "--force only with -o FILE"},
	}
	for _, c := range cases {
		env, _, _ := testEnv(false, false)
		err := runQuestions(t, env, noSpooler, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want %q", c.args, err, c.want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	env, _, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: %v", err)
	}
}

func TestQuestionsPDFStdout(t *testing.T) {
	env, out, _ := testEnv(false, true)
	err := runQuestions(t, env, noSpooler, "--format", "pdf")
	if err == nil || !strings.Contains(err.Error(), "-o FILE") || out.Len() != 0 {
		t.Fatalf("pdf to a terminal: err %v, %d bytes written", err, out.Len())
	}
	env, out, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--format", "pdf", "-o", "-"); err != nil || !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
		t.Fatalf("pdf into a pipe: err %v, starts %q", err, out.Bytes()[:min(out.Len(), 8)])
	}
}

func TestQuestionsToFile(t *testing.T) {
	// A new file's mode comes from the umask: set it, so the test does not
	// depend on the shell that runs it.
	defer syscall.Umask(syscall.Umask(0o022))
	dir := t.TempDir()
	path := filepath.Join(dir, "q.html")
	env, out, errb := testEnv(false, true)
	if err := runQuestions(t, env, noSpooler, "--format", "html", "--paper", "letter", "-o", path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(b, []byte("size: letter")) || out.Len() != 0 || !strings.Contains(errb.String(), path) {
		t.Fatalf("file: %v, %d bytes, stdout %q, stderr %q", err, len(b), out, errb)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}

	// Failures say why in plain words and leave nothing behind.
	env, _, _ = testEnv(false, false)
	err = runQuestions(t, env, noSpooler, "-o", filepath.Join(dir, "missing", "q.txt"))
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	if os.Geteuid() != 0 { // root may write anywhere
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		err = runQuestions(t, env, noSpooler, "-o", filepath.Join(ro, "q.txt"))
		if err == nil || !strings.Contains(err.Error(), "permission") {
			t.Errorf("read-only folder: %v", err)
		}
	}
}

// TestQuestionsExisting: -o onto a file that is there saves nothing, says
// why and names a free name, and exits 1; --force replaces the file and
// keeps its mode.
func TestQuestionsExisting(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	dir := t.TempDir()
	path := filepath.Join(dir, "q.txt")
	if err := os.WriteFile(path, []byte("my own notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	env, out, errb := testEnv(false, false)
	if code := run(t, env, "questions", "-o", path); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"already a file at " + path, "nothing was saved",
		"-o " + filepath.Join(dir, "q-2.txt"), "add --force"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb)
		}
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "my own notes" || out.Len() != 0 {
		t.Fatalf("the file was changed: %q, %v; stdout %q", b, err, out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}

	env, _, errb = testEnv(false, false)
	if code := run(t, env, "questions", "-o", path, "--force"); code != 0 {
		t.Fatalf("--force: exit %d, stderr %q", code, errb)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "Questions for my oncologist") || !strings.Contains(errb.String(), "Saved your questions to "+path) {
		t.Fatalf("--force: %v, %q, stderr %q", err, b, errb)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("--force changed the mode to %v (%v), want 0600", info.Mode().Perm(), err)
	}

	// Never a FIFO, even with --force.
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{"-o", fifo}, {"-o", fifo, "--force"}} {
		env, _, _ = testEnv(false, false)
		err := runQuestions(t, env, noSpooler, args...)
		if err == nil || !strings.Contains(err.Error(), "that is a pipe") {
			t.Errorf("%v: %v", args, err)
		}
		if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != os.ModeNamedPipe {
			t.Errorf("%v: the FIFO is now %v (%v)", args, info.Mode(), err)
		}
	}
}

func TestQuestionsPrint(t *testing.T) {
	var ran [][]string
	var printed []byte
	run := func(_ context.Context, data io.Reader, name string, args ...string) ([]byte, error) {
		ran = append(ran, append([]string{name}, args...))
		switch name {
		case "lpstat":
			return []byte("printer Office is idle.  enabled since Sun Nov 22 00:23:42 2026\n"), nil
		case "lp":
			b, err := io.ReadAll(data)
			printed = b
			return []byte("request id is Office-7 (1 file(s))\n"), err
		}
		return nil, os.ErrNotExist
	}
	spooler := printing.Spooler{RunInput: run, Run: func(ctx context.Context, name string, args ...string) ([]byte, error) {
		return run(ctx, nil, name, args...)
	}}
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, spooler, "--print", "--printer", "Office", "--paper", "letter"); err != nil {
		t.Fatal(err)
	}
	last := ran[len(ran)-1]
	if !slices.Equal(last, []string{"lp", "-d", "Office", "-t", "her2guide questions", "-"}) {
		t.Fatalf("ran %q, want the sheet on lp's standard input, named her2guide questions", last)
	}
	if !bytes.HasPrefix(printed, []byte("%PDF-")) {
		t.Fatal("lp was not given a PDF")
	}
	if !strings.Contains(out.String(), "Sent your questions to Office (job Office-7)") {
		t.Errorf("stdout = %q", out)
	}

	failing := printing.Spooler{Run: func(_ context.Context, name string, args ...string) ([]byte, error) {
		if name == "lp" {
			return []byte("lp: Error - The printer or class does not exist.\n"), os.ErrInvalid
		}
		if name == "lpstat" && len(args) > 0 && args[0] == "-r" {
			return []byte("scheduler is running\n"), nil
		}
		return nil, os.ErrInvalid
	}}
	env, _, _ = testEnv(false, false)
	err := runQuestions(t, env, failing, "--print", "--printer", "Nope")
	if err == nil || !strings.Contains(err.Error(), `There is no printer called "Nope"`) || !strings.Contains(err.Error(), "save the questions to a file") {
		t.Errorf("failing lp: %v", err)
	}
}

func TestQuestionsThroughRoot(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "questions", "--topic", "heart"); code != 0 || !strings.Contains(out.String(), "[ ] ") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	env, _, errb := testEnv(false, false)
	if code := run(t, env, "questions", "--topic", "hart"); code == 0 || !strings.Contains(errb.String(), "heart") {
		t.Errorf("unknown topic: exit %d, stderr %q", code, errb)
	}
}

// TestQuestionsCallBox: the default sheet (any reader) carries every safety
// line in its "when to call right away" box and fits one PDF page on A4 and
// Letter; a sheet of one topic carries the "always" lines and the ones its
// page triggers; --phone and --after-hours-phone fill in the numbers and are
// checked.
func TestQuestionsCallBox(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	env, out, _ := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--phone", " (555) 010-0100 ", "--after-hours-phone", "(555) 010-0199"); err != nil {
		t.Fatal(err)
	}
	text := flat(out.String())
	for _, want := range []string{"WHEN TO CALL RIGHT AWAY", "My care team's phone (daytime): (555) 010-0100 |", "After hours: (555) 010-0199"} {
		if !strings.Contains(text, want) {
			t.Errorf("default sheet lacks %q", want)
		}
	}
	// The Markdown sheet keeps each line whole.
	env, out, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--format", "markdown"); err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Safety {
		if !strings.Contains(out.String(), "> - "+r.SheetLine()+"\n") {
			t.Errorf("default sheet lacks the %s line", r.ID)
		}
	}
	for _, paper := range []string{"a4", "letter"} {
		env, out, _ := testEnv(false, false)
		if err := runQuestions(t, env, noSpooler, "--format", "pdf", "--paper", paper, "-o", "-"); err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(out.Bytes(), []byte("/Type /Page\n")); n != 1 {
			t.Errorf("default sheet on %s: %d PDF pages, want 1", paper, n)
		}
	}

	// A page that never names trastuzumab deruxtecan: no lung line.
	var noLung string
	for _, p := range g.Pages {
		if !strings.Contains(strings.Join(p.Safety, " "), "lung") {
			noLung = p.ID
			break
		}
	}
	if noLung == "" {
		t.Fatal("every page triggers the lung rule")
	}
	env, out, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--topic", noLung, "--format", "markdown"); err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Safety {
		if got, want := strings.Contains(out.String(), r.SheetLine()), r.ID != "lung"; got != want {
			t.Errorf("--topic %s: %s line shown %t, want %t", noLung, r.ID, got, want)
		}
	}

	env, _, _ = testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "--phone", "555\x1b[31m"); err == nil || !strings.Contains(err.Error(), "--phone: a phone number cannot contain control characters") {
		t.Errorf("bad phone: %v", err)
	}
	if err := runQuestions(t, env, noSpooler, "--after-hours-phone", strings.Repeat("5", 41)); err == nil || !strings.Contains(err.Error(), "at most 40") {
		t.Errorf("long phone: %v", err)
	}
}

// TestQuestionsEchoesNamesSafely: a file name with escape sequences or a
// right-to-left override is echoed written out, never raw, both in
// "Saved your questions to …" and when the name is taken.
func TestQuestionsEchoesNamesSafely(t *testing.T) {
	name := filepath.Join(t.TempDir(), "q\x1b]0;owned\x07\u202Etxt.exe\u009b2J")
	env, _, errb := testEnv(false, false)
	if err := runQuestions(t, env, noSpooler, "-o", name); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); err != nil {
		t.Fatalf("not saved under its own name: %v", err)
	}
	got := errb.String()
	if !strings.Contains(got, "Saved your questions to ") || !safetext.Safe(got) || !strings.Contains(got, `q\u202etxt.exe\u009b2J`) {
		t.Errorf("stderr = %q", got)
	}
	env, _, _ = testEnv(false, false)
	err := runQuestions(t, env, noSpooler, "-o", name)
	if err == nil || !safetext.Safe(err.Error()) || !strings.Contains(err.Error(), `q\u202etxt.exe\u009b2J`) {
		t.Errorf("name taken: %q", err)
	}
}

// TestQuestionsPrintNoDefault: CUPS has queues but no default printer. The
// message names the queues and the flag to choose one, instead of saying
// that no printer is set up.
func TestQuestionsPrintNoDefault(t *testing.T) {
	var ran []string
	spooler := printing.Spooler{Run: func(_ context.Context, name string, args ...string) ([]byte, error) {
		cmd := strings.Join(append([]string{name}, args...), " ")
		ran = append(ran, cmd)
		switch cmd {
		case "lpstat -p":
			return []byte("printer Office is idle.  enabled since Sun Nov 22 00:23:42 2026\n" +
				"printer Ward_3 is idle.  enabled since Sun Nov 22 00:23:42 2026\n"), nil
		case "lpstat -a":
			return []byte("Office accepting requests since Sun Nov 22 00:23:42 2026\n"), nil
		case "lpstat -d":
			return []byte("no system default destination\n"), nil
		case "lpstat -r":
			return []byte("scheduler is running\n"), nil
		}
		if name == "lp" {
			return []byte("lp: Error - No default destination.\n"), os.ErrInvalid
		}
		return nil, os.ErrInvalid
	}}
	env, _, _ := testEnv(false, false)
	err := runQuestions(t, env, spooler, "--print")
	if err == nil {
		t.Fatalf("printing with no default printer worked (ran %q)", ran)
	}
	for _, want := range []string{
		`This computer has no usual printer; its printers are "Office" and "Ward_3"`,
		"--printer NAME, for example: her2guide questions --print --printer Office",
		"save the questions to a file",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "No printer is set up") {
		t.Errorf("error says no printer is set up:\n%v", err)
	}
}
