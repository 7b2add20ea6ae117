package guide

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/her2guide/her2guide/internal/safetext"
)

// Rules are the limits the loader enforces beyond the file format.
type Rules struct {
	// Now is today's date, for "reviewed is not in the future".
	Now time.Time
	// MinSources and MinQuestions are the least each page must carry.
	MinSources, MinQuestions int
	// MaxReviewGap is the longest allowed time from reviewed to next_review.
	MaxReviewGap time.Duration
	// ClinicMinSources and ClinicMinQuestions are the least each clinic
	// page (an extra page, not a bundled one) must carry.
	ClinicMinSources, ClinicMinQuestions int
	// MaxPageBytes is the largest a page file may be; 0 is no limit.
	MaxPageBytes int64
	// MaxClinicPages is the most clinic pages loaded; 0 is no limit.
	MaxClinicPages int
}

// DefaultRules are the rules of the content standard (content/README.md):
// at least 2 sources and 3 questions a bundled page, 1 source and 2
// questions a clinic page, a review at least every 12 months, pages of at
// most 256 KB and at most 200 clinic pages.
func DefaultRules(now time.Time) Rules {
	return Rules{
		Now: now, MinSources: 2, MinQuestions: 3, MaxReviewGap: 366 * 24 * time.Hour,
		ClinicMinSources: 1, ClinicMinQuestions: 2,
		MaxPageBytes: 256 << 10, MaxClinicPages: 200,
	}
}

// Source is a content tree to load: a file system and the name to show for
// it in messages (for example "content").
type Source struct {
	FS   fs.FS
	Name string
}

// Load reads and validates a full content tree: guide.yaml, sections.yaml,
// pages/*.md and glossary/*.yaml. It returns every problem it finds.
func Load(src Source, rules Rules) (*Guide, error) {
	return LoadWithExtra(src, nil, rules)
}

// LoadWithExtra loads a full content tree and adds the pages found at the top
// level of extra (a folder of *.md pages, such as a clinic's own pages). Extra
// pages are validated with the same rules, against the same sections and
// glossary; their ids must not clash with the tree's.
func LoadWithExtra(src Source, extra *Source, rules Rules) (*Guide, error) {
	var c problems
	g := &Guide{}
	d := docs{}
	sh := loadShared(&c, d, src)
	g.Safety, g.Trials = sh.rules, sh.figures.trials
	// Pages are parsed on a second goroutine while this one reads the
	// other files: together they are most of the time before the first
	// frame, and they do not touch each other.
	var pc problems
	var extraPages []*Page
	pagesDone := make(chan struct{})
	go func() {
		defer close(pagesDone)
		g.Pages = loadPages(&pc, src, "pages", sh, rules.MaxPageBytes)
		if extra != nil {
			extraPages = loadPages(&pc, *extra, ".", sh, rules.MaxPageBytes)
			g.Pages = append(g.Pages, extraPages...)
		}
	}()
	decodeFile(&c, d, src, "guide.yaml", &g.Meta, true)
	checkMeta(&c, src, g.Meta)
	decodeFile(&c, d, src, "sections.yaml", &g.Sections, true)
	decodeFile(&c, d, src, "paths.yaml", &g.Paths, true)
	g.Terms = loadGlossary(&c, d, src)
	g.Search = loadSearchWords(&c, d, src)
	g.Bank = loadBank(&c, d, src)
	<-pagesDone
	c.list = append(c.list, pc.list...)
	v := validator{c: &c, g: g, rules: rules, docs: d, extra: map[*Page]bool{}}
	for _, p := range extraPages {
		v.extra[p] = true
	}
	v.sections(src)
	v.terms(src)
	v.resolveQuestions(src)
	v.pages()
	v.paths(src)
	for _, p := range g.Pages {
		p.Labels = &g.Meta.Labels
	}
	g.index()
	if len(c.list) > 0 {
		return g, c.list.sorted()
	}
	return g, nil
}

// LoadHome reads only what the home screen shows: guide.yaml and
// sections.yaml, with no pages. It is for drawing the home screen while
// Load reads the rest; it reports no problems (Load does), so a broken
// file gives a home screen with what could be read.
func LoadHome(src Source) *Guide {
	var c problems
	d := docs{}
	g := &Guide{}
	decodeFile(&c, d, src, "guide.yaml", &g.Meta, true)
	decodeFile(&c, d, src, "sections.yaml", &g.Sections, true)
	g.index()
	return g
}

// loadShared reads what every page may refer to: safety.yaml and
// figures.yaml.
func loadShared(c *problems, d docs, src Source) *shared {
	rules := decodeList(c, d, src, "safety.yaml", func(r *SafetyRule, file string, line int) { r.File, r.Line = file, line })
	trials := decodeList(c, d, src, "figures.yaml", func(t *Trial, file string, line int) { t.File, t.Line = file, line })
	return newShared(c, rules, trials)
}

// decodeList decodes a required YAML file that is a list, and tells at
// where each item is defined.
func decodeList[T any](c *problems, d docs, src Source, name string, at func(item *T, file string, line int)) []*T {
	var list []*T
	if decodeFile(c, d, src, name, &list, true) {
		lines := itemLines(d, name)
		for i, it := range list {
			if it != nil {
				at(it, display(src, name), lineAt(lines, i))
			}
		}
	}
	return list
}

func display(src Source, name string) string {
	return path.Join(src.Name, name)
}

// decodeFile strictly decodes a YAML file into v and keeps its parse in d.
func decodeFile(c *problems, d docs, src Source, name string, v any, required bool) bool {
	data, err := fs.ReadFile(src.FS, name)
	file := display(src, name)
	if err != nil {
		if required {
			c.add(file, 0, "cannot read: %v", err)
		}
		return false
	}
	root, ok := decodeYAML(c, file, data, 0, v)
	if root != nil {
		d[name] = root
	}
	return ok
}

func checkMeta(c *problems, src Source, m Meta) {
	file := display(src, "guide.yaml")
	for _, f := range []struct{ name, val string }{{"title", m.Title}, {"subtitle", m.Subtitle}, {"notice", m.Notice}} {
		if strings.TrimSpace(f.val) == "" {
			c.add(file, 0, "missing required field %q", f.name)
		}
	}
	for _, f := range []struct{ key, val string }{{"labels.reviewed", m.Labels.Reviewed}, {"labels.next_review", m.Labels.NextReview}} {
		if f.val != "" && strings.Count(f.val, DatePlaceholder) != 1 {
			c.add(file, 0, "%s must hold %s once, where the date goes", f.key, DatePlaceholder)
		}
	}
	checkSheet(c, src, m.Sheet)
}

func loadGlossary(c *problems, d docs, src Source) []*Term {
	names, err := fs.Glob(src.FS, "glossary/*.yaml")
	if err != nil {
		c.add(display(src, "glossary"), 0, "cannot list: %v", err)
		return nil
	}
	var terms []*Term
	for _, name := range names {
		var list []*Term
		if decodeFile(c, d, src, name, &list, true) {
			lines := itemLines(d, name)
			for i, t := range list {
				if t == nil {
					c.add(display(src, name), lineAt(lines, i), "empty glossary entry")
					continue
				}
				t.File, t.Line = display(src, name), lineAt(lines, i)
				terms = append(terms, t)
			}
		}
	}
	return terms
}

func lineAt(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// itemLines returns the line of each item of a YAML file that is a list.
func itemLines(d docs, name string) []int {
	root := d[name]
	if root == nil {
		return nil
	}
	out := make([]int, 0, len(root.Content))
	for _, item := range root.Content {
		out = append(out, item.Line)
	}
	return out
}

// pathsNode returns the value node of a top-level key of paths.yaml.
func pathsNode(d docs, key string) *yaml.Node { return topNode(d, "paths.yaml", key) }

// topNode returns the value node of a top-level key of a file read into d.
func topNode(d docs, file, key string) *yaml.Node {
	m := d[file]
	if m == nil {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// stepLines returns the line of each walkthrough step in paths.yaml.
func stepLines(d docs) []int {
	var out []int
	if n := pathsNode(d, "walkthrough"); n != nil {
		for _, item := range n.Content {
			out = append(out, item.Line)
		}
	}
	return out
}

// setSituationLines records where each situation question and answer is.
func setSituationLines(d docs, qs []Question) {
	n := pathsNode(d, "situation")
	if n == nil {
		return
	}
	for i, item := range n.Content {
		if i >= len(qs) {
			return
		}
		qs[i].Line = item.Line
		for j := 0; j+1 < len(item.Content); j += 2 {
			if item.Content[j].Value != "answers" {
				continue
			}
			for k, a := range item.Content[j+1].Content {
				if k < len(qs[i].Answers) {
					qs[i].Answers[k].Line = a.Line
				}
			}
		}
	}
}

// pageMeta is the front matter exactly as written.
type pageMeta struct {
	ID         string   `yaml:"id"`
	Title      string   `yaml:"title"`
	Summary    string   `yaml:"summary"`
	Message    string   `yaml:"message"`
	InShort    []string `yaml:"in_short"`
	Acronyms   []string `yaml:"acronyms"`
	Section    string   `yaml:"section"`
	Order      int      `yaml:"order"`
	Reviewed   string   `yaml:"reviewed"`
	NextReview string   `yaml:"next_review"`
	Sources    []string `yaml:"sources"`
	Questions  []string `yaml:"questions"`
	Related    []string `yaml:"related"`
	Glossary   []string `yaml:"glossary"`
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func loadPages(c *problems, src Source, dir string, sh *shared, max int64) []*Page {
	names, err := fs.Glob(src.FS, path.Join(dir, "*.md"))
	if err != nil {
		c.add(display(src, dir), 0, "cannot list: %v", err)
		return nil
	}
	sort.Strings(names)
	// Each page is parsed on its own goroutine (they share nothing), and
	// the results are kept in file-name order.
	loaded := make([]*Page, len(names))
	found := make([]problems, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { loaded[i] = loadPage(&found[i], src, name, sh, max) })
	}
	wg.Wait()
	var pages []*Page
	for i, p := range loaded {
		c.list = append(c.list, found[i].list...)
		if p != nil {
			pages = append(pages, p)
		}
	}
	return pages
}

// loadPage reads and parses one page file of at most max bytes (0 is no
// limit).
func loadPage(c *problems, src Source, name string, sh *shared, max int64) *Page {
	file := display(src, name)
	data, err := readPage(src.FS, name, max)
	if err != nil {
		c.add(file, 0, "%v", err)
		return nil
	}
	front, body, bodyLine, lerr := splitFrontMatter(data)
	if lerr != nil {
		c.add(file, lerr.line, "%s", lerr.msg)
		return nil
	}
	var m pageMeta
	root, ok := decodeYAML(c, file, front, 1, &m)
	if !ok {
		return nil
	}
	lines := keyLines(root, 1)
	p := &Page{
		ID: m.ID, Title: m.Title, Summary: m.Summary, Message: m.Message, InShort: m.InShort, Acronyms: m.Acronyms, Section: m.Section, Order: m.Order,
		Sources: m.Sources, Questions: m.Questions, Related: m.Related, Glossary: m.Glossary,
		Body: string(body), Raw: string(body), File: file, BodyLine: bodyLine,
	}
	p.lines = lines
	checkPictures(c, p, sh)
	sh.expand(c, p, p.Body)
	resolvePictures(p, sh)
	closing := bodyLine - 1
	at := func(key string) int {
		if l, ok := lines[key]; ok {
			return l
		}
		return closing
	}
	required := []struct{ key, val string }{
		{"id", m.ID}, {"title", m.Title}, {"summary", m.Summary}, {"section", m.Section},
		{"reviewed", m.Reviewed}, {"next_review", m.NextReview},
	}
	for _, r := range required {
		if _, ok := lines[r.key]; !ok {
			c.add(file, closing, "missing required field %q", r.key)
		} else if strings.TrimSpace(r.val) == "" {
			c.add(file, at(r.key), "field %q is empty", r.key)
		}
	}
	if _, ok := lines["order"]; !ok {
		c.add(file, closing, "missing required field %q", "order")
	} else if m.Order <= 0 {
		c.add(file, at("order"), "order must be a whole number above 0, not %d", m.Order)
	}
	for _, key := range []string{"sources", "questions"} {
		if _, ok := lines[key]; !ok {
			c.add(file, closing, "missing required field %q", key)
		}
	}
	if m.ID != "" {
		if !idPattern.MatchString(m.ID) {
			c.add(file, at("id"), "id %q must be lower-case letters, digits and single dashes", m.ID)
		}
		if want := strings.TrimSuffix(path.Base(name), ".md"); want != m.ID {
			c.add(file, at("id"), "id %q does not match the file name (expected %q)", m.ID, want)
		}
	}
	for _, f := range []struct {
		key string
		val *time.Time
		raw string
	}{{"reviewed", &p.Reviewed, m.Reviewed}, {"next_review", &p.NextReview, m.NextReview}} {
		if f.raw == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, f.raw)
		if err != nil {
			c.add(file, at(f.key), "%s: %q is not a date in the form YYYY-MM-DD", f.key, f.raw)
			continue
		}
		*f.val = t
	}
	// Nothing a terminal would act on (escape sequences, controls, text
	// direction overrides) may reach the screen from a page: a clinic's
	// pages are not written by us.
	texts := append([]string{m.Title, m.Summary, m.Message, string(body)}, append(append(m.Questions, m.Sources...), m.InShort...)...)
	for _, t := range texts {
		if !safetext.Safe(t) {
			c.add(file, closing, "contains a control character, an escape sequence or a text direction mark: remove it (the page text must be plain)")
			break
		}
	}
	if strings.Contains(m.Title, "\n") || strings.Contains(m.Summary, "\n") {
		c.add(file, at("title"), "title and summary must each be one line")
	}
	if strings.Contains(m.Message, "\n") {
		c.add(file, at("message"), "message must be one line")
	}
	if _, ok := lines["message"]; ok && strings.TrimSpace(m.Message) == "" {
		c.add(file, at("message"), "field %q is empty", "message")
	}
	if len(m.InShort) > 3 {
		c.add(file, at("in_short"), "in_short has %d points: keep at most 3", len(m.InShort))
	}
	for i, s := range m.InShort {
		if strings.TrimSpace(s) == "" || strings.Contains(s, "\n") {
			c.add(file, at("in_short"), "in_short point %d must be one line of text", i+1)
		}
	}
	return p
}

// Line returns the line of File that holds a front matter key, or one item
// of a list ("in_short[1]", counting from 0), or the closing "---" line when
// the key is not there.
func (p *Page) Line(key string) int {
	return p.line(key)
}

// line returns the line of a front matter key, or of one list item ("related[2]").
func (p *Page) line(key string) int {
	if l, ok := p.lines[key]; ok {
		return l
	}
	return p.BodyLine - 1
}

// ErrNoPage is returned by LoadPage when the tree has no page with that id.
var ErrNoPage = errors.New("no such page")

// LoadPage reads one page of a content tree on its own, without the rest of
// the tree: for printing a single page quickly. It checks the page's own
// fields (not its links to other pages or terms, which Load checks). An id
// that is not a page's returns ErrNoPage.
func LoadPage(src Source, id string) (*Page, error) {
	if !idPattern.MatchString(id) {
		return nil, ErrNoPage
	}
	name := path.Join("pages", id+".md")
	if _, err := fs.Stat(src.FS, name); err != nil {
		return nil, ErrNoPage
	}
	var c problems
	sh := loadShared(&c, docs{}, src)
	p := loadPage(&c, src, name, sh, 0)
	if p != nil {
		resolvePage(&c, p, bankIndex(loadBank(&c, docs{}, src)), false)
	}
	var m Meta
	if decodeFile(&c, docs{}, src, "guide.yaml", &m, true) && p != nil {
		p.Labels = &m.Labels
	}
	if len(c.list) > 0 {
		return nil, c.list.sorted()
	}
	return p, nil
}
