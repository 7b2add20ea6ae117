package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/export"
	"github.com/her2guide/her2guide/internal/keep"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/safetext"
)

func TestPlain(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		// plain says whether the plain guide should run (else the
		// interactive one, which fails without a terminal).
		plain bool
	}{
		{"flag", []string{"--plain"}, nil, true},
		{"env", nil, map[string]string{plainEnv: "1"}, true},
		{"env true", nil, map[string]string{plainEnv: "TRUE"}, true},
		{"env off", nil, map[string]string{plainEnv: "0"}, false},
		{"flag off beats env", []string{"--plain=false"}, map[string]string{plainEnv: "1"}, false},
		{"neither", nil, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env, out, errb := testEnv(false, false)
			env.Stdin = strings.NewReader("11\nherceptin\nb\n\n3\n1\n")
			env.Getenv = func(k string) string { return c.env[k] }
			code := run(t, env, c.args...)
			if !c.plain {
				if code == 0 || !strings.Contains(errb.String(), "needs a terminal") {
					t.Errorf("exit %d, stderr %q; want the no-terminal error", code, errb.String())
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}
			s := out.String()
			for _, want := range []string{"HER2 Guide", "Type a number and press Enter.", "Which HER2 drugs are there?",
				"What does HER2-positive mean?", "End of input. Goodbye."} {
				if !strings.Contains(s, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			if strings.Contains(s, "\x1b") {
				t.Error("plain output has an escape sequence")
			}
			for i, l := range strings.Split(s, "\n") {
				if n := len([]rune(l)); n > 100 {
					t.Errorf("line %d is %d wide, terminal is 100", i+1, n)
				}
			}
		})
	}
}

func TestPlainNoWidth(t *testing.T) {
	env, out, _ := testEnv(false, false)
	env.TermWidth = func() int { return 0 }
	env.Stdin = strings.NewReader("3\n1\n")
	if code := run(t, env, "--plain"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i, l := range strings.Split(out.String(), "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line %d is %d wide, want at most 80", i+1, n)
		}
	}
}

func TestPlainSaveAndShow(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	env, out, errb := testEnv(false, false)
	// Show the sheet; save it; save again, taking the free name; save
	// again under a name of one's own.
	// Each print asks first which sheet: Enter alone is My sheet.
	env.Stdin = strings.NewReader("9\nn\nCan I keep working?\np\n\n1\np\n\n5\np\n\n5\n\np\n\n5\nfor-dr-lee\nq\n")
	if code := run(t, env, "--plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"1. Show the sheet here as plain text", "5. Save as a plain text file",
		"Here is your sheet:", "Questions for my oncologist", "Can I keep working?", "End of the sheet.",
		"Saved your questions to " + filepath.Join(home, "my-questions-2026-11-22.txt") + ".",
		"There is already a file called my-questions-2026-11-22.txt in", "It is kept as it is.",
		"Press Enter to save as my-questions-2026-11-22-2.txt, or type another file name",
		"Saved your questions to " + filepath.Join(home, "my-questions-2026-11-22-2.txt") + ".",
		"Press Enter to save as my-questions-2026-11-22-3.txt",
		"Saved your questions to " + filepath.Join(home, "for-dr-lee.txt") + "."} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q\n%s", want, s)
		}
	}
	for _, name := range []string{"my-questions-2026-11-22.txt", "my-questions-2026-11-22-2.txt", "for-dr-lee.txt"} {
		b, err := os.ReadFile(filepath.Join(home, name))
		if err != nil || !strings.Contains(string(b), "Can I keep working?") || !strings.Contains(string(b), "WHEN TO CALL RIGHT AWAY") {
			t.Errorf("%s: %v, %q", name, err, b)
		}
	}
	if strings.Contains(s, "\x1b") {
		t.Error("plain output has an escape sequence")
	}
}

// TestPlainClinicianCopy: --plain makes the one-page copy for the care
// team when the reader types 2 at "Which sheet do you want?"; the next
// print asks again, and Enter alone is the reader's own sheet.
func TestPlainClinicianCopy(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	env, out, errb := testEnv(false, false)
	env.Stdin = strings.NewReader("9\nn\nCan I keep working?\np\n2\n1\np\n\n1\nq\n1\n")
	if code := run(t, env, "--plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	copy := strings.Index(s, "My questions: a copy for my care team")
	own := strings.LastIndex(s, "Questions for my oncologist")
	if copy < 0 || own < copy || strings.Count(s, "Which sheet do you want?") < 2 {
		t.Errorf("want the copy, then my own sheet, each after the question:\n%s", s)
	}
}

// fakeSpooler answers lpstat with one idle default printer and records lp.
func fakeSpooler(printed *[]string) printing.Spooler {
	return printing.Spooler{Run: func(_ context.Context, name string, args ...string) ([]byte, error) {
		cmd := strings.Join(append([]string{name}, args...), " ")
		switch {
		case cmd == "lpstat -p":
			return []byte("printer Office is idle.  enabled since Sun Nov 22 00:23:42 2026\n"), nil
		case cmd == "lpstat -d":
			return []byte("system default destination: Office\n"), nil
		case cmd == "lpstat -a":
			return []byte("Office accepting requests since Sun Nov 22 00:23:42 2026\n"), nil
		case name == "lp":
			*printed = append(*printed, cmd)
			return []byte("request id is Office-3 (1 file(s))\n"), nil
		}
		return nil, errors.New("exit status 1")
	}}
}

func TestSheetPrinter(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	var printed []string
	now := func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }
	p := &sheetPrinter{g: g, spooler: fakeSpooler(&printed), dir: t.TempDir(), now: now, version: "test", paper: export.A4}
	items := []checklist.Item{{ID: "own-1", Text: "Will I lose my hair?", Own: true}}
	choices, note := p.Choices(context.Background())
	if note != "" || len(choices) != 6 || choices[5] != "Print on Office (this computer's usual printer)" {
		t.Fatalf("choices %q, note %q", choices, note)
	}
	msg, err := p.Do(context.Background(), 5, items, "")
	if err != nil || msg != "Sent your questions to the printer Office." || len(printed) != 1 || !strings.HasPrefix(printed[0], "lp -d Office ") {
		t.Errorf("print: %q, %v, ran %q", msg, err, printed)
	}
	if _, err := p.Do(context.Background(), 6, items, ""); err == nil {
		t.Error("a choice past the end did not fail")
	}

	// No spooler: a note, and the save choices still work.
	p.spooler = printing.Spooler{Run: func(context.Context, string, ...string) ([]byte, error) {
		return []byte("lpstat: Scheduler is not running.\n"), errors.New("exit status 1")
	}}
	choices, note = p.Choices(context.Background())
	if len(choices) != 5 || !strings.Contains(note, "You can still save the list to a file.") {
		t.Errorf("without a spooler: choices %q, note %q", choices, note)
	}

	// A folder that does not exist: plain words.
	p.dir = filepath.Join(t.TempDir(), "gone")
	if _, err := p.Do(context.Background(), 1, items, ""); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("save into a missing folder: %v", err)
	}

	// A file that is there: nothing saved, the free name offered; a name
	// of one's own goes in the folder, with the format's extension.
	p.dir = t.TempDir()
	usual := filepath.Join(p.dir, "my-questions-2026-11-22.pdf")
	if err := os.WriteFile(usual, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = p.Do(context.Background(), 1, items, "")
	var ex *export.ExistsError
	if !errors.As(err, &ex) || ex.Path != usual || ex.Free != filepath.Join(p.dir, "my-questions-2026-11-22-2.pdf") {
		t.Fatalf("save over a file: %v", err)
	}
	if b, err := os.ReadFile(usual); err != nil || string(b) != "mine" {
		t.Errorf("the file was changed: %q, %v", b, err)
	}
	msg, err = p.Do(context.Background(), 1, items, "for-dr-lee")
	if want := filepath.Join(p.dir, "for-dr-lee.pdf"); err != nil || msg != "Saved your questions to "+want+"." {
		t.Errorf("save as a name of one's own: %q, %v", msg, err)
	}

	// A name with escape sequences and a right-to-left override is echoed
	// written out, never raw.
	msg, err = p.Do(context.Background(), 1, items, "q\x1b]0;owned\x07\u202Etxt.exe\u009b2J")
	if err != nil || !safetext.Safe(msg) || !strings.HasSuffix(msg, `q\u202etxt.exe\u009b2J.`) {
		t.Errorf("save under a hostile name: %q, %v", msg, err)
	}
}

// TestDumbTerminal shows that on TERM=dumb the guide reads line by line,
// says so in one line on standard error, and writes no escape sequence
// (no alternate screen, no mouse codes), on a terminal or not.
func TestDumbTerminal(t *testing.T) {
	for _, tty := range []bool{true, false} {
		env, out, errb := testEnv(tty, tty)
		env.Stdin = strings.NewReader("3\nq\n")
		env.Getenv = func(k string) string {
			if k == "TERM" {
				return "dumb"
			}
			return ""
		}
		if code := run(t, env, "--theme", "light"); code != 0 {
			t.Fatalf("tty %v: exit %d, stderr %q", tty, code, errb.String())
		}
		s := out.String()
		for _, want := range []string{"Main menu:", "Understanding your diagnosis", "Goodbye."} {
			if !strings.Contains(s, want) {
				t.Errorf("tty %v: output lacks %q:\n%s", tty, want, s)
			}
		}
		if strings.Contains(s, "\x1b") {
			t.Errorf("tty %v: output has an escape sequence: %q", tty, s)
		}
		if e := errb.String(); strings.Count(e, "\n") != 1 || !strings.Contains(e, "TERM=dumb") || !strings.Contains(e, "--plain") {
			t.Errorf("tty %v: stderr = %q, want one line naming TERM=dumb and --plain", tty, e)
		}
	}
}

// TestTermHeight shows that parts are sized to the screen only when
// standard output is a terminal.
func TestTermHeight(t *testing.T) {
	for _, tty := range []bool{true, false} {
		env, _, _ := testEnv(tty, tty)
		if h := termHeight(env); h != 0 {
			t.Errorf("tty %v, output a buffer: height %d, want 0", tty, h)
		}
	}
	if h := termHeight(Env{}); h != 0 {
		t.Errorf("no IsTerminal: height %d, want 0", h)
	}
}

// TestPlainKeep: --plain keeps the list where the full-screen guide does
// (keep.Path), only when the reader types c, and brings it back next time.
func TestPlainKeep(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path, err := keep.Path()
	if err != nil {
		t.Fatal(err)
	}
	env, out, errb := testEnv(false, false)
	env.Stdin = strings.NewReader("9\nn\nCan I keep working?\nq\n2\n")
	if code := run(t, env, "--plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if _, err := os.Lstat(filepath.Dir(path)); err == nil {
		t.Fatal("--plain wrote into the data folder without c")
	}
	if !strings.Contains(out.String(), "Type c to keep this list on this computer") {
		t.Errorf("--plain does not offer to keep the list:\n%s", out)
	}
	env, _, errb = testEnv(false, false)
	env.Stdin = strings.NewReader("9\nn\nCan I keep working?\nc\nq\n")
	if code := run(t, env, "--plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if items, err := keep.Load(path); err != nil || len(items) != 1 || items[0].Text != "Can I keep working?" {
		t.Fatalf("kept list = %+v, %v", items, err)
	}
	env, out, _ = testEnv(false, false)
	env.Stdin = strings.NewReader("q\n")
	if code := run(t, env, "--plain"); code != 0 || !strings.Contains(out.String(), "Welcome back: the question you kept") {
		t.Errorf("exit %d; the kept list did not come back:\n%s", code, out)
	}
}
