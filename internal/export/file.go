package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// Title heads the printed sheet.
const Title = "Questions for my oncologist"

// NewSheet makes the sheet for a list of questions from the guide's content.
// Its "when to call right away" box has the safety lines that the pages
// behind the questions call for (every line when no question comes from a
// page). The care team's phone numbers are left blank: set Phone and
// AfterHours to fill them in.
func NewSheet(g *guide.Guide, items []checklist.Item, date time.Time, version string) Sheet {
	if version == "" {
		version = "dev"
	}
	var topics []string
	for _, it := range items {
		if it.Topic != "" {
			topics = append(topics, it.Topic)
		}
	}
	return Sheet{
		Title:    Title,
		Date:     date,
		Groups:   checklist.Ordered(items),
		Urgent:   UrgentLines(g, topics),
		Notice:   g.Meta.Notice,
		Reviewed: g.Reviewed(),
		Version:  version,
	}
}

// UrgentLines returns the "when to call right away" lines for a sheet made
// from the given pages' questions: see guide.SheetRules. No pages (a sheet
// for a reader whose treatment is not known) gives every line.
func UrgentLines(g *guide.Guide, pageIDs []string) []string {
	var lines []string
	for _, r := range g.SheetRules(pageIDs) {
		lines = append(lines, r.SheetLine())
	}
	return lines
}

// WriteFile writes the sheet to path through a temporary file in the same
// folder, renamed into place only when complete, so a failed save never
// leaves half a file. Errors say in plain words what went wrong.
func WriteFile(path string, s Sheet, f Format, p Paper) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".her2guide-*.tmp")
	if err != nil {
		return fileError(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = Write(tmp, s, f, p); err != nil {
		return fileError(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fileError(path, err)
	}
	if err = tmp.Close(); err != nil {
		return fileError(path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fileError(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fileError(path, err)
	}
	return nil
}

// FileError is a failed save. Error() gives the plain reason and the
// system's own words; Plain() only the plain sentence, for patients.
type FileError struct {
	Path string
	// Why is the reason in plain words, or "" when it is not a known one.
	Why string
	Err error
}

func (e *FileError) Error() string {
	if e.Why == "" {
		return fmt.Sprintf("could not save %s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("could not save %s: %s (%v)", e.Path, e.Why, e.Err)
}

// Unwrap gives the system error.
func (e *FileError) Unwrap() error { return e.Err }

// Plain is one sentence for the patient.
func (e *FileError) Plain() string {
	if e.Why == "" {
		return "The file could not be saved: " + e.Err.Error() + "."
	}
	return "The file could not be saved: " + e.Why + "."
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
