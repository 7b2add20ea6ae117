package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/her2guide/her2guide/content"
	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/tui"
)

// syncBuffer is a log sink the server writes from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var (
	guideOnce sync.Once
	testGuide *guide.Guide
	guideErr  error
)

func bundledGuide(t testing.TB) *guide.Guide {
	t.Helper()
	guideOnce.Do(func() {
		testGuide, guideErr = guide.Load(guide.Source{FS: content.FS(), Name: content.Name}, guide.DefaultRules(time.Time{}))
	})
	if guideErr != nil {
		t.Fatal(guideErr)
	}
	return testGuide
}

// testServer is a server on 127.0.0.1 at a random port, closed when the
// test ends.
type testServer struct {
	*Server
	addr string
	log  *syncBuffer
	// execs records the commands Exec ran.
	execs chan []string
	done  chan error
}

// fakeExec writes the words it was given, as the real commands would
// write their output.
func fakeExec(execs chan []string) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(_ context.Context, args []string, out, _ io.Writer) int {
		select {
		case execs <- args:
		default:
		}
		fmt.Fprintf(out, "ran %s\n", strings.Join(args, " "))
		return 0
	}
}

func startServer(t *testing.T, change func(*Config, *Deps)) *testServer {
	t.Helper()
	signer, _, err := LoadOrCreateHostKey(filepath.Join(t.TempDir(), hostKeyName))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Defaults()
	cfg.Listen = "127.0.0.1:0"
	cfg.LogFormat = "json"
	logBuf := &syncBuffer{}
	execs := make(chan []string, 16)
	d := Deps{
		Guide: bundledGuide(t), Cache: render.NewCache(render.Document),
		Kiosk:   tui.Kiosk{Idle: time.Hour, Countdown: time.Minute},
		Exec:    fakeExec(execs),
		HostKey: signer,
	}
	if change != nil {
		change(&cfg, &d)
	}
	d.Log = NewLogger(cfg.LogFormat, logBuf)
	s, err := New(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, addr: ln.Addr().String(), log: logBuf, execs: execs, done: make(chan error, 1)}
	go func() { ts.done <- s.Serve(ln) }()
	t.Cleanup(func() {
		s.Close()
		select {
		case <-ts.done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop within 5s of Close")
		}
		if t.Failed() {
			t.Logf("server log:\n%s", logBuf.String())
		}
	})
	return ts
}

// clientKey makes a client key pair, its private half written as an
// OpenSSH key file (for the system ssh client) in a temp folder.
func clientKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "test client")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, file
}

// dial connects with golang.org/x/crypto/ssh as a client with key.
func dial(t *testing.T, addr string, key gossh.Signer) (*gossh.Client, error) {
	t.Helper()
	cfg := &gossh.ClientConfig{
		User:            "patient",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a test server's fresh key
		Timeout:         10 * time.Second,
	}
	return gossh.Dial("tcp", addr, cfg)
}

// run runs command in a new session without a terminal and returns its
// output, its error output and its exit status.
func run(t *testing.T, c *gossh.Client, command string) (stdout, stderr string, status int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(command)
	var exit *gossh.ExitError
	switch {
	case err == nil:
	case asExit(err, &exit):
		status = exit.ExitStatus()
	default:
		t.Fatalf("%s: %v", command, err)
	}
	return out.String(), errOut.String(), status
}

func asExit(err error, target **gossh.ExitError) bool {
	e, ok := err.(*gossh.ExitError)
	if ok {
		*target = e
	}
	return ok
}

// shell opens a full-screen session on c with a terminal of type term
// (24×80) and returns it with its output.
func shell(t *testing.T, c *gossh.Client, term string) (*gossh.Session, io.Reader) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty(term, 24, 80, gossh.TerminalModes{}); err != nil {
		sess.Close()
		t.Fatal(err)
	}
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		sess.Close()
		t.Fatal(err)
	}
	return sess, out
}
