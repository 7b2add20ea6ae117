package clarity

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/her2guide/her2guide/internal/guide"
)

// good is a page that passes every rule; each case below breaks one.
const good = `---
id: demo
title: What is a demo?
summary: A page for the tests.
message: Most people do well on this drug.
in_short:
  - "The drug works for most people."
  - "Call your team if you feel unwell."
acronyms: [ILD]
section: s
order: 1
reviewed: 2026-01-01
next_review: 2026-06-01
sources: ["A source 2025.", "Another source 2024."]
questions: ["What is it?", "Is it safe?", "What next?"]
---

Lung swelling, called interstitial lung disease (ILD), is rare. About {{fig t1-a}} had it in TRIAL-1.

## What happens?

- One.
- Two.

## When should I call my care team right away?

Keep this list where you can find it.

{{call fever}}

## More detail

The ILD numbers come from one trial.
`

func load(t *testing.T, page string) *guide.Guide {
	t.Helper()
	fsys := fstest.MapFS{
		"guide.yaml":      {Data: []byte("title: T\nsubtitle: S\nnotice: N\nlabels:\n  message: What you need to know\n  in_short: In short\n  call: When should I call\n  more: More detail\n")},
		"sections.yaml":   {Data: []byte("- id: s\n  title: S\n  summary: S.\n")},
		"paths.yaml":      {Data: []byte("walkthrough:\n  - page: demo\n    label: D\n")},
		"safety.yaml":     {Data: []byte("- id: fever\n  name: Fever\n  triggers: [chemo]\n  facts: ['100\\.4', 'call']\n  line: \"A fever of 100.4°F: call now.\"\n  sheet: always\n  sources: [x]\n")},
		"figures.yaml":    {Data: []byte("- trial: \"TRIAL-1\"\n  source: \"x\"\n  figures:\n    - id: t1-a\n      text: \"about 20 in 100\"\n      value: \"20%\"\n")},
		"glossary/a.yaml": {Data: []byte("[]\n")},
		"pages/demo.md":   {Data: []byte(page)},
	}
	g, err := guide.Load(guide.Source{FS: fsys, Name: "c"}, guide.DefaultRules(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatalf("fixture does not load: %v", err)
	}
	return g
}

func check(t *testing.T, page string) []Finding {
	t.Helper()
	g := load(t, page)
	return Check(g, &Config{Common: []string{"HER2"}, Names: []string{"OTHER-2"}})
}

func TestGoodPagePasses(t *testing.T) {
	for _, f := range check(t, good) {
		t.Errorf("unexpected: %s (%s)", f, f.Rule)
	}
}

// TestCaptionedPicturePasses: a picture with a caption breaks no rule.
func TestCaptionedPicturePasses(t *testing.T) {
	page := strings.Replace(good, "- Two.\n", "- Two.\n\n```timeline\ncaption: What happens next\nsteps: [First, Then]\n```\n", 1)
	for _, f := range check(t, page) {
		t.Errorf("unexpected: %s (%s)", f, f.Rule)
	}
}

// TestRules: each change breaks one rule, found at its line.
func TestRules(t *testing.T) {
	long := strings.Repeat("word ", 26)
	cases := []struct {
		name, old, new, rule, want string
	}{
		{"no message", "message: Most people do well on this drug.\n", "", RuleMessage, "demo.md:15: no message"},
		{"message two sentences", "do well on this drug.", "do well. It is a drug.", RuleMessage, "demo.md:5: message has 2 sentences"},
		{"message too long", "do well on this drug.", "do well on this drug " + strings.Repeat("and more ", 10) + ".", RuleMessage, "demo.md:5: message has"},
		{"message names trial", "on this drug.", "in OTHER-2.", RuleMessage, "names the trial OTHER-2"},
		{"point with figure", "works for most people.", "works for 80 in 100 people.", RuleMessage, "demo.md:7: in_short point 1 holds a figure"},
		{"point with fig", "works for most people.", "works for {{fig t1-a}}.", RuleMessage, "holds a {{fig}}"},
		{"one point", "  - \"Call your team if you feel unwell.\"\n", "", RuleMessage, "in_short has 1 points"},
		{"points grade", "The drug works for most people.", "Extraordinarily sophisticated pharmacological administration necessitates interdisciplinary consideration.", RuleMessage, "Flesch–Kincaid grade"},
		{"unlisted acronym", "is rare.", "is rare. Ask the FDA.", RuleAcronym, "demo.md:18: FDA is an acronym"},
		{"unexplained acronym", "Lung swelling, called interstitial lung disease (ILD), is rare.", "ILD is rare.", RuleAcronym, "demo.md:18: ILD is first used here without being spelled out"},
		{"listed unused", "acronyms: [ILD]", "acronyms: [ILD, CT]", RuleAcronym, "lists CT, which the page does not use"},
		{"too many acronyms", "acronyms: [ILD]", "acronyms: [ILD, AB, CD, EF]", RuleAcronym, "acronyms lists 4"},
		{"acronym in question", `"What is it?"`, `"What is a PET scan?"`, RuleAcronym, "PET is an acronym"},
		{"decimal", "- One.", "- One 2.5 times.", RuleNumbers, "demo.md:22: 2.5: write whole numbers"},
		{"two denominators", "- Two.", "- Two: 1 in 10 people.", RuleNumbers, "demo.md:23: counts \"in 10\" but line 18 counts \"in 100\""},
		{"percent", "About {{fig t1-a}} had it in TRIAL-1.\n\n## What happens?\n\n- One.", "About 1 in 5 had it.\n\n## What happens?\n\n- One: 5%.", RuleNumbers, "demo.md:22: counts \"in 100\" but line 18 counts \"in 5\""},
		{"long list", "- Two.\n", "- Two.\n- 3.\n- 4.\n- 5.\n- 6.\n- 7.\n- 8.\n", RuleList, "demo.md:22: a list of 8 items"},
		{"long sentence", "- Two.", "- " + long + ".", RuleSentence, "demo.md:23: a sentence of 26 words"},
		{"long question", `"What next?"`, `"` + long + `?"`, RuleSentence, "a question of 26 words"},
		{"reading level", "- Two.", "- Extraordinarily sophisticated pharmacological administration necessitates interdisciplinary consideration. Unquestionably, institutional documentation demonstrates considerable variability.", RuleLevel, "reading level SMOG"},
		{"call outside", "- Two.\n", "- Two.\n\n{{call fever}}\n", RuleCall, "demo.md:25: {{call fever}} must sit in the section"},
		{"own-words call outside", "- Two.\n", "- Two.\n\nCall now for 100.4 degrees.\n", RuleCall, "demo.md:25: this says a call-now rule"},
		{"more in call section", "{{call fever}}\n", "{{call fever}}\n\nSomething else.\n", RuleCall, "demo.md:31: the \"When should I call …?\" section holds only"},
		{"picture without caption", "- Two.\n", "- Two.\n\n```timeline\nsteps: [First, Then]\n```\n", RulePicture, "demo.md:25: picture has no caption: add caption: (PEMAT item 17)"},
		{"picture with empty caption", "- Two.\n", "- Two.\n\n```compare\ncaption: \"\"\ncolumns:\n  - {title: A, points: [One]}\n  - {title: B, points: [Two]}\n```\n", RulePicture, "demo.md:25: picture has no caption"},
		{"more not last", "The ILD numbers come from one trial.\n", "The ILD numbers come from one trial.\n\n## What else?\n\nNothing.\n", RuleMore, "demo.md:31: the \"More detail\" section must be the last"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(good, c.old) {
				t.Fatalf("fixture has no %q", c.old)
			}
			fs := check(t, strings.Replace(good, c.old, c.new, 1))
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule+": "+f.String())
				if f.Rule == c.rule && strings.Contains(f.String(), c.want) {
					return
				}
			}
			t.Errorf("want a %s finding %q, got:\n%s", c.rule, c.want, strings.Join(got, "\n"))
		})
	}
}

func TestAcronyms(t *testing.T) {
	for text, want := range map[string]string{
		"HER2-positive cancer":       "HER2",
		"T-DXd and T-DM1":            "T-DXd T-DM1",
		"CDK4/6 and ASCO/CAP":        "CDK4/6 ASCO CAP",
		"MRIs and HER2-0":            "MRI HER2",
		"anti-HER2 drugs, Kadcyla":   "HER2",
		"a plain sentence, no caps.": "",
	} {
		var got []string
		for _, a := range acronyms(text) {
			got = append(got, a.name)
			if text[a.start:a.end] != a.name {
				t.Errorf("%q: offsets of %s give %q", text, a.name, text[a.start:a.end])
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("acronyms(%q) = %v, want %s", text, got, want)
		}
	}
}

func TestExplained(t *testing.T) {
	for text, want := range map[string]bool{
		"interstitial lung disease (ILD) is rare":       true,
		"ILD (interstitial lung disease) is rare":       true,
		"trastuzumab deruxtecan (Enhertu, T-DXd) works": true,
		"ILD is rare":                   false,
		"lung disease, or ILD, is rare": false,
		"(ILD) is rare":                 false,
	} {
		as := acronyms(text)
		a := as[len(as)-1]
		if got := explained(text, a); got != want {
			t.Errorf("explained(%q, %s) = %v, want %v", text, a.name, got, want)
		}
	}
}

func TestConfig(t *testing.T) {
	c, ps := Parse([]byte("common: [HER2]\nnames: [KATHERINE]\npending:\n  - a\n  - b\n"), "clarity.yaml")
	if len(ps) != 0 || !c.IsPending("b") || c.IsPending("c") || c.PendingLine("b") != 5 {
		t.Errorf("Parse: %v %+v line %d", ps, c, c.PendingLine("b"))
	}
	if _, ps := Parse([]byte("common: [HER2]\nname: [X]\n"), "clarity.yaml"); len(ps) == 0 || !strings.Contains(ps[0].String(), "name") {
		t.Errorf("an unknown key: %v", ps)
	}
	if _, ps := Parse([]byte("pending: [a, a]\n"), "clarity.yaml"); len(ps) == 0 || !strings.Contains(ps[0].String(), "listed twice") {
		t.Errorf("a duplicate: %v", ps)
	}
}
