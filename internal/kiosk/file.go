package kiosk

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/her2guide/her2guide/internal/fuzzy"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// fileConfig is the TOML file exactly as written: every key optional, each
// of the one TOML type it may have.
type fileConfig struct {
	Idle            *string `toml:"idle"`
	Countdown       *string `toml:"countdown"`
	Printer         *string `toml:"printer"`
	ExitCode        *string `toml:"exit-code"`
	Content         *string `toml:"content"`
	ContentOverride *bool   `toml:"content-override"`
	Log             *string `toml:"log"`
	Phone           *string `toml:"phone"`
	AfterHoursPhone *string `toml:"after-hours-phone"`
}

// ApplyFile sets what the TOML config file sets. name is the file's path,
// used in messages and to resolve relative paths; data is its text. An
// unknown key, a value of the wrong type or a bad value is an error of the
// form "name:line: message".
func (c *Config) ApplyFile(name string, data []byte) error {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return fmt.Errorf("%s:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", name)
	}
	var f fileConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return fileError(name, err)
	}
	lines := keyLines(data)
	text := map[string]*string{
		KeyIdle: f.Idle, KeyCountdown: f.Countdown, KeyPrinter: f.Printer,
		KeyExitCode: f.ExitCode, KeyContent: f.Content, KeyLog: f.Log,
		KeyPhone: f.Phone, KeyAfterHoursPhone: f.AfterHoursPhone,
	}
	var errs []error
	for _, k := range Keys() {
		var err error
		switch {
		case k == KeyContentOverride:
			if f.ContentOverride != nil {
				c.ContentOverride = *f.ContentOverride
			}
		case text[k] == nil:
		case k == KeyContent || k == KeyLog:
			err = c.set(k, resolve(name, *text[k]))
		default:
			err = c.set(k, *text[k])
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %s%s: %w", name, lines[k], k, shown(k, " = ", *text[k]), err))
		}
	}
	return errors.Join(errs...)
}

// fileError turns a go-toml error into "name:line: message" lines that say
// what to write instead.
func fileError(name string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		errs := make([]error, 0, len(strict.Errors))
		for _, e := range strict.Errors {
			line, _ := e.Position()
			key := strings.Join(e.Key(), ".")
			errs = append(errs, fmt.Errorf("%s:%d: unknown key %q%s", name, line, key, didYouMean(key)))
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		key := strings.Join(de.Key(), ".")
		if want, ok := wantType[key]; ok && strings.Contains(de.Error(), "cannot decode") {
			return fmt.Errorf("%s:%d: %s: %s", name, line, key, want)
		}
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if key != "" {
			msg = key + ": " + msg
		}
		return fmt.Errorf("%s:%d: not valid TOML: %s", name, line, msg)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// wantType says what each key holds, for a value of the wrong TOML type.
var wantType = map[string]string{
	KeyIdle:            `must be a duration in quotes, like "3m" or "90s"`,
	KeyCountdown:       `must be a duration in quotes, like "30s"`,
	KeyPrinter:         `must be a printer name in quotes, like "desk"`,
	KeyExitCode:        `must be text in quotes`,
	KeyContent:         `must be a folder path in quotes`,
	KeyLog:             `must be a file path in quotes`,
	KeyContentOverride: `must be true or false, without quotes`,
	KeyPhone:           `must be a phone number in quotes, like "(555) 010-0100"`,
	KeyAfterHoursPhone: `must be a phone number in quotes, like "(555) 010-0199"`,
}

// didYouMean suggests the key meant by a misspelt one: another case,
// underscores for dashes, or a letter or two out (or swapped).
func didYouMean(key string) string {
	norm := strings.ReplaceAll(strings.ToLower(key), "_", "-")
	const maxEdits = 2
	best, bestDist := "", maxEdits+1
	for _, k := range Keys() {
		if d := fuzzy.Distance(norm, k, maxEdits); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	known := Keys()
	sort.Strings(known)
	return " (known keys: " + strings.Join(known, ", ") + ")"
}

// keyLines maps each top-level key of a valid TOML document to its line.
func keyLines(data []byte) map[string]int {
	out := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.KeyValue {
			continue
		}
		it := e.Key()
		if !it.Next() {
			continue
		}
		key := string(it.Node().Data)
		if v := e.Value(); v != nil {
			out[key] = p.Shape(v.Raw).Start.Line
		}
	}
	return out
}
