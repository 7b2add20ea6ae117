package search

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/her2guide/her2guide/internal/pictures"
)

// PlainLines returns the text of a Markdown document as plain lines, without
// markup: one line for each heading, paragraph and list item, one for each
// table row (cells joined by " | "), one for each line of a code block, and
// one for each picture: its text equivalent, as a reader hears it.
// Line numbers in search results index this slice.
func PlainLines(markdown string) []string {
	src := []byte(pictures.AsText(markdown))
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	doc := md.Parser().Parse(text.NewReader(src))
	var lines []string
	add := func(s string) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			lines = append(lines, s)
		}
	}
	// Walk only fails when the callback does, and this one never does.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHTMLBlock, ast.KindThematicBreak:
			return ast.WalkSkipChildren, nil
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			ls := n.Lines()
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				add(string(seg.Value(src)))
			}
			return ast.WalkSkipChildren, nil
		case extast.KindTableHeader, extast.KindTableRow:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if s := strings.TrimSpace(inline(c, src)); s != "" {
					cells = append(cells, s)
				}
			}
			add(strings.Join(cells, " | "))
			return ast.WalkSkipChildren, nil
		case ast.KindHeading, ast.KindParagraph, ast.KindTextBlock:
			add(inline(n, src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return lines
}

// inline is the text of an inline tree, with line breaks as spaces.
func inline(n ast.Node, src []byte) string {
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
		case *ast.AutoLink:
			b.Write(t.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
