package guide

import (
	"reflect"
	"strings"
	"testing"
)

// testSafety is a rule table like the bundled one, small enough to read.
const testSafety = `- id: fever
  name: Fever during chemotherapy
  triggers: [chemotherapy, docetaxel, AC]
  facts: ['100\.4', 'chills', 'day or night']
  line: "A temperature of 100.4°F or higher, or shaking chills: call now, day or night."
  sheet: always
  sources: ["CDC."]
- id: lung
  name: Lung inflammation
  triggers: [trastuzumab deruxtecan, T-DXd]
  facts: ['cough', 'emergency room']
  line: "A new cough: call now. Tell the emergency room you take T-DXd."
  sheet: mentioned
  sources: ["Enhertu label."]
`

// testFigures lists one trial with two figures.
const testFigures = `- trial: CLEOPATRA
  source: "Swain SM et al. Lancet Oncol 2020."
  figures:
    - id: cleopatra-os
      text: about 57 months
      value: 57.1 months
    - id: cleopatra-os-control
      text: about 41 months
      value: 40.8 months
`

func withBody(body string) func(string) string {
	return replace("Alpha body.\n", body)
}

// TestSafetyRules proves each rule fails a page that triggers it without
// its facts, at the line of the trigger, and passes one that carries them.
func TestSafetyRules(t *testing.T) {
	// The body's first line is line 20 of goodPage.
	cases := []struct {
		name, body string
		want       []string // problems, as "line: start of message"
	}{
		{"docetaxel without the fever line", "Intro.\n\nYou may get docetaxel.\n", []string{`22: mentions "docetaxel" but lacks the safety line "fever"`}},
		{"the word chemotherapy", "Chemotherapy is given in rounds.\n", []string{`20: mentions "Chemotherapy" but lacks the safety line "fever"`}},
		{"an acronym in capitals", "Then AC is given.\n", []string{`20: mentions "AC" but lacks the safety line "fever"`}},
		{"capital trigger matched as written", "The ac power was off. Tracing was done.\n", nil},
		{"part of a word does not trigger", "Chemotherapyless and postdocetaxel are not words.\n", nil},
		{"T-DXd without the lung line", "You may take\ntrastuzumab\nderuxtecan.\n", []string{`21: mentions "trastuzumab deruxtecan" but lacks the safety line "lung"`}},
		{"own words with every fact", "You may get docetaxel. A fever of 100.4°F or chills: call, day or night.\n", nil},
		{"own words missing one fact", "You may get docetaxel. A fever of 100.4°F: call, day or night.\n", []string{`20: mentions "docetaxel" but lacks the safety line "fever" (Fever during chemotherapy): no match for "chills"`}},
		{"the call placeholder", "You may get docetaxel and T-DXd.\n\n{{call fever, lung}}\n", nil},
		{"two rules missing", "Docetaxel and T-DXd.\n", []string{`20: mentions "Docetaxel"`, `20: mentions "T-DXd"`}},
		{"a trigger only inside the canonical line does not count", "Nothing here.\n\n{{call lung}}\n", nil},
		{"unknown rule", "Text.\n\n{{call fevr}}\n", []string{`22: {{call fevr}}: no safety rule "fevr" in safety.yaml (did you mean "fever"?)`}},
		{"call inside a sentence", "Text {{call fever}} more.\n", []string{`20: {{call fever}} must stand alone on its line`}},
		{"unknown placeholder", "Text {{bold x}}.\n", []string{`20: {{bold x}}: write {{fig ID}} or {{call ID}}`}},
		{"unmatched braces", "Text {{fig cleopatra-os.\n", []string{`20: unmatched {{ or }}`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := load(t, tree(map[string]string{"alpha.md": page("alpha", withBody(c.body)), "beta.md": page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]"))}))
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], "content/pages/alpha.md:"+w) {
					t.Errorf("problem %d:\n got %s\nwant content/pages/alpha.md:%s…", i, got[i], w)
				}
			}
		})
	}
}

// TestCallExpands shows the canonical wording replaces {{call}} and that the
// page records the rules it triggers.
func TestCallExpands(t *testing.T) {
	g, ps := load(t, tree(map[string]string{
		"alpha.md": page("alpha", withBody("You may get docetaxel.\n\n{{call fever}}\n")),
		"beta.md":  page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]")),
	}))
	if ps != nil {
		t.Fatal(ps)
	}
	p, _ := g.Page("alpha")
	want := "\nYou may get docetaxel.\n\n- A temperature of 100.4°F or higher, or shaking chills: call now, day or night.\n"
	if p.Body != want {
		t.Errorf("body:\n%q\nwant\n%q", p.Body, want)
	}
	if !reflect.DeepEqual(p.Safety, []string{"fever"}) {
		t.Errorf("Safety = %v, want [fever]", p.Safety)
	}
}

// TestSafetyTable checks the rule table itself.
func TestSafetyTable(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"own line lacks a fact", strings.Replace(testSafety, `'day or night']`, `'day or night', 'weekend']`, 1), `safety.yaml:1: safety rule "fever": its own line lacks the fact "weekend"`},
		{"sheet line lacks a fact", strings.Replace(testSafety, "  sheet: always\n", "  sheet_line: \"Fever: call now.\"\n  sheet: always\n", 1), `safety.yaml:1: safety rule "fever": its sheet_line lacks the fact "100\\.4"`},
		{"bad pattern", strings.Replace(testSafety, `'chills'`, `'chills('`, 1), `safety.yaml:1: safety rule "fever": fact "chills(" is not a valid pattern`},
		{"bad sheet", strings.Replace(testSafety, "sheet: always", "sheet: sometimes", 1), `safety.yaml:1: safety rule "fever": sheet is "sometimes"`},
		{"no triggers", strings.Replace(testSafety, "triggers: [chemotherapy, docetaxel, AC]", "triggers: []", 1), `safety.yaml:1: safety rule "fever": needs at least one trigger`},
		{"duplicate id", strings.Replace(testSafety, "id: lung", "id: fever", 1), `safety.yaml:8: duplicate safety rule id "fever"`},
		{"unknown key", strings.Replace(testSafety, "sheet: always", "sheet: always\n  when: now", 1), `safety.yaml:7: unknown field "when"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", ""))})
			fsys["safety.yaml"].Data = []byte(c.yaml)
			_, ps := load(t, fsys)
			for _, p := range ps {
				if strings.HasPrefix(p.String(), "content/"+c.want) {
					return
				}
			}
			t.Errorf("no problem starting %q in:\n%v", c.want, ps)
		})
	}
}

// TestFigures: {{fig}} puts in the figure's text, an unknown id is an
// error, and a figure written by hand beside a listed trial is an error at
// its line.
func TestFigures(t *testing.T) {
	cases := []struct {
		name, body, wantBody, problem string
	}{
		{"placeholder", "In CLEOPATRA, half lived {{fig cleopatra-os}}.\n", "\nIn CLEOPATRA, half lived about 57 months.\n", ""},
		{"unknown figure", "Half lived {{fig cleopatra-pfs}}.\n", "", `20: {{fig cleopatra-pfs}}: no such figure in figures.yaml (did you mean "cleopatra-os"?)`},
		{"by hand beside the trial", "The CLEOPATRA trial tested THP drugs.\n- Half lived 56.5 months.\n", "", `21: "56.5 months" near CLEOPATRA is written by hand`},
		{"by hand, in 100", "CLEOPATRA: 37 out of 100 were alive.\n", "", `20: "37 out of 100" near CLEOPATRA`},
		{"another block is not checked", "CLEOPATRA tested it.\n\nMost people have 4 to 8 rounds over 6 months.\n", "", ""},
		{"a longer name is another trial", "CLEOPATRA-2 ran 12 months.\n", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, ps := load(t, tree(map[string]string{"alpha.md": page("alpha", replace("related: [beta]", ""), withBody(c.body))}))
			if c.problem == "" {
				if ps != nil {
					t.Fatal(ps)
				}
				if p, _ := g.Page("alpha"); c.wantBody != "" && p.Body != c.wantBody {
					t.Errorf("body %q, want %q", p.Body, c.wantBody)
				}
				return
			}
			if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "content/pages/alpha.md:"+c.problem) {
				t.Errorf("got %v, want one problem starting %q", ps, c.problem)
			}
		})
	}
}

// TestSheetRules: "always" rules on every sheet, "mentioned" rules when a
// page behind the sheet triggers them, every rule when no page is known.
func TestSheetRules(t *testing.T) {
	g, ps := load(t, tree(map[string]string{
		"alpha.md": page("alpha", withBody("T-DXd.\n\n{{call lung}}\n")),
		"beta.md":  page("beta", replace("order: 10", "order: 20"), replace("related: [beta]", "related: [alpha]")),
	}))
	if ps != nil {
		t.Fatal(ps)
	}
	ids := func(rs []*SafetyRule) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	for _, c := range []struct {
		pages []string
		want  []string
	}{
		{nil, []string{"fever", "lung"}},
		{[]string{"beta"}, []string{"fever"}},
		{[]string{"beta", "alpha"}, []string{"fever", "lung"}},
		{[]string{"gone"}, []string{"fever"}},
	} {
		if got := ids(g.SheetRules(c.pages)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SheetRules(%v) = %v, want %v", c.pages, got, c.want)
		}
	}
}
