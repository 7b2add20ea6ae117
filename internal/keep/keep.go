// Package keep keeps the patient's question list on this computer, when
// and only when they ask for it: one file, list.json, in the her2guide
// folder of the XDG data folder. It has no UI code; the TUI calls it in
// commands, and the kiosk never does.
//
// The rules: nothing is written until Save is called; Save writes the
// whole list to a temporary file in the same folder and renames it over
// the old one, so a failed save never leaves half a file; the folder is
// made 0700 and the file 0600, since a list of questions about one's
// cancer is private; a file that is not a list kept by this program (or is
// broken) is never replaced: Save refuses it and Load says why, and only
// Forget deletes it.
package keep

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/safetext"
)

// Format names the file's contents, so a foreign JSON file is not taken
// for a list.
const Format = "her2guide question list"

// Version is the version of the file's layout that this program writes.
const Version = 1

// maxSize is the largest file Load reads: far more than any list.
const maxSize = 1 << 20

// ErrNoList is returned by Load when no list is kept.
var ErrNoList = errors.New("no list is kept on this computer")

// Path returns where the list is kept: $XDG_DATA_HOME/her2guide/list.json
// when XDG_DATA_HOME is set to an absolute path, else
// ~/.local/share/her2guide/list.json.
func Path() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "her2guide", "list.json"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the home folder to keep the list in: %w", err)
	}
	return filepath.Join(home, ".local", "share", "her2guide", "list.json"), nil
}

// file is the layout of list.json.
type file struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Items   []item `json:"items"`
}

type item struct {
	ID         string `json:"id"`
	Topic      string `json:"topic,omitempty"`
	TopicTitle string `json:"topic_title,omitempty"`
	Text       string `json:"text"`
	Own        bool   `json:"own,omitempty"`
	Top        bool   `json:"top,omitempty"`
}

// UnreadableError is a file at the list's path that is not a list this
// program can read: broken, foreign, too new or not an ordinary file. It
// was left as it is.
type UnreadableError struct {
	Path string
	// Why is the reason in plain words.
	Why string
}

// Error names the file and the reason, written out with safetext.Line.
func (e *UnreadableError) Error() string {
	return safetext.Line(fmt.Sprintf("the file %s is not a question list this program can read (%s); it was left as it is", e.Path, e.Why))
}

// Load reads the list kept at path. No file there gives ErrNoList; a file
// that is not a list it can read gives an *UnreadableError; other failures
// (permission) are returned as they are.
func Load(path string) ([]checklist.Item, error) {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, ErrNoList
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular():
		return nil, &UnreadableError{Path: path, Why: "it is not an ordinary file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, err
	}
	return parse(path, data)
}

// parse decodes and checks a kept list.
func parse(path string, data []byte) ([]checklist.Item, error) {
	bad := func(why string) error { return &UnreadableError{Path: path, Why: why} }
	if len(data) > maxSize {
		return nil, bad("it is too large")
	}
	var fl file
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fl); err != nil {
		return nil, bad("it is not a list saved by her2guide: " + err.Error())
	}
	if dec.More() {
		return nil, bad("it has more after the list")
	}
	switch {
	case fl.Format != Format:
		return nil, bad("it is not a list saved by her2guide")
	case fl.Version > Version:
		return nil, bad("it was saved by a newer version of her2guide")
	case fl.Version < 1:
		return nil, bad("it has no version")
	}
	items := make([]checklist.Item, len(fl.Items))
	for i, it := range fl.Items {
		items[i] = checklist.Item{ID: it.ID, Topic: it.Topic, TopicTitle: it.TopicTitle, Text: it.Text, Own: it.Own, Top: it.Top}
	}
	var l checklist.List
	if err := l.Load(items); err != nil {
		return nil, bad(err.Error())
	}
	return l.Items(), nil
}

// Save keeps items at path, replacing the list kept there before. It makes
// the folder (0700) when it is missing, writes a temporary file (0600) in
// it and renames that over path. A file at path that Load cannot read is
// never replaced: Save returns its *UnreadableError.
func Save(path string, items []checklist.Item) error {
	if _, err := Load(path); err != nil && !errors.Is(err, ErrNoList) {
		return err
	}
	fl := file{Format: Format, Version: Version, Items: make([]item, len(items))}
	for i, it := range items {
		fl.Items[i] = item{ID: it.ID, Topic: it.Topic, TopicTitle: it.TopicTitle, Text: it.Text, Own: it.Own, Top: it.Top}
	}
	data, err := json.MarshalIndent(fl, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".list-*.tmp") // mode 0600
	if err != nil {
		return err
	}
	name := tmp.Name()
	if err := write(tmp, data); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// write writes data to f, syncs it, makes sure it is 0600 and closes it.
func write(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(0o600)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Forget deletes the list kept at path (whatever file is there). No file
// there is not an error.
func Forget(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Outcome is what Restore did with a kept list at start.
type Outcome int

const (
	// NoFile: nothing is kept on this computer.
	NoFile Outcome = iota
	// Unreadable: a file is there but cannot be read; it is reported and
	// never replaced.
	Unreadable
	// Ignored: the file was read, but the reader already has questions
	// (theirs stay) or the items do not make a list.
	Ignored
	// Restored: the kept questions are the reader's list now.
	Restored
)

// Restore is the one rule, for the TUI and --plain, for a kept list read by
// Load at start: it becomes the list only when the list is still empty. A
// list kept by an older version first takes the guide's question ids
// (checklist.Upgrade); g may be nil to take it as it is.
func Restore(l *checklist.List, g *guide.Guide, items []checklist.Item, err error) Outcome {
	if g != nil && err == nil {
		items = checklist.Upgrade(g, items)
	}
	switch {
	case errors.Is(err, ErrNoList):
		return NoFile
	case err != nil:
		return Unreadable
	case l.Len() > 0 || l.Load(items) != nil:
		return Ignored
	}
	return Restored
}
