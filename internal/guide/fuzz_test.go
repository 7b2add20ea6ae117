package guide

import (
	"testing"
)

// FuzzLoadPage feeds arbitrary bytes as a page: the loader must never panic,
// and anything it accepts must have its required fields.
func FuzzLoadPage(f *testing.F) {
	f.Add([]byte(goodPage))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: alpha\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\nid: x\r\n---\r\n"))
	f.Add([]byte("---\nid: [a, b\ntitle: {\n---\nbody"))
	f.Add([]byte("---\nsources: 3\nquestions: {a: b}\nrelated: [alpha, alpha]\norder: -1\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := tree(map[string]string{"alpha.md": string(data)})
		g, err := Load(Source{FS: fsys, Name: "content"}, DefaultRules(today))
		if g == nil {
			t.Fatal("Load returned no guide")
		}
		if err != nil {
			return
		}
		p, ok := g.Page("alpha")
		if !ok || p.Title == "" || p.Summary == "" || p.Reviewed.IsZero() || len(p.Sources) < 2 {
			t.Fatalf("accepted an incomplete page: %+v", p)
		}
	})
}
