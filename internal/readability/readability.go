// Package readability measures how hard a page's prose is to read. It pulls
// the prose out of Markdown (no headings, tables or code) and scores it with
// the Flesch–Kincaid grade formula.
package readability

import (
	"strings"

	"github.com/jdkato/prose/v3/summarize"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Prose returns the running text of a Markdown document: paragraphs and list
// items, each ended as a sentence, without headings, tables or code.
func Prose(markdown string) string {
	src := []byte(markdown)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	doc := md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading, extast.KindTable, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock:
			writeBlock(&b, plain(n, src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// plain is the text of an inline tree, with soft line breaks as spaces.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for ch := t.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tx, ok := ch.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// writeBlock adds one block of text, ending it as a sentence so that list
// items without a full stop are not run together into one long sentence.
func writeBlock(b *strings.Builder, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	b.WriteString(s)
	if !strings.ContainsAny(s[len(s)-1:], ".!?:") {
		b.WriteByte('.')
	}
	b.WriteString("\n\n")
}

// Score is the reading measure of some prose.
type Score struct {
	// Grade is the Flesch–Kincaid US school grade.
	Grade float64
	// SMOG is the SMOG grade, which counts words of three or more
	// syllables: the measure health-literacy studies report.
	SMOG      float64
	Words     int
	Sentences int
}

// Measure scores prose (plain text, not Markdown).
func Measure(prose string) Score {
	if strings.TrimSpace(prose) == "" {
		return Score{}
	}
	d := summarize.NewDocument(prose)
	return Score{Grade: d.FleschKincaid(), SMOG: d.SMOG(), Words: int(d.NumWords), Sentences: int(d.NumSentences)}
}

// Page scores the prose of a Markdown document.
func Page(markdown string) Score {
	return Measure(Prose(markdown))
}
