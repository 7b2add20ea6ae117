package export

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/her2guide/her2guide/internal/safetext"
)

// TestSaveErrorsEchoNamesSafely: a save error names the file written out
// with safetext, so a crafted name cannot change the terminal's title or
// turn the line around.
func TestSaveErrorsEchoNamesSafely(t *testing.T) {
	dir := "/tmp/d\x1b]0;owned\x07\u202E"
	path := dir + "/q\u009b2J\x1b[31m.pdf"
	errs := []interface {
		Error() string
		Plain() string
	}{
		fileError(path, &os.PathError{Op: "open", Path: path, Err: syscall.ENOENT}).(*FileError),
		fileError(path, &os.PathError{Op: "open", Path: path, Err: syscall.EIO}).(*FileError),
		&FileError{Path: path, Why: "that is a pipe, not a file", Err: errNotRegular},
		&ExistsError{Path: path, Free: dir + "/q\u009b2J-2.pdf"},
	}
	for _, e := range errs {
		for _, msg := range []string{e.Error(), e.Plain()} {
			if !safetext.Safe(msg) || strings.ContainsRune(msg, '\x1b') {
				t.Errorf("unsafe message %q", msg)
			}
		}
	}
	if msg := errs[0].Plain(); !strings.Contains(msg, `the folder /tmp/d\u202e does not exist`) {
		t.Errorf("Plain() = %q, want the folder written out", msg)
	}
	if msg := errs[3].Plain(); !strings.Contains(msg, `q\u009b2J.pdf`) || !strings.Contains(msg, `q\u009b2J-2.pdf`) {
		t.Errorf("Plain() = %q, want both names written out", msg)
	}
}
