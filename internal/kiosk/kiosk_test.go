package kiosk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaults(t *testing.T) {
	c, err := Load(nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if c != (Config{Idle: 3 * time.Minute, Countdown: 30 * time.Second}) {
		t.Errorf("defaults = %+v", c)
	}
}

func TestEnvVar(t *testing.T) {
	want := []string{"HER2GUIDE_IDLE", "HER2GUIDE_COUNTDOWN", "HER2GUIDE_PRINTER", "HER2GUIDE_EXIT_CODE", "HER2GUIDE_CONTENT", "HER2GUIDE_CONTENT_OVERRIDE", "HER2GUIDE_LOG", "HER2GUIDE_PHONE", "HER2GUIDE_AFTER_HOURS_PHONE", "HER2GUIDE_CLINIC"}
	for i, k := range Keys() {
		if got := EnvVar(k); got != want[i] {
			t.Errorf("EnvVar(%q) = %q, want %q", k, got, want[i])
		}
	}
}

const fullFile = `# every key
idle = "5m"
countdown = "45s"
printer = "desk"
exit-code = "7391"
content = "clinic"
content-override = true
log = "/var/log/her2guide/kiosk.log"
phone = "(555) 010-0100"
after-hours-phone = " 555 010 0199 ext. 2 "
clinic = " Clínica São João "
`

func TestApplyFile(t *testing.T) {
	c := Defaults()
	if err := c.ApplyFile("/etc/her2guide/kiosk.toml", []byte(fullFile)); err != nil {
		t.Fatal(err)
	}
	want := Config{
		Idle: 5 * time.Minute, Countdown: 45 * time.Second, Printer: "desk", ExitCode: "7391",
		Content: "/etc/her2guide/clinic", ContentOverride: true, Log: "/var/log/her2guide/kiosk.log",
		Phone: "(555) 010-0100", AfterHoursPhone: "555 010 0199 ext. 2", Clinic: "Clínica São João",
	}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	c = Defaults()
	if err := c.ApplyFile("k.toml", []byte("# nothing set\n")); err != nil || c != Defaults() {
		t.Errorf("empty file: %+v, %v", c, err)
	}
}

func TestFileErrors(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"unknown key", "idle = \"3m\"\nidel = \"4m\"\n", `k.toml:2: unknown key "idel" (did you mean "idle"?)`},
		{"underscore key", "\nexit_code = \"1234\"\n", `k.toml:2: unknown key "exit_code" (did you mean "exit-code"?)`},
		{"far-off key", "colour = \"red\"\n", `k.toml:1: unknown key "colour" (known keys: after-hours-phone, clinic, content, content-override, countdown, exit-code, idle, log, phone, printer)`},
		{"table", "[kiosk]\nidle = \"3m\"\n", `k.toml:1: unknown key "kiosk"`},
		{"bad duration", "printer = \"desk\"\nidle = \"3 minutes\"\n", `k.toml:2: idle = "3 minutes": not a duration: write it like 3m, 90s or 1m30s`},
		{"zero duration", "countdown = \"0s\"\n", `k.toml:1: countdown = "0s": must be at least 1s`},
		{"negative duration", "idle = \"-3m\"\n", `k.toml:1: idle = "-3m": must be at least 1s`},
		{"short duration", "\n\nidle = \"500ms\"\n", `k.toml:3: idle = "500ms": must be at least 1s`},
		{"number for a duration", "idle = 180\n", `k.toml:1: idle: must be a duration in quotes, like "3m" or "90s"`},
		{"bool for a duration", "countdown = true\n", `k.toml:1: countdown: must be a duration in quotes, like "30s"`},
		{"quoted bool", "content-override = \"yes\"\n", `k.toml:1: content-override: must be true or false, without quotes`},
		{"number for printer", "printer = 3\n", `k.toml:1: printer: must be a printer name in quotes, like "desk"`},
		{"printer with space", "printer = \"front desk\"\n", `k.toml:1: printer = "front desk": a printer name cannot contain spaces`},
		{"printer like an option", "printer = \"-x\"\n", `k.toml:1: printer = "-x": a printer name cannot start with -`},
		{"short exit code", "exit-code = \"12\"\n", `k.toml:1: exit-code: the code must be at least 4 characters (it has 2)`},
		{"exit code with space", "exit-code = \"12 34\"\n", `k.toml:1: exit-code: the code cannot contain spaces`},
		{"number for exit code", "exit-code = 1234\n", `k.toml:1: exit-code: must be text in quotes`},
		{"array for content", "content = [\"a\"]\n", `k.toml:1: content: must be a folder path in quotes`},
		{"number for log", "log = 1\n", `k.toml:1: log: must be a file path in quotes`},
		{"number for clinic", "clinic = 1\n", `k.toml:1: clinic: must be the clinic's name in quotes, like "Riverside Cancer Centre"`},
		{"clinic on two lines", "clinic = \"Riverside\\nClinic\"\n", `k.toml:1: clinic = "Riverside\nClinic": a clinic name cannot contain control characters`},
		{"syntax", "idle = \n", `k.toml:1: not valid TOML:`},
		{"duplicate key", "idle = \"3m\"\nidle = \"4m\"\n", `k.toml:2: idle: already set on line 1`},
		{"byte-order mark", "\xef\xbb\xbfidle = \"3m\"\n", `k.toml:1: the file starts with a byte-order mark`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Defaults()
			err := c.ApplyFile("k.toml", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestFileReportsEveryBadValue(t *testing.T) {
	c := Defaults()
	err := c.ApplyFile("k.toml", []byte("idle = \"x\"\ncountdown = \"y\"\n"))
	if err == nil || !strings.Contains(err.Error(), "k.toml:1: idle") || !strings.Contains(err.Error(), "k.toml:2: countdown") {
		t.Errorf("err = %v", err)
	}
	err = c.ApplyFile("k.toml", []byte("a = 1\nb = 2\n"))
	if err == nil || !strings.Contains(err.Error(), `k.toml:1: unknown key "a"`) || !strings.Contains(err.Error(), `k.toml:2: unknown key "b"`) {
		t.Errorf("err = %v", err)
	}
}

func TestEnvErrors(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"HER2GUIDE_IDLE": "soon"}, `HER2GUIDE_IDLE="soon": not a duration`},
		{map[string]string{"HER2GUIDE_COUNTDOWN": "0"}, `HER2GUIDE_COUNTDOWN="0": must be at least 1s`},
		{map[string]string{"HER2GUIDE_PRINTER": "a/b"}, `HER2GUIDE_PRINTER="a/b": a printer name cannot contain`},
		{map[string]string{"HER2GUIDE_EXIT_CODE": "1"}, `HER2GUIDE_EXIT_CODE: the code must be at least 4 characters`},
		{map[string]string{"HER2GUIDE_CONTENT_OVERRIDE": "perhaps"}, `HER2GUIDE_CONTENT_OVERRIDE="perhaps": must be true or false`},
		{map[string]string{"HER2GUIDE_PHONE": "555\x1b[2J"}, `HER2GUIDE_PHONE="555\x1b[2J": a phone number cannot contain control characters`},
		{map[string]string{"HER2GUIDE_CLINIC": strings.Repeat("x", 61)}, `HER2GUIDE_CLINIC="` + strings.Repeat("x", 61) + `": a clinic name can be at most 60 characters (it has 61)`},
		{map[string]string{"HER2GUIDE_AFTER_HOURS_PHONE": strings.Repeat("5", 41)}, `HER2GUIDE_AFTER_HOURS_PHONE="55555555555555555555555555555555555555555": a phone number can be at most 40 characters (it has 41)`},
	}
	for _, tc := range cases {
		c := Defaults()
		err := c.ApplyEnv(envOf(tc.env))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v\nwant it to contain %q", tc.env, err, tc.want)
		}
	}
}

func TestFlagErrors(t *testing.T) {
	cases := []struct {
		flags map[string]string
		want  string
	}{
		{map[string]string{"idle": "500ms"}, `invalid --idle "500ms": must be at least 1s`},
		{map[string]string{"countdown": "x"}, `invalid --countdown "x": not a duration`},
		{map[string]string{"printer": "a b"}, `invalid --printer "a b": a printer name cannot contain`},
		{map[string]string{"exit-code": "abc"}, `invalid --exit-code: the code must be at least 4 characters (it has 3)`},
		{map[string]string{"content-override": "maybe"}, `invalid --content-override "maybe": must be true or false`},
		{map[string]string{"theme": "dark"}, `invalid --theme: not a kiosk setting`},
	}
	for _, tc := range cases {
		c := Defaults()
		err := c.ApplyFlags(tc.flags)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v\nwant it to contain %q", tc.flags, err, tc.want)
		}
	}
}

func TestExitCodeNeverInMessages(t *testing.T) {
	const secret = "s3 cret"
	c := Defaults()
	errs := []error{
		c.ApplyFlags(map[string]string{"exit-code": secret}),
		c.ApplyEnv(envOf(map[string]string{"HER2GUIDE_EXIT_CODE": secret})),
		c.ApplyFile("k.toml", []byte(`exit-code = "`+secret+`"`)),
	}
	for i, err := range errs {
		if err == nil || strings.Contains(err.Error(), "s3") {
			t.Errorf("%d: err = %v", i, err)
		}
	}
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kiosk.toml")
	if err := os.WriteFile(file, []byte(fullFile), 0o600); err != nil {
		t.Fatal(err)
	}
	env := envOf(map[string]string{
		"HER2GUIDE_COUNTDOWN":        "20s",
		"HER2GUIDE_PRINTER":          "ward",
		"HER2GUIDE_CONTENT_OVERRIDE": "false",
		"HER2GUIDE_LOG":              "",
	})
	flags := map[string]string{"printer": "lobby", "exit-code": "2468", "content": "pages", "clinic": " Riverside "}
	c, err := Load(flags, env, file)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Idle:            5 * time.Minute,                // file
		Countdown:       20 * time.Second,               // env over file
		Printer:         "lobby",                        // flag over env over file
		ExitCode:        "2468",                         // flag over file
		Content:         "pages",                        // flag: relative to the working folder
		ContentOverride: false,                          // env over file
		Log:             "/var/log/her2guide/kiosk.log", // file; an empty variable is unset
		Phone:           "(555) 010-0100",               // file
		AfterHoursPhone: "555 010 0199 ext. 2",          // file, trimmed
		Clinic:          "Riverside",                    // flag over file, trimmed
	}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(nil, nil, filepath.Join(t.TempDir(), "missing.toml")); err == nil || !strings.Contains(err.Error(), "cannot read the config file") {
		t.Errorf("missing file: %v", err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "k.toml")
	if err := os.WriteFile(file, []byte("idle = \"2m\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(map[string]string{"idle": "0s"}, nil, file); err == nil || !strings.Contains(err.Error(), "--idle") {
		t.Errorf("bad flag over a good file: %v", err)
	}
	if _, err := Load(nil, envOf(map[string]string{"HER2GUIDE_IDLE": "x"}), file); err == nil || !strings.Contains(err.Error(), "HER2GUIDE_IDLE") {
		t.Errorf("bad variable over a good file: %v", err)
	}
}

// TestExitCodeLimit: a code longer than the staff prompt takes is refused
// at start, since it could never be typed.
func TestExitCodeLimit(t *testing.T) {
	c := Defaults()
	err := c.ApplyFlags(map[string]string{KeyExitCode: strings.Repeat("7", MaxExitCode+1)})
	if err == nil || !strings.Contains(err.Error(), "at most 64 characters") {
		t.Errorf("a 65-character code: %v", err)
	}
	if err := c.ApplyFlags(map[string]string{KeyExitCode: strings.Repeat("7", MaxExitCode)}); err != nil {
		t.Errorf("a 64-character code: %v", err)
	}
}

// TestFileReportsEveryProblem: one run of the kiosk names every mistake in
// the file, each as "file:line: message", in the reader's words.
func TestFileReportsEveryProblem(t *testing.T) {
	data := "idle = 180\n" +
		"countdown = \"0s\"\n" +
		"printer.name = \"desk\"\n" +
		"exit-code = 1234\n" +
		"log = \"a.log\"\n" +
		"log = \"b.log\"\n" +
		"colour = \"red\"\n" +
		"content-override = \"yes\"\n" +
		"kiosk.idle = \"3m\"\n"
	c := Defaults()
	err := c.ApplyFile("k.toml", []byte(data))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`k.toml:1: idle: must be a duration in quotes, like "3m" or "90s"`,
		`k.toml:2: countdown = "0s": must be at least 1s`,
		`k.toml:3: printer.name: printer is one value, not a group: write printer = "desk"`,
		`k.toml:4: exit-code: must be text in quotes`,
		`k.toml:6: log: already set on line 5`,
		`k.toml:7: unknown key "colour"`,
		`k.toml:8: content-override: must be true or false, without quotes`,
		`k.toml:9: unknown key "kiosk.idle"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	for _, bad := range []string{"fileConfig", "struct", "of type", "toml: "} {
		if strings.Contains(msg, bad) {
			t.Errorf("error shows %q:\n%s", bad, msg)
		}
	}
	if n := strings.Count(msg, "\n") + 1; n != 8 {
		t.Errorf("%d lines, want 8:\n%s", n, msg)
	}
}

// TestDurationLimits: a timer far too long is a mistake (a missing unit, or
// hours for minutes), refused in every layer with a plain message.
func TestDurationLimits(t *testing.T) {
	c := Defaults()
	err := c.ApplyFile("k.toml", []byte("idle = \"25h\"\ncountdown = \"11m\"\n"))
	if err == nil || !strings.Contains(err.Error(), `k.toml:1: idle = "25h": must be at most 24h`) ||
		!strings.Contains(err.Error(), `k.toml:2: countdown = "11m": must be at most 10m`) {
		t.Errorf("file: %v", err)
	}
	if err := c.ApplyEnv(envOf(map[string]string{"HER2GUIDE_IDLE": "9999h"})); err == nil || !strings.Contains(err.Error(), "must be at most 24h") {
		t.Errorf("variable: %v", err)
	}
	if err := c.ApplyFlags(map[string]string{"countdown": "1h"}); err == nil || !strings.Contains(err.Error(), "must be at most 10m") {
		t.Errorf("flag: %v", err)
	}
	c = Defaults()
	if err := c.ApplyFlags(map[string]string{"idle": "24h", "countdown": "10m"}); err != nil || c.Idle != MaxIdle || c.Countdown != MaxCountdown {
		t.Errorf("the limits themselves: %+v, %v", c, err)
	}
}

// TestFileWithServeTable checks that the kiosk reads its own keys from a
// file that also has the SSH server's [serve] table, and leaves that table
// to `her2guide serve`; any other table, before or after it, is still an
// error.
func TestFileWithServeTable(t *testing.T) {
	c := Defaults()
	if err := c.ApplyFile("k.toml", []byte("idle = \"4m\"\n\n[serve]\nlisten = \"127.0.0.1:23234\"\n")); err != nil {
		t.Fatalf("a file with a [serve] table: %v", err)
	}
	if c.Idle != 4*time.Minute {
		t.Errorf("idle = %v, want the top-level 4m", c.Idle)
	}
	c = Defaults()
	err := c.ApplyFile("k.toml", []byte("[serve]\nlisten = \"x\"\n[kiosk]\nidle = \"3m\"\n"))
	if err == nil || !strings.Contains(err.Error(), `k.toml:3: unknown key "kiosk"`) {
		t.Errorf("a [kiosk] table after [serve]: err = %v", err)
	}
}
