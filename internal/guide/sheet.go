package guide

import (
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SheetWords is the sheet block of guide.yaml: every word the printed
// question sheet prints that is not a question, a safety line or the
// reader's own, in the bundle's language, so that a clinic or a
// translation changes the sheet without changing code.
//
// A label with a placeholder in braces gets a value put in when printed;
// the `sheet` tag of each field names the placeholders its label must hold,
// each exactly once (see checkSheet). The block is optional as a whole (a
// small test tree has none; the sheet then prints the built-in English
// bundle's labels), but once it is there every label but hand_over and
// endorsed is required.
type SheetWords struct {
	// HandOver tells the reader what to do with the sheet ("Give this
	// sheet to your nurse or doctor at the start of your visit.").
	HandOver string `yaml:"hand_over" sheet:"optional"`
	// Endorsed is the clinic's endorsement line, with {clinic} where the
	// clinic's name goes ("Your care team at {clinic} wants you to ask
	// these questions."). It is printed only when a clinic is set.
	Endorsed string `yaml:"endorsed" sheet:"optional,{clinic}"`

	// Title heads the reader's sheet ("Questions for my oncologist").
	Title string `yaml:"title"`
	// ClinicianTitle heads the one-page copy for the care team.
	ClinicianTitle string `yaml:"clinician_title"`
	// Date labels the date line.
	Date string `yaml:"date"`
	// Doctor and NextVisit label the blanks under the title.
	Doctor    string `yaml:"doctor"`
	NextVisit string `yaml:"next_appointment"`

	// Top heads the box of the reader's most important questions, with
	// {n} for how many it holds ("My top {n}").
	Top string `yaml:"top" sheet:"{n}"`
	// TopEmpty, TopSome and TopFull say what to do with the box when no
	// question, some, or all {n} are marked.
	TopEmpty string `yaml:"top_empty" sheet:"{n}"`
	TopSome  string `yaml:"top_some"`
	TopFull  string `yaml:"top_full"`
	// TopBlank names the nth blank line of the box for screen readers
	// ("My top question {n}").
	TopBlank string `yaml:"top_blank" sheet:"{n}"`

	// AboutCancer heads the lines about the reader's cancer, which Stage,
	// HER2, ERPR and Medicines label.
	AboutCancer string `yaml:"about_cancer"`
	Stage       string `yaml:"stage"`
	HER2        string `yaml:"her2"`
	ERPR        string `yaml:"er_pr"`
	Medicines   string `yaml:"medicines"`
	// MedicinesMore names the second medicines line for screen readers.
	MedicinesMore string `yaml:"medicines_more"`

	// Before heads the two prompts for the end of the visit, TeachBack and
	// SpellDrug.
	Before    string `yaml:"before_leave"`
	TeachBack string `yaml:"teach_back"`
	SpellDrug string `yaml:"spell_drug"`

	// Urgent heads the "when to call right away" box; Phone and
	// AfterHours label its phone numbers.
	Urgent     string `yaml:"urgent"`
	Phone      string `yaml:"phone"`
	AfterHours string `yaml:"after_hours"`

	// Situation heads the reader's "My situation" answers on the
	// clinician copy; without them, AboutMe heads blanks labelled Name,
	// Cancer and Medicines.
	Situation string `yaml:"situation"`
	AboutMe   string `yaml:"about_me"`
	Name      string `yaml:"name"`
	Cancer    string `yaml:"cancer"`
	// Rest heads the clinician copy's one-line list of the other
	// questions.
	Rest string `yaml:"other_questions"`
	// Own heads the reader's own questions on the sheet.
	Own string `yaml:"own_questions"`

	// Reviewed says in the footer when the content was last checked
	// ("Content reviewed {date}").
	Reviewed string `yaml:"reviewed" sheet:"{date}"`
	// Page numbers a sheet of several pages ("Page {page} of {pages}").
	Page string `yaml:"page" sheet:"{page},{pages}"`
}

// The placeholders of SheetWords' labels, besides ClinicPlaceholder.
const (
	// NumberPlaceholder is where a number goes: how many questions the
	// top box holds, or which of them a blank is.
	NumberPlaceholder = "{n}"
	// DatePlaceholder is where the date goes.
	DatePlaceholder = "{date}"
	// PagePlaceholder and PagesPlaceholder are where the page's number and
	// the number of pages go.
	PagePlaceholder  = "{page}"
	PagesPlaceholder = "{pages}"
)

// Labels reports whether w has any label, hand_over and endorsed aside.
func (w SheetWords) Labels() bool {
	w.HandOver, w.Endorsed = "", ""
	return w != SheetWords{}
}

// placeholderPattern finds placeholders, known or not, in a label.
var placeholderPattern = regexp.MustCompile(`\{[a-z_]*\}`)

// checkSheet checks guide.yaml's sheet block, reading the file again for
// the lines to report: when the block is there, every required label is
// set, and every label holds each of its placeholders once and no other.
func checkSheet(c *problems, src Source, w SheetWords) {
	file := display(src, "guide.yaml")
	block, lines := sheetLines(src)
	v := reflect.ValueOf(w)
	t := v.Type()
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		opts := strings.Split(t.Field(i).Tag.Get("sheet"), ",")
		val := v.Field(i).String()
		line, ok := lines[key]
		if !ok {
			line = block
		}
		if strings.TrimSpace(val) == "" {
			if block > 0 && !slices.Contains(opts, "optional") {
				c.add(file, line, "missing required field %q", "sheet."+key)
			}
			continue
		}
		for _, p := range opts {
			if strings.HasPrefix(p, "{") && strings.Count(val, p) != 1 {
				c.add(file, line, "sheet.%s must hold %s once, where %s goes", key, p, placeholderMeaning(p))
			}
		}
		for _, p := range placeholderPattern.FindAllString(val, -1) {
			if !slices.Contains(opts, p) {
				c.add(file, line, "sheet.%s has %s, which it cannot fill%s", key, p, placeholderHint(opts))
			}
		}
	}
}

// placeholderMeaning says what a placeholder stands for.
func placeholderMeaning(p string) string {
	switch p {
	case ClinicPlaceholder:
		return "the clinic's name"
	case NumberPlaceholder:
		return "the number"
	case DatePlaceholder:
		return "the date"
	case PagePlaceholder:
		return "the page's number"
	case PagesPlaceholder:
		return "the number of pages"
	}
	return "its value"
}

// placeholderHint lists the placeholders a label may hold, for a message.
func placeholderHint(opts []string) string {
	var ps []string
	for _, p := range opts {
		if strings.HasPrefix(p, "{") {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return " (it holds none)"
	}
	return fmt.Sprintf(" (it holds only %s)", strings.Join(ps, " and "))
}

// sheetLines returns the line of guide.yaml's sheet key (0 when there is
// no sheet block) and the line of each key in the block.
func sheetLines(src Source) (block int, keys map[string]int) {
	keys = map[string]int{}
	data, err := fs.ReadFile(src.FS, "guide.yaml")
	if err != nil {
		return 0, keys
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return 0, keys
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "sheet" {
			continue
		}
		block = root.Content[i].Line
		m := root.Content[i+1]
		if m.Kind != yaml.MappingNode {
			return block, keys
		}
		for j := 0; j+1 < len(m.Content); j += 2 {
			keys[m.Content[j].Value] = m.Content[j].Line
		}
	}
	return block, keys
}
