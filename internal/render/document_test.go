package render

import (
	"strings"
	"testing"
	"time"

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

// TestDocumentListsTheQuestions: the page's suggested questions follow its
// body under the bundle's heading, before the sources, so the page itself
// carries the questions to take to a visit; a bundle with no heading for
// them lists none.
func TestDocumentListsTheQuestions(t *testing.T) {
	p := &guide.Page{
		Labels:    &guide.Labels{Questions: "Questions you could ask your care team"},
		Body:      "The body.\n",
		Questions: []string{"Which scan will check my heart?", "How often?"},
		Sources:   []string{"A source."},
	}
	got := Document(p)
	want := "The body.\n\n## Questions you could ask your care team\n\n- Which scan will check my heart?\n- How often?\n\n## Sources"
	if !strings.Contains(got, want) {
		t.Errorf("Document:\n%s\nwant it to hold:\n%s", got, want)
	}
	p.Labels.Questions = ""
	if got := Document(p); strings.Contains(got, "Which scan") {
		t.Errorf("with no heading for them, the questions are listed:\n%s", got)
	}
}

// TestDocumentEndsWithTheBundlesLabels: a page's sources heading and
// review dates are in its bundle's words; a page whose bundle has none (a
// test's tree) still says them, in English.
func TestDocumentEndsWithTheBundlesLabels(t *testing.T) {
	p := &guide.Page{
		Labels:     &guide.Labels{Sources: "Fuentes", Reviewed: "Revisado: {date}.", NextReview: "Próxima: {date}."},
		Body:       "Cuerpo.\n",
		Sources:    []string{"Una fuente."},
		Reviewed:   time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		NextReview: time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC),
	}
	got := Document(p)
	for _, want := range []string{"## Fuentes\n\n1. Una fuente.", "Revisado: 1 November 2026. Próxima: 1 May 2027.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("Document lacks %q:\n%s", want, got)
		}
	}
	p.Labels = nil
	if got := Document(p); !strings.Contains(got, "## Sources\n") || !strings.Contains(got, "Reviewed 1 November 2026. Next review by 1 May 2027.") {
		t.Errorf("without labels, the page's end is not in English:\n%s", got)
	}
}
