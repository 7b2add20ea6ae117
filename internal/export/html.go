package export

import (
	"html/template"
	"io"

	"github.com/her2guide/her2guide/internal/checklist"
)

// htmlPage is a standalone page: no scripts, no fonts, images or styles
// from elsewhere. html/template escapes every piece of text put into it.
var htmlPage = template.Must(template.New("sheet").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page { size: {{if .Letter}}letter{{else}}A4{{end}}; margin: 14mm 16mm; }
html { color: #000; background: #fff; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 12pt; line-height: 1.35; max-width: 44em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 13pt; margin: 1em 0 .3em; border-bottom: 1.5px solid #000; break-after: avoid; page-break-after: avoid; }
ul { list-style: none; margin: 0; padding: 0; }
.field { display: flex; gap: .4em; margin: .45em 0; }
.field .label { white-space: nowrap; }
.field .blank { flex: 1; border-bottom: 1px solid #000; min-width: 4em; }
.fields-2 { display: flex; gap: 2em; }
.fields-2 .field { flex: 1; }
.q { display: flex; gap: .5em; margin: .5em 0 .7em; break-inside: avoid; page-break-inside: avoid; }
.box { flex: none; width: .8em; height: .8em; margin-top: .2em; border: 1.5px solid #000; }
.body { flex: 1; }
.text { white-space: pre-line; }
.line { border-bottom: 1px solid #000; height: 1.6em; }
.urgent { margin-top: 1em; padding: .2em .8em .6em; border: 2.5px solid #000; break-inside: avoid; page-break-inside: avoid; }
.urgent h2 { margin-top: .3em; }
.urgent ul { list-style: disc; padding-left: 1.3em; }
.urgent li { margin: .25em 0; }
footer { margin-top: 1.2em; padding-top: .4em; border-top: 1px solid #000; font-size: 11pt; }
footer p { margin: 0; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<div class="field"><span class="label">Date:</span>{{if .Date}}<span>{{.Date}}</span>{{else}}<span class="blank"></span>{{end}}</div>
<div class="fields-2">
<div class="field"><span class="label">My doctor:</span><span class="blank"></span></div>
<div class="field"><span class="label">Next appointment:</span><span class="blank"></span></div>
</div>
</header>
<section>
<h2>About my cancer</h2>
<div class="fields-2">
<div class="field"><span class="label">My HER2 result (IHC / ISH):</span><span class="blank"></span></div>
<div class="field"><span class="label">ER / PR:</span><span class="blank"></span></div>
</div>
<div class="field"><span class="label">My current medicines:</span><span class="blank"></span></div>
<div class="field"><span class="blank"></span></div>
</section>
{{- range .Groups}}
<section>
<h2>{{.Title}}</h2>
<ul>
{{- range .Items}}
<li class="q"><span class="box"></span><div class="body"><div class="text">{{.Text}}</div>{{range $.Lines}}<div class="line"></div>{{end}}</div></li>
{{- end}}
</ul>
</section>
{{- end}}
<section>
<h2>Before I leave</h2>
<ul>
<li class="q"><span class="box"></span><div class="body"><div class="text">Let me repeat what I heard: ...</div><div class="line"></div><div class="line"></div></div></li>
<li class="q"><span class="box"></span><div class="body"><div class="text">How do you spell that drug?</div><div class="line"></div></div></li>
</ul>
</section>
{{- if .Urgent}}
<section class="urgent" aria-labelledby="urgent">
<h2 id="urgent">When to call right away</h2>
<ul>
{{- range .Urgent}}
<li>{{.}}</li>
{{- end}}
</ul>
<div class="fields-2">
<div class="field"><span class="label">My care team's phone (daytime):</span>{{if .Phone}}<span>{{.Phone}}</span>{{else}}<span class="blank"></span>{{end}}</div>
<div class="field"><span class="label">After hours:</span>{{if .AfterHours}}<span>{{.AfterHours}}</span>{{else}}<span class="blank"></span>{{end}}</div>
</div>
</section>
{{- end}}
<footer>
{{- if .Notice}}
<p>{{.Notice}}</p>
{{- end}}
<p>{{.Footer}}</p>
</footer>
</body>
</html>
`))

// writeHTML writes the sheet as a standalone HTML page with print CSS for
// the paper size.
func writeHTML(w io.Writer, s Sheet, p Paper) error {
	return htmlPage.Execute(w, struct {
		Title, Date, Notice, Footer string
		Phone, AfterHours           string
		Letter                      bool
		Groups                      []checklist.Group
		Lines                       []struct{}
		Urgent                      []string
	}{
		Phone:      s.Phone,
		AfterHours: s.AfterHours,
		Urgent:     s.Urgent,
		Title:      s.Title,
		Date:       dateText(s.Date),
		Notice:     s.Notice,
		Footer:     footerLine(s),
		Letter:     p == Letter,
		Groups:     s.Groups,
		Lines:      make([]struct{}, answerLines),
	})
}
