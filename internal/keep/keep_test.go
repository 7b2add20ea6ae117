package keep

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
)

func sample() []checklist.Item {
	return []checklist.Item{
		{ID: "her2-testing#2", Topic: "her2-testing", TopicTitle: "How is HER2 tested?", Text: "Do I need an ISH test?", Top: true},
		{ID: "own-3", Text: "Can I keep working?", Own: true},
	}
}

func TestPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	if got, err := Path(); err != nil || got != filepath.Join(dir, "her2guide", "list.json") {
		t.Fatalf("Path() = %q, %v", got, err)
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, v := range []string{"", "relative/dir"} {
		t.Setenv("XDG_DATA_HOME", v)
		if got, err := Path(); err != nil || got != filepath.Join(home, ".local", "share", "her2guide", "list.json") {
			t.Errorf("XDG_DATA_HOME=%q: Path() = %q, %v", v, got, err)
		}
	}
}

func TestRoundTripAndPerms(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "her2guide", "list.json")
	if err := Save(path, sample()); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sample()) {
		t.Fatalf("Load = %+v, want %+v", got, sample())
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, %v; want 0600", fi.Mode(), err)
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, %v; want 0700", fi.Mode(), err)
	}
	// A second save replaces the first and leaves no temporary file.
	if err := Save(path, sample()[1:]); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(path); err != nil || len(got) != 1 || got[0].ID != "own-3" {
		t.Fatalf("after a second save: %+v, %v", got, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want only list.json: %v", len(entries), entries)
	}
	// Own questions added after loading do not reuse a loaded id.
	var l checklist.List
	if err := l.Load(got); err != nil {
		t.Fatal(err)
	}
	if it, _ := l.AddOwn("another"); it.ID != "own-4" {
		t.Errorf("new own question id = %q, want own-4", it.ID)
	}
}

func TestSaveIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "list.json")
	if err := Save(path, sample()); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	// The folder cannot take a new file: the save fails and the old list
	// is whole.
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if os.Getuid() == 0 {
		t.Skip("root can write to a read-only folder")
	}
	if err := Save(path, sample()[:1]); err == nil {
		t.Fatal("Save into a read-only folder succeeded")
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("a failed save changed the kept list")
	}
}

func TestMissingFileIsNoList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "her2guide", "list.json")
	if _, err := Load(path); !errors.Is(err, ErrNoList) {
		t.Fatalf("Load of a missing file: %v, want ErrNoList", err)
	}
	if err := Forget(path); err != nil {
		t.Errorf("Forget of a missing file: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("Load or Forget made the folder")
	}
}

func TestBrokenOrForeignFile(t *testing.T) {
	tests := map[string]string{
		"not json":     "{oops",
		"foreign json": `{"name": "something else"}`,
		"other format": `{"format": "a shopping list", "version": 1, "items": []}`,
		"newer":        `{"format": "her2guide question list", "version": 9, "items": []}`,
		"bad items":    `{"format": "her2guide question list", "version": 1, "items": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}`,
		"two values":   `{"format": "her2guide question list", "version": 1, "items": []} {}`,
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "list.json")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("Load: %v, want *UnreadableError", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "left as it is") {
				t.Errorf("message does not name the file or say it was kept: %q", err)
			}
			if err := Save(path, sample()); !errors.As(err, &ue) {
				t.Errorf("Save over it: %v, want *UnreadableError", err)
			}
			if got, _ := os.ReadFile(path); string(got) != content {
				t.Error("Save replaced a file it could not read")
			}
			if err := Forget(path); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Error("Forget left the file")
			}
		})
	}
}

func TestNotAFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "list.json")
	if err := os.Symlink(filepath.Join(dir, "elsewhere"), path); err != nil {
		t.Skip(err)
	}
	var ue *UnreadableError
	if _, err := Load(path); !errors.As(err, &ue) {
		t.Errorf("Load of a link: %v", err)
	}
	if err := Save(path, sample()); !errors.As(err, &ue) {
		t.Errorf("Save over a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "elsewhere")); !errors.Is(err, os.ErrNotExist) {
		t.Error("Save followed the link")
	}
}

// TestRestore: the start-up rule both faces share.
func TestRestore(t *testing.T) {
	items := []checklist.Item{{ID: "own-1", Text: "Can I work?", Own: true}}
	var empty checklist.List
	if got := Restore(&empty, nil, nil, ErrNoList); got != NoFile {
		t.Errorf("no file: %v", got)
	}
	if got := Restore(&empty, nil, nil, &UnreadableError{Path: "x"}); got != Unreadable || empty.Len() != 0 {
		t.Errorf("unreadable: %v, %d questions", got, empty.Len())
	}
	if got := Restore(&empty, nil, items, nil); got != Restored || empty.Len() != 1 {
		t.Errorf("restored: %v, %d questions", got, empty.Len())
	}
	var own checklist.List
	if _, err := own.AddOwn("Mine first?"); err != nil {
		t.Fatal(err)
	}
	if got := Restore(&own, nil, items, nil); got != Ignored || own.Items()[0].Text != "Mine first?" || own.Len() != 1 {
		t.Errorf("a list already started: %v, %+v", got, own.Items())
	}
}
