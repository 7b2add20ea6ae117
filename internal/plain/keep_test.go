package plain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/keep"
)

// keptPath points XDG_DATA_HOME at a new folder and returns the kept
// list's path there: the tests never touch the real home folder.
func keptPath(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path, err := keep.Path()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// The quit question's first line, with one or more questions.
const unsavedIntro = "on your list that"

func TestKeepWritesOnlyWhenChosen(t *testing.T) {
	g := bundled(t)
	path := keptPath(t)

	// Offered, but nothing written without c; quit asks as before.
	out := runScript(t, g, lines("9", "q", "1"), Options{List: oneQuestion(t), Keep: path})
	for _, want := range []string{
		"  c       keep this list on this computer; nothing is saved unless you do",
		"Type c to keep this list on this computer; nothing is saved unless you do.",
		"Type a command (n, e N, d N, t N, u N, down N, l, c) and press Enter.",
		unsavedIntro,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "forget") {
		t.Errorf("forget is offered with no list kept:\n%s", out)
	}
	if exists(filepath.Dir(path)) {
		t.Fatal("something was written before the reader chose to keep the list")
	}

	// c writes the list; a later change is written before the next
	// prompt; quit does not ask.
	out = runScript(t, g, lines("9", "c", "n", "Can I travel?", "q"), Options{List: oneQuestion(t), Keep: path})
	inOrder(t, out, "Your list is kept on this computer, in",
		"Type a command (n, e N, d N, t N, u N, down N, l, F)", "Added: Can I travel?",
		"Kept on this computer: changes are kept as you go. Type F to forget it.", "Goodbye.")
	if strings.Contains(out, unsavedIntro) {
		t.Errorf("quit asked with the list kept:\n%s", out)
	}
	items, err := keep.Load(path)
	if err != nil || len(items) != 2 || items[0].Text != "Will I lose my hair?" || items[1].Text != "Can I travel?" {
		t.Fatalf("kept list = %+v, %v", items, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("kept file mode: %v, %v", fi, err)
	}
}

func TestKeptListComesBackAndCanBeForgotten(t *testing.T) {
	g := bundled(t)
	path := keptPath(t)
	want := []checklist.Item{{ID: "own-1", Text: "First?", Own: true}, {ID: "own-2", Text: "Second?", Own: true}}
	if err := keep.Save(path, want); err != nil {
		t.Fatal(err)
	}
	list := &checklist.List{}
	// Back at start: said under the main menu; My questions says it is
	// kept; d is written; F deletes; a change after it writes nothing and
	// quit asks again (1 quits anyway: no printer here).
	out := runScript(t, g, lines("9", "d 1", "F", "d 1", "b", "9", "n", "Third?", "q", "1"), Options{List: list, Keep: path})
	inOrder(t, out, "Main menu:", "My questions (2)",
		"Welcome back: the 2 questions you kept on this computer are on My questions.",
		"1.   First?", "Kept on this computer", "  F       forget the list kept on this computer",
		"Removed: First?",
		"Your list was deleted from this computer.",
		"Removed: Second?",
		"Type n to write a question. Type b to go back, q to quit.",
		"Added: Third?", "down N, l, c)", unsavedIntro, "Goodbye.")
	if exists(path) {
		t.Error("the list was written again after F")
	}
	if n := strings.Count(out, "Welcome back"); n != 1 {
		t.Errorf("welcome said %d times", n)
	}
}

func TestKeptChangeIsWritten(t *testing.T) {
	g := bundled(t)
	path := keptPath(t)
	if err := keep.Save(path, []checklist.Item{{ID: "own-1", Text: "First?", Own: true}}); err != nil {
		t.Fatal(err)
	}
	// A question ticked on a page, far from My questions, is written too.
	runScript(t, g, lines("3", "1", "a", "1", "b", "b", "b"), Options{Keep: path})
	items, err := keep.Load(path)
	if err != nil || len(items) != 2 || items[0].Text != "First?" || items[1].Own {
		t.Fatalf("kept list after ticking on a page = %+v, %v", items, err)
	}
}

func TestUnreadableKeptListIsLeftAlone(t *testing.T) {
	g := bundled(t)
	path := keptPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	const foreign = `{"not": "ours"}`
	if err := os.WriteFile(path, []byte(foreign), 0o600); err != nil {
		t.Fatal(err)
	}
	out := runScript(t, g, lines("9", "n", "Mine?", "c", "q", "1"), Options{Keep: path})
	inOrder(t, out, "Your kept list could not be read:", "F on My questions deletes it.",
		"Type n to write a question, or F to forget the list kept on this computer.",
		"Added: Mine?", "Your list could not be kept:", unsavedIntro)
	if got, _ := os.ReadFile(path); string(got) != foreign {
		t.Fatal("keeping replaced a file it could not read")
	}
	out = runScript(t, g, lines("9", "F", "q"), Options{Keep: path})
	inOrder(t, out, "Your kept list could not be read:", "Your list was deleted from this computer.")
	if exists(path) {
		t.Error("F did not delete the unreadable file")
	}
}

func TestFailedKeepStopsKeeping(t *testing.T) {
	g := bundled(t)
	// The folder the list would go in is a file: nothing can be kept.
	blocker := filepath.Join(t.TempDir(), "her2guide")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "list.json")
	out := runScript(t, g, lines("9", "c", "n", "Second?", "q", "1"), Options{List: oneQuestion(t), Keep: path})
	inOrder(t, out, "Your list could not be kept:", "Added: Second?", unsavedIntro)
	if n := strings.Count(out, "could not be kept"); n != 1 {
		t.Errorf("a failed keep was tried again (%d times):\n%s", n, out)
	}
	if got, _ := os.ReadFile(blocker); string(got) != "x" {
		t.Error("the file in the way was changed")
	}
}

func TestNoKeepPathNeverOffers(t *testing.T) {
	g := bundled(t)
	path := keptPath(t)
	if err := keep.Save(path, []checklist.Item{{ID: "own-1", Text: "Someone's?", Own: true}}); err != nil {
		t.Fatal(err)
	}
	out := runScript(t, g, lines("9", "n", "Mine?", "c", "F", "q", "1"), Options{})
	for _, not := range []string{"on this computer", "Welcome back", "Someone's?"} {
		if strings.Contains(out, not) {
			t.Errorf("without Options.Keep, output has %q:\n%s", not, out)
		}
	}
	if items, err := keep.Load(path); err != nil || len(items) != 1 {
		t.Errorf("without Options.Keep the kept list changed: %+v, %v", items, err)
	}
}
