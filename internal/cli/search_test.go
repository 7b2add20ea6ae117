package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "search", "herceptin", "--limit", "3"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	blocks := strings.Split(strings.TrimSpace(out.String()), "\n\n")
	if len(blocks) != 3 {
		t.Fatalf("%d blocks, want 3:\n%s", len(blocks), out.String())
	}
	if first := blocks[0]; !strings.HasPrefix(first, "trastuzumab (glossary: trastuzumab)\n    ") {
		t.Errorf("first block:\n%s", first)
	}
	if !strings.Contains(out.String(), "Which HER2 drugs are there? (her2-drugs)\n    ") {
		t.Errorf("her2-drugs missing:\n%s", out.String())
	}
	for _, b := range blocks {
		lines := strings.Split(b, "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[1], "    ") || strings.TrimSpace(lines[1]) == "" {
			t.Errorf("block is not a title and an indented snippet:\n%s", b)
		}
	}
}

func TestSearchJoinsWords(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "search", "lung", "inflammation", "--limit", "1"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "What is lung inflammation (ILD) on trastuzumab deruxtecan? (lung-ild)\n") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestSearchJSON(t *testing.T) {
	env, out, _ := testEnv(false, false)
	if code := run(t, env, "search", "t-dxd", "--json", "--limit", "5"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	var hits []struct {
		Page, Term, Title, Snippet, Kind string
		Score                            float64
	}
	if err := json.Unmarshal(out.Bytes(), &hits); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(hits) != 5 {
		t.Fatalf("%d hits, want 5", len(hits))
	}
	if h := hits[0]; h.Term != "trastuzumab-deruxtecan" || h.Page != "" || h.Kind != "glossary" || h.Title != "trastuzumab deruxtecan" || h.Score <= 0 {
		t.Errorf("first hit: %+v", h)
	}
	for i, h := range hits {
		if (h.Page == "") == (h.Term == "") || h.Snippet == "" || h.Title == "" {
			t.Errorf("hit %d: %+v", i, h)
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hit %d scores above hit %d", i, i-1)
		}
	}
	for _, key := range []string{`"page"`, `"term"`, `"title"`, `"snippet"`, `"kind"`, `"score"`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}

	env, out, _ = testEnv(false, false)
	if code := run(t, env, "search", "xyzzy", "--json"); code != 0 || strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("no results as JSON: exit %d, %q", code, out.String())
	}
}

func TestSearchNoResults(t *testing.T) {
	env, out, errb := testEnv(false, false)
	if code := run(t, env, "search", "xyzzy"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "her2guide topics") || !strings.Contains(out.String(), "xyzzy") {
		t.Errorf("output: %q", out.String())
	}
}

func TestSearchErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"search"}, "requires at least 1 arg"},
		{[]string{"search", " - ", "…"}, "search needs something to look for"},
		{[]string{"search", "herceptin", "--limit", "0"}, "limit must be at least 1"},
	}
	for _, tc := range cases {
		env, out, errb := testEnv(false, false)
		if code := run(t, env, tc.args...); code == 0 {
			t.Errorf("%v: exit 0", tc.args)
		}
		if !strings.Contains(strings.ToLower(errb.String()), strings.ToLower(tc.want)) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, errb.String())
		}
		if out.Len() > 0 && !strings.Contains(out.String(), "Usage") {
			t.Errorf("%v: unexpected output %q", tc.args, out.String())
		}
	}
}
