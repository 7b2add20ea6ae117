// Package serve runs the guide over SSH: one server process, each
// connection its own kiosk-style session that leaves nothing behind. It
// sets up the server (host key, limits, logging, the commands allowed
// without a terminal); internal/cli wires it to the command line.
package serve

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/her2guide/her2guide/internal/kiosk"
)

// Setting names of the server: flags, keys of the config file's [serve]
// table, and (through EnvVar) HER2GUIDE_* variables.
const (
	KeyListen           = "listen"
	KeyHostKey          = "host-key"
	KeyAllowedPrintKeys = "allowed-print-keys"
	KeyMaxSessions      = "max-sessions"
	KeyMaxPerAddress    = "max-per-address"
	KeyRate             = "rate"
	KeyBurst            = "burst"
	KeyMaxSessionLength = "max-session-length"
	KeyHandshakeTimeout = "handshake-timeout"
	KeyDrainTimeout     = "drain-timeout"
	KeyLogFormat        = "log-format"
)

// Keys lists the server's own settings in the order they are documented.
func Keys() []string {
	return []string{KeyListen, KeyHostKey, KeyAllowedPrintKeys, KeyMaxSessions, KeyMaxPerAddress,
		KeyRate, KeyBurst, KeyMaxSessionLength, KeyHandshakeTimeout, KeyDrainTimeout, KeyLogFormat}
}

// KioskKeys are the kiosk settings that also apply to every SSH session
// (as flags of serve; the file's top-level keys are the kiosk's own).
// exit-code and log are the kiosk's alone.
func KioskKeys() []string {
	return []string{kiosk.KeyIdle, kiosk.KeyCountdown, kiosk.KeyPrinter, kiosk.KeyContent,
		kiosk.KeyContentOverride, kiosk.KeyPhone, kiosk.KeyAfterHoursPhone}
}

// EnvVars are the HER2GUIDE_* variables of the server's own settings.
func EnvVars() []string {
	var vs []string
	for _, k := range Keys() {
		vs = append(vs, kiosk.EnvVar(k))
	}
	return vs
}

// Defaults of the server.
const (
	DefaultListen           = "127.0.0.1:23234"
	DefaultMaxSessions      = 100
	DefaultMaxPerAddress    = 10
	DefaultRate             = 1.0
	DefaultBurst            = 10
	DefaultMaxSessionLength = 2 * time.Hour
	DefaultHandshakeTimeout = 10 * time.Second
	DefaultDrainTimeout     = 5 * time.Second
)

// Config is the server's own configuration; the sessions' settings are a
// kiosk.Config beside it.
type Config struct {
	// Listen is host:port; every interface only when written so (0.0.0.0
	// or [::]).
	Listen string
	// HostKey is the host key's file; empty is HostKeyPath's default.
	HostKey string
	// AllowedPrintKeys is an authorized_keys file: the public keys of the
	// clinic's own terminals, whose sessions may print at the desk.
	AllowedPrintKeys string
	// MaxSessions and MaxPerAddress bound the open connections, in all and
	// from one source address.
	MaxSessions, MaxPerAddress int
	// Rate is new sessions a second from one address (wish's rate
	// limiter), with Burst at once.
	Rate  float64
	Burst int
	// MaxSessionLength ends any connection after this long.
	MaxSessionLength time.Duration
	// HandshakeTimeout ends a connection whose SSH handshake is not done
	// by then.
	HandshakeTimeout time.Duration
	// DrainTimeout is how long sessions get to end after SIGTERM.
	DrainTimeout time.Duration
	// LogFormat is "text" or "json".
	LogFormat string
	// maxInput replaces the input limit in tests.
	maxInput int64
}

// Defaults is the configuration when nothing is set.
func Defaults() Config {
	return Config{
		Listen: DefaultListen, MaxSessions: DefaultMaxSessions, MaxPerAddress: DefaultMaxPerAddress,
		Rate: DefaultRate, Burst: DefaultBurst, MaxSessionLength: DefaultMaxSessionLength,
		HandshakeTimeout: DefaultHandshakeTimeout, DrainTimeout: DefaultDrainTimeout, LogFormat: "text",
	}
}

// Load builds both configurations: defaults, the TOML file (its top-level
// keys are the kiosk's, its [serve] table the server's), the HER2GUIDE_*
// variables, then the flags given (setting name to value). Each layer wins
// over the one before; every bad value and unknown key is an error.
func Load(flags map[string]string, getenv func(string) string, file string) (kiosk.Config, Config, error) {
	kc, sc := kiosk.Defaults(), Defaults()
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return kc, sc, fmt.Errorf("cannot read the config file: %w", err)
		}
		if err := applyFile(&kc, &sc, file, data); err != nil {
			return kc, sc, err
		}
	}
	if err := errors.Join(kc.ApplyEnv(getenv), sc.applyEnv(getenv)); err != nil {
		return kc, sc, err
	}
	kflags := map[string]string{}
	var errs []error
	for k, v := range flags {
		switch {
		case isKey(k):
			if err := sc.set(k, v); err != nil {
				errs = append(errs, fmt.Errorf("invalid --%s %s: %w", k, v, err))
			}
		case isKioskKey(k):
			kflags[k] = v
		default:
			errs = append(errs, fmt.Errorf("invalid --%s: not a setting of serve", k))
		}
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	errs = append(errs, kc.ApplyFlags(kflags))
	return kc, sc, errors.Join(errs...)
}

func isKey(k string) bool      { return contains(Keys(), k) }
func isKioskKey(k string) bool { return contains(KioskKeys(), k) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (c *Config) applyEnv(getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	var errs []error
	for _, k := range Keys() {
		name := kiosk.EnvVar(k)
		if v := getenv(name); v != "" {
			if err := c.set(k, v); err != nil {
				errs = append(errs, fmt.Errorf("%s=%s: %w", name, v, err))
			}
		}
	}
	return errors.Join(errs...)
}

// Bounds of the numbers and durations.
const (
	maxSessionsLimit = 10000
	maxRate          = 1000
	minSessionLength = time.Minute
	maxSessionLength = 24 * time.Hour
	minTimeout       = time.Second
	maxTimeout       = 5 * time.Minute
)

// set parses and checks one value given as text.
func (c *Config) set(key, v string) error {
	v = strings.TrimSpace(v)
	switch key {
	case KeyListen:
		if err := checkListen(v); err != nil {
			return err
		}
		c.Listen = v
	case KeyHostKey:
		c.HostKey = v
	case KeyAllowedPrintKeys:
		c.AllowedPrintKeys = v
	case KeyMaxSessions:
		return setInt(&c.MaxSessions, v, 1, maxSessionsLimit)
	case KeyMaxPerAddress:
		return setInt(&c.MaxPerAddress, v, 1, maxSessionsLimit)
	case KeyBurst:
		return setInt(&c.Burst, v, 1, maxSessionsLimit)
	case KeyRate:
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || r <= 0 || r > maxRate {
			return fmt.Errorf("must be a number of sessions a second above 0 and at most %d, like 1 or 0.5", maxRate)
		}
		c.Rate = r
	case KeyMaxSessionLength:
		return setDuration(&c.MaxSessionLength, v, minSessionLength, maxSessionLength)
	case KeyHandshakeTimeout:
		return setDuration(&c.HandshakeTimeout, v, minTimeout, maxTimeout)
	case KeyDrainTimeout:
		return setDuration(&c.DrainTimeout, v, minTimeout, maxTimeout)
	case KeyLogFormat:
		if v != "text" && v != "json" {
			return errors.New("must be text or json")
		}
		c.LogFormat = v
	default:
		return errors.New("not a setting of serve")
	}
	return nil
}

func setInt(p *int, v string, lo, hi int) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return fmt.Errorf("must be a whole number from %d to %d", lo, hi)
	}
	*p = n
	return nil
}

func setDuration(p *time.Duration, v string, lo, hi time.Duration) error {
	d, err := time.ParseDuration(v)
	if err != nil {
		return errors.New("not a duration: write it like 10s, 5m or 2h")
	}
	if d < lo || d > hi {
		return fmt.Errorf("must be from %s to %s", lo, hi)
	}
	*p = d
	return nil
}

// checkListen accepts host:port with a port; an empty host (every
// interface) must be written as 0.0.0.0 or [::].
func checkListen(v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil {
		return errors.New("must be host:port, like 127.0.0.1:23234")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return errors.New("the port must be a number from 0 to 65535")
	}
	if host == "" {
		return errors.New("no host: to listen on every interface write 0.0.0.0:" + port + " or [::]:" + port)
	}
	return nil
}

// applyFile reads the file: the top-level keys go to the kiosk's own
// reader (which knows them and checks them), the [serve] table is read
// here. Any other table is an error.
func applyFile(kc *kiosk.Config, sc *Config, name string, data []byte) error {
	cut := firstTable(data)
	var errs []error
	if err := kc.ApplyFile(name, data[:cut]); err != nil {
		errs = append(errs, err)
	}
	if cut == len(data) {
		return errors.Join(errs...)
	}
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	seen := map[string]int{}
	inServe, served := false, false
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		key, line, off := keyOf(&p, e)
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			inServe = e.Kind == unstable.Table && key == "serve"
			switch {
			case inServe && served:
				fail(line, "[serve] is already a table above")
				inServe = false
			case inServe:
				served = true
			default:
				fail(line, "unknown table [%s]: the file has the kiosk's keys at the top and a [serve] table", key)
			}
			continue
		case unstable.KeyValue:
		default:
			continue
		}
		if off < cut || !inServe {
			continue // the kiosk's, or in a table already reported
		}
		if !isKey(key) {
			fail(line, "unknown key %q in [serve] (known: %s)", key, strings.Join(Keys(), ", "))
			continue
		}
		if first, ok := seen[key]; ok {
			fail(line, "%s: already set on line %d", key, first)
			continue
		}
		seen[key] = line
		v := e.Value()
		var text string
		switch {
		case v.Kind == unstable.String:
			text = string(v.Data)
			if (key == KeyHostKey || key == KeyAllowedPrintKeys) && text != "" && !strings.HasPrefix(text, "/") {
				text = resolve(name, text)
			}
		case v.Kind == unstable.Integer && isNumberKey(key):
			text = string(v.Data)
		case v.Kind == unstable.Float && key == KeyRate:
			text = string(v.Data)
		default:
			fail(line, "%s: %s", key, wantType(key))
			continue
		}
		if isNumberKey(key) && v.Kind == unstable.String {
			fail(line, "%s: %s", key, wantType(key))
			continue
		}
		if err := sc.set(key, text); err != nil {
			fail(line, "%s = %s: %v", key, string(v.Data), err)
		}
	}
	if err := p.Error(); err != nil {
		errs = append(errs, fmt.Errorf("%s: not valid TOML: %w", name, err))
	}
	return errors.Join(errs...)
}

func isNumberKey(k string) bool {
	return k == KeyMaxSessions || k == KeyMaxPerAddress || k == KeyBurst || k == KeyRate
}

func wantType(k string) string {
	switch {
	case k == KeyRate:
		return "must be a number without quotes, like 1 or 0.5"
	case isNumberKey(k):
		return "must be a whole number without quotes, like 10"
	case k == KeyMaxSessionLength || k == KeyHandshakeTimeout || k == KeyDrainTimeout:
		return `must be a duration in quotes, like "10s"`
	}
	return "must be text in quotes"
}

// firstTable is the offset of the line of the file's first [table], or
// len(data) when it has none (or a syntax error comes first: the kiosk's
// reader reports it).
func firstTable(data []byte) int {
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.Table && e.Kind != unstable.ArrayTable {
			continue
		}
		_, _, off := keyOf(&p, e)
		return bytes.LastIndexByte(data[:off], '\n') + 1
	}
	return len(data)
}

// keyOf returns an expression's dotted key, its line and its offset.
func keyOf(p *unstable.Parser, e *unstable.Node) (key string, line, offset int) {
	var parts []string
	for it := e.Key(); it.Next(); {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if line == 0 {
			pos := p.Shape(n.Raw).Start
			line, offset = pos.Line, pos.Offset
		}
	}
	return strings.Join(parts, "."), line, offset
}

// resolve makes a path in the file relative to the file's folder.
func resolve(file, p string) string {
	i := strings.LastIndexByte(file, '/')
	if i < 0 {
		return p
	}
	return file[:i+1] + p
}
