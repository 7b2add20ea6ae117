package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// screens are the packages whose UI strings must come from the catalog.
var screens = []string{"../tui", "../plain"}

// notUI are string literals in the screens that look like text but are not
// the guide's words, each with why.
var notUI = map[string]string{
	// Staff log lines (kiosk.go): for staff, in English, not on screen.
	"finish and clear":                                      "staff log",
	" (spooler said: ":                                      "staff log",
	"idle reset after %s without input":                     "staff log",
	"staff exit":                                            "staff log",
	", after that patient's session was cleared":            "staff log",
	"print cancelled: the session was cleared":              "staff log",
	"printing failed%s: %v%s":                               "staff log",
	"printed on %s%s":                                       "staff log",
	"wrong staff code (%d in a row); the next try waits %s": "staff log",
	// A panic a test build triggers on purpose.
	"deliberate panic (test build)": "test-only panic",
	// Marks and numbering: symbols, not words.
	"[x] ": "checkbox mark",
	"%d. ": "list number",
	// An error returned to the caller, not said to the reader.
	"reading input: %w": "wrapped error",
}

// looksLikeText reports whether a literal reads as words: a space and a
// letter ("Press q to quit."), or a capitalised word ("Back", "Loading…").
func looksLikeText(s string) bool {
	if strings.ContainsRune(s, ' ') && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		return true
	}
	r := []rune(s)
	return len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1])
}

func TestLooksLikeText(t *testing.T) {
	for s, want := range map[string]bool{
		"Press q to quit.": true, "Back": true, "Loading…": true, " of ": true,
		"ctrl+s": false, "↑/k": false, "G": false, "#5A3E9B": false, "pgdown": false,
		" · ": false, "\n\n": false, "%": false, "enter": false,
	} {
		if got := looksLikeText(s); got != want {
			t.Errorf("looksLikeText(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNoUITextOutsideCatalog fails when a screen of the TUI or of --plain
// spells out text itself instead of reading it from the catalog.
func TestNoUITextOutsideCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, dir := range screens {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
					continue
				}
				ast.Inspect(d, func(n ast.Node) bool {
					lit, ok := n.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return true
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
					}
					if _, ok := notUI[s]; ok {
						seen[s] = true
						return true
					}
					if looksLikeText(s) {
						t.Errorf("%s: %q looks like UI text: move it to the i18n catalog (or, if it is not for the reader, to notUI with a reason)",
							fset.Position(lit.Pos()), s)
					}
					return true
				})
			}
		}
	}
	for s := range notUI {
		if !seen[s] {
			t.Errorf("notUI lists %q, which no screen uses any more: remove it", s)
		}
	}
}

// TestCatalogsComplete checks that every string of each catalog is set and
// every func is there, so a new language cannot leave a hole on screen.
func TestCatalogsComplete(t *testing.T) {
	for name, c := range map[string]*Catalog{"English": English()} {
		walk(t, name, reflect.ValueOf(*c))
	}
}

func walk(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			walk(t, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.String:
		if v.String() == "" {
			t.Errorf("%s is empty", path)
		}
	case reflect.Func, reflect.Slice:
		if v.IsNil() || v.Kind() == reflect.Slice && v.Len() == 0 {
			t.Errorf("%s is missing", path)
		}
	}
}
