package cli

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/serve"
	"github.com/her2guide/her2guide/internal/tui"
)

// TestServeExecShowsThePage: ssh host show her2-categories prints the
// page as her2guide show does, through the real server on loopback and
// the real commands; a command that is not allowed is refused with a
// non-zero status and runs nothing.
func TestServeExecShowsThePage(t *testing.T) {
	g, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	hostKey, _, err := serve.LoadOrCreateHostKey(filepath.Join(t.TempDir(), "host"))
	if err != nil {
		t.Fatal(err)
	}
	env, _, _ := testEnv(false, false)
	cfg := serve.Defaults()
	srv, err := serve.New(cfg, serve.Deps{
		Guide: g, Cache: render.NewCache(render.Document),
		Kiosk:   tui.Kiosk{Idle: time.Hour, Countdown: time.Minute},
		Exec:    withPhones(serveExec(env, "test"), "(555) 010-0100", "", "Riverside Cancer Centre"),
		HostKey: hostKey,
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()

	_, clientPriv, err := hostKeyPair()
	if err != nil {
		t.Fatal(err)
	}
	c, err := gossh.Dial("tcp", ln.Addr().String(), &gossh.ClientConfig{
		User: "patient", Auth: []gossh.AuthMethod{gossh.PublicKeys(clientPriv)},
		HostKeyCallback: gossh.FixedHostKey(hostKey.PublicKey()), Timeout: 10 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	exec := func(command string) (string, string, int) {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		var out, errOut bytes.Buffer
		sess.Stdout, sess.Stderr = &out, &errOut
		err = sess.Run(command)
		var exit *gossh.ExitError
		if errors.As(err, &exit) {
			return out.String(), errOut.String(), exit.ExitStatus()
		} else if err != nil {
			t.Fatalf("%s: %v", command, err)
		}
		return out.String(), errOut.String(), 0
	}
	page, ok := g.Page("her2-categories")
	if !ok {
		t.Fatal("no page her2-categories")
	}
	out, errOut, status := exec("show her2-categories")
	if status != 0 || !strings.HasPrefix(out, page.Title+"\n") || strings.Contains(out, "\x1b") {
		t.Errorf("show her2-categories: status %d, errors %q, output:\n%.400s", status, errOut, out)
	}
	out, _, status = exec("questions --format markdown")
	if status != 0 || !strings.HasPrefix(out, "# ") || !strings.Contains(out, "(555) 010-0100") || !strings.Contains(out, "Riverside Cancer Centre") {
		t.Errorf("questions --format markdown: status %d, output %.200q", status, out)
	}
	_, errOut, status = exec("show no-such-page")
	if status == 0 || !strings.Contains(errOut, "no-such-page") {
		t.Errorf("show no-such-page: status %d, %q", status, errOut)
	}
	out, errOut, status = exec("questions -o /tmp/her2guide-serve-test.pdf")
	if status == 0 || out != "" || !strings.Contains(errOut, i18n.English().Serve.Refused) {
		t.Errorf("questions -o: status %d, output %q, errors %q", status, out, errOut)
	}
}

// TestServeSettingsAreChecked: a bad setting stops serve before it
// listens or makes a host key.
func TestServeSettingsAreChecked(t *testing.T) {
	env, _, errb := testEnv(false, false)
	state := t.TempDir()
	env.Getenv = func(k string) string { return map[string]string{"XDG_STATE_HOME": state}[k] }
	env.Environ = func() []string { return []string{"HER2GUIDE_MAX_SESION=3"} }
	if code := run(t, env, "serve", "--listen", ":23234"); code == 0 {
		t.Fatal("serve started")
	}
	for _, want := range []string{"no host", "HER2GUIDE_MAX_SESION is not a variable", "HER2GUIDE_MAX_SESSIONS"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("errors lack %q:\n%s", want, errb.String())
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(state, "*", "*")); len(matches) > 0 {
		t.Errorf("a bad start left %v", matches)
	}
}

func hostKeyPair() (gossh.PublicKey, gossh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, nil, err
	}
	return s.PublicKey(), s, nil
}
