package cli

import (
	"strings"
	"testing"
	"time"
)

// TestCheckClarityWarnsOnClinicPages: a clinic page that breaks the
// clarity rules (here: no message, no "In short") is listed as warnings,
// with a count, and check still passes; the bundled pages add no warning
// to a clinic folder's check.
func TestCheckClarityWarnsOnClinicPages(t *testing.T) {
	dir := t.TempDir()
	writePages(t, dir, map[string]string{"clinic-short.md": checkPage("clinic-short", 94, "questions")})
	env, out, errb := testEnv(false, false)
	env.Now = time.Now
	if code := run(t, env, "check", dir); code != 0 || !strings.HasPrefix(out.String(), "ok: ") {
		t.Fatalf("exit %d:\n%s\n%s", code, out.String(), errb.String())
	}
	warnings := errb.String()
	if !strings.Contains(warnings, "warning: "+dir+"/clinic-short.md:") || !strings.Contains(warnings, "no message") {
		t.Errorf("no clarity warning for the clinic page:\n%s", warnings)
	}
	if !strings.Contains(warnings, "clarity warning(s) on 1 page(s)") {
		t.Errorf("no count line for one page:\n%s", warnings)
	}
	if strings.Contains(warnings, "content/en/pages/") {
		t.Errorf("a clinic folder's check warns about bundled pages:\n%s", warnings)
	}
}
