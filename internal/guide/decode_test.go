package guide

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/her2guide/her2guide/content"
)

// decodeBoth decodes data with the one-parse path and with yaml's strict
// decoder alone, into fresh values of the type of v.
func decodeBoth(data []byte, v any) (fast, strict any, fastOK, strictOK bool, fastMsgs, strictMsgs Problems) {
	t := reflect.TypeOf(v).Elem()
	f, s := reflect.New(t).Interface(), reflect.New(t).Interface()
	var fc, sc problems
	_, fastOK = decodeYAML(&fc, "f.yaml", data, 0, f)
	strictOK = strictDecode(&sc, "f.yaml", data, 0, s)
	return f, s, fastOK, strictOK, fc.list, sc.list
}

func TestDecodeAgreesWithStrictDecoder(t *testing.T) {
	cases := []struct {
		name string
		data string
		v    any
	}{
		{"page ok", "id: a\ntitle: T\norder: 2\nsources:\n  - one\n", &pageMeta{}},
		{"page unknown key", "id: a\ncolour: red\n", &pageMeta{}},
		{"page nested unknown", "id: a\nsources:\n  - x\n", &pageMeta{}},
		{"page bad type", "order: many\n", &pageMeta{}},
		{"page list as string", "sources: one\n", &pageMeta{}},
		{"page alias", "id: &x a\ntitle: *x\n", &pageMeta{}},
		{"page merge key", "<<: {id: a}\n", &pageMeta{}},
		{"page yaml dash field", "line: 3\n", &[]*Section{}},
		{"terms ok", "- id: a\n  term: A\n  aka: [b]\n  definition: d\n", &[]*Term{}},
		{"terms unknown", "- id: a\n  spelling: x\n", &[]*Term{}},
		{"terms file key", "- id: a\n  file: x\n", &[]*Term{}},
		{"paths ok", "walkthrough:\n  - page: a\n    label: A\nsituation:\n  - id: q\n    ask: Q?\n    answers:\n      - id: x\n        label: X\n        pages: [a]\n", &Paths{}},
		{"paths deep unknown", "situation:\n  - id: q\n    answers:\n      - id: x\n        colour: red\n", &Paths{}},
		{"empty", "", &pageMeta{}},
		{"comment only", "# nothing\n", &pageMeta{}},
		{"syntax error", "id: [a\n", &pageMeta{}},
		{"two documents", "id: a\n---\nid: b\n", &pageMeta{}},
		{"duplicate key", "id: a\nid: b\n", &pageMeta{}},
		{"bom", "\xef\xbb\xbfid: a\n", &pageMeta{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fast, strict, fastOK, strictOK, fm, sm := decodeBoth([]byte(tc.data), tc.v)
			if tc.name == "bom" {
				if fastOK || len(fm) != 1 || !strings.Contains(fm[0].Msg, "byte-order mark") {
					t.Fatalf("BOM: ok=%v problems=%v", fastOK, fm)
				}
				return
			}
			if fastOK != strictOK {
				t.Fatalf("ok: fast %v, strict %v", fastOK, strictOK)
			}
			if !reflect.DeepEqual(fm, sm) {
				t.Fatalf("problems differ:\nfast   %v\nstrict %v", fm, sm)
			}
			if !reflect.DeepEqual(fast, strict) {
				t.Fatalf("values differ:\nfast   %#v\nstrict %#v", fast, strict)
			}
		})
	}
}

// FuzzDecodeAgrees: for any bytes, the one-parse path accepts exactly what
// the strict decoder accepts, with the same values and the same messages.
func FuzzDecodeAgrees(f *testing.F) {
	for _, s := range []string{"id: a\ntitle: T\n", "- id: a\n  term: A\n", "walkthrough: []\n", "x: 1\n", "[1, 2]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range []any{&pageMeta{}, &[]*Term{}, &Paths{}, &Meta{}} {
			fast, strict, fastOK, strictOK, fm, sm := decodeBoth(data, v)
			if fastOK != strictOK || !reflect.DeepEqual(fm, sm) {
				t.Fatalf("%T: fast %v %v, strict %v %v", v, fastOK, fm, strictOK, sm)
			}
			if fastOK && !reflect.DeepEqual(fast, strict) {
				t.Fatalf("%T: values differ", v)
			}
		}
	})
}

// TestBundledContentParsesOnce guards the speed of loading: every bundled
// YAML file and front matter must take the one-parse path, not the strict
// decoder's second parse.
func TestBundledContentParsesOnce(t *testing.T) {
	fsys := content.FS()
	check := func(name string, data []byte, v any) {
		t.Helper()
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 {
			t.Fatalf("%s: does not parse: %v", name, err)
		}
		if !knownKeys(doc.Content[0], reflect.TypeOf(v)) {
			t.Errorf("%s: falls back to the strict decoder (a second parse)", name)
		}
	}
	for name, v := range map[string]any{"guide.yaml": &Meta{}, "sections.yaml": &[]*Section{}, "paths.yaml": &Paths{}} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		check(name, data, v)
	}
	terms, _ := fs.Glob(fsys, "glossary/*.yaml")
	pages, _ := fs.Glob(fsys, "pages/*.md")
	if len(terms) == 0 || len(pages) == 0 {
		t.Fatal("no content found")
	}
	for _, name := range terms {
		data, _ := fs.ReadFile(fsys, name)
		check(name, data, &[]*Term{})
	}
	for _, name := range pages {
		data, _ := fs.ReadFile(fsys, name)
		front, _, _, lerr := splitFrontMatter(data)
		if lerr != nil {
			t.Fatalf("%s: %s", name, lerr.msg)
		}
		check(name, front, &pageMeta{})
	}
}
