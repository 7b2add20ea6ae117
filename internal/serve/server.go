package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/her2guide/her2guide/internal/guide"
	"github.com/her2guide/her2guide/internal/i18n"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/tui"
)

// Deps is what the server serves and how it runs commands.
type Deps struct {
	// Guide and Cache are shared, read-only, by every session.
	Guide *guide.Guide
	Cache *render.Cache
	// Options and Kiosk are the base settings of every session; each
	// session gets its own copy.
	Options tui.Options
	Kiosk   tui.Kiosk
	// Spooler prints at the desk, for the clinic's own terminals only.
	Spooler printing.Spooler
	// Exec runs an allowed command (see CheckExec) as the command line
	// would and returns its exit status.
	Exec func(ctx context.Context, args []string, stdout, stderr io.Writer) int
	// HostKey is the server's key.
	HostKey gossh.Signer
	// AllowedPrintKeys are the keys of the clinic's own terminals.
	AllowedPrintKeys []gossh.PublicKey
	// Log records connections and refusals; never what a patient reads.
	Log *slog.Logger
}

// maxInput bounds the bytes one connection may send: typing for hours
// comes nowhere near; a client that streams without end is cut off.
const maxInput = 8 << 20

// execTimeout bounds a command run without a terminal.
const execTimeout = 30 * time.Second

// idleGrace is how long past the kiosk's idle time and countdown a quiet
// connection stays open: by then its session has been wiped.
const idleGrace = time.Minute

// Server is the guide's SSH server.
type Server struct {
	cfg  Config
	deps Deps
	log  *slog.Logger
	// text is the guide's catalog, whose Serve group is what clients see
	// outside the guide.
	text *i18n.Catalog
	ssh  *ssh.Server
	rate ratelimiter.RateLimiter

	mu       sync.Mutex
	conns    int
	perAddr  map[string]int
	programs map[*tea.Program]struct{}
	draining bool
	ln       net.Listener
	idle     chan struct{} // closed when draining and the last connection is gone

	nextID atomic.Uint64
	// maxInput is maxInput; tests lower it.
	maxInput int64
}

// New sets up the server; Serve starts it.
func New(cfg Config, d Deps) (*Server, error) {
	if d.Guide == nil || d.Cache == nil || d.HostKey == nil || d.Exec == nil {
		return nil, errors.New("serve: the guide, its cache, a host key and Exec are needed")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Options.Text == nil {
		d.Options.Text = i18n.English()
	}
	s := &Server{
		cfg: cfg, deps: d, log: d.Log, text: d.Options.Text,
		rate:     ratelimiter.NewRateLimiter(rate.Limit(cfg.Rate), cfg.Burst, 10000),
		perAddr:  map[string]int{},
		programs: map[*tea.Program]struct{}{},
		idle:     make(chan struct{}),
		maxInput: maxInput,
	}
	if cfg.maxInput > 0 {
		s.maxInput = cfg.maxInput
	}
	tuiHandler := bubbletea.MiddlewareWithProgramHandler(s.newProgram)(func(ssh.Session) {})
	s.ssh = &ssh.Server{
		Addr:        cfg.Listen,
		HostSigners: []ssh.Signer{d.HostKey},
		Version:     "her2guide",
		Handler:     func(sess ssh.Session) { s.handle(sess, tuiHandler) },
		// Anyone may read the guide. Keys are taken so that the clinic's
		// own terminals can be told apart (allowed-print-keys); a client
		// without one gets in by keyboard-interactive with no questions.
		PublicKeyHandler:           func(ssh.Context, ssh.PublicKey) bool { return true },
		KeyboardInteractiveHandler: func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true },
		ConnCallback:               s.onConn,
		ConnectionFailedCallback: func(c net.Conn, err error) {
			s.log.Info("handshake failed", "addr", remoteHost(c.RemoteAddr()), "error", err.Error())
		},
		HandshakeTimeout: cfg.HandshakeTimeout,
		MaxTimeout:       cfg.MaxSessionLength,
		IdleTimeout:      d.Kiosk.Idle + d.Kiosk.Countdown + idleGrace,
		// Sessions only: no port forwarding (nil callbacks deny it), no
		// subsystems (SFTP), no global requests.
		ChannelHandlers:   map[string]ssh.ChannelHandler{"session": filteredSession},
		RequestHandlers:   map[string]ssh.RequestHandler{},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{},
		SessionRequestCallback: func(_ ssh.Session, kind string) bool {
			return kind == "shell" || kind == "exec"
		},
	}
	if cfg.HandshakeTimeout == 0 {
		s.ssh.HandshakeTimeout = DefaultHandshakeTimeout
	}
	return s, nil
}

// Serve accepts connections on l until Drain or Close; it returns nil
// after a drain.
func (s *Server) Serve(l net.Listener) error {
	s.log.Info("listening", "addr", l.Addr().String(), "fingerprint", Fingerprint(s.deps.HostKey.PublicKey()),
		"max_sessions", s.cfg.MaxSessions, "max_per_address", s.cfg.MaxPerAddress)
	s.mu.Lock()
	if s.draining {
		s.mu.Unlock()
		return l.Close()
	}
	s.ln = l
	s.mu.Unlock()
	err := s.ssh.Serve(l)
	s.mu.Lock()
	draining := s.draining
	s.mu.Unlock()
	if draining || errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Drain stops taking connections, tells every session that the guide is
// restarting, waits up to the drain timeout for them to end, then closes
// what is left. It returns once every connection is closed.
func (s *Server) Drain() {
	s.mu.Lock()
	if s.draining {
		s.mu.Unlock()
		return
	}
	s.draining = true
	if s.ln != nil {
		s.ln.Close() // Serve returns; ssh's own Shutdown may not know it yet
	}
	open := s.conns
	if open == 0 {
		close(s.idle)
	}
	programs := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		programs = append(programs, p)
	}
	s.mu.Unlock()
	s.log.Info("draining", "open", open, "sessions", len(programs))
	go s.ssh.Shutdown(context.Background()) // closes the listeners at once; Close below ends the wait
	for _, p := range programs {
		go p.Send(restartMsg{})
	}
	timer := time.NewTimer(s.cfg.DrainTimeout)
	defer timer.Stop()
	select {
	case <-s.idle:
	case <-timer.C:
		s.mu.Lock()
		left := s.conns
		s.mu.Unlock()
		s.log.Warn("drain timeout: closing the connections left", "open", left)
	}
	s.ssh.Close() // the listener's error, already closed; nothing to report
	s.log.Info("stopped")
}

// Close closes the listener and every connection at once.
func (s *Server) Close() error { return s.ssh.Close() }

// onConn admits a new TCP connection within the limits, before any SSH
// work is spent on it, and bounds what it may send.
func (s *Server) onConn(_ ssh.Context, c net.Conn) net.Conn {
	addr := remoteHost(c.RemoteAddr())
	s.mu.Lock()
	reason := ""
	switch {
	case s.draining:
		reason = "stopping"
	case s.conns >= s.cfg.MaxSessions:
		reason = "max sessions"
	case s.perAddr[addr] >= s.cfg.MaxPerAddress:
		reason = "max per address"
	}
	if reason != "" {
		s.mu.Unlock()
		s.log.Info("connection refused", "addr", addr, "reason", reason)
		return nil
	}
	s.conns++
	s.perAddr[addr]++
	open := s.conns
	s.mu.Unlock()
	s.log.Info("connection opened", "addr", addr, "open", open)
	return &limitedConn{Conn: c, left: s.maxInput, start: time.Now(), done: func(start time.Time, in int64) { s.connClosed(addr, start, in) }}
}

func (s *Server) connClosed(addr string, start time.Time, in int64) {
	s.mu.Lock()
	s.conns--
	if s.perAddr[addr]--; s.perAddr[addr] <= 0 {
		delete(s.perAddr, addr)
	}
	open := s.conns
	if s.draining && open == 0 {
		close(s.idle)
	}
	s.mu.Unlock()
	s.log.Info("connection closed", "addr", addr, "duration", time.Since(start).Round(time.Millisecond).String(), "bytes_in", in, "open", open)
}

// handle runs one session: the guide on a terminal, or an allowed
// command without one.
func (s *Server) handle(sess ssh.Session, tuiHandler ssh.Handler) {
	id := s.nextID.Add(1)
	addr := remoteHost(sess.RemoteAddr())
	start := time.Now()
	if err := s.rate.Allow(sess); err != nil {
		s.log.Info("session refused", "session", id, "addr", addr, "reason", "rate limit")
		fmt.Fprintln(sess.Stderr(), s.text.Serve.TooFast)
		sess.Exit(1)
		return
	}
	_, _, isPty := sess.Pty()
	args := sess.Command()
	switch {
	case len(args) > 0 && CheckExec(args):
		// Only the command's name: its words are what the patient looks for.
		s.log.Info("command started", "session", id, "addr", addr, "command", args[0])
		code := s.exec(sess, args, isPty)
		s.log.Info("command ended", "session", id, "command", args[0], "status", code, "duration", since(start))
		sess.Exit(code)
	case len(args) > 0:
		s.log.Info("command refused", "session", id, "addr", addr, "words", len(args))
		fmt.Fprint(newlines(sess.Stderr(), isPty), s.text.Serve.Refused+"\n"+commandsHelp)
		sess.Exit(1)
	case !isPty:
		s.log.Info("session refused", "session", id, "addr", addr, "reason", "no terminal")
		fmt.Fprint(sess.Stderr(), s.text.Serve.NoTerminal+"\n"+commandsHelp)
		sess.Exit(1)
	default:
		pty, _, _ := sess.Pty()
		s.log.Info("session started", "session", id, "addr", addr, "width", pty.Window.Width, "height", pty.Window.Height, "may_print", s.mayPrint(sess))
		tuiHandler(sess)
		s.log.Info("session ended", "session", id, "duration", since(start))
	}
}

func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }

func (s *Server) exec(sess ssh.Session, args []string, isPty bool) int {
	ctx, cancel := context.WithTimeout(sess.Context(), execTimeout)
	defer cancel()
	return s.deps.Exec(ctx, args, newlines(sess, isPty), newlines(sess.Stderr(), isPty))
}

// newlines writes \r\n for \n on an emulated terminal, which has no line
// discipline to do it; elsewhere it is w itself.
func newlines(w io.Writer, isPty bool) io.Writer {
	if !isPty {
		return w
	}
	return crlfWriter{w}
}

type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(c.w, strings.ReplaceAll(string(p), "\n", "\r\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}

// mayPrint is true when the session comes from one of the clinic's own
// terminals and there is a printer to print on.
func (s *Server) mayPrint(sess ssh.Session) bool {
	k := sess.PublicKey()
	if s.deps.Kiosk.Printer == "" || k == nil {
		return false
	}
	for _, a := range s.deps.AllowedPrintKeys {
		if ssh.KeysEqual(k, a) {
			return true
		}
	}
	return false
}

// newProgram makes a session's own guide, with the client's size,
// resizes and colour profile (bubbletea.MakeOptions), and tracks it so
// Drain can tell it the guide is restarting.
func (s *Server) newProgram(sess ssh.Session) *tea.Program {
	opts := s.deps.Options
	if s.mayPrint(sess) {
		opts.Print.Spooler = s.deps.Spooler
	} else {
		opts.Print.Spooler = noPrinting()
		opts.Text = noPrintCatalog(s.text)
	}
	k := s.deps.Kiosk
	k.ExitCode = "" // a client leaves with ctrl+c; no one ends the server from a session
	log := s.log
	k.Log = func(format string, args ...any) { log.Info("session: " + fmt.Sprintf(format, args...)) }
	m := &sessionModel{kiosk: tui.NewKiosk(s.deps.Guide, s.deps.Cache, opts, k), text: s.text}
	p := tea.NewProgram(m, append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler())...)
	s.mu.Lock()
	if s.draining {
		s.mu.Unlock()
		go p.Send(restartMsg{})
	} else {
		s.programs[p] = struct{}{}
		s.mu.Unlock()
	}
	go func() {
		<-sess.Context().Done()
		s.mu.Lock()
		delete(s.programs, p)
		s.mu.Unlock()
	}()
	return p
}

// noPrinting is a spooler that prints nothing: the session shows the
// sheet to copy instead (the catalog's Serve.NoPrint).
func noPrinting() printing.Spooler {
	return printing.Spooler{Run: func(context.Context, string, ...string) ([]byte, error) {
		return nil, errors.New("printing is off for this session")
	}}
}

// remoteHost is the address without its port: the unit of the
// per-address limits.
func remoteHost(a net.Addr) string {
	if a == nil {
		return "unknown"
	}
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}
