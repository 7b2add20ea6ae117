package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/kiosk"
)

func getenvOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// parsedKiosk returns the kiosk command with args parsed, as cobra would
// before running it.
func parsedKiosk(t *testing.T, env Env, args ...string) kiosk.Config {
	t.Helper()
	root := NewRoot(env)
	cmd, rest, err := root.Find(append([]string{"kiosk"}, args...))
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.ParseFlags(rest); err != nil {
		t.Fatal(err)
	}
	cfg, err := kioskConfig(cmd, env)
	if err != nil {
		t.Fatalf("kioskConfig(%v): %v", args, err)
	}
	return cfg
}

func writeFile(t *testing.T, file, data string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestKioskConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kiosk.toml")
	writeFile(t, file, "idle = \"5m\"\ncountdown = \"45s\"\nprinter = \"desk\"\nexit-code = \"7391\"\ncontent = \"pages\"\ncontent-override = true\nlog = \"kiosk.log\"\n")

	env, _, _ := testEnv(false, false)
	if got := parsedKiosk(t, env); got != kiosk.Defaults() {
		t.Errorf("nothing set: %+v", got)
	}

	got := parsedKiosk(t, env, "--config", file)
	want := kiosk.Config{Idle: 5 * time.Minute, Countdown: 45 * time.Second, Printer: "desk", ExitCode: "7391",
		Content: filepath.Join(dir, "pages"), ContentOverride: true, Log: filepath.Join(dir, "kiosk.log")}
	if got != want {
		t.Errorf("file only:\n got %+v\nwant %+v", got, want)
	}

	env.Getenv = getenvOf(map[string]string{
		"HER2GUIDE_COUNTDOWN":        "20s",
		"HER2GUIDE_PRINTER":          "ward",
		"HER2GUIDE_EXIT_CODE":        "1111",
		"HER2GUIDE_CONTENT_OVERRIDE": "false",
	})
	got = parsedKiosk(t, env, "--config", file, "--printer", "lobby", "--idle", "3m", "--log", "/tmp/x.log")
	want = kiosk.Config{
		Idle:            3 * time.Minute,             // flag, though it equals the default, over the file
		Countdown:       20 * time.Second,            // variable over file
		Printer:         "lobby",                     // flag over variable over file
		ExitCode:        "1111",                      // variable over file
		Content:         filepath.Join(dir, "pages"), // file
		ContentOverride: false,                       // variable over file
		Log:             "/tmp/x.log",                // flag over file
	}
	if got != want {
		t.Errorf("all layers:\n got %+v\nwant %+v", got, want)
	}

	got = parsedKiosk(t, env, "--content-override", "--exit-code", "2468")
	if !got.ContentOverride || got.ExitCode != "2468" {
		t.Errorf("flags over variables: %+v", got)
	}
}

func TestKioskErrors(t *testing.T) {
	dir := t.TempDir()
	badKey := filepath.Join(dir, "bad-key.toml")
	writeFile(t, badKey, "idle = \"2m\"\nexit_code = \"2468\"\n")
	badValue := filepath.Join(dir, "bad-value.toml")
	writeFile(t, badValue, "# kiosk\nidle = \"2 minutes\"\n")
	good := filepath.Join(dir, "good.toml")
	writeFile(t, good, "idle = \"2m\"\n")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"bad flag", []string{"--idle", "500ms"}, nil, `invalid --idle "500ms": must be at least 1s`},
		{"unparsable flag", []string{"--countdown", "soon"}, nil, `invalid argument "soon" for "--countdown" flag`},
		{"short exit code flag", []string{"--exit-code", "12"}, nil, `invalid --exit-code: the code must be at least 4 characters`},
		{"bad variable", nil, map[string]string{"HER2GUIDE_IDLE": "forever"}, `HER2GUIDE_IDLE="forever": not a duration`},
		{"bad variable bool", nil, map[string]string{"HER2GUIDE_CONTENT_OVERRIDE": "yes please"}, `HER2GUIDE_CONTENT_OVERRIDE="yes please": must be true or false`},
		{"unknown file key", []string{"--config", badKey}, nil, filepath.ToSlash(badKey) + `:2: unknown key "exit_code" (did you mean "exit-code"?)`},
		{"bad file value", []string{"--config", badValue}, nil, filepath.ToSlash(badValue) + `:2: idle = "2 minutes": not a duration`},
		{"missing file", []string{"--config", filepath.Join(dir, "none.toml")}, nil, `cannot read the config file`},
		{"bad flag over good file", []string{"--config", good, "--printer", "front desk"}, nil, `invalid --printer "front desk"`},
		{"no terminal", []string{"--config", good}, nil, `the kiosk needs a terminal`},
		{"plain", []string{"--plain"}, nil, `the kiosk has no --plain mode`},
		{"argument", []string{"now"}, nil, `unknown command "now"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env, _, errb := testEnv(false, false)
			env.Getenv = getenvOf(tc.env)
			if code := run(t, env, append([]string{"kiosk"}, tc.args...)...); code == 0 {
				t.Fatal("exit 0")
			}
			if !strings.Contains(strings.ToLower(errb.String()), strings.ToLower(tc.want)) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, errb.String())
			}
		})
	}
}

func TestKioskWritesNoLogUnlessAsked(t *testing.T) {
	// Without a terminal the kiosk stops before opening its log.
	log := filepath.Join(t.TempDir(), "kiosk.log")
	env, _, _ := testEnv(false, false)
	if code := run(t, env, "kiosk", "--log", log); code == 0 {
		t.Fatal("exit 0 without a terminal")
	}
	if _, err := os.Stat(log); !os.IsNotExist(err) {
		t.Errorf("log created before the kiosk could run: %v", err)
	}
	logf, closeLog, err := openKioskLog("", time.Now)
	if err != nil {
		t.Fatal(err)
	}
	logf("nothing %d", 1)
	closeLog()
}

func TestKioskLog(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kiosk.log")
	writeFile(t, file, "earlier line\n")
	at := time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)
	logf, closeLog, err := openKioskLog(file, func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	logf("printing failed: %s", "no printer\nforged line")
	closeLog()
	logf("after close") // dropped, no panic
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "earlier line\n2026-11-22T09:30:00Z printing failed: no printer forged line\n"
	if string(data) != want {
		t.Errorf("log =\n%q\nwant\n%q", data, want)
	}
	if _, _, err := openKioskLog(filepath.Join(t.TempDir(), "no", "such", "dir.log"), time.Now); err == nil || !strings.Contains(err.Error(), "cannot open the staff log") {
		t.Errorf("unwritable log: %v", err)
	}
}

const clinicPage = "---\nid: clinic-contacts\ntitle: Who do I call at this clinic?\nsummary: The clinic's numbers.\nsection: talking\norder: 90\nreviewed: 2026-11-01\nnext_review: 2027-05-01\nsources:\n  - \"Clinic policy, 2026.\"\n  - \"Clinic staff list, 2026.\"\nquestions:\n  - \"Who do I call at night?\"\n  - \"Who is my nurse navigator?\"\n  - \"Where do I park?\"\n---\n\nAsk at the desk.\n"

func TestKioskGuide(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(clinicPage, "id: clinic-contacts", "id: clinic-broken", 1)
	bad = strings.Replace(bad, "order: 90", "order: 91\nrelated: [questons]", 1)
	bad = strings.Replace(bad, "section: talking", "section: talkin", 1)
	unknown := strings.Replace(clinicPage, "id: clinic-contacts", "id: clinic-colour", 1)
	unknown = strings.Replace(unknown, "order: 90", "order: 92\ncolour: red", 1)
	// A clinic version of a bundled page, with questions of its own.
	ours := strings.Replace(clinicPage, "id: clinic-contacts", "id: her2-positive", 1)
	ours = strings.Replace(ours, "section: talking\norder: 90", "section: diagnosis\norder: 10", 1)
	writeFile(t, filepath.Join(dir, "clinic-contacts.md"), clinicPage)
	writeFile(t, filepath.Join(dir, "clinic-broken.md"), bad)
	writeFile(t, filepath.Join(dir, "clinic-colour.md"), unknown)
	writeFile(t, filepath.Join(dir, "her2-positive.md"), ours)
	var logged []string
	logf := func(format string, args ...any) {
		logged = append(logged, strings.TrimSpace(fmt.Sprintf(format, args...)))
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

	g, warnings, err := kioskGuide(kiosk.Config{Content: dir}, logf, now)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := g.Page("clinic-contacts"); !ok || !strings.Contains(p.Body, "Ask at the desk.") {
		t.Error("the good clinic page is missing")
	}
	if p, _ := g.Page("her2-positive"); p.File != "content/en/pages/her2-positive.md" {
		t.Errorf("a clinic page replaced a bundled one without override: %s", p.File)
	}
	if len(warnings) != 3 {
		t.Fatalf("warnings = %q", warnings)
	}
	slash := filepath.ToSlash(dir)
	for _, want := range []string{
		"Clinic page clinic-broken.md skipped: " + slash + `/clinic-broken.md:5: unknown section "talkin" (known: diagnosis, `,
		`. 1 more: run her2guide check ` + dir + ".",
		"Clinic page clinic-colour.md skipped: " + slash + `/clinic-colour.md:7: unknown field "colour".`,
		"Clinic page her2-positive.md skipped: " + slash + `/her2-positive.md: page id "her2-positive" is already used by the bundled page content/en/pages/her2-positive.md`,
	} {
		if !strings.Contains(strings.Join(warnings, "\n"), want) {
			t.Errorf("warnings lack %q:\n%s", want, strings.Join(warnings, "\n"))
		}
	}
	log := strings.Join(logged, "\n")
	for _, want := range []string{`clinic-broken.md:5: unknown section "talkin"`, `clinic-broken.md:7: related page "questons" does not exist`, `clinic-colour.md:7: unknown field "colour"`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}

	// With override, the clinic version replaces the bundled page, with
	// questions of its own: the questions paths.yaml pre-ticks are in the
	// question bank, not on the page, so they are still there.
	logged = nil
	g, warnings, err = kioskGuide(kiosk.Config{Content: dir, ContentOverride: true}, logf, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range g.PathFor(map[string]string{"her2": "ihc3"}).Questions {
		if q, ok := g.Question(ref); !ok || q.Text == "" {
			t.Errorf("with the override, the path's question %q is gone", ref)
		}
	}
	if p, _ := g.Page("her2-positive"); p.File != slash+"/her2-positive.md" || len(warnings) != 2 {
		t.Errorf("override: her2-positive from %s, warnings %q", p.File, warnings)
	}
	if !strings.Contains(strings.Join(logged, "\n"), "clinic page her2-positive replaces the bundled page") {
		t.Errorf("log:\n%s", strings.Join(logged, "\n"))
	}

	_, warnings, err = kioskGuide(kiosk.Config{Content: dir}, logf, time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || !strings.Contains(strings.Join(warnings, "\n"), "Clinic page clinic-contacts.md: review is overdue") {
		t.Errorf("overdue clinic page: %v %q", err, warnings)
	}

	_, warnings, err = kioskGuide(kiosk.Config{Content: filepath.Join(dir, "missing")}, logf, now)
	if err != nil || len(warnings) != 1 || !strings.HasPrefix(warnings[0], "No clinic pages: the clinic pages folder does not exist") {
		t.Errorf("missing folder: %v %q", err, warnings)
	}

	g, warnings, err = kioskGuide(kiosk.Config{}, logf, now)
	if err != nil || len(warnings) != 0 || g == nil {
		t.Errorf("no clinic pages: %v %q", err, warnings)
	}
}

func TestDescribeKioskHidesTheCode(t *testing.T) {
	s := describeKiosk(kiosk.Config{Idle: time.Minute, Countdown: time.Second, ExitCode: "2468", Printer: "desk"})
	if strings.Contains(s, "2468") || !strings.Contains(s, "exit code set: true") || !strings.Contains(s, "printer desk") {
		t.Errorf("describeKiosk = %q", s)
	}
}

// TestKioskClearsTraceAndCode: TEA_TRACE and TEA_DEBUG would make Bubble
// Tea log every key (the staff code, the patient's questions) to a file,
// and a child process (lp) could read HER2GUIDE_EXIT_CODE: the kiosk
// removes them from its environment before anything else runs.
func TestKioskClearsTraceAndCode(t *testing.T) {
	trace := filepath.Join(t.TempDir(), "trace")
	t.Setenv("TEA_TRACE", trace)
	t.Setenv("TEA_DEBUG", "true")
	t.Setenv("HER2GUIDE_EXIT_CODE", "2468")
	env, _, errb := testEnv(false, false)
	env.Getenv = os.Getenv
	run(t, env, "kiosk") // stops: no terminal
	if !strings.Contains(errb.String(), "needs a terminal") {
		t.Fatalf("stderr: %s", errb.String())
	}
	for _, k := range []string{"TEA_TRACE", "TEA_DEBUG", "HER2GUIDE_EXIT_CODE"} {
		if v, ok := os.LookupEnv(k); ok {
			t.Errorf("%s=%s is still in the environment", k, v)
		}
	}
}

// TestKioskCodeIsReadBeforeItIsCleared: the code from the environment still
// counts, though the variable is gone by the time the kiosk runs.
func TestKioskCodeIsReadBeforeItIsCleared(t *testing.T) {
	t.Setenv("HER2GUIDE_EXIT_CODE", "12")
	env, _, errb := testEnv(false, false)
	env.Getenv = os.Getenv
	if code := run(t, env, "kiosk"); code == 0 || !strings.Contains(errb.String(), "HER2GUIDE_EXIT_CODE: the code must be at least 4") {
		t.Errorf("exit %d, stderr: %s", code, errb.String())
	}
	if _, ok := os.LookupEnv("HER2GUIDE_EXIT_CODE"); ok {
		t.Error("HER2GUIDE_EXIT_CODE is still in the environment after a settings error")
	}
}

// TestKioskUnknownVariable: a misspelt HER2GUIDE_ variable stops the kiosk
// and names the one meant; the variables of the rest of the program pass.
func TestKioskUnknownVariable(t *testing.T) {
	env, _, errb := testEnv(false, false)
	env.Environ = func() []string {
		return []string{"HER2GUIDE_EXITCODE=2468", "HER2GUIDE_PLAIN=0", "HER2GUIDE_E2E=1", "HER2GUIDE_IDLE=2m"}
	}
	if code := run(t, env, "kiosk"); code == 0 {
		t.Fatal("exit 0")
	}
	if !strings.Contains(errb.String(), "HER2GUIDE_EXITCODE is not a variable the kiosk knows (did you mean HER2GUIDE_EXIT_CODE?)") ||
		strings.Contains(errb.String(), "PLAIN") || strings.Contains(errb.String(), "E2E") || strings.Contains(errb.String(), "2468") {
		t.Errorf("stderr: %s", errb.String())
	}
	env, _, errb = testEnv(false, false)
	env.Environ = func() []string { return []string{"HER2GUIDE_PLAIN=0", "HER2GUIDE_E2E=1", "HER2GUIDE_IDLE=2m"} }
	run(t, env, "kiosk")
	if !strings.Contains(errb.String(), "needs a terminal") {
		t.Errorf("known variables refused: %s", errb.String())
	}
}

// TestKioskLogOnlyRegularFiles: a --log that is a FIFO used to hang the
// kiosk's start (opening a FIFO for writing waits for a reader) with a blank
// screen; a folder, a link or a FIFO is refused at once, in plain words.
func TestKioskLogOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "kiosk.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.log")
	if err := os.Symlink(filepath.Join(dir, "real.log"), link); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ file, want string }{
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{dir, "is a folder, not a regular file"},
		{link, "is a symbolic link, not a regular file"},
	}
	for _, tc := range cases {
		done := make(chan error, 1)
		go func() {
			_, closeLog, err := openKioskLog(tc.file, time.Now)
			if err == nil {
				closeLog()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "cannot use the staff log "+tc.file+": it "+tc.want) {
				t.Errorf("%s: %v", tc.file, err)
			}
		case <-time.After(3 * time.Second):
			// Let the blocked open go: a reader on the FIFO releases it.
			if r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
				defer r.Close()
			}
			t.Fatalf("%s: opening the log hangs", tc.file)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "real.log")); !os.IsNotExist(err) {
		t.Errorf("a file was created through the link: %v", err)
	}
}

// TestNotifyStop: a stop signal cancels the kiosk's context with the signal
// as the cause, and the exit status a shell would report for it.
func TestNotifyStop(t *testing.T) {
	ctx, stop := notifyStop(context.Background())
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGHUP did not cancel the context")
	}
	var sig signalStop
	if !errors.As(context.Cause(ctx), &sig) || sig.ExitStatus() != 129 || sig.Error() != "the kiosk was stopped by signal SIGHUP" {
		t.Errorf("cause = %v", context.Cause(ctx))
	}
	for s, want := range map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGQUIT: 131, syscall.SIGTERM: 143} {
		if got := (signalStop{s}).ExitStatus(); got != want {
			t.Errorf("%v: exit status %d, want %d", s, got, want)
		}
	}
}
