package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLoadLayers: the file's top-level keys are the kiosk's, its [serve]
// table the server's; variables win over the file, flags over variables.
func TestLoadLayers(t *testing.T) {
	file := writeFile(t, "kiosk.toml", `idle = "2m"
printer = "desk"
exit-code = "2468"

[serve]
listen = "0.0.0.0:2222"
max-sessions = 50
rate = 0.5
handshake-timeout = "5s"
host-key = "keys/host"
`)
	env := map[string]string{"HER2GUIDE_MAX_SESSIONS": "40", "HER2GUIDE_COUNTDOWN": "20s"}
	kc, sc, err := Load(map[string]string{"max-sessions": "30", "idle": "90s"}, func(k string) string { return env[k] }, file)
	if err != nil {
		t.Fatal(err)
	}
	if kc.Idle != 90*time.Second || kc.Countdown != 20*time.Second || kc.Printer != "desk" {
		t.Errorf("kiosk settings %+v", kc)
	}
	if sc.Listen != "0.0.0.0:2222" || sc.MaxSessions != 30 || sc.Rate != 0.5 || sc.HandshakeTimeout != 5*time.Second {
		t.Errorf("server settings %+v", sc)
	}
	if want := filepath.Join(filepath.Dir(file), "keys/host"); sc.HostKey != want {
		t.Errorf("host-key %q, want %q (relative to the file)", sc.HostKey, want)
	}
	if sc.MaxPerAddress != DefaultMaxPerAddress || sc.LogFormat != "text" {
		t.Errorf("defaults lost: %+v", sc)
	}
}

// TestLoadStrict: every unknown key, table, wrong type and bad value is an
// error naming its line; the listen address must name its host.
func TestLoadStrict(t *testing.T) {
	file := writeFile(t, "bad.toml", `idel = "2m"

[serve]
listen = ":23234"
max-sesions = 5
max-sessions = "5"
handshake-timeout = "1h"
log-format = "xml"
rate = 0.5
rate = 1

[clinic]
name = "x"
`)
	_, _, err := Load(nil, nil, file)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`bad.toml:1: unknown key "idel"`,
		"bad.toml:4: listen = :23234: no host: to listen on every interface write 0.0.0.0:23234",
		`bad.toml:5: unknown key "max-sesions" in [serve]`,
		"bad.toml:6: max-sessions: must be a whole number without quotes",
		"bad.toml:7: handshake-timeout = 1h: must be from 1s to 5m0s",
		"bad.toml:8: log-format = xml: must be text or json",
		"bad.toml:10: rate: already set on line 9",
		"bad.toml:12: unknown table [clinic]",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	for _, tc := range []struct {
		flags map[string]string
		env   map[string]string
		want  string
	}{
		{flags: map[string]string{"listen": "23234"}, want: "invalid --listen 23234: must be host:port"},
		{flags: map[string]string{"exit-code": "1234"}, want: "invalid --exit-code: not a setting of serve"},
		{flags: map[string]string{"idle": "0s"}, want: "invalid --idle"},
		{env: map[string]string{"HER2GUIDE_MAX_PER_ADDRESS": "0"}, want: "HER2GUIDE_MAX_PER_ADDRESS=0: must be a whole number from 1"},
		{env: map[string]string{"HER2GUIDE_LISTEN": "[::]:x"}, want: "HER2GUIDE_LISTEN=[::]:x: the port must be a number"},
	} {
		_, _, err := Load(tc.flags, func(k string) string { return tc.env[k] }, "")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("flags %v env %v: %v, want %q", tc.flags, tc.env, err, tc.want)
		}
	}
	// Every interface when written so.
	for _, listen := range []string{"0.0.0.0:23234", "[::]:23234", "127.0.0.1:0"} {
		if _, _, err := Load(map[string]string{"listen": listen}, nil, ""); err != nil {
			t.Errorf("--listen %s: %v", listen, err)
		}
	}
}

func TestCheckExec(t *testing.T) {
	for _, tc := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"topics"}, true},
		{[]string{"topics", "--json"}, true},
		{[]string{"show", "her2-categories"}, true},
		{[]string{"show", "--width", "60", "heart"}, true},
		{[]string{"search", "brain", "spread"}, true},
		{[]string{"glossary"}, true},
		{[]string{"glossary", "ild"}, true},
		{[]string{"questions", "--format", "markdown"}, true},
		{[]string{"questions", "--format=markdown", "--topic", "heart"}, true},
		{[]string{"questions", "--clinician-copy", "--format", "text"}, true},
		{[]string{"questions", "--clinician-copy=true"}, false},
		{[]string{"questions", "--answer", "stage=2", "--clinician-copy"}, false},
		{[]string{"questions", "--format", "pdf"}, false},
		{[]string{"questions", "-o", "x"}, false},
		{[]string{"questions", "--output=x"}, false},
		{[]string{"questions", "--print"}, false},
		{[]string{"questions", "--format"}, false},
		{[]string{"show"}, false},
		{[]string{"show", "a", "b"}, false},
		{[]string{"search"}, false},
		{[]string{"search", "--", "-x"}, false},
		{[]string{"search", "a\x1b[2J"}, false},
		{[]string{"topics", "--json=true"}, false},
		{[]string{"kiosk"}, false},
		{[]string{"serve"}, false},
		{[]string{"check", "/etc"}, false},
		{[]string{"--help"}, false},
		{[]string{"search", strings.Repeat("x", 201)}, false},
		{append([]string{"search"}, make([]string, 40)...), false},
		{nil, false},
	} {
		if got := CheckExec(tc.args); got != tc.ok {
			t.Errorf("CheckExec(%q) = %t, want %t", tc.args, got, tc.ok)
		}
	}
}

// TestHostKey: made once with mode 0600 and kept; a key others can read is
// refused.
func TestHostKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "her2guide", hostKeyName)
	s1, created, err := LoadOrCreateHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created %t, %v", created, err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, %v; want 0600", fi.Mode(), err)
	}
	s2, created, err := LoadOrCreateHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created %t, %v", created, err)
	}
	if Fingerprint(s1.PublicKey()) != Fingerprint(s2.PublicKey()) || !strings.HasPrefix(Fingerprint(s1.PublicKey()), "SHA256:") {
		t.Errorf("fingerprints %s and %s", Fingerprint(s1.PublicKey()), Fingerprint(s2.PublicKey()))
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrCreateHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a key others can read: %v", err)
	}
	got, err := HostKeyPath(func(k string) string { return map[string]string{"XDG_STATE_HOME": "/var/x", "HOME": "/home/p"}[k] })
	if err != nil || got != "/var/x/her2guide/"+hostKeyName {
		t.Errorf("HostKeyPath = %q, %v", got, err)
	}
	got, _ = HostKeyPath(func(k string) string { return map[string]string{"STATE_DIRECTORY": "/var/lib/her2guide"}[k] })
	if got != "/var/lib/her2guide/"+hostKeyName {
		t.Errorf("HostKeyPath with systemd's STATE_DIRECTORY = %q", got)
	}
}

func TestLoadAllowedKeys(t *testing.T) {
	key, _ := clientKey(t)
	line := string(gossh.MarshalAuthorizedKey(key.PublicKey()))
	file := writeFile(t, "allowed", "# desk terminals\n\n"+line)
	keys, err := LoadAllowedKeys(file)
	if err != nil || len(keys) != 1 {
		t.Fatalf("%d keys, %v", len(keys), err)
	}
	bad := writeFile(t, "bad", line+"not a key\n")
	if _, err := LoadAllowedKeys(bad); err == nil || !strings.Contains(err.Error(), "bad:2: not a public key") {
		t.Errorf("bad line: %v", err)
	}
}
