package guide

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func writeClinic(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadClinicRefusesAHugePage: a page over the size limit is skipped
// with a plain message, and the others load.
func TestLoadClinicRefusesAHugePage(t *testing.T) {
	huge := clinicPage("huge", "20", withBody(strings.Repeat("Words and more words.\n", 300<<10/22)))
	clinic := fstest.MapFS{
		"huge.md": {Data: []byte(huge)},
		"ok.md":   {Data: []byte(clinicPage("ok", "10"))},
	}
	c := loadClinic(t, clinicBase(), clinic, DefaultRules(today), false)
	if got := strings.Join(c.Added, ","); got != "ok" {
		t.Errorf("Added = %s", got)
	}
	want := fmt.Sprintf("clinic/huge.md: the file is %d KB; a page may be at most 256 KB", (len(huge)+1023)/1024)
	if ps := c.Problems(); len(ps) != 1 || ps[0].String() != want {
		t.Errorf("problems:\n%v\nwant %s", ps, want)
	}
}

// TestLoadClinicCapsThePageCount: past the limit, the pages last in file
// name order are skipped, each with a plain message.
func TestLoadClinicCapsThePageCount(t *testing.T) {
	clinic := fstest.MapFS{}
	for i := range 5 {
		id := fmt.Sprintf("p%d", i)
		clinic[id+".md"] = &fstest.MapFile{Data: []byte(clinicPage(id, fmt.Sprint(i+1)))}
	}
	rules := DefaultRules(today)
	rules.MaxClinicPages = 3
	c := loadClinic(t, clinicBase(), clinic, rules, false)
	if got := strings.Join(c.Added, ","); got != "p0,p1,p2" {
		t.Errorf("Added = %s", got)
	}
	want := "clinic/p3.md: the folder has 5 clinic pages and at most 3 are loaded (the first by file name)"
	if got := skippedFiles(c); got != "clinic/p3.md,clinic/p4.md" || c.Skipped[0].Problems[0].String() != want {
		t.Errorf("Skipped = %s: %v\nwant %s", got, c.Problems(), want)
	}
	if DefaultRules(today).MaxClinicPages != 200 || DefaultRules(today).MaxPageBytes != 256<<10 {
		t.Errorf("default limits: %+v", DefaultRules(today))
	}
}

// TestLoadClinicRefusesAFIFO: a FIFO named like a page is refused without
// being opened, so start-up never waits for a writer.
func TestLoadClinicRefusesAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	writeClinic(t, dir, "ok.md", clinicPage("ok", "10"))
	done := make(chan *Clinic, 1)
	go func() {
		c, err := LoadClinic(Source{FS: clinicBase(), Name: "content"}, Source{FS: os.DirFS(dir), Name: "clinic"}, DefaultRules(today), false)
		if err != nil {
			t.Error(err)
		}
		done <- c
	}()
	var c *Clinic
	select {
	case c = <-done:
	case <-time.After(10 * time.Second):
		// Release the blocked reader before failing.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("LoadClinic waits on a FIFO")
	}
	if got := strings.Join(c.Added, ","); got != "ok" {
		t.Errorf("Added = %s", got)
	}
	want := "clinic/x.md: not a regular file (a named pipe); a page must be a plain file"
	if ps := c.Problems(); len(ps) != 1 || ps[0].String() != want {
		t.Errorf("problems:\n%v\nwant %s", ps, want)
	}
}

// TestLoadClinicRefusesLinksThatLeaveTheFolder: a link to a file inside the
// folder is read; one that leads outside it, directly or through another
// link or a linked folder, is refused.
func TestLoadClinicRefusesLinksThatLeaveTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "clinic")
	if err := os.MkdirAll(filepath.Join(dir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeClinic(t, root, "outside.md", clinicPage("outside", "10"))
	writeClinic(t, dir, filepath.Join("drafts", "real.md"), clinicPage("inside", "20"))
	links := map[string]string{
		"inside.md":   "drafts/real.md",
		"outside.md":  "../outside.md",
		"absolute.md": filepath.Join(root, "outside.md"),
		"hop.md":      "outside.md",
		"up":          "..",
		"viaup.md":    "up/outside.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlink: %v", err)
		}
	}
	c, err := LoadClinic(Source{FS: clinicBase(), Name: "content"}, Source{FS: os.DirFS(dir), Name: "clinic"}, DefaultRules(today), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Added, ","); got != "inside" {
		t.Errorf("Added = %s; problems %v", got, c.Problems())
	}
	if got := skippedFiles(c); got != "clinic/absolute.md,clinic/hop.md,clinic/outside.md,clinic/viaup.md" {
		t.Errorf("Skipped = %s", got)
	}
	for _, s := range c.Skipped {
		if want := s.File + ": a link that leads outside the clinic pages folder; copy the page into the folder instead"; s.Problems[0].String() != want {
			t.Errorf("%s: %v\nwant %s", s.File, s.Problems, want)
		}
	}
}

// TestLoadClinicMissingFolder: a folder that does not exist is said so,
// plainly.
func TestLoadClinicMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	c, err := LoadClinic(Source{FS: clinicBase(), Name: "content"}, Source{FS: os.DirFS(dir), Name: dir}, DefaultRules(today), false)
	if err != nil {
		t.Fatal(err)
	}
	want := dir + ": the clinic pages folder does not exist"
	if ps := c.Problems(); len(ps) != 1 || ps[0].String() != want {
		t.Errorf("problems: %v\nwant %s", ps, want)
	}
	if !c.Skipped[0].Folder {
		t.Error("the folder's problem is not marked as the folder's")
	}
}
