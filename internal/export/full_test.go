package export

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// fullDisk accepts room bytes, then fails every write with ENOSPC, as a
// file on a full disk does.
type fullDisk struct {
	w    io.Writer
	room int
}

func (d *fullDisk) Write(p []byte) (int, error) {
	if len(p) <= d.room {
		d.room -= len(p)
		return d.w.Write(p)
	}
	n, _ := d.w.Write(p[:d.room])
	d.room = 0
	return n, &os.PathError{Op: "write", Path: "q", Err: syscall.ENOSPC}
}

// TestWriteReportsAFullDisk: every format, the PDF included (gopdf's
// WriteTo drops its writer's errors), says the disk is full wherever the
// disk fills up.
func TestWriteReportsAFullDisk(t *testing.T) {
	for _, f := range []Format{Text, Markdown, HTML, PDF} {
		var whole bytes.Buffer
		if err := Write(&whole, testSheet(), f, A4); err != nil {
			t.Fatal(err)
		}
		for _, room := range []int{0, 10, whole.Len() / 2, whole.Len() - 1} {
			err := Write(&fullDisk{w: io.Discard, room: room}, testSheet(), f, A4)
			if !errors.Is(err, syscall.ENOSPC) {
				t.Errorf("%v with room for %d bytes: err = %v, want ENOSPC", f, room, err)
			}
		}
	}
}

// TestWriteToDevFull writes to Linux's /dev/full, where every write fails
// with ENOSPC.
func TestWriteToDevFull(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer f.Close()
	for _, format := range []Format{Text, Markdown, HTML, PDF} {
		if err := Write(f, testSheet(), format, A4); !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("%v to /dev/full: %v", format, err)
		}
	}
}

// TestSavePDFOnAFullDisk: a PDF save on a disk that fills up says "the
// disk is full" and leaves no file, not even an empty one.
func TestSavePDFOnAFullDisk(t *testing.T) {
	for _, room := range []int{0, 3000} {
		dir := t.TempDir()
		path := filepath.Join(dir, "q.pdf")
		full := func(w io.Writer) error { return Write(&fullDisk{w: w, room: room}, testSheet(), PDF, A4) }
		for name, save := range map[string]func() error{
			"create":  func() error { return create(path, full, os.Link) },
			"replace": func() error { return replace(path, full) },
		} {
			err := save()
			var fe *FileError
			if !errors.As(err, &fe) || fe.Why != "the disk is full" || fe.Plain() != "The file could not be saved: the disk is full." {
				t.Errorf("%s with room for %d bytes: %v", name, room, err)
			}
			if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s with room for %d bytes left %s: %v", name, room, path, err)
				os.Remove(path)
			}
		}
		noTemps(t, dir)
	}
}
