package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/her2guide/her2guide/internal/i18n"
)

// TestExecRunsOnlyReadOnlyCommands: ssh host COMMAND runs the read-only
// commands and nothing else; a refused one says what runs and exits 1.
func TestExecRunsOnlyReadOnlyCommands(t *testing.T) {
	ts := startServer(t, func(c *Config, _ *Deps) { c.Burst = 100 })
	key, _ := clientKey(t)
	c, err := dial(t, ts.addr, key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, cmd := range []string{"topics", "show her2-categories", "search brain", "glossary ild", "questions --format markdown"} {
		out, errOut, status := run(t, c, cmd)
		if status != 0 || out != "ran "+cmd+"\n" {
			t.Errorf("%s: status %d, output %q, errors %q", cmd, status, out, errOut)
		}
	}
	for _, cmd := range []string{"rm -rf /", "sh", "questions -o /tmp/x.pdf", "questions --print", "show", "topics extra", "kiosk", "serve", "search -- -o"} {
		out, errOut, status := run(t, c, cmd)
		if status == 0 || out != "" || !strings.Contains(errOut, i18n.English().Serve.Refused) {
			t.Errorf("%s: status %d, output %q, errors %q; want refused", cmd, status, out, errOut)
		}
	}
	if strings.Contains(ts.log.String(), "tmp/x.pdf") {
		t.Errorf("the log has a refused command's words:\n%s", ts.log.String())
	}
}

// TestNoSubsystemsNoForwarding: SFTP (a subsystem), port forwarding and a
// session with neither terminal nor command are refused.
func TestNoSubsystemsNoForwarding(t *testing.T) {
	ts := startServer(t, nil)
	key, _ := clientKey(t)
	c, err := dial(t, ts.addr, key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	sess.Close()
	if conn, err := c.Dial("tcp", ts.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding was accepted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding was accepted")
	}
	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Error("agent forwarding was accepted")
	}
	if ok, err := sess.SendRequest("x11-req", true, make([]byte, 64)); ok || err != nil {
		t.Errorf("X11 forwarding: accepted %t, %v", ok, err)
	}
	// The environment a client sends is bounded.
	refused := 0
	for i := range maxEnvRequests + 10 {
		if sess.Setenv(fmt.Sprintf("V%d", i), "x") != nil {
			refused++
		}
	}
	if refused != 10 {
		t.Errorf("%d env requests refused, want the 10 past %d", refused, maxEnvRequests)
	}
	if sess.Setenv("BIG", strings.Repeat("x", maxEnvPayload)) == nil {
		t.Error("a 4 KiB variable was accepted")
	}
	sess.Close()
	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	errOut, _ := sess.StderrPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(errOut)
	if err := sess.Wait(); err == nil || !strings.Contains(string(msg), i18n.English().Serve.NoTerminal) {
		t.Errorf("a shell without a terminal: %v, %q", err, msg)
	}
}

// TestSlowHandshakeIsCut: a client that connects and never finishes the
// SSH handshake is disconnected after the handshake timeout, and its slot
// is free again.
func TestSlowHandshakeIsCut(t *testing.T) {
	ts := startServer(t, func(c *Config, _ *Deps) { c.HandshakeTimeout = 300 * time.Millisecond; c.MaxPerAddress = 1 })
	for _, greeting := range []string{"", "SSH-2.0-slowloris\r\n"} {
		waitOpen(t, ts.Server, 0) // the one slot is free
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if greeting != "" {
			conn.Write([]byte(greeting))
		}
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err = io.Copy(io.Discard, conn) // the server's banner, then EOF when it hangs up
		took := time.Since(start)
		conn.Close()
		if err != nil && !errors.Is(err, syscall.ECONNRESET) {
			t.Fatalf("greeting %q: the server did not hang up within 5s: %v", greeting, err)
		}
		if took < 250*time.Millisecond || took > 3*time.Second {
			t.Errorf("greeting %q: hung up after %s, want about 300ms", greeting, took)
		}
	}
	// The one slot of this address is free again.
	key, _ := clientKey(t)
	waitOpen(t, ts.Server, 0)
	c, err := dial(t, ts.addr, key)
	if err != nil {
		t.Fatalf("after the slow handshakes: %v", err)
	}
	c.Close()
	if !strings.Contains(ts.log.String(), "handshake failed") {
		t.Errorf("the log does not record the failed handshake:\n%s", ts.log.String())
	}
}

// waitOpen waits until the server counts n open connections.
func waitOpen(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		open := s.conns
		s.mu.Unlock()
		if open == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d connections open, want %d", open, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestConnectionFloodIsRefused: past max-per-address, a source's new
// connections are closed before any SSH work; another address is not
// affected by the count, and a freed slot takes a connection again.
func TestConnectionFloodIsRefused(t *testing.T) {
	const perAddr = 3
	ts := startServer(t, func(c *Config, _ *Deps) { c.MaxPerAddress = perAddr; c.Burst = 100 })
	var held []net.Conn
	for range perAddr {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, conn)
	}
	waitOpen(t, ts.Server, perAddr)
	key, _ := clientKey(t)
	for range 20 {
		if c, err := dial(t, ts.addr, key); err == nil {
			c.Close()
			t.Fatal("a connection over the per-address limit was let in")
		}
	}
	if n := strings.Count(ts.log.String(), `"reason":"max per address"`); n != 20 {
		t.Errorf("%d refusals logged, want 20", n)
	}
	held[0].Close()
	waitOpen(t, ts.Server, perAddr-1)
	c, err := dial(t, ts.addr, key)
	if err != nil {
		t.Fatalf("a freed slot refused a connection: %v", err)
	}
	c.Close()
	for _, h := range held[1:] {
		h.Close()
	}
	waitOpen(t, ts.Server, 0)
}

// TestRateLimit: wish's rate limiter refuses a source's sessions past the
// burst, with the server's own words.
func TestRateLimit(t *testing.T) {
	ts := startServer(t, func(c *Config, _ *Deps) { c.Rate = 0.001; c.Burst = 2 })
	key, _ := clientKey(t)
	c, err := dial(t, ts.addr, key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for i := range 2 {
		if _, errOut, status := run(t, c, "topics"); status != 0 {
			t.Fatalf("session %d refused: %q", i+1, errOut)
		}
	}
	_, errOut, status := run(t, c, "topics")
	if status == 0 || !strings.Contains(errOut, i18n.English().Serve.TooFast) {
		t.Errorf("third session: status %d, %q; want refused as too fast", status, errOut)
	}
}

// TestLogIsJSONAndNamesNoWords: every line is JSON with a message; a
// command's words never appear, only its name.
func TestLogIsJSONAndNamesNoWords(t *testing.T) {
	ts := startServer(t, nil)
	key, _ := clientKey(t)
	c, err := dial(t, ts.addr, key)
	if err != nil {
		t.Fatal(err)
	}
	run(t, c, "search lymphedema after surgery")
	c.Close()
	waitOpen(t, ts.Server, 0)
	log := ts.log.String()
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil || v["msg"] == "" {
			t.Errorf("not a JSON log line: %q", line)
		}
	}
	for _, want := range []string{`"msg":"connection opened"`, `"command":"search"`, `"msg":"connection closed"`, `"duration"`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %s:\n%s", want, log)
		}
	}
	if strings.Contains(log, "lymphedema") {
		t.Errorf("the log has what was searched:\n%s", log)
	}
}

// TestDrainWithNoSessions returns at once and stops Serve.
func TestDrainWithNoSessions(t *testing.T) {
	ts := startServer(t, nil)
	start := time.Now()
	ts.Drain()
	select {
	case err := <-ts.done:
		if err != nil {
			t.Errorf("Serve after Drain: %v", err)
		}
		ts.done <- nil // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after Drain")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Drain with no sessions took %s", took)
	}
	if _, err := net.DialTimeout("tcp", ts.addr, time.Second); err == nil {
		t.Error("the server still listens after Drain")
	}
}

// TestPrintOnlyFromAllowedKeys: with a printer set, a session may print
// only when its key is in allowed-print-keys; any other session gets the
// sheet to copy, with words that say so.
func TestPrintOnlyFromAllowedKeys(t *testing.T) {
	desk, _ := clientKey(t)
	home, _ := clientKey(t)
	ts := startServer(t, func(_ *Config, d *Deps) {
		d.Kiosk.Printer = "desk"
		d.AllowedPrintKeys = []gossh.PublicKey{desk.PublicKey()}
	})
	for _, tc := range []struct {
		key  gossh.Signer
		want string
	}{{desk, `"may_print":true`}, {home, `"may_print":false`}} {
		c, err := dial(t, ts.addr, tc.key)
		if err != nil {
			t.Fatal(err)
		}
		sess, out := shell(t, c, "xterm-256color")
		buf := make([]byte, 4096)
		if _, err := out.Read(buf); err != nil { // the first frame
			t.Fatal(err)
		}
		sess.Close()
		c.Close()
		if !strings.Contains(ts.log.String(), tc.want) {
			t.Errorf("the log lacks %s:\n%s", tc.want, ts.log.String())
		}
	}
	base := i18n.English()
	c := noPrintCatalog(base)
	if c.Print.Desk != base.Serve.NoPrint || base.Print.Desk == base.Serve.NoPrint {
		t.Error("the no-print catalog does not replace the desk message, or changes the shared one")
	}
}

// TestSessionLengthAndInputAreBounded: a connection ends at
// max-session-length however busy it is, and at the input limit however
// young it is.
func TestSessionLengthAndInputAreBounded(t *testing.T) {
	ts := startServer(t, func(c *Config, _ *Deps) { c.MaxSessionLength = 700 * time.Millisecond })
	key, _ := clientKey(t)
	s, err := openLoadSession(ts.addr, key)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for time.Since(start) < 5*time.Second {
		if _, err := s.key("j"); err == io.EOF {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the session lasted %s past a max-session-length of 700ms", took)
	}
	s.close()

	ts = startServer(t, func(c *Config, _ *Deps) { c.maxInput = 256 << 10 })
	s, err = openLoadSession(ts.addr, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	chunk := strings.Repeat("x", 4<<10)
	sent := 0
	for sent < 4<<20 {
		if _, err := io.WriteString(s.in, chunk); err != nil {
			break
		}
		sent += len(chunk)
	}
	if sent >= 4<<20 {
		t.Fatalf("the server took %d bytes past an input limit of 256 KiB", sent)
	}
	waitOpen(t, ts.Server, 0)
}

// TestColoursFollowTheClient: the session's colour profile comes from the
// client's terminal type, as wish's bubbletea middleware reads it: a
// 256-colour terminal gets colours, a dumb one none.
func TestColoursFollowTheClient(t *testing.T) {
	ts := startServer(t, nil)
	key, _ := clientKey(t)
	firstFrame := func(term string) string {
		c, err := dial(t, ts.addr, key)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		sess, out := shell(t, c, term)
		defer sess.Close()
		var got strings.Builder
		buf := make([]byte, 32<<10)
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) && !strings.Contains(got.String(), i18n.English().Home.Finish) {
			n, err := out.Read(buf)
			got.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return got.String()
	}
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(38|48);[25];`)
	if f := firstFrame("xterm-256color"); !colour.MatchString(f) {
		t.Errorf("no colours for xterm-256color:\n%q", f)
	}
	if f := firstFrame("dumb"); colour.MatchString(f) || !strings.Contains(f, i18n.English().Home.Finish) {
		t.Errorf("colours, or no home screen, for a dumb terminal:\n%q", f)
	}
	// A 16-colour terminal (the Linux console) gets the colours chosen by
	// hand for 16 colours (the header's bright cyan, SGR 96), not the
	// true-colour accent mapped to the nearest of 16 by the renderer.
	if f := firstFrame("linux"); colour.MatchString(f) || !regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?96[;m]`).MatchString(f) {
		t.Errorf("a 16-colour client did not get the 16-colour accent (SGR 96):\n%q", f)
	}
}
