// Package guide loads and validates the guide's content: the sections, the
// pages with their front matter, and the glossary. It has no UI code.
package guide

import (
	"sort"
	"strings"
	"time"
)

// Guide is the whole validated content, read-only once loaded.
type Guide struct {
	Meta     Meta
	Sections []*Section
	// Pages lists every page in reading order: by section, then by order.
	Pages []*Page
	Terms []*Term
	// Paths are the ways through the guide defined in paths.yaml.
	Paths Paths
	// Safety are the "when to call right away" rules from safety.yaml, in
	// order.
	Safety []*SafetyRule
	// Trials are the studies whose figures pages quote, from figures.yaml.
	Trials []*Trial
	// Search are the synonyms and stop words of search.yaml, if any.
	Search SearchWords
	// Bank is the question bank of questions.yaml, if any, in its order.
	Bank []*BankQuestion

	pages map[string]*Page
	bank  map[string]*BankQuestion
	// questionPage is the first page, in reading order, of each question.
	questionPage map[string]*Page
	sections     map[string]*Section
	terms        map[string]*Term
	usedBy       map[string][]*Page
}

// Meta is the guide-wide text from guide.yaml.
type Meta struct {
	Title    string `yaml:"title"`
	Subtitle string `yaml:"subtitle"`
	Notice   string `yaml:"notice"`
	// Labels name the parts every page shares, in the bundle's language.
	Labels Labels `yaml:"labels"`
	// Sheet is the wording of the printed question sheet that is not a
	// question, in the bundle's language.
	Sheet SheetWords `yaml:"sheet"`
}

// SheetText is the printed question sheet's own sentences.
type SheetText struct {
	// HandOver tells the reader what to do with the sheet ("Give this
	// sheet to your nurse or doctor at the start of your visit.").
	HandOver string `yaml:"hand_over"`
	// Endorsed is the clinic's endorsement line, with {clinic} where the
	// clinic's name goes ("Your care team at {clinic} wants you to ask
	// these questions."). It is printed only when a clinic is set.
	Endorsed string `yaml:"endorsed"`
}

// ClinicPlaceholder is where the clinic's name goes in SheetText.Endorsed.
const ClinicPlaceholder = "{clinic}"

// Labels are the headings the program puts on every page.
type Labels struct {
	// Message introduces a page's main message ("What you need to know").
	Message string `yaml:"message"`
	// InShort heads a page's short points ("In short").
	InShort string `yaml:"in_short"`
	// Call begins the heading of a page's "when to call" section ("When
	// should I call"): the clarity check keeps the safety lines there.
	Call string `yaml:"call"`
	// More is the heading of the optional last section that holds detail
	// the main message does not need ("More detail").
	More string `yaml:"more"`
	// Questions heads the page's suggested questions, listed after its
	// body ("Questions you could ask your care team"); without it a page
	// does not list them.
	Questions string `yaml:"questions"`
	// Sources heads the list of a page's sources ("Sources").
	Sources string `yaml:"sources"`
	// Reviewed and NextReview end a page, with {date} where its review
	// date goes ("Reviewed {date}.", "Next review by {date}.").
	Reviewed   string `yaml:"reviewed"`
	NextReview string `yaml:"next_review"`
}

// Paths are the routes through the guide.
type Paths struct {
	// Walkthrough is the guided "Start here" route, in order.
	Walkthrough []Step `yaml:"walkthrough"`
	// Situation is the "My situation" form, one question per screen.
	Situation []Question `yaml:"situation"`
	// Conflicts are answers to the situation questions that cannot both be
	// true; the form asks again when a reader gives them.
	Conflicts []Conflict `yaml:"conflicts"`
	// Path lists every page a situation answer can add, in the order a
	// reader's own path shows them, each with its "why this is here" line.
	Path []PathEntry `yaml:"path"`
}

// PathEntry is one page of the reader's own path as paths.yaml orders it.
type PathEntry struct {
	Page string `yaml:"page"`
	// Why is the one line that tells the reader why the page is on their
	// path.
	Why string `yaml:"why"`
	// Questions are pre-ticked whenever the page is on the path.
	Questions []string `yaml:"questions"`
	// Line is where the entry is defined in paths.yaml.
	Line int `yaml:"-"`
}

// When is a rule on earlier answers: every question it names must have
// been given one of the answer ids listed (for a question with many
// answers, at least one of them). An empty rule always holds.
type When map[string][]string

// Conflict names answers to two situation questions that cannot both be
// true, and the plain-language message that asks the reader which is right.
type Conflict struct {
	// Answers maps each of the two question ids to the answer ids that
	// clash with the other question's.
	Answers map[string][]string `yaml:"answers"`
	Message string              `yaml:"message"`
	// Questions are the two question ids in the form's order, set at load.
	Questions []string `yaml:"-"`
	// Line is where the conflict is defined in paths.yaml.
	Line int `yaml:"-"`
}

// Question is one question of the "My situation" form.
type Question struct {
	ID  string `yaml:"id"`
	Ask string `yaml:"ask"`
	// When, if set, asks the question only when earlier answers fit it.
	When When `yaml:"when"`
	// Many lets the reader tick several answers (or none).
	Many    bool     `yaml:"many"`
	Answers []Answer `yaml:"answers"`
	// Line is where the question is defined in paths.yaml.
	Line int `yaml:"-"`
}

// Unsure is the id of the "I don't know" answer every question must offer.
const Unsure = "unsure"

// Answer is one choice, with the pages it adds to the reader's path and the
// questions it pre-ticks ("page#n", n counting from 1).
type Answer struct {
	ID        string   `yaml:"id"`
	Label     string   `yaml:"label"`
	Pages     []string `yaml:"pages"`
	Questions []string `yaml:"questions"`
	// When, if set, offers the answer only when earlier answers fit it.
	When When `yaml:"when"`
	// Note is a plain banner shown at the top of the reader's path.
	Note string `yaml:"note"`
	// Also adds more pages and questions when other answers fit.
	Also []Also `yaml:"also"`
	// Line is where the answer is defined in paths.yaml.
	Line int `yaml:"-"`
}

// Also is a part of an answer that counts only when other answers fit.
type Also struct {
	When      When     `yaml:"when"`
	Pages     []string `yaml:"pages"`
	Questions []string `yaml:"questions"`
}

// Step is one page of a route, with its short label.
type Step struct {
	Page  string `yaml:"page"`
	Label string `yaml:"label"`
	// Spread marks a step for readers whose cancer has spread: a walk for
	// early-stage cancer leaves it out.
	Spread bool `yaml:"spread"`
}

// Section groups pages under one heading.
type Section struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	// Pages lists the section's pages by order.
	Pages []*Page `yaml:"-"`
	// Line is where the section was defined in sections.yaml.
	Line int `yaml:"-"`
}

// Page is one topic: its front matter and Markdown body.
type Page struct {
	ID      string
	Title   string
	Summary string
	// Message is the page's main message: one sentence, shown first and
	// in bold.
	Message string
	// InShort are at most three one-sentence points shown before the
	// details.
	InShort []string
	// Acronyms are the acronyms the page uses (at most three), each
	// spelled out where it is first used.
	Acronyms   []string
	Section    string
	Order      int
	Reviewed   time.Time
	NextReview time.Time
	Sources    []string
	// Questions are the texts of the page's suggested questions, and
	// QuestionIDs their lasting ids: a bank id, or "page#n" for a question
	// written on the page itself (see Guide.Question).
	Questions   []string
	QuestionIDs []string
	Related     []string
	Glossary    []string
	// Safety lists the ids of the safety rules the page's text triggers.
	Safety []string
	// Labels are the bundle's labels for Message and InShort.
	Labels *Labels
	// Body is the Markdown after the front matter, placeholders expanded.
	Body string
	// File is the path the page was loaded from, for messages.
	File string
	// BodyLine is the line of File on which Body starts.
	BodyLine int
	// Raw is the body as written, placeholders intact, line for line as in
	// File from BodyLine: for checks that report the file's own lines.
	Raw string

	lines map[string]int
}

// Term is one glossary entry.
type Term struct {
	ID         string   `yaml:"id"`
	Term       string   `yaml:"term"`
	Say        string   `yaml:"say"`
	AKA        []string `yaml:"aka"`
	Definition string   `yaml:"definition"`
	// File and Line say where the entry was defined.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Page returns the page with the given id.
func (g *Guide) Page(id string) (*Page, bool) {
	p, ok := g.pages[id]
	return p, ok
}

// Section returns the section with the given id.
func (g *Guide) Section(id string) (*Section, bool) {
	s, ok := g.sections[id]
	return s, ok
}

// Term returns the glossary entry with the given id.
func (g *Guide) Term(id string) (*Term, bool) {
	t, ok := g.terms[id]
	return t, ok
}

// FindTerm finds a glossary entry by id, term or other name, ignoring case
// only. What a reader types goes through search's Index.Terms instead,
// which also folds hyphens and accents and allows for typos.
func (g *Guide) FindTerm(q string) (*Term, bool) {
	q = strings.ToLower(strings.TrimSpace(q))
	for _, t := range g.Terms {
		if t.ID == q || strings.ToLower(t.Term) == q {
			return t, true
		}
	}
	for _, t := range g.Terms {
		for _, a := range t.AKA {
			if strings.ToLower(a) == q {
				return t, true
			}
		}
	}
	return nil, false
}

// PagesUsing returns the pages whose glossary list names the term, in reading order.
func (g *Guide) PagesUsing(termID string) []*Page {
	return g.usedBy[termID]
}

// PageIDs returns every page id in reading order.
func (g *Guide) PageIDs() []string {
	ids := make([]string, len(g.Pages))
	for i, p := range g.Pages {
		ids[i] = p.ID
	}
	return ids
}

// Reviewed returns the most recent review date of any page: the date the
// content as a whole was last checked.
func (g *Guide) Reviewed() time.Time {
	var latest time.Time
	for _, p := range g.Pages {
		if p.Reviewed.After(latest) {
			latest = p.Reviewed
		}
	}
	return latest
}

// index builds the lookup maps and reading order. Pages must be validated.
func (g *Guide) index() {
	g.pages = map[string]*Page{}
	g.sections = map[string]*Section{}
	g.terms = map[string]*Term{}
	g.usedBy = map[string][]*Page{}
	for _, s := range g.Sections {
		g.sections[s.ID] = s
		s.Pages = nil
	}
	for _, p := range g.Pages {
		g.pages[p.ID] = p
		if s, ok := g.sections[p.Section]; ok {
			s.Pages = append(s.Pages, p)
		}
	}
	var ordered []*Page
	for _, s := range g.Sections {
		sort.SliceStable(s.Pages, func(i, j int) bool { return s.Pages[i].Order < s.Pages[j].Order })
		ordered = append(ordered, s.Pages...)
	}
	g.Pages = ordered
	for _, t := range g.Terms {
		g.terms[t.ID] = t
	}
	for _, p := range g.Pages {
		for _, id := range p.Glossary {
			g.usedBy[id] = append(g.usedBy[id], p)
		}
	}
	g.indexQuestions()
}
