// Package checklist is the patient's list of questions for the oncologist:
// suggested questions picked from pages, questions in the patient's own
// words, their order, and the few marked most important. It has no UI code
// and does no I/O.
package checklist

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/her2guide/her2guide/internal/guide"
)

// MaxTop is how many questions can be marked most important.
const MaxTop = 3

// Errors returned for changes the list does not allow.
var (
	// ErrTooManyTop is returned when a question would be the fourth marked
	// most important.
	ErrTooManyTop = fmt.Errorf("only %d questions can be marked most important", MaxTop)
	// ErrEmpty is returned when an own question has no text left once
	// sanitised.
	ErrEmpty = errors.New("the question is empty")
	// ErrNotFound is returned when no question on the list has the given id
	// (for EditOwn: no own question).
	ErrNotFound = errors.New("that question is not on the list")
)

// Item is one question on the list.
type Item struct {
	// ID is stable: "<pageID>#<n>" (n counts from 1) for suggested
	// questions, "own-<n>" for the patient's own.
	ID string
	// Topic is the page id, "" for own questions.
	Topic string
	// TopicTitle is the page title, "" for own questions.
	TopicTitle string
	// Text is the question.
	Text string
	// Own is true for a question the patient wrote.
	Own bool
	// Top is true for one of the patient's most important questions (at
	// most MaxTop).
	Top bool
}

// List is the patient's questions in the order they want. The zero value is
// an empty list. Methods that could break a rule return an error and leave
// the list unchanged.
type List struct {
	items   []Item
	nextOwn int
}

// Items returns a copy of the questions, in order.
func (l *List) Items() []Item {
	out := make([]Item, len(l.items))
	copy(out, l.items)
	return out
}

// Len returns how many questions are on the list.
func (l *List) Len() int { return len(l.items) }

// Has reports whether the question with the given id is on the list.
func (l *List) Has(id string) bool { return l.index(id) >= 0 }

// TopCount returns how many questions are marked most important.
func (l *List) TopCount() int {
	n := 0
	for _, it := range l.items {
		if it.Top {
			n++
		}
	}
	return n
}

// Toggle adds it at the end when no question with its id is on the list,
// and removes that question otherwise. It returns whether the question is on
// the list now. An added question is never marked most important: use
// SetTop for that.
func (l *List) Toggle(it Item) bool {
	if i := l.index(it.ID); i >= 0 {
		l.items = append(l.items[:i], l.items[i+1:]...)
		return false
	}
	it.Top = false
	l.items = append(l.items, it)
	return true
}

// Remove takes the question with the given id off the list, if it is there.
func (l *List) Remove(id string) {
	if i := l.index(id); i >= 0 {
		l.items = append(l.items[:i], l.items[i+1:]...)
	}
}

// Restore puts a question taken off the list back at index at (clamped to
// the list), as Remove left it: for undo. A question already on the list
// is not added twice; a top mark that would be one too many is dropped.
func (l *List) Restore(it Item, at int) {
	if l.Has(it.ID) {
		return
	}
	if it.Top && l.TopCount() >= MaxTop {
		it.Top = false
	}
	at = min(max(at, 0), len(l.items))
	l.items = append(l.items[:at], append([]Item{it}, l.items[at:]...)...)
}

// Move moves the question with the given id delta places: -1 is up, +1 is
// down. It stops at either end of the list.
func (l *List) Move(id string, delta int) {
	i := l.index(id)
	if i < 0 || delta == 0 {
		return
	}
	j := min(max(i+delta, 0), len(l.items)-1)
	it := l.items[i]
	if j < i {
		copy(l.items[j+1:i+1], l.items[j:i])
	} else {
		copy(l.items[i:j], l.items[i+1:j+1])
	}
	l.items[j] = it
}

// SetTop marks or unmarks the question as most important. Marking a
// question when MaxTop are already marked returns ErrTooManyTop.
func (l *List) SetTop(id string, top bool) error {
	i := l.index(id)
	if i < 0 {
		return ErrNotFound
	}
	if top && !l.items[i].Top && l.TopCount() >= MaxTop {
		return ErrTooManyTop
	}
	l.items[i].Top = top
	return nil
}

// AddOwn adds a question in the patient's own words at the end of the list.
// The text is cleaned with Sanitize; if nothing is left, it returns ErrEmpty.
func (l *List) AddOwn(text string) (Item, error) {
	text = Sanitize(text)
	if text == "" {
		return Item{}, ErrEmpty
	}
	l.nextOwn++
	it := Item{ID: "own-" + strconv.Itoa(l.nextOwn), Text: text, Own: true}
	l.items = append(l.items, it)
	return it, nil
}

// EditOwn replaces the text of one of the patient's own questions. The text
// is cleaned with Sanitize; if nothing is left, it returns ErrEmpty and the
// question keeps its old text.
func (l *List) EditOwn(id, text string) error {
	i := l.index(id)
	if i < 0 || !l.items[i].Own {
		return ErrNotFound
	}
	text = Sanitize(text)
	if text == "" {
		return ErrEmpty
	}
	l.items[i].Text = text
	return nil
}

// Clear empties the list. Ids of own questions are not reused.
func (l *List) Clear() { l.items = nil }

func (l *List) index(id string) int {
	for i, it := range l.items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// Suggested returns the page's questions as items, with their lasting ids
// (see guide.Page.QuestionIDs; "page#n" for a page that has none, as one
// not loaded by the guide).
func Suggested(p *guide.Page) []Item {
	out := make([]Item, len(p.Questions))
	for i, q := range p.Questions {
		id := guide.QuestionRef(p.ID, i+1)
		if i < len(p.QuestionIDs) {
			id = p.QuestionIDs[i]
		}
		out[i] = Item{ID: id, Topic: p.ID, TopicTitle: p.Title, Text: q}
	}
	return out
}

// Lookup returns the question a reference names (a bank id, or "page#n")
// as an item under its page.
func Lookup(g *guide.Guide, ref string) (Item, bool) {
	q, ok := g.Question(ref)
	if !ok {
		return Item{}, false
	}
	return asked(q), true
}

// PathItems are the questions a reader's path pre-ticks, as items, each
// under the first page of the path that lists it.
func PathItems(g *guide.Guide, path guide.Path) []Item {
	var out []Item
	for _, q := range path.Asked(g) {
		out = append(out, asked(q))
	}
	return out
}

func asked(q guide.Asked) Item {
	it := Item{ID: q.ID, Text: q.Text}
	if q.Page != nil {
		it.Topic, it.TopicTitle = q.Page.ID, q.Page.Title
	}
	return it
}

// Upgrade brings a list kept by an older version up to the guide's ids:
// a suggested question found by its exact text, or else by its id (an old
// "page#n" names the page's n-th question), takes the question's lasting
// id and current wording; two that are now one question are kept once,
// marked most important if either was. Own questions and questions the
// guide no longer has are kept as they are.
func Upgrade(g *guide.Guide, items []Item) []Item {
	out := make([]Item, 0, len(items))
	at := map[string]int{}
	for _, it := range items {
		if !it.Own {
			q, ok := g.QuestionByText(it.Text)
			if !ok {
				q, ok = g.Question(it.ID)
			}
			if ok {
				top := it.Top
				it = asked(q)
				it.Top = top
			}
		}
		if i, dup := at[it.ID]; dup {
			out[i].Top = out[i].Top || it.Top
			continue
		}
		at[it.ID] = len(out)
		out = append(out, it)
	}
	return out
}

// Add puts the question on the list unless it is there already (a question
// can be on several pages) and reports whether it added it.
func (l *List) Add(it Item) bool {
	if l.Has(it.ID) {
		return false
	}
	l.Toggle(it)
	return true
}
