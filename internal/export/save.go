package export

// Saving a sheet follows one rule on every face (the TUI, --plain and the
// questions command): a save never replaces a file silently.
//
//   - CreateFile refuses when a file is already at the path, with an
//     *ExistsError that names a free name beside it; the caller offers that
//     name, asks for another, or, when the reader has said so, calls
//     ReplaceFile.
//   - Both write the whole sheet to a temporary file in the target's folder
//     and sync it before it takes the target's name, so a failed save never
//     leaves half a file. CreateFile gives it the name with a hard link,
//     which fails when the name is taken, so nothing can appear between the
//     check and the write; ReplaceFile renames it over the old file.
//   - Neither ever opens the target: a folder, a pipe (FIFO), a device, a
//     socket or a symbolic link at the path is refused with a plain message.
//   - A replaced file keeps its permission bits. A new file gets what the
//     system gives any new file in that folder: its temporary file is
//     created with permission 0666 and the kernel takes away the umask (or
//     applies the folder's default ACL), as it does for cp or a shell's ">".
//     The umask is not read: syscall.Umask, called twice to read it, changes
//     it for the whole process for a moment, so a file another goroutine
//     creates then gets mode 0666, and it ignores default ACLs; a probe file
//     would be one more file made and removed in the reader's folder. The
//     temporary file never allows more than the saved file will, because it
//     is the saved file. The temporary file of a replacement is created 0600
//     and given the old file's mode once written.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/her2guide/her2guide/internal/safetext"
)

// maxFree is the highest number tried for a free name: name-2 … name-99.
const maxFree = 99

// ErrExists matches an *ExistsError with errors.Is.
var ErrExists = errors.New("there is already a file with that name")

// errNotRegular is the system-side reason for refusing a path that is not
// an ordinary file.
var errNotRegular = errors.New("not a regular file")

// ExistsError is a save that found an ordinary file already at Path and
// wrote nothing.
type ExistsError struct {
	// Path is the path the save was asked for.
	Path string
	// Free is a name in the same folder that was free when checked, such as
	// "questions-2.pdf" for "questions.pdf", or "" when name-2 to name-99
	// are all taken. Saving there can still find it taken by then.
	Free string
}

// Error names the path, the reason and the free name, written out with
// safetext.Line, as every save message is: a file name can hold escape
// sequences.
func (e *ExistsError) Error() string {
	msg := "could not save " + e.Path + ": " + ErrExists.Error()
	if e.Free != "" {
		msg += " (" + e.Free + " is free)"
	}
	return safetext.Line(msg)
}

// Is makes errors.Is(err, ErrExists) true.
func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// Plain is what to tell the patient.
func (e *ExistsError) Plain() string {
	msg := "There is already a file called " + filepath.Base(e.Path) + ", so nothing was saved."
	if e.Free == "" {
		return safetext.Line(msg + " Choose another name.")
	}
	return safetext.Line(msg + " Save it as " + filepath.Base(e.Free) + ", or choose another name.")
}

// DefaultName is the path a sheet in format f made on date is offered under
// in folder dir: dir/my-questions-2026-11-22.pdf.
func DefaultName(dir string, f Format, date time.Time) string {
	return filepath.Join(dir, "my-questions-"+date.Format("2006-01-02")+f.Extension())
}

// CreateFile saves the sheet at path when nothing is there yet. When an
// ordinary file is there it writes nothing and returns an *ExistsError;
// anything else at path (a folder, pipe, device, socket or link) is refused
// with a *FileError, as is every failure to write.
func CreateFile(path string, s Sheet, f Format, p Paper) error {
	return create(path, sheetWriter(s, f, p), os.Link)
}

// ReplaceFile saves the sheet at path, replacing an ordinary file that is
// there in one step (keeping its permission bits) or making a new one.
// Anything else at path is refused, never opened. Errors are *FileError.
func ReplaceFile(path string, s Sheet, f Format, p Paper) error {
	return replace(path, sheetWriter(s, f, p))
}

// WriteFile is ReplaceFile.
//
// Deprecated: it replaces a file silently. Use CreateFile, and ReplaceFile
// only when the reader has chosen to replace the file.
func WriteFile(path string, s Sheet, f Format, p Paper) error {
	return ReplaceFile(path, s, f, p)
}

// sheetWriter writes the sheet in format f.
func sheetWriter(s Sheet, f Format, p Paper) func(io.Writer) error {
	return func(w io.Writer) error { return Write(w, s, f, p) }
}

// create is CreateFile with the writer and the hard-link call given, for
// tests of file systems without hard links.
func create(path string, write func(io.Writer) error, link func(oldname, newname string) error) error {
	if exists, _, err := target(path); err != nil || exists {
		return existing(path, err)
	}
	tmp, err := writeTemp(path, 0o666, nil, write)
	if err != nil {
		return err
	}
	err = link(tmp, path)
	if err == nil {
		// The sheet is saved under both names; dropping the temporary one
		// cannot undo that, so its failure is not the reader's problem.
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		os.Remove(tmp)
		// Made between the check and the link.
		_, _, terr := target(path)
		return existing(path, terr)
	}
	// No hard links here (some USB sticks and network shares): claim the
	// name with an empty file of our own, then rename over it.
	claim, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		os.Remove(tmp)
		if errors.Is(err, fs.ErrExist) {
			_, _, terr := target(path)
			return existing(path, terr)
		}
		return fileError(path, err)
	}
	err = claim.Close()
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		os.Remove(path) // our own empty claim
		return fileError(path, err)
	}
	return nil
}

// replace is ReplaceFile with the writer given.
func replace(path string, write func(io.Writer) error) error {
	exists, mode, err := target(path)
	if err != nil {
		return err
	}
	perm, keep := fs.FileMode(0o666), (*fs.FileMode)(nil)
	if exists {
		perm, keep = 0o600, &mode
	}
	tmp, err := writeTemp(path, perm, keep, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fileError(path, err)
	}
	return nil
}

// existing is the error for a path found taken: err when target refused
// it, else an *ExistsError with a free name.
func existing(path string, err error) error {
	if err != nil {
		return err
	}
	return &ExistsError{Path: path, Free: freeName(path)}
}

// target looks at what is at path without following a link. It reports
// whether an ordinary file is there and its permission bits; anything else
// that is there is a *FileError.
func target(path string) (exists bool, perm fs.FileMode, err error) {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, 0, nil
	case err != nil:
		return false, 0, fileError(path, err)
	}
	mode := info.Mode()
	var why string
	switch {
	case mode.IsRegular():
		return true, mode.Perm(), nil
	case mode.IsDir():
		return false, 0, &FileError{Path: path, Why: "that is a folder", Err: syscall.EISDIR}
	case mode&fs.ModeSymlink != 0:
		why = "that is a link to another file; give the file's own name or a new one"
	case mode&fs.ModeNamedPipe != 0:
		why = "that is a pipe, not a file"
	case mode&fs.ModeDevice != 0:
		why = "that is a device, not a file"
	case mode&fs.ModeSocket != 0:
		why = "that is a socket, not a file"
	default:
		why = "that is not an ordinary file"
	}
	return false, 0, &FileError{Path: path, Why: why, Err: errNotRegular}
}

// freeName is the first of path's name with -2, -3 … -99 before its
// extension that nothing is at, or "".
func freeName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	if stem == "" || strings.HasSuffix(stem, string(filepath.Separator)) {
		stem, ext = path, "" // a name such as ".pdf" is all stem
	}
	for n := 2; n <= maxFree; n++ {
		p := stem + "-" + strconv.Itoa(n) + ext
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
	return ""
}

// writeTemp writes a new temporary file beside path, created with perm
// (less the umask), syncs it, sets its mode to *keep when keep is not nil
// and closes it. It returns the file's name, or a *FileError and no file.
func writeTemp(path string, perm fs.FileMode, keep *fs.FileMode, write func(io.Writer) error) (name string, err error) {
	f, err := openTemp(filepath.Dir(path), perm)
	if err != nil {
		return "", fileError(path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return "", fileError(path, err)
	}
	if err = f.Sync(); err != nil {
		return "", fileError(path, err)
	}
	if keep != nil {
		if err = f.Chmod(*keep); err != nil {
			return "", fileError(path, err)
		}
	}
	if err = f.Close(); err != nil {
		return "", fileError(path, err)
	}
	return f.Name(), nil
}

// openTemp creates a new hidden file in dir with perm (less the umask), as
// os.CreateTemp does with 0600.
func openTemp(dir string, perm fs.FileMode) (*os.File, error) {
	for range 1000 {
		name := filepath.Join(dir, ".her2guide-"+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, ".her2guide-*.tmp"), Err: fs.ErrExist}
}

// FileError is a failed save. Error() gives the plain reason and the
// system's own words; Plain() only the plain sentence, for patients.
type FileError struct {
	Path string
	// Why is the reason in plain words, or "" when it is not a known one.
	Why string
	Err error
}

// Error gives the plain reason and the system's own words, written out
// with safetext.Line (the path can hold escape sequences).
func (e *FileError) Error() string {
	if e.Why == "" {
		return safetext.Line(fmt.Sprintf("could not save %s: %v", e.Path, e.Err))
	}
	return safetext.Line(fmt.Sprintf("could not save %s: %s (%v)", e.Path, e.Why, e.Err))
}

// Unwrap gives the system error.
func (e *FileError) Unwrap() error { return e.Err }

// Plain is one sentence for the patient, written out with safetext.Line.
func (e *FileError) Plain() string {
	if e.Why == "" {
		return safetext.Line("The file could not be saved: " + e.Err.Error() + ".")
	}
	return safetext.Line("The file could not be saved: " + e.Why + ".")
}

// fileError says in plain words why path could not be written.
func fileError(path string, err error) error {
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		why = "the disk is full"
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		why = "you do not have permission to write there"
	case errors.Is(err, os.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		why = "the folder " + filepath.Dir(path) + " does not exist"
	case errors.Is(err, syscall.EISDIR):
		why = "that is a folder"
	}
	return &FileError{Path: path, Why: why, Err: err}
}
