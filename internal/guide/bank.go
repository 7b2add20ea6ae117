package guide

import (
	"slices"
	"strconv"
	"strings"

	"github.com/her2guide/her2guide/internal/safetext"
)

// BankQuestion is one question of the bank (questions.yaml): written once,
// listed by id on every page it fits and pre-ticked by id from paths.yaml.
type BankQuestion struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
	// Line is where the question is defined in questions.yaml.
	Line int `yaml:"-"`
}

// bankFile is the optional file of the question bank. A bundle without it
// writes each page's questions on the page itself.
const bankFile = "questions.yaml"

type bank struct {
	Questions []*BankQuestion `yaml:"questions"`
}

// loadBank reads questions.yaml if the bundle has one and checks each
// question: an id of lower-case letters, digits and single dashes, used
// once; one line of plain text that asks something (ends with "?").
func loadBank(c *problems, d docs, src Source) []*BankQuestion {
	var b bank
	if !decodeFile(c, d, src, bankFile, &b, false) {
		return nil
	}
	file := display(src, bankFile)
	list := topNode(d, bankFile, "questions")
	seen := map[string]int{}
	texts := map[string]string{} // one question, one place
	for i, q := range b.Questions {
		q.Line = nodeLine(list, i)
		switch {
		case q.ID == "":
			c.add(file, q.Line, "question %d has no id", i+1)
		case !idPattern.MatchString(q.ID):
			c.add(file, q.Line, "id %q must be lower-case letters, digits and single dashes", q.ID)
		case seen[q.ID] > 0:
			c.add(file, q.Line, "question id %q is used twice (first on line %d)", q.ID, seen[q.ID])
		default:
			seen[q.ID] = q.Line
		}
		text := strings.TrimSpace(q.Text)
		switch {
		case text == "":
			c.add(file, q.Line, "question %q has no text", q.ID)
		case strings.Contains(text, "\n"):
			c.add(file, q.Line, "question %q must be one line", q.ID)
		case !safetext.Safe(text):
			c.add(file, q.Line, "question %q contains a control character, an escape sequence or a text direction mark: remove it", q.ID)
		case !strings.HasSuffix(text, "?"):
			c.add(file, q.Line, "question %q must end with a question mark", q.ID)
		case texts[strings.ToLower(text)] != "":
			c.add(file, q.Line, "question %q asks what %q asks: list that id instead", q.ID, texts[strings.ToLower(text)])
		default:
			texts[strings.ToLower(text)] = q.ID
		}
		q.Text = text
	}
	return b.Questions
}

// resolveQuestions turns each page's question entries into the questions'
// ids (Page.QuestionIDs) and texts (Page.Questions). An entry that is an
// id names a bank question; any other entry is the question's text, whose
// id is "page#n" (n counting from 1). Bundled pages of a bundle with a bank
// must use its ids, so that each question is written once; a clinic's
// pages may write their own. Every bank question must be on some bundled
// page.
func (v *validator) resolveQuestions(src Source) {
	byID := bankIndex(v.g.Bank)
	used := map[string]bool{}
	for _, p := range v.g.Pages {
		for _, id := range resolvePage(v.c, p, byID, v.extra[p]) {
			if !v.extra[p] {
				used[id] = true
			}
		}
	}
	if len(v.extra) > 0 {
		return // a clinic's page may stand in for the page that lists one
	}
	file := display(src, bankFile)
	for _, q := range v.g.Bank {
		if q.ID != "" && !used[q.ID] {
			v.c.add(file, q.Line, "question %q is on no page: list its id in a page's questions, or remove it", q.ID)
		}
	}
}

// bankIndex maps each bank id to its question (the first, if twice).
func bankIndex(list []*BankQuestion) map[string]*BankQuestion {
	byID := map[string]*BankQuestion{}
	for _, q := range list {
		if q.ID != "" && byID[q.ID] == nil {
			byID[q.ID] = q
		}
	}
	return byID
}

// resolvePage sets one page's QuestionIDs and Questions and returns the
// bank ids it lists. clinic allows questions written on the page.
func resolvePage(c *problems, p *Page, byID map[string]*BankQuestion, clinic bool) (used []string) {
	ids := make([]string, len(p.Questions))
	texts := make([]string, len(p.Questions))
	onPage := map[string]bool{}
	for i, e := range p.Questions {
		e = strings.TrimSpace(e)
		line := p.line(item("questions", i))
		switch q := byID[e]; {
		case q != nil:
			ids[i], texts[i] = q.ID, q.Text
			used = append(used, q.ID)
		case idPattern.MatchString(e):
			ids[i], texts[i] = e, e
			c.add(p.File, line, "question %q is not in %s%s", e, bankFile, suggestion(e, keys(byID)))
		default:
			ids[i], texts[i] = QuestionRef(p.ID, i+1), e
			if len(byID) > 0 && !clinic && e != "" {
				c.add(p.File, line, "write this question in %s with an id, and list the id here: %q", bankFile, e)
			}
		}
		if onPage[ids[i]] {
			c.add(p.File, line, "question %q is on the page twice", ids[i])
		}
		onPage[ids[i]] = true
	}
	p.QuestionIDs, p.Questions = ids, texts
	return used
}

// QuestionRef is the id of question n (counting from 1) written on a page
// itself rather than in the bank: "page#n".
func QuestionRef(pageID string, n int) string {
	return pageID + "#" + strconv.Itoa(n)
}

// ParseQuestionRef splits "page#n" into the page id and n (from 1).
func ParseQuestionRef(ref string) (page string, n int, ok bool) {
	i := strings.LastIndexByte(ref, '#')
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(ref[i+1:])
	if err != nil || n < 1 {
		return "", 0, false
	}
	return ref[:i], n, true
}

// Asked is one question as a question list takes it: its lasting id, its
// text, and the page it belongs to (nil for a bank question that no page
// lists, as a clinic's own content may leave one).
type Asked struct {
	ID   string
	Text string
	Page *Page
}

// Question returns the question a reference names: a bank id, the id of a
// question written on a page ("page#n"), or the old form "page#n" of a
// question that is now in the bank, which gives the bank id. Its page is
// the first page, in reading order, that lists it.
func (g *Guide) Question(ref string) (Asked, bool) {
	if p, ok := g.questionPage[ref]; ok {
		return Asked{ID: ref, Text: p.Questions[slices.Index(p.QuestionIDs, ref)], Page: p}, true
	}
	if q, ok := g.bank[ref]; ok {
		return Asked{ID: q.ID, Text: q.Text}, true
	}
	if id, n, ok := ParseQuestionRef(ref); ok {
		if p, found := g.pages[id]; found && n <= len(p.QuestionIDs) {
			return g.Question(p.QuestionIDs[n-1])
		}
	}
	return Asked{}, false
}

// QuestionByText returns the question whose text is exactly text, for a
// list kept by an older version whose ids have changed.
func (g *Guide) QuestionByText(text string) (Asked, bool) {
	for _, p := range g.Pages {
		if i := slices.Index(p.Questions, text); i >= 0 {
			return g.Question(p.QuestionIDs[i])
		}
	}
	return Asked{}, false
}

// indexQuestions records, for each question id, the first page (in
// reading order) that lists it.
func (g *Guide) indexQuestions() {
	g.bank = map[string]*BankQuestion{}
	for _, q := range g.Bank {
		g.bank[q.ID] = q
	}
	g.questionPage = map[string]*Page{}
	for _, p := range g.Pages {
		for _, id := range p.QuestionIDs {
			if _, ok := g.questionPage[id]; !ok {
				g.questionPage[id] = p
			}
		}
	}
}

// hasQuestion reports whether ref names a question, for the checks of
// paths.yaml that run before the guide is indexed.
func (v *validator) hasQuestion(ref string) bool {
	for _, q := range v.g.Bank {
		if q.ID == ref {
			return true
		}
	}
	pageID, n, isRef := ParseQuestionRef(ref)
	for _, p := range v.g.Pages {
		if slices.Contains(p.QuestionIDs, ref) || isRef && p.ID == pageID && n <= len(p.QuestionIDs) {
			return true
		}
	}
	return false
}

// Asked returns the questions the path pre-ticks, each under the first of
// the path's pages that lists it (else under its first page in reading
// order): a reader's sheet heads a question with a page of their own path.
func (path Path) Asked(g *Guide) []Asked {
	var out []Asked
	for _, ref := range path.Questions {
		q, ok := g.Question(ref)
		if !ok {
			continue
		}
		for _, pp := range path.Pages {
			if p, found := g.pages[pp.ID]; found && slices.Contains(p.QuestionIDs, q.ID) {
				q.Page = p
				break
			}
		}
		out = append(out, q)
	}
	return out
}
