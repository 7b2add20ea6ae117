package render

import (
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/guide"
)

// TestDocumentLeadsWithTheMainMessage checks that a page's main message and
// its short points come first, under the bundle's labels, before the body.
func TestDocumentLeadsWithTheMainMessage(t *testing.T) {
	p := &guide.Page{
		Message: "Most people are treated before surgery.",
		InShort: []string{"Drugs come first.", "Surgery shows how they worked."},
		Labels:  &guide.Labels{Message: "What you need to know", InShort: "In short"},
		Body:    "The body.\n",
	}
	got := Document(p)
	want := "**What you need to know:** **Most people are treated before surgery.**\n\n**In short**\n\n- Drugs come first.\n- Surgery shows how they worked.\n\nThe body."
	if !strings.HasPrefix(got, want) {
		t.Fatalf("Document starts\n%q\nwant\n%q", got[:min(len(got), len(want)+20)], want)
	}
	p.Message, p.InShort = "", nil
	if got := Document(p); !strings.HasPrefix(got, "The body.") {
		t.Errorf("a page with no message starts %q, want its body", got[:20])
	}
}
