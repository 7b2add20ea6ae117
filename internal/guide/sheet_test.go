package guide

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/her2guide/her2guide/content"
)

// TestSheetWordsChecked: `her2guide check` (Load) reports a sheet label the
// block lacks at the sheet key's line, and a placeholder missing, twice
// or unknown at its label's line; a tree with no sheet block prints the
// English bundle's words and is not held to them.
func TestSheetWordsChecked(t *testing.T) {
	data, err := fs.ReadFile(content.FS(), "guide.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bundled := string(data)
	lineOf := func(text, prefix string) int {
		for i, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line starts %q", prefix)
		return 0
	}
	edit := func(key, value string) string {
		var out []string
		for _, l := range strings.Split(bundled, "\n") {
			if strings.HasPrefix(l, "  "+key+":") {
				if value == "" {
					continue
				}
				l = "  " + key + ": " + value
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	}
	block := lineOf(bundled, "sheet:")
	for _, tc := range []struct {
		name, guide string
		want        []string
	}{
		{"bundled", bundled, nil},
		{"no sheet block", "title: T\nsubtitle: S\nnotice: N\n", nil},
		{"missing label", edit("top_full", ""), []string{fmt.Sprintf(`content/guide.yaml:%d: missing required field "sheet.top_full"`, block)}},
		{"empty label", edit("teach_back", `""`), []string{fmt.Sprintf(`content/guide.yaml:%d: missing required field "sheet.teach_back"`, lineOf(bundled, "  teach_back:"))}},
		{"no number", edit("top", "My top three"), []string{fmt.Sprintf(`content/guide.yaml:%d: sheet.top must hold {n} once, where the number goes`, lineOf(bundled, "  top:"))}},
		{"number twice", edit("top_blank", "My top question {n} of {n}"), []string{fmt.Sprintf(`content/guide.yaml:%d: sheet.top_blank must hold {n} once`, lineOf(bundled, "  top_blank:"))}},
		{"unknown placeholder", edit("top_some", "Ask these {n} first."), []string{fmt.Sprintf(`content/guide.yaml:%d: sheet.top_some has {n}, which it cannot fill (it holds none)`, lineOf(bundled, "  top_some:"))}},
		{"page without pages", edit("page", "Page {page}"), []string{fmt.Sprintf(`content/guide.yaml:%d: sheet.page must hold {pages} once, where the number of pages goes`, lineOf(bundled, "  page:"))}},
		{"endorsed without clinic", edit("endorsed", "Your care team wants you to ask these."), []string{fmt.Sprintf(`content/guide.yaml:%d: sheet.endorsed must hold {clinic} once, where the clinic's name goes`, lineOf(bundled, "  endorsed:"))}},
		{"unknown key", edit("top_full", "Ask these first.\n  footer: x"), []string{`content/guide.yaml:`, `unknown field "footer"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tree(map[string]string{"alpha.md": page("alpha")})
			fsys["guide.yaml"] = &fstest.MapFile{Data: []byte(tc.guide)}
			_, ps := load(t, fsys)
			var got []string
			for _, p := range ps {
				if p.File == "content/guide.yaml" {
					got = append(got, p.String())
				}
			}
			if len(tc.want) == 0 {
				if len(got) > 0 {
					t.Errorf("problems in guide.yaml:\n%s", strings.Join(got, "\n"))
				}
				return
			}
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems in guide.yaml:\n%s\nwant one with %q", all, w)
				}
			}
			if len(got) != 1 {
				t.Errorf("%d problems in guide.yaml, want 1:\n%s", len(got), all)
			}
		})
	}
}
