package export

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// htmlPage is a standalone page: no scripts, no fonts, images or styles
// from elsewhere. html/template escapes every piece of text put into it.
//
// What it does for people who cannot see it or who zoom in (WCAG 1.3.1,
// 1.4.10), checked by TestHTMLAccessible:
//   - Landmarks: everything but the footer is in <main>, each part is a
//     <section> named by its heading (a region), the footer is the
//     contentinfo landmark.
//   - Tick boxes are disabled checkboxes inside a <label> with the question,
//     so a screen reader says "check box, not checked" and the question.
//     Blanks to write on are disabled text inputs labelled by their field
//     name ("My doctor:"); answer lines are decoration, hidden from readers.
//   - Reflow: nothing has a fixed width; the two-field rows wrap below about
//     30em, a label and its blank wrap too, and long words break, so a
//     320 px wide window never scrolls sideways.
//
// On paper, "as far as CSS paged media allows":
//   - The footer (disclaimer, version) is position: fixed in print, which
//     Chromium (checked with 156) and Firefox repeat at the foot of every
//     printed page, inside the page area: a negative bottom does not move
//     it into the page margin, Chromium then drops it. So
//     that it covers nothing, <main> ends every page with room for it:
//     padding-bottom with box-decoration-break: clone, which Firefox and
//     recent Chromium repeat on each page. Where a
//     browser does not clone block boxes (Safari, older Chromium), the
//     footer may cover the last lines of a full page but the last.
//   - Page numbers need @page margin boxes with counter(page): Chromium (131
//     and later) and Safari (18.2 and later) print them, and print them
//     instead of their own header and footer (URL, date); Firefox has no
//     margin boxes and numbers pages only with its own footer turned on.
var htmlPage = template.Must(template.New("sheet").Funcs(template.FuncMap{"text": htmlText}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page {
  size: {{if .Letter}}letter{{else}}A4{{end}};
  margin: 14mm 16mm 16mm;
  @bottom-right { content: {{.PageCSS}}; font: 11pt "Helvetica Neue", Arial, "Liberation Sans", sans-serif; vertical-align: bottom; padding-bottom: 6mm; }
}
html { color: #000; background: #fff; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 12pt; line-height: 1.35; max-width: 44em; margin: 1.5em auto; padding: 0 1em; overflow-wrap: anywhere; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 13pt; margin: 1em 0 .3em; border-bottom: 1.5px solid #000; break-after: avoid; page-break-after: avoid; }
ul { list-style: none; margin: 0; padding: 0; }
input { font: inherit; color: #000; opacity: 1; }
.field { display: flex; flex-wrap: wrap; align-items: flex-end; column-gap: .4em; margin: .45em 0; }
.field .blank { flex: 1 1 6em; min-width: 0; height: 1.35em; margin: 0; padding: 0; border: 0; border-bottom: 1px solid #000; border-radius: 0; background: transparent; appearance: none; }
.field.more .blank { height: 1.6em; }
.fields-2 { display: flex; flex-wrap: wrap; column-gap: 2em; }
.fields-2 .field { flex: 1 1 14em; }
.q { margin: .5em 0 .7em; break-inside: avoid; page-break-inside: avoid; }
.ask { display: flex; gap: .5em; }
.box { flex: none; width: .8em; height: .8em; margin: .25em 0 0; border: 1.5px solid #000; border-radius: 0; background: #fff; appearance: none; }
.text { white-space: pre-line; }
.lines { margin-left: 1.3em; }
.line { border-bottom: 1px solid #000; height: 1.6em; }
.intro { margin: .2em 0; font-weight: bold; }
.top { margin-top: 1em; padding: .2em .8em .4em; border: 1.5px solid #000; break-inside: avoid; page-break-inside: avoid; }
.top h2 { margin-top: .3em; }
.top .intro { font-weight: normal; }
.top ol { margin: .3em 0; padding-left: 1.6em; }
.top .q .blank { display: block; width: 100%; height: 1.6em; margin: 0; padding: 0; border: 0; border-bottom: 1px solid #000; border-radius: 0; background: transparent; appearance: none; }
.top .lines { margin-left: 0; }
.short { list-style: disc; padding-left: 1.3em; }
.short li { margin: .15em 0; }
.urgent { margin-top: 1em; padding: .2em .8em .6em; border: 2.5px solid #000; break-inside: avoid; page-break-inside: avoid; }
.urgent h2 { margin-top: .3em; }
.urgent ul { list-style: disc; padding-left: 1.3em; }
.urgent li { margin: .25em 0; }
.picture { margin: .5em 0 .8em; break-inside: avoid; page-break-inside: avoid; }
.picture pre { margin: 0 0 .4em; font: 1em "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; line-height: 1.2; overflow-x: auto; }
.picture .narrow { display: none; }
@media (max-width: 44em) { .picture .wide { display: none; } .picture .narrow { display: block; } }
footer { max-width: 44em; margin: 1.2em auto 1.5em; padding: .4em 1em 0; border-top: 1px solid #000; font-size: 11pt; }
footer p { margin: 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  main { padding-bottom: 3.6em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
  .picture .wide { display: block; }
  .picture .narrow { display: none; }
  footer { position: fixed; bottom: 0; left: 0; right: 0; max-width: none; margin: 0; padding: .3em 0 0; background: #fff; }
}
</style>
</head>
<body>
<main>
<header>
<h1>{{.Title}}</h1>
{{- range .Intro}}
<p class="intro">{{.}}</p>
{{- end}}
{{if .Date}}<p class="field"><span>{{text $.W.Date}}:</span> <span>{{.Date}}</span></p>{{else}}<label class="field"><span>{{text $.W.Date}}:</span><input class="blank" type="text" disabled></label>{{end}}
{{- if not .Clinician}}
<div class="fields-2">
<label class="field"><span>{{text $.W.Doctor}}:</span><input class="blank" type="text" disabled></label>
<label class="field"><span>{{text $.W.NextVisit}}:</span><input class="blank" type="text" disabled></label>
</div>
{{- end}}
</header>
{{- if .Clinician}}
{{- if .About}}
<section aria-labelledby="about">
<h2 id="about">{{text $.W.Situation}}</h2>
<ul class="short">
{{- range .About}}
<li>{{.Question}} <strong>{{.Answer}}</strong></li>
{{- end}}
</ul>
</section>
{{- else}}
<section aria-labelledby="about">
<h2 id="about">{{text $.W.AboutMe}}</h2>
<label class="field"><span>{{text $.W.Name}}:</span><input class="blank" type="text" disabled></label>
<label class="field"><span>{{text $.W.Cancer}}:</span><input class="blank" type="text" disabled></label>
<label class="field"><span>{{text $.W.Medicines}}:</span><input class="blank" type="text" disabled></label>
</section>
{{- end}}
{{template "top" .}}
{{- if .Rest}}
<section aria-labelledby="rest">
<h2 id="rest">{{text $.W.Rest}}</h2>
<ul class="short">
{{- range .Rest}}
<li>{{.Text}}</li>
{{- end}}
</ul>
</section>
{{- end}}
{{- else}}
{{template "top" .}}
<section aria-labelledby="about">
<h2 id="about">{{text $.W.AboutCancer}}</h2>
{{- if .Mine.Stage}}
<p class="field"><span>{{text $.W.Stage}}:</span> <span>{{.Mine.Stage}}</span></p>
{{- end}}
<div class="fields-2">
{{if .Mine.HER2}}<p class="field"><span>{{text $.W.HER2}}:</span> <span>{{.Mine.HER2}}</span></p>{{else}}<label class="field"><span>{{text $.W.HER2}}:</span><input class="blank" type="text" disabled></label>{{end}}
{{if .Mine.HR}}<p class="field"><span>{{text $.W.ERPR}}:</span> <span>{{.Mine.HR}}</span></p>{{else}}<label class="field"><span>{{text $.W.ERPR}}:</span><input class="blank" type="text" disabled></label>{{end}}
</div>
<label class="field"><span>{{text $.W.Medicines}}:</span><input class="blank" type="text" disabled></label>
<div class="field more"><input class="blank" type="text" disabled aria-label="{{$.W.MedicinesMore}}"></div>
</section>
{{- range $i, $g := .Groups}}
<section aria-labelledby="group-{{$i}}">
<h2 id="group-{{$i}}">{{$g.Title}}</h2>
{{- range $g.Pictures}}
<div class="picture" role="img" aria-label="{{.Label}}">
<pre class="wide">{{.Wide}}</pre>
<pre class="narrow">{{.Narrow}}</pre>
{{- if .ShowAlt}}
<p>{{.Alt}}</p>
{{- end}}
</div>
{{- end}}
<ul>
{{- range $g.Items}}
<li class="q"><label class="ask"><input class="box" type="checkbox" disabled><span class="text">{{.Text}}</span></label><div class="lines" aria-hidden="true">{{range $.Lines}}<div class="line"></div>{{end}}</div></li>
{{- end}}
</ul>
</section>
{{- end}}
<section aria-labelledby="before">
<h2 id="before">{{text $.W.Before}}</h2>
<ul>
<li class="q"><label class="ask"><input class="box" type="checkbox" disabled><span class="text">{{text $.W.TeachBack}}</span></label><div class="lines" aria-hidden="true"><div class="line"></div><div class="line"></div></div></li>
<li class="q"><label class="ask"><input class="box" type="checkbox" disabled><span class="text">{{text $.W.SpellDrug}}</span></label><div class="lines" aria-hidden="true"><div class="line"></div></div></li>
</ul>
</section>
{{- if .Urgent}}
<section class="urgent" aria-labelledby="urgent">
<h2 id="urgent">{{text $.W.Urgent}}</h2>
<ul>
{{- range .Urgent}}
<li>{{.}}</li>
{{- end}}
</ul>
<div class="fields-2">
{{if .Phone}}<p class="field"><span>{{text $.W.Phone}}:</span> <span>{{.Phone}}</span></p>{{else}}<label class="field"><span>{{text $.W.Phone}}:</span><input class="blank" type="text" disabled></label>{{end}}
{{if .AfterHours}}<p class="field"><span>{{text $.W.AfterHours}}:</span> <span>{{.AfterHours}}</span></p>{{else}}<label class="field"><span>{{text $.W.AfterHours}}:</span><input class="blank" type="text" disabled></label>{{end}}
</div>
</section>
{{- end}}
{{- end}}
</main>
<footer>
{{- if .Notice}}
<p>{{.Notice}}</p>
{{- end}}
<p>{{.Footer}}</p>
</footer>
</body>
</html>
{{- define "top" -}}
<section class="top" aria-labelledby="top">
<h2 id="top">{{text .TopHead}}</h2>
<p class="intro">{{.TopSays}}</p>
<ol>
{{- range $i, $q := .Top}}
{{- if $q}}
<li class="q"><span class="text">{{$q}}</span>{{if $.TopLines}}<div class="lines" aria-hidden="true">{{range $.TopLines}}<div class="line"></div>{{end}}</div>{{end}}</li>
{{- else}}
<li class="q"><input class="blank" type="text" disabled aria-label="{{index $.TopBlanks $i}}"></li>
{{- end}}
{{- end}}
</ol>
</section>
{{- end}}
`))

// The widths a picture is drawn at in the HTML sheet, in columns: wide on
// paper and a wide window, narrow in a window under 44em, so that a 320 px
// window shows the whole picture without scrolling sideways.
const (
	htmlPictureWide   = 64
	htmlPictureNarrow = 28
)

// htmlPicture is a page's picture drawn for the HTML sheet: the drawing in
// a <pre>, and its text equivalent under it when the drawing does not say
// it in words, together in one role="img" named by the text equivalent.
// An image's children are presentational, so a screen reader says the
// text equivalent once and does not spell out the drawing's characters.
type htmlPicture struct {
	// Label is what a screen reader says for the picture: its caption and
	// its text equivalent.
	Label             string
	Alt, Wide, Narrow string
	ShowAlt           bool
}

// htmlGroup is a group of questions with its page's pictures.
type htmlGroup struct {
	checklist.Group
	Pictures []htmlPicture
}

// writeHTML writes the sheet as a standalone HTML page with print CSS for
// the paper size.
func writeHTML(w io.Writer, s Sheet, p Paper) error {
	top, rest := s.split()
	groups := make([]htmlGroup, len(rest))
	for i, g := range rest {
		groups[i].Group = g
		for _, pic := range s.groupPictures(g) {
			wide, alt := drawn(pic, htmlPictureWide, false)
			narrow, narrowAlt := drawn(pic, htmlPictureNarrow, false)
			groups[i].Pictures = append(groups[i].Pictures, htmlPicture{
				Alt: pic.Alt, Label: pic.Spoken(), Wide: strings.Join(wide, "\n"), Narrow: strings.Join(narrow, "\n"),
				ShowAlt: alt || narrowAlt,
			})
		}
	}
	tops := make([]string, checklist.MaxTop)
	for i, it := range top {
		tops[i] = it.Text
		if s.Clinician {
			tops[i] = strings.Join(strings.Fields(it.Text), " ")
		}
	}
	blanks := make([]string, checklist.MaxTop)
	for i := range blanks {
		blanks[i] = withNumber(s.Words.TopBlank, i+1)
	}
	topLines := make([]struct{}, answerLines)
	var short []checklist.Item
	if s.Clinician {
		topLines = nil
		short = others(rest)
		for i := range short {
			short[i].Text = strings.Join(strings.Fields(short[i].Text), " ")
		}
	}
	return htmlPage.Execute(w, struct {
		Title, Date, Notice, Footer string
		Phone, AfterHours           string
		Letter, Clinician           bool
		Intro                       []string
		About                       []Fact
		Mine                        Cancer
		Top                         []string
		TopSays, TopHead            string
		TopBlanks                   []string
		W                           guide.SheetWords
		PageCSS                     template.CSS
		TopLines                    []struct{}
		Rest                        []checklist.Item
		Groups                      []htmlGroup
		Lines                       []struct{}
		Urgent                      []string
	}{
		Clinician:  s.Clinician,
		Intro:      s.intro(),
		About:      s.About,
		Mine:       s.Mine,
		Top:        tops,
		TopSays:    s.topInstruction(len(top)),
		TopHead:    s.topHeading(),
		TopBlanks:  blanks,
		W:          s.Words,
		PageCSS:    pageCSS(s.Words.Page),
		TopLines:   topLines,
		Rest:       short,
		Phone:      s.Phone,
		AfterHours: s.AfterHours,
		Urgent:     s.Urgent,
		Title:      s.title(),
		Date:       dateText(s.Date),
		Notice:     s.Notice,
		Footer:     footerLine(s),
		Letter:     p == Letter,
		Groups:     groups,
		Lines:      make([]struct{}, answerLines),
	})
}

// pageCSS is the CSS content value of a printed page's number: the label
// ("Page {page} of {pages}") as CSS strings around counter(page) and
// counter(pages).
func pageCSS(label string) template.CSS {
	var parts []string
	for label != "" {
		i, j := strings.Index(label, guide.PagePlaceholder), strings.Index(label, guide.PagesPlaceholder)
		at, p, counter := i, guide.PagePlaceholder, "counter(page)"
		if i < 0 || (j >= 0 && j < i) {
			at, p, counter = j, guide.PagesPlaceholder, "counter(pages)"
		}
		if at < 0 {
			parts = append(parts, cssString(label))
			break
		}
		if at > 0 {
			parts = append(parts, cssString(label[:at]))
		}
		parts = append(parts, counter)
		label = label[at+len(p):]
	}
	if len(parts) == 0 {
		return `""`
	}
	return template.CSS(strings.Join(parts, " "))
}

// cssString quotes s as a CSS string that cannot end the string or the
// style element early: quotes, backslashes, angle brackets and control
// characters are written as hexadecimal escapes.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`\"<>&`, r) {
			fmt.Fprintf(&b, "\\%x ", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// htmlText escapes a label of the sheet's words for the text of an element
// as the sheet has always printed its labels: only &, < and > are escaped,
// so "care team's" keeps its apostrophe.
func htmlText(s string) template.HTML {
	return template.HTML(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s))
}
