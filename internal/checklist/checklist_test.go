package checklist

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/her2guide/her2guide/internal/guide"
)

func page() *guide.Page {
	return &guide.Page{
		ID:        "her2-testing",
		Title:     "How is HER2 tested?",
		Questions: []string{"Was my cancer tested by IHC?", "Do I need an ISH test?", "Can I have a copy?"},
	}
}

func ids(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func TestSuggested(t *testing.T) {
	got := Suggested(page())
	want := Item{ID: "her2-testing#2", Topic: "her2-testing", TopicTitle: "How is HER2 tested?", Text: "Do I need an ISH test?"}
	if len(got) != 3 || got[1] != want {
		t.Fatalf("Suggested()[1] = %+v, want %+v (of %d)", got[1], want, len(got))
	}
	p := page()
	p.QuestionIDs = []string{"ihc-score", "need-ish", "retest"}
	if got := Suggested(p); got[1].ID != "need-ish" {
		t.Errorf("with ids from the question bank, Suggested()[1].ID = %q", got[1].ID)
	}
}

func TestZeroListAndToggle(t *testing.T) {
	var l List
	if l.Len() != 0 || len(l.Items()) != 0 || l.Has("x") {
		t.Fatal("zero List is not empty")
	}
	s := Suggested(page())
	s[0].Top = true // Toggle never adds a top question
	if !l.Toggle(s[0]) || !l.Toggle(s[2]) || !l.Toggle(s[1]) {
		t.Fatal("Toggle of an absent item returned false")
	}
	if got := ids(l.Items()); !reflect.DeepEqual(got, []string{"her2-testing#1", "her2-testing#3", "her2-testing#2"}) {
		t.Fatalf("order = %v", got)
	}
	if l.Items()[0].Top {
		t.Error("Toggle added an item marked Top")
	}
	if l.Toggle(s[2]) || l.Has(s[2].ID) || l.Len() != 2 {
		t.Fatal("Toggle of a present item did not remove it")
	}
	items := l.Items()
	items[0].Text = "changed"
	if l.Items()[0].Text == "changed" {
		t.Error("Items does not return a copy")
	}
	l.Remove("her2-testing#1")
	l.Remove("nothing")
	if got := ids(l.Items()); !reflect.DeepEqual(got, []string{"her2-testing#2"}) {
		t.Fatalf("after Remove: %v", got)
	}
	l.Clear()
	if l.Len() != 0 {
		t.Fatal("Clear left items")
	}
}

func TestMove(t *testing.T) {
	tests := []struct {
		id    string
		delta int
		want  string
	}{
		{"b", -1, "bacd"},
		{"a", -1, "abcd"},
		{"d", +1, "abcd"},
		{"a", +1, "bacd"},
		{"a", +10, "bcda"},
		{"d", -10, "dabc"},
		{"c", 0, "abcd"},
		{"zz", -1, "abcd"},
	}
	for _, tt := range tests {
		var l List
		for _, id := range []string{"a", "b", "c", "d"} {
			l.Toggle(Item{ID: id})
		}
		l.Move(tt.id, tt.delta)
		if got := strings.Join(ids(l.Items()), ""); got != tt.want {
			t.Errorf("Move(%q, %d) = %s, want %s", tt.id, tt.delta, got, tt.want)
		}
	}
}

func TestSetTop(t *testing.T) {
	var l List
	for _, id := range []string{"a", "b", "c", "d"} {
		l.Toggle(Item{ID: id})
	}
	for _, id := range []string{"a", "b", "c", "c"} {
		if err := l.SetTop(id, true); err != nil {
			t.Fatalf("SetTop(%s): %v", id, err)
		}
	}
	if err := l.SetTop("d", true); !errors.Is(err, ErrTooManyTop) {
		t.Fatalf("4th top: err = %v, want ErrTooManyTop", err)
	}
	if l.Items()[3].Top || l.TopCount() != 3 {
		t.Fatal("a refused SetTop changed the list")
	}
	if err := l.SetTop("b", false); err != nil {
		t.Fatal(err)
	}
	if err := l.SetTop("d", true); err != nil {
		t.Fatalf("after freeing a place: %v", err)
	}
	if err := l.SetTop("nope", true); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: err = %v", err)
	}
}

func TestOwn(t *testing.T) {
	var l List
	if _, err := l.AddOwn(" \x1b[31m\x07 \n\t"); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty own question: err = %v", err)
	}
	a, err := l.AddOwn("Can I keep \x1b[1mworking\x1b[0m?")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "own-1" || !a.Own || a.Text != "Can I keep working?" || a.Topic != "" {
		t.Fatalf("AddOwn = %+v", a)
	}
	b, _ := l.AddOwn("Second")
	l.Remove(a.ID)
	c, _ := l.AddOwn("Third")
	if b.ID != "own-2" || c.ID != "own-3" {
		t.Fatalf("own ids %s, %s: ids must not be reused", b.ID, c.ID)
	}
	if err := l.EditOwn(b.ID, "Second, \u202eedited"); err != nil || l.Items()[0].Text != "Second, edited" {
		t.Fatalf("EditOwn: %v, %q", err, l.Items()[0].Text)
	}
	if err := l.EditOwn(b.ID, "\x1b]0;title\x07"); !errors.Is(err, ErrEmpty) || l.Items()[0].Text != "Second, edited" {
		t.Fatalf("EditOwn to empty: %v, text %q", err, l.Items()[0].Text)
	}
	l.Toggle(Suggested(page())[0])
	if err := l.EditOwn("her2-testing#1", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("EditOwn of a suggested question: %v", err)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Is it HER2-positive?", "Is it HER2-positive?"},
		{"trim", "  \n hello \n\n", "hello"},
		{"csi", "\x1b[2J\x1b[31mred\x1b[0m", "red"},
		{"osc", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ and \x1b]0;t\x07title", "link and title"},
		{"c0 and c1", "a\x00b\x08c\x7fd\u0085e", "abcde"},
		{"tab", "a\tb", "a b"},
		{"crlf", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"blank lines", "one\n\n\n\n\ntwo\n \n\nthree", "one\n\ntwo\n\nthree"},
		{"line ends", "one   \ntwo\t", "one\ntwo"},
		{"bidi", "abc\u202edef\u2066", "abcdef"},
		{"invalid utf8", "a\xffb", "ab"},
		{"unicode kept", "Kann ich arbeiten? 日本語 — ¿sí? 👩🏽‍⚕️", "Kann ich arbeiten? 日本語 — ¿sí? 👩🏽‍⚕️"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("%s: Sanitize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSanitizeCap(t *testing.T) {
	long := strings.Repeat("é", MaxOwnLength+20)
	if got := Sanitize(long); utf8.RuneCountInString(got) != MaxOwnLength {
		t.Errorf("capped to %d runes, want %d", utf8.RuneCountInString(got), MaxOwnLength)
	}
	// A cluster of 4 runes that would cross the limit is dropped whole.
	nurse := "👩🏽‍⚕️" // 5 runes
	s := strings.Repeat("a", MaxOwnLength-2) + nurse
	if got := Sanitize(s); got != strings.Repeat("a", MaxOwnLength-2) {
		t.Errorf("cut a grapheme cluster: ends %q", got[len(got)-8:])
	}
	// Trailing space left by the cut is trimmed.
	s = strings.Repeat("a", MaxOwnLength-1) + " b"
	if got := Sanitize(s); got != strings.Repeat("a", MaxOwnLength-1) {
		t.Errorf("space left at the end after the cut")
	}
}

func TestOrdered(t *testing.T) {
	items := []Item{
		{ID: "s#1", Topic: "s", TopicTitle: "Stages", Text: "q1"},
		{ID: "own-1", Own: true, Text: "mine"},
		{ID: "t#2", Topic: "t", TopicTitle: "Testing", Text: "q2", Top: true},
		{ID: "t#1", Topic: "t", TopicTitle: "Testing", Text: "q3"},
		{ID: "s#2", Topic: "s", TopicTitle: "Stages", Text: "q4"},
		{ID: "own-2", Own: true, Text: "mine too", Top: true},
		{ID: "x#1", Topic: "x", Text: "q5"},
	}
	got := Ordered(items)
	var shape []string
	for _, g := range got {
		title := g.Title
		if g.Top {
			title += "(top)"
		}
		if g.Own {
			title += "(own)"
		}
		shape = append(shape, title+":"+strings.Join(ids(g.Items), ","))
	}
	want := []string{"(top):t#2,own-2", "Stages:s#1,s#2", "Testing:t#1", "x:x#1", "(own):own-1"}
	if !reflect.DeepEqual(shape, want) {
		t.Errorf("Ordered = %v\nwant      %v", shape, want)
	}
	if len(Ordered(nil)) != 0 {
		t.Error("Ordered(nil) is not empty")
	}
	if g := Ordered(items[:1]); len(g) != 1 || g[0].Title != "Stages" {
		t.Errorf("no top, no own: %+v", g)
	}
}

func TestLoad(t *testing.T) {
	good := []Item{{ID: "p#1", Topic: "p", Text: "Q?", Top: true}, {ID: "own-7", Text: "Mine\x1b[31m", Own: true}}
	var l List
	if err := l.Load(good); err != nil {
		t.Fatal(err)
	}
	if got := l.Items(); len(got) != 2 || !got[0].Top || strings.Contains(got[1].Text, "\x1b") {
		t.Fatalf("Load = %+v", got)
	}
	if it, _ := l.AddOwn("new"); it.ID != "own-8" {
		t.Errorf("next own id = %q, want own-8", it.ID)
	}
	bad := [][]Item{
		{{ID: "", Text: "x"}},
		{{ID: "a", Text: "x"}, {ID: "a", Text: "y"}},
		{{ID: "mine", Text: "x", Own: true}},
		{{ID: "a", Text: "  "}},
		{{ID: "a", Text: "x", Top: true}, {ID: "b", Text: "x", Top: true}, {ID: "c", Text: "x", Top: true}, {ID: "d", Text: "x", Top: true}},
	}
	for i, items := range bad {
		before := l.Items()
		if err := l.Load(items); err == nil {
			t.Errorf("case %d: Load accepted %+v", i, items)
		}
		if !reflect.DeepEqual(l.Items(), before) {
			t.Errorf("case %d: a refused Load changed the list", i)
		}
	}
}
