package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/kiosk"
)

// checkPage is a good clinic page with one source and two questions, the
// least content/README.md asks of a clinic page.
func checkPage(id string, order int, related string) string {
	return fmt.Sprintf("---\nid: %s\ntitle: Who do I call at this clinic?\nsummary: Phone numbers.\nsection: talking\norder: %d\nreviewed: 2026-11-01\nnext_review: 2027-05-01\nsources:\n  - \"Clinic policy, 2026.\"\nquestions:\n  - \"Who do I call at night?\"\n  - \"Where do I park?\"\nrelated: [%s]\n---\n\nCall the desk.\n", id, order, related)
}

func writePages(t *testing.T, dir string, pages map[string]string) {
	t.Helper()
	for name, body := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCheckAndKioskSkipTheSamePages: `check DIR` reports every clinic page
// the kiosk skips, and no other: here a chain a → b → c → a missing page,
// which the kiosk drops whole, and a short page both accept.
func TestCheckAndKioskSkipTheSamePages(t *testing.T) {
	dir := t.TempDir()
	writePages(t, dir, map[string]string{
		"clinic-a.md":     checkPage("clinic-a", 91, "clinic-b"),
		"clinic-b.md":     checkPage("clinic-b", 92, "clinic-c"),
		"clinic-c.md":     checkPage("clinic-c", 93, "clinic-gone"),
		"clinic-short.md": checkPage("clinic-short", 94, "questions"),
	})
	env, out, _ := testEnv(false, false)
	env.Now = time.Now // the bundled pages' review dates are checked against today
	if code := run(t, env, "check", dir); code == 0 {
		t.Fatalf("check passed a folder the kiosk skips pages of:\n%s", out.String())
	}
	fromCheck := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		file, _, _ := strings.Cut(line, ":")
		fromCheck[filepath.Base(file)] = true
	}
	_, warnings, err := kioskGuide(kiosk.Config{Content: dir}, func(string, ...any) {}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	fromKiosk := map[string]bool{}
	re := regexp.MustCompile(`^Clinic page (\S+) skipped`)
	for _, w := range warnings {
		if m := re.FindStringSubmatch(w); m != nil {
			fromKiosk[m[1]] = true
		}
	}
	want := "clinic-a.md clinic-b.md clinic-c.md"
	if got := sortedKeys(fromCheck); got != want {
		t.Errorf("check reports %s, want %s:\n%s", got, want, out.String())
	}
	if got := sortedKeys(fromKiosk); got != want {
		t.Errorf("the kiosk skips %s, want %s: %q", got, want, warnings)
	}
	for _, reason := range []string{
		`/clinic-c.md:14: related page "clinic-gone" does not exist`,
		`/clinic-b.md:14: related page "clinic-c" is skipped`,
		`/clinic-a.md:14: related page "clinic-b" is skipped`,
	} {
		if !strings.Contains(out.String(), reason) {
			t.Errorf("check output lacks %q:\n%s", reason, out.String())
		}
	}
}

func sortedKeys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestCheckClinicMinimums: a clinic page needs 1 source and 2 questions.
func TestCheckClinicMinimums(t *testing.T) {
	dir := t.TempDir()
	writePages(t, dir, map[string]string{"clinic-short.md": checkPage("clinic-short", 94, "questions")})
	env, out, _ := testEnv(false, false)
	env.Now = time.Now
	if code := run(t, env, "check", dir); code != 0 || !strings.HasPrefix(out.String(), "ok: ") {
		t.Errorf("exit %d:\n%s", code, out.String())
	}
	bare := strings.Replace(checkPage("clinic-bare", 95, "questions"), "  - \"Where do I park?\"\n", "", 1)
	writePages(t, dir, map[string]string{"clinic-bare.md": bare})
	env, out, _ = testEnv(false, false)
	env.Now = time.Now
	if code := run(t, env, "check", dir); code == 0 || !strings.Contains(out.String(), "/clinic-bare.md:11: needs at least 2 questions, has 1") {
		t.Errorf("exit %d:\n%s", code, out.String())
	}
}

// TestCheckPrintsNoEscapes: a crafted file name or YAML key cannot reach
// the terminal as an escape sequence (here one that sets the window title).
func TestCheckPrintsNoEscapes(t *testing.T) {
	dir := t.TempDir()
	title := "\x1b]0;pwned\x07"
	keyed := strings.Replace(checkPage("clinic-key", 91, "questions"), "order: 91", "order: 91\n\""+title+"\": red", 1)
	writePages(t, dir, map[string]string{
		title + "x.md":  checkPage("clinic-name", 92, "questions"),
		"clinic-key.md": keyed,
	})
	env, out, errb := testEnv(false, false)
	env.Now = time.Now
	if code := run(t, env, "check", dir); code == 0 {
		t.Fatalf("exit 0:\n%s", out.String())
	}
	if strings.ContainsAny(out.String()+errb.String(), "\x1b\x07") {
		t.Errorf("escape sequence printed:\n%q\n%q", out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "/clinic-key.md:") || !strings.Contains(out.String(), "x.md:") {
		t.Errorf("a problem is missing:\n%s", out.String())
	}

	env, _, errb = testEnv(false, false)
	if code := run(t, env, "check", filepath.Join(dir, title+"gone")); code == 0 || strings.ContainsAny(errb.String(), "\x1b\x07") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
