package kiosk

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/her2guide/her2guide/internal/fuzzy"
	"github.com/pelletier/go-toml/v2/unstable"
)

// ApplyFile sets what the TOML config file sets. name is the file's path,
// used in messages and to resolve relative paths; data is its text. Every
// unknown key, value of the wrong type, key set twice and bad value is
// reported, each as "name:line: message"; a syntax error stops the reading
// there. The file holds only top-level keys, each of one TOML type.
func (c *Config) ApplyFile(name string, data []byte) error {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return fmt.Errorf("%s:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", name)
	}
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	seen := map[string]int{}
	inServe := false
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.KeyValue && e.Kind != unstable.Table && e.Kind != unstable.ArrayTable {
			continue // a comment or a blank line
		}
		key, line := keyOf(&p, e)
		if e.Kind != unstable.KeyValue {
			if e.Kind == unstable.Table && key == "serve" {
				// The SSH server's own table: `her2guide serve` reads
				// and checks its keys.
				inServe = true
				continue
			}
			fail(line, "unknown key %q: the settings are written at the top of the file, not in a [section]", key)
			break // every key after a [section] is in it
		}
		if inServe {
			continue
		}
		parts := strings.Split(key, ".")
		switch {
		case len(parts) > 1 && isKey(parts[0]):
			fail(line, "%s: %s is one value, not a group: write %s = %s", key, parts[0], parts[0], example[parts[0]])
			continue
		case !isKey(key):
			fail(line, "unknown key %q%s", key, didYouMean(key))
			continue
		}
		if first, ok := seen[key]; ok {
			fail(line, "%s: already set on line %d", key, first)
			continue
		}
		seen[key] = line
		v := e.Value()
		if key == KeyContentOverride {
			if v.Kind != unstable.Bool {
				fail(line, "%s: %s", key, wantType[key])
				continue
			}
			c.ContentOverride = string(v.Data) == "true"
			continue
		}
		if v.Kind != unstable.String {
			fail(line, "%s: %s", key, wantType[key])
			continue
		}
		text := string(v.Data)
		if key == KeyContent || key == KeyLog {
			text = resolve(name, text)
		}
		if err := c.set(key, text); err != nil {
			fail(line, "%s%s: %v", key, shown(key, " = ", string(v.Data)), err)
		}
	}
	if err := p.Error(); err != nil {
		errs = append(errs, syntaxError(name, &p, err))
	}
	return errors.Join(errs...)
}

// keyOf returns an expression's key, dotted parts joined with ".", and the
// line it is on.
func keyOf(p *unstable.Parser, e *unstable.Node) (string, int) {
	var parts []string
	line := 0
	for it := e.Key(); it.Next(); {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if line == 0 {
			line = p.Shape(n.Raw).Start.Line
		}
	}
	return strings.Join(parts, "."), line
}

// syntaxError is "name:line: not valid TOML: message" for a parser error.
func syntaxError(name string, p *unstable.Parser, err error) error {
	var pe *unstable.ParserError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: not valid TOML: %w", name, err)
	}
	line := 1
	// The highlight is a part of the input; Range panics if it is not.
	if off := cap(p.Data()) - cap(pe.Highlight); off >= 0 && off+len(pe.Highlight) <= len(p.Data()) {
		line = p.Shape(p.Range(pe.Highlight)).Start.Line
	}
	return fmt.Errorf("%s:%d: not valid TOML: %s", name, line, pe.Message)
}

// example is a value of each key, for messages.
var example = map[string]string{
	KeyIdle: `"3m"`, KeyCountdown: `"30s"`, KeyPrinter: `"desk"`, KeyExitCode: `"..."`,
	KeyContent: `"pages"`, KeyContentOverride: `false`, KeyLog: `"kiosk.log"`,
	KeyPhone: `"(555) 010-0100"`, KeyAfterHoursPhone: `"(555) 010-0199"`,
	KeyClinic: `"Riverside Cancer Centre"`,
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
	KeyClinic:          `must be the clinic's name in quotes, like "Riverside Cancer Centre"`,
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
