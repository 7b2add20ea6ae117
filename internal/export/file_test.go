package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestFileError(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "write", Path: "q.pdf", Err: syscall.ENOSPC}, "the disk is full"},
		{&os.PathError{Op: "open", Path: "q.pdf", Err: syscall.EACCES}, "you do not have permission to write there"},
		{&os.PathError{Op: "open", Path: "q.pdf", Err: syscall.EROFS}, "you do not have permission to write there"},
		{&os.PathError{Op: "open", Path: "q.pdf", Err: syscall.EIO}, "could not save q.pdf"},
	}
	for _, c := range cases {
		err := fileError("q.pdf", c.err)
		if !strings.Contains(err.Error(), c.want) || !errors.Is(err, c.err.(*os.PathError).Err) {
			t.Errorf("fileError(%v) = %v, want %q", c.err, err, c.want)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	s := Sheet{Title: Title, Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Notice: "N", Version: "v"}
	path := filepath.Join(dir, "q.txt")
	if err := WriteFile(path, s, Text, A4); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), Title) {
		t.Fatalf("%v: %q", err, data)
	}
	err := WriteFile(filepath.Join(dir, "missing", "q.txt"), s, Text, A4)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".her2guide-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
