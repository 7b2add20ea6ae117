// Package kiosk reads the settings of clinic kiosk mode: defaults, then a
// TOML file, then HER2GUIDE_* environment variables, then flags, each layer
// winning over the one before. Every value is checked, and every error names
// where the bad value came from. It has no UI code.
package kiosk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/her2guide/her2guide/internal/export"
)

// Defaults and limits of the timers.
const (
	DefaultIdle      = 3 * time.Minute
	DefaultCountdown = 30 * time.Second
	// MinDuration is the shortest idle time or countdown allowed.
	MinDuration = time.Second
	// MaxIdle and MaxCountdown are the longest allowed: anything longer is
	// a slip (a missing unit, hours for minutes) that would leave one
	// patient's session on screen for the next.
	MaxIdle      = 24 * time.Hour
	MaxCountdown = 10 * time.Minute
	// MinExitCode is the shortest staff exit code allowed: shorter codes
	// are too easy to hit by chance.
	MinExitCode = 4
	// MaxExitCode is the longest staff exit code: the staff prompt takes no
	// more, so a longer code could never be typed.
	MaxExitCode = 64
)

// Config is the whole kiosk configuration.
type Config struct {
	// Idle is how long without input before the "Still reading?" notice.
	Idle time.Duration
	// Countdown is how long the notice waits before the session resets.
	Countdown time.Duration
	// Printer is the print queue; empty is the system's default printer.
	Printer string
	// ExitCode is the staff code that ends the kiosk; empty means only a
	// signal can end it.
	ExitCode string
	// Content is a folder of the clinic's own pages, or empty.
	Content string
	// Log is the staff log file, or empty for no log.
	Log string
	// ContentOverride lets a clinic page replace a bundled page of the
	// same id.
	ContentOverride bool
	// Phone and AfterHoursPhone are the care team's numbers, printed in
	// the "when to call right away" box of every sheet; empty leaves a
	// line to write on.
	Phone, AfterHoursPhone string
	// Clinic is the clinic's name, printed on every sheet as "Your care
	// team at <Clinic> wants you to ask these questions."; empty prints no
	// such line.
	Clinic string
}

// Defaults is the configuration when nothing is set.
func Defaults() Config {
	return Config{Idle: DefaultIdle, Countdown: DefaultCountdown}
}

// Setting names, the same as flag names and config file keys.
const (
	KeyIdle            = "idle"
	KeyCountdown       = "countdown"
	KeyPrinter         = "printer"
	KeyExitCode        = "exit-code"
	KeyContent         = "content"
	KeyContentOverride = "content-override"
	KeyLog             = "log"
	KeyPhone           = "phone"
	KeyAfterHoursPhone = "after-hours-phone"
	KeyClinic          = "clinic"
)

// Keys lists every setting name in the order they are documented.
func Keys() []string {
	return []string{KeyIdle, KeyCountdown, KeyPrinter, KeyExitCode, KeyContent, KeyContentOverride, KeyLog, KeyPhone, KeyAfterHoursPhone, KeyClinic}
}

// EnvVar is the environment variable for a setting: HER2GUIDE_ and the name
// in upper case with underscores (exit-code is HER2GUIDE_EXIT_CODE).
func EnvVar(key string) string {
	return "HER2GUIDE_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}

// Load builds the configuration: the defaults, then the TOML file
// configFile (if not empty), then the environment read by getenv (nil reads
// none; an empty variable is unset), then flags, which maps a setting name
// to the value given on the command line (only flags that were given).
// Relative paths in the file are taken from the file's folder.
func Load(flags map[string]string, getenv func(string) string, configFile string) (Config, error) {
	c := Defaults()
	if configFile != "" {
		data, err := os.ReadFile(configFile)
		if err != nil {
			return Config{}, fmt.Errorf("cannot read the config file: %w", err)
		}
		if err := c.ApplyFile(configFile, data); err != nil {
			return Config{}, err
		}
	}
	if err := c.ApplyEnv(getenv); err != nil {
		return Config{}, err
	}
	if err := c.ApplyFlags(flags); err != nil {
		return Config{}, err
	}
	return c, nil
}

// ApplyEnv sets what the HER2GUIDE_* variables set. A bad value is an
// error naming the variable.
func (c *Config) ApplyEnv(getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	var errs []error
	for _, k := range Keys() {
		name := EnvVar(k)
		v := getenv(name)
		if v == "" {
			continue
		}
		if err := c.set(k, v); err != nil {
			errs = append(errs, fmt.Errorf("%s%s: %w", name, shown(k, "=", v), err))
		}
	}
	return errors.Join(errs...)
}

// ApplyFlags sets what the flags set: flags maps a setting name to its
// value. A bad value is an error naming the flag.
func (c *Config) ApplyFlags(flags map[string]string) error {
	var errs []error
	for _, k := range Keys() {
		v, ok := flags[k]
		if !ok {
			continue
		}
		if err := c.set(k, v); err != nil {
			errs = append(errs, fmt.Errorf("invalid --%s%s: %w", k, shown(k, " ", v), err))
		}
	}
	for k := range flags {
		if !isKey(k) {
			errs = append(errs, fmt.Errorf("invalid --%s: not a kiosk setting", k))
		}
	}
	return errors.Join(errs...)
}

// shown is how a value is quoted in an error: never for the exit code,
// which is a secret.
func shown(key, sep, v string) string {
	if key == KeyExitCode {
		return ""
	}
	return sep + strconv.Quote(v)
}

func isKey(k string) bool {
	for _, known := range Keys() {
		if k == known {
			return true
		}
	}
	return false
}

// set parses and checks one value given as text.
func (c *Config) set(key, v string) error {
	switch key {
	case KeyIdle:
		return setDuration(&c.Idle, v, MaxIdle)
	case KeyCountdown:
		return setDuration(&c.Countdown, v, MaxCountdown)
	case KeyPrinter:
		if err := checkPrinter(v); err != nil {
			return err
		}
		c.Printer = v
	case KeyExitCode:
		if err := checkExitCode(v); err != nil {
			return err
		}
		c.ExitCode = v
	case KeyContent:
		c.Content = v
	case KeyLog:
		c.Log = v
	case KeyPhone, KeyAfterHoursPhone:
		v = strings.TrimSpace(v)
		if err := export.CheckPhone(v); err != nil {
			return err
		}
		if key == KeyPhone {
			c.Phone = v
		} else {
			c.AfterHoursPhone = v
		}
	case KeyClinic:
		v = strings.TrimSpace(v)
		if err := export.CheckClinic(v); err != nil {
			return err
		}
		c.Clinic = v
	case KeyContentOverride:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return errors.New("must be true or false")
		}
		c.ContentOverride = b
	default:
		return errors.New("not a kiosk setting")
	}
	return nil
}

func setDuration(d *time.Duration, v string, most time.Duration) error {
	x, err := parseDuration(v, most)
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// parseDuration reads a duration like 3m, 90s or 1m30s from MinDuration to
// most.
func parseDuration(v string, most time.Duration) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(v))
	if err != nil {
		return 0, errors.New("not a duration: write it like 3m, 90s or 1m30s")
	}
	if d < MinDuration {
		return 0, fmt.Errorf("must be at least %s", plainDuration(MinDuration))
	}
	if d > most {
		return 0, fmt.Errorf("must be at most %s", plainDuration(most))
	}
	return d, nil
}

// plainDuration writes a whole duration without its zero parts: 24h, not
// 24h0m0s.
func plainDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// checkPrinter accepts a CUPS queue name (optionally queue@host), or empty
// for the default printer.
func checkPrinter(v string) error {
	if strings.HasPrefix(v, "-") {
		return errors.New("a printer name cannot start with -")
	}
	for _, r := range v {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '/' || r == '#' || r == '\\' || r == '"' || r == '\'' {
			return errors.New("a printer name cannot contain spaces, quotes, /, \\ or #")
		}
	}
	return nil
}

// checkExitCode accepts an empty code (no keyboard exit) or one of at least
// MinExitCode printable characters without spaces. Messages never repeat the
// code.
func checkExitCode(v string) error {
	if v == "" {
		return nil
	}
	for _, r := range v {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return errors.New("the code cannot contain spaces or control characters")
		}
	}
	if n := len([]rune(v)); n < MinExitCode {
		return fmt.Errorf("the code must be at least %d characters (it has %d)", MinExitCode, n)
	} else if n > MaxExitCode {
		return fmt.Errorf("the code can be at most %d characters (it has %d): the staff prompt takes no more", MaxExitCode, n)
	}
	return nil
}

// resolve makes a path from a config file relative to the file's folder.
func resolve(file, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(file), p)
}
