package guide

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/her2guide/her2guide/content"
)

// TestBundledSearchWordsParseOnce checks that the bundled search.yaml takes
// the one-parse path of the loader, as the other files do.
func TestBundledSearchWordsParseOnce(t *testing.T) {
	data, err := fs.ReadFile(content.FS(), searchFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 {
		t.Fatalf("does not parse: %v", err)
	}
	if !knownKeys(doc.Content[0], reflect.TypeOf(&SearchWords{})) {
		t.Error("search.yaml falls back to the strict decoder (a second parse)")
	}
}

func TestLoadSearchWords(t *testing.T) {
	alpha := map[string]string{"alpha.md": page("alpha", replace("related: [beta]", "related: []"))}
	t.Run("optional", func(t *testing.T) {
		g, ps := load(t, tree(alpha))
		if ps != nil || len(g.Search.Synonyms) != 0 {
			t.Fatalf("without search.yaml: %v, %+v", ps, g.Search)
		}
	})
	t.Run("good", func(t *testing.T) {
		fsys := tree(alpha)
		fsys["search.yaml"] = &fstest.MapFile{Data: []byte("synonyms:\n  - ask: [swollen arm]\n    find: [lymphedema]\nstop_words: [how, am]\n")}
		g, ps := load(t, fsys)
		if ps != nil {
			t.Fatal(ps)
		}
		want := SearchWords{Synonyms: []Synonyms{{Ask: []string{"swollen arm"}, Find: []string{"lymphedema"}}}, StopWords: []string{"how", "am"}}
		if len(g.Search.Synonyms) != 1 || !slices.Equal(g.Search.Synonyms[0].Ask, want.Synonyms[0].Ask) ||
			!slices.Equal(g.Search.Synonyms[0].Find, want.Synonyms[0].Find) || !slices.Equal(g.Search.StopWords, want.StopWords) {
			t.Errorf("search words = %+v, want %+v", g.Search, want)
		}
	})
	cases := []struct{ name, data, want string }{
		{"unknown key", "synonyms: []\nwords: []\n", `content/search.yaml:2: unknown field "words"`},
		{"unknown group key", "synonyms:\n  - ask: [a]\n    find: [b]\n    see: [c]\n", `content/search.yaml:4: unknown field "see"`},
		{"no find", "synonyms:\n  - ask: [a, b]\n", `content/search.yaml:2: a synonym group needs "ask"`},
		{"no ask", "synonyms:\n  - find: [b]\n", `content/search.yaml:2: a synonym group needs "ask"`},
		{"empty phrase", "synonyms:\n  - ask: [a]\n    find: [\" \"]\n", `content/search.yaml:3: empty synonym`},
		{"asked twice", "synonyms:\n  - ask: [a]\n    find: [b]\n  - ask:\n      - c\n      - A\n    find: [b]\n", `content/search.yaml:6: "A" is already asked at line 2`},
		{"twice in a list", "synonyms:\n  - ask: [a]\n    find:\n      - b\n      - B\n", `content/search.yaml:5: "B" is already in this find list (line 4)`},
		{"two-word stop word", "stop_words: [how, going to]\n", `content/search.yaml:1: a stop word must be one word, not "going to"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tree(alpha)
			fsys["search.yaml"] = &fstest.MapFile{Data: []byte(tc.data)}
			_, ps := load(t, fsys)
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tc.want) {
					return
				}
			}
			t.Errorf("problems:\n%v\nwant one starting %q", ps, tc.want)
		})
	}
}
