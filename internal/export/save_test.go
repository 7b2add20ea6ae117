package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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

func testSheet() Sheet {
	return Sheet{Title: en.Title, Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Notice: "N", Version: "v"}
}

// noTemps fails the test when a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	if left, _ := filepath.Glob(filepath.Join(dir, ".her2guide-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// within runs f and fails the test if it takes more than a few seconds, as
// opening a FIFO for writing with no reader would.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("the save blocked: did it open the target?")
		return nil
	}
}

func writeString(t *testing.T, path, s string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil { // whatever the umask
		t.Fatal(err)
	}
}

// TestSave runs CreateFile and ReplaceFile on every kind of target.
func TestSave(t *testing.T) {
	const (
		ok     = "ok"
		exists = "exists"
	)
	cases := []struct {
		name string
		// setup prepares dir and returns the path to save to.
		setup func(t *testing.T, dir string) string
		// create and replace are "ok", "exists" (CreateFile only) or a
		// part of the error.
		create, replace string
		// free is the base name an *ExistsError suggests.
		free string
		// after checks the target after a refused save.
		after func(t *testing.T, path string)
	}{
		{name: "new file", create: ok, replace: ok,
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "q.txt") }},
		{name: "existing file", create: exists, replace: ok, free: "q-2.txt",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "q.txt")
				writeString(t, p, "old", 0o644)
				return p
			},
			after: unchanged("old")},
		{name: "existing file and -2", create: exists, replace: ok, free: "q-3.txt",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "q.txt")
				writeString(t, p, "old", 0o644)
				writeString(t, filepath.Join(dir, "q-2.txt"), "old", 0o644)
				return p
			},
			after: unchanged("old")},
		{name: "every free name taken", create: exists, replace: ok, free: "",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "q.txt")
				writeString(t, p, "old", 0o644)
				for n := 2; n <= maxFree; n++ {
					writeString(t, filepath.Join(dir, "q-"+strconv.Itoa(n)+".txt"), "old", 0o644)
				}
				return p
			},
			after: unchanged("old")},
		{name: "no extension", create: exists, replace: ok, free: "notes-2",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "notes")
				writeString(t, p, "old", 0o644)
				return p
			}},
		{name: "folder", create: "that is a folder", replace: "that is a folder",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "q.txt")
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
				return p
			},
			after: isKind(fs.ModeDir)},
		{name: "FIFO", create: "that is a pipe", replace: "that is a pipe",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "q.txt")
				if err := syscall.Mkfifo(p, 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
				return p
			},
			after: isKind(fs.ModeNamedPipe)},
		{name: "link to a file", create: "that is a link", replace: "that is a link",
			setup: func(t *testing.T, dir string) string {
				other := filepath.Join(dir, "other.txt")
				writeString(t, other, "old", 0o644)
				p := filepath.Join(dir, "q.txt")
				if err := os.Symlink(other, p); err != nil {
					t.Fatal(err)
				}
				return p
			},
			after: func(t *testing.T, path string) {
				isKind(fs.ModeSymlink)(t, path)
				unchanged("old")(t, path)
			}},
		{name: "link to nothing", create: "that is a link", replace: "that is a link",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "q.txt")
				if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), p); err != nil {
					t.Fatal(err)
				}
				return p
			},
			after: func(t *testing.T, path string) {
				isKind(fs.ModeSymlink)(t, path)
				if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("the link's target was made: %v", err)
				}
			}},
		{name: "missing folder", create: "does not exist", replace: "does not exist",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "missing", "q.txt") }},
		{name: "a file as the folder", create: "does not exist", replace: "does not exist",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "file")
				writeString(t, p, "old", 0o644)
				return filepath.Join(p, "q.txt")
			}},
		{name: "read-only folder", create: "permission", replace: "permission",
			setup: func(t *testing.T, dir string) string {
				if os.Geteuid() == 0 {
					t.Skip("root may write anywhere")
				}
				ro := filepath.Join(dir, "ro")
				if err := os.Mkdir(ro, 0o500); err != nil {
					t.Fatal(err)
				}
				return filepath.Join(ro, "q.txt")
			}},
	}
	for _, c := range cases {
		for _, fn := range []struct {
			name string
			save func(string, Sheet, Format, Paper) error
			want string
		}{{"CreateFile", CreateFile, c.create}, {"ReplaceFile", ReplaceFile, c.replace}} {
			t.Run(c.name+"/"+fn.name, func(t *testing.T) {
				dir := t.TempDir()
				path := c.setup(t, dir)
				err := within(t, func() error { return fn.save(path, testSheet(), Text, A4) })
				defer noTemps(t, filepath.Dir(path))
				switch fn.want {
				case ok:
					if err != nil {
						t.Fatal(err)
					}
					if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), en.Title) {
						t.Fatalf("saved file: %v, %q", err, b)
					}
					return
				case exists:
					var ex *ExistsError
					if !errors.As(err, &ex) || !errors.Is(err, ErrExists) || ex.Path != path {
						t.Fatalf("err = %v, want an *ExistsError for %s", err, path)
					}
					want := ""
					if c.free != "" {
						want = filepath.Join(dir, c.free)
					}
					if ex.Free != want {
						t.Errorf("free name %q, want %q", ex.Free, want)
					}
					if want != "" && !strings.Contains(ex.Plain(), "Save it as "+c.free) {
						t.Errorf("Plain() = %q", ex.Plain())
					}
				default:
					var fe *FileError
					if !errors.As(err, &fe) || !strings.Contains(fe.Plain(), fn.want) {
						t.Fatalf("err = %v, want a *FileError saying %q", err, fn.want)
					}
				}
				if c.after != nil {
					c.after(t, path)
				}
			})
		}
	}
}

func unchanged(want string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if b, err := os.ReadFile(path); err != nil || string(b) != want {
			t.Errorf("%s now holds %q (%v), want %q", path, b, err, want)
		}
	}
}

func isKind(kind fs.FileMode) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if info, err := os.Lstat(path); err != nil || info.Mode().Type() != kind {
			t.Errorf("%s is now %v (%v), want %v", path, info.Mode().Type(), err, kind)
		}
	}
}

// TestCreateFileRace: a file made between the check and the link is
// neither replaced nor reported as saved, and of many saves at once to one
// path exactly one wins.
func TestCreateFileRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.txt")
	sneak := func(oldname, newname string) error {
		writeString(t, newname, "theirs", 0o644)
		return os.Link(oldname, newname)
	}
	err := create(path, sheetWriter(testSheet(), Text, A4), sneak)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	unchanged("theirs")(t, path)
	noTemps(t, dir)

	path = filepath.Join(dir, "many.txt")
	const n = 16
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = create(path, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "writer %d\n", i)
				return err
			}, os.Link)
		})
	}
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Errorf("saves %d and %d both succeeded", won, i)
		case err == nil:
			won = i
		case !errors.Is(err, ErrExists):
			t.Errorf("save %d: %v", i, err)
		}
	}
	if won < 0 {
		t.Fatal("no save succeeded")
	}
	unchanged(fmt.Sprintf("writer %d\n", won))(t, path)
	noTemps(t, dir)
}

// TestCreateFileNoHardLinks: on a file system without hard links the name
// is claimed with O_EXCL and the sheet renamed over the claim.
func TestCreateFileNoHardLinks(t *testing.T) {
	dir := t.TempDir()
	noLinks := func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
	path := filepath.Join(dir, "q.txt")
	if err := create(path, sheetWriter(testSheet(), Text, A4), noLinks); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), en.Title) {
		t.Fatalf("saved file: %v, %q", err, b)
	}
	noTemps(t, dir)

	// Made between the check and the claim: still not replaced.
	path = filepath.Join(dir, "r.txt")
	sneak := func(_, newname string) error {
		writeString(t, newname, "theirs", 0o644)
		return &os.LinkError{Op: "link", Err: syscall.EPERM}
	}
	if err := create(path, sheetWriter(testSheet(), Text, A4), sneak); !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	unchanged("theirs")(t, path)
	noTemps(t, dir)
}

// TestSaveModes: a new file honours the umask, a replaced one keeps its
// mode, and a replacement is never readable by others while it is written.
func TestSaveModes(t *testing.T) {
	cases := []struct {
		name  string
		umask int
		old   fs.FileMode // 0: no file there
		want  fs.FileMode
		// whileWriting is the temporary file's mode as it is written.
		whileWriting fs.FileMode
	}{
		{"new, umask 022", 0o022, 0, 0o644, 0o644},
		{"new, umask 077", 0o077, 0, 0o600, 0o600},
		{"new, umask 027", 0o027, 0, 0o640, 0o640},
		{"over 0600, umask 022", 0o022, 0o600, 0o600, 0o600},
		{"over 0640, umask 077", 0o077, 0o640, 0o640, 0o600},
		{"over 0755, umask 022", 0o022, 0o755, 0o755, 0o600},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old := syscall.Umask(c.umask)
			defer syscall.Umask(old)
			dir := t.TempDir()
			path := filepath.Join(dir, "q.txt")
			var during fs.FileMode
			write := func(w io.Writer) error {
				info, err := w.(*os.File).Stat()
				if err != nil {
					return err
				}
				during = info.Mode().Perm()
				return Write(w, testSheet(), Text, A4)
			}
			if c.old != 0 {
				writeString(t, path, "old", c.old)
				if err := replace(path, write); err != nil {
					t.Fatal(err)
				}
			} else {
				if err := create(path, write, os.Link); err != nil {
					t.Fatal(err)
				}
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := info.Mode().Perm(); got != c.want {
				t.Errorf("mode %#o, want %#o", got, c.want)
			}
			if during != c.whileWriting {
				t.Errorf("mode while writing %#o, want %#o", during, c.whileWriting)
			}
		})
	}
	// ReplaceFile onto nothing is a new file too.
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "q.txt")
	if err := ReplaceFile(path, testSheet(), Text, A4); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("ReplaceFile onto nothing under umask 077: %v, %v", info.Mode(), err)
	}
}

// TestSaveWriteFails: a sheet that cannot be written leaves nothing.
func TestSaveWriteFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.txt")
	full := func(io.Writer) error { return &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC} }
	for name, err := range map[string]error{
		"create":  create(path, full, os.Link),
		"replace": replace(path, full),
	} {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Why != "the disk is full" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed save left %s: %v", path, err)
	}
	noTemps(t, dir)
}

func TestDefaultName(t *testing.T) {
	date := time.Date(2026, 11, 22, 23, 59, 0, 0, time.UTC)
	for f, want := range map[Format]string{Text: "my-questions-2026-11-22.txt", PDF: "my-questions-2026-11-22.pdf",
		HTML: "my-questions-2026-11-22.html", Markdown: "my-questions-2026-11-22.md"} {
		if got := DefaultName("/home/a", f, date); got != filepath.Join("/home/a", want) {
			t.Errorf("DefaultName(%s) = %q, want %q", f, got, want)
		}
	}
}
