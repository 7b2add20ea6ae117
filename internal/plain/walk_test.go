package plain

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/her2guide/her2guide/internal/checklist"
	"github.com/her2guide/her2guide/internal/guide"
)

// Home menu numbers, as on the TUI's home screen.
const (
	homeWalk      = "1"
	homeSituation = "2"
	homeMine      = "9"
)

// stage2 answers "My situation" as a stage 2 reader: IHC 3+, stage 2,
// hormone receptor-positive before menopause, after surgery with no cancer
// left, nothing else ticked: the 7 questions the form asks such a reader.
var stage2 = map[string]string{"her2": "ihc3", "stage": "2", "hormone": "positive", "menopause": "no", "treatment": "after-surgery", "residual": "no", "matters": ""}

// formInput is what a reader types to give answers, question by question:
// only the questions the form asks, numbering the answers it offers; for
// a question with many answers, their numbers with commas (or nothing).
func formInput(t *testing.T, g *guide.Guide, answers map[string]string) []string {
	t.Helper()
	var out []string
	given := map[string]string{}
	for i, q := range g.Paths.Situation {
		if !g.Asks(i, given) {
			continue
		}
		v, ok := answers[q.ID]
		if !ok {
			t.Fatalf("the form asks %s, but the answers have none", q.ID)
		}
		offered := g.Offered(i, given)
		var nums []string
		for _, id := range guide.Picks(v) {
			k := slices.IndexFunc(offered, func(a guide.Answer) bool { return a.ID == id })
			if k < 0 {
				t.Fatalf("question %s does not offer %q", q.ID, id)
			}
			nums = append(nums, strconv.Itoa(k+1))
		}
		if len(nums) == 0 && !q.Many {
			t.Fatalf("question %s needs an answer", q.ID)
		}
		out = append(out, strings.Join(nums, ","))
		given[q.ID] = v
	}
	return out
}

// formStart is the first line of the form.
const formStart = "Question 1 of 11 (private, never saved): What was your HER2 result?"

// refItems are the checklist items for "page#n" references.
func refItems(t *testing.T, g *guide.Guide, refs []string) []checklist.Item {
	t.Helper()
	var out []checklist.Item
	for _, ref := range refs {
		it, ok := checklist.Lookup(g, ref)
		if !ok {
			t.Fatalf("bad question ref %q", ref)
		}
		out = append(out, it)
	}
	return out
}

func ids(items []checklist.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

// Answers to the walk's first question.
const (
	walkEarly = "1"
	walkEvery = "4"
)

// walkOut walks "Start here" with the answer to its first question,
// "next" on every step, and goes home from "You're ready".
func walkOut(t *testing.T, g *guide.Guide, answer string, steps int, list *checklist.List) string {
	t.Helper()
	script := []string{homeWalk, answer}
	for range steps {
		script = append(script, "1")
	}
	script = append(script, "4", "q")
	return runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})
}

// TestWalkThrough walks every step of "Start here" with "next" and lands
// on "You're ready" with the last page's questions on the list.
func TestWalkThrough(t *testing.T) {
	g := bundled(t)
	steps := g.Paths.Walkthrough
	list := &checklist.List{}
	out := walkOut(t, g, walkEvery, len(steps), list)
	want := []string{"has your cancer spread", "1. No, it has not spread", "4. Skip this question: show me every step"}
	for i, st := range steps {
		p, _ := g.Page(st.Page)
		want = append(want, "Step "+strconv.Itoa(i+1)+" of "+strconv.Itoa(len(steps))+" — "+st.Label, "\n"+p.Title+"\n",
			"End of the page.")
		next := "1. Finish the walk and see My questions"
		if i+1 < len(steps) {
			next = "1. Next step: " + steps[i+1].Label
		}
		want = append(want, next, "2. Previous step", "3. Add this page's questions", "4. Back to home")
	}
	last, _ := g.Page(steps[len(steps)-1].Page)
	sug := checklist.Suggested(last)
	want = append(want, "You're ready", "You're ready. "+strconv.Itoa(len(sug))+" questions are on your list",
		"1. Print or save my list", "2. Look at my list", "4. Back to the start",
		"Main menu:", "1. Start here, step by step", "9. My questions ("+strconv.Itoa(len(sug))+")", "Goodbye.")
	inOrder(t, out, want...)
	if got := ids(list.Items()); !slices.Equal(got, ids(sug)) {
		t.Errorf("list = %v, want the last page's questions %v", got, ids(sug))
	}
}

// TestWalkEarly: a reader whose cancer has not spread walks without the
// steps for spread cancer.
func TestWalkEarly(t *testing.T) {
	g := bundled(t)
	var steps []guide.Step
	for _, st := range g.Paths.Walkthrough {
		if !st.Spread {
			steps = append(steps, st)
		}
	}
	if len(steps) == len(g.Paths.Walkthrough) {
		t.Fatal("no step is marked spread")
	}
	out := walkOut(t, g, walkEarly, len(steps), nil)
	inOrder(t, out, "Step 1 of "+strconv.Itoa(len(steps)), "Step "+strconv.Itoa(len(steps))+" of "+strconv.Itoa(len(steps)),
		"You're ready", "Main menu:")
	for _, st := range g.Paths.Walkthrough {
		if st.Spread && strings.Contains(out, " — "+st.Label+"\n") {
			t.Errorf("the walk has the step %q", st.Label)
		}
	}
}

// TestWalkMoves steps back and forth with numbers and letters, adds a
// page's questions, leaves, and comes back to the same step.
func TestWalkMoves(t *testing.T) {
	g := bundled(t)
	steps := fitSteps(g, askEarly)
	n := strconv.Itoa(len(steps))
	list := &checklist.List{}
	script := lines(
		homeWalk, walkEarly,
		"2",           // previous on the first step
		"n", "n", "p", // letters: step 3, then back to 2
		"5", "x", "", // bad input
		"a", "1", "b", // add the first question of step 2
		"4", // back to home
		homeWalk,
		"b", // straight back from the resumed step
		"q")
	out := runScript(t, g, script, Options{Width: 80, Chunk: 10000, List: list})
	inOrder(t, out,
		"Step 1 of "+n, "This is the first step.", "Step 2 of "+n, "Step 3 of "+n, "Step 2 of "+n,
		"Please type a number from 1 to 4.", "Please type a number from 1 to 4.", "Please type a number from 1 to 4.",
		"Questions you could ask about", "Ticked, and added to My questions:",
		"Step 2 of "+n, "4. Back to home",
		"1. Continue where you left off (step 2 of "+n+")", "9. My questions (1)",
		"Step 2 of "+n, "Main menu:", "Goodbye.")
	p, _ := g.Page(steps[1].Page)
	if items := list.Items(); len(items) != 1 || items[0].ID != checklist.Suggested(p)[0].ID {
		t.Errorf("list = %+v, want the first question of %s", items, p.ID)
	}
}

// TestWalkEOF ends the session mid-walk without an error.
func TestWalkEOF(t *testing.T) {
	out := runScript(t, bundled(t), lines(homeWalk, walkEarly, "1"), Options{Width: 80, Chunk: 10000})
	inOrder(t, out, "Step 2 of", "End of input. Goodbye.")
}

// TestSituationStage2 answers the form as a stage 2 reader: the path lists
// the pages in reading order, none about stage 4, and the questions the
// answers call for are on the list.
func TestSituationStage2(t *testing.T) {
	g := bundled(t)
	pages, refs := g.SituationPath(stage2)
	want := refItems(t, g, refs)
	list := &checklist.List{}
	script := append([]string{homeSituation}, formInput(t, g, stage2)...)
	script = append(script, "b", homeMine, "b", "q")
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})

	expect := []string{"Private: your answers stay in this program's memory.",
		formStart, "1. HER2-positive, IHC 3 plus", "7. I don't know",
		"Question 2 of 11 (private, never saved): What stage is your cancer?", "3. Stage 2",
		"Question 7 of 7", "Type the numbers of all that fit", "Your answers added these to My questions"}
	for _, it := range want {
		expect = append(expect, "- "+it.Text)
	}
	expect = append(expect, "Your own path: "+strconv.Itoa(len(pages))+" pages")
	for i, pp := range g.PathFor(stage2).Pages {
		expect = append(expect, strconv.Itoa(i+1)+". "+pp.Title)
		if !strings.Contains(strings.Join(strings.Fields(out), " "), pp.Why) {
			t.Errorf("the path lacks the why line %q", pp.Why)
		}
	}
	n := len(pages)
	expect = append(expect, strconv.Itoa(n+1)+". Read them all, step by step", strconv.Itoa(n+2)+". Start over (clear my answers)",
		"Main menu:", "9. My questions ("+strconv.Itoa(len(want))+")")
	inOrder(t, out, expect...)
	if !slices.Contains(pages, "stage-2") {
		t.Errorf("path %v has no stage 2 page", pages)
	}
	for _, id := range []string{"metastatic", "brain-metastases", "resistance"} {
		if slices.Contains(pages, id) {
			t.Errorf("a stage 2 path has %s: %v", id, pages)
		}
	}
	if got := ids(list.Items()); !slices.Equal(got, ids(want)) {
		t.Errorf("list = %v, want %v", got, ids(want))
	}
	for _, mark := range []string{"[x]", "›", "(selected)"} {
		if strings.Contains(out[:strings.Index(out, "Question 7 of 7")], mark) {
			t.Errorf("the form marks an answer with %q", mark)
		}
	}
}

// TestSituationPathWalk opens a page of the path and steps on through it.
func TestSituationPathWalk(t *testing.T) {
	g := bundled(t)
	pages, _ := g.SituationPath(stage2)
	n := strconv.Itoa(len(pages))
	last, _ := g.Page(pages[len(pages)-1])
	script := append([]string{homeSituation}, formInput(t, g, stage2)...)
	script = append(script, n, "4", "b", "q") // the last page, then back to the path, home
	out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000})
	inOrder(t, out, "Your own path", "Step "+n+" of "+n+" — "+last.Title, "\n"+last.Title+"\n",
		"1. Finish the walk and see My questions", "4. Back to my path", "Your own path", "Main menu:", "Goodbye.")

	script = append([]string{homeSituation}, formInput(t, g, stage2)...)
	script = append(script, strconv.Itoa(len(pages)+1))
	for range pages {
		script = append(script, "n")
	}
	script = append(script, "b", "b", "q")
	out = runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000})
	inOrder(t, out, "Step 1 of "+n, "Step "+n+" of "+n, "That was the last step.", "My questions (",
		"Your own path", "Main menu:", "Goodbye.")
}

// TestSituationStartOver clears the answers, offers to take the added
// questions off, and asks the form again from the first question.
func TestSituationStartOver(t *testing.T) {
	g := bundled(t)
	pages, refs := g.SituationPath(stage2)
	startOver := strconv.Itoa(len(pages) + 2)
	own := "Can I keep working?"
	for _, c := range []struct {
		name   string
		choice string
		keep   bool
	}{{"remove", "1", false}, {"keep", "2", true}} {
		t.Run(c.name, func(t *testing.T) {
			list := &checklist.List{}
			if _, err := list.AddOwn(own); err != nil {
				t.Fatal(err)
			}
			script := append([]string{homeSituation}, formInput(t, g, stage2)...)
			script = append(script, startOver, "3", c.choice, "b", homeSituation, "b", "q")
			out := runScript(t, g, lines(script...), Options{Width: 80, Chunk: 10000, List: list})
			added := strconv.Itoa(len(refs)) + " questions"
			want := []string{"Your own path", "Your answers added " + added + " to My questions. Remove them as well?",
				"1. Yes, remove them", "2. No, keep them on my list", "Please type a number from 1 to 2."}
			if !c.keep {
				want = append(want, "Removed "+added+" from My questions.")
			}
			want = append(want, "Your answers are cleared.", formStart, "Main menu:",
				formStart, "Main menu:", "Goodbye.")
			inOrder(t, out, want...)
			got := ids(list.Items())
			if c.keep && len(got) != len(refs)+1 || !c.keep && (len(got) != 1 || list.Items()[0].Text != own) {
				t.Errorf("list after start over = %v", got)
			}
		})
	}
}

// TestSituationBadInput keeps the reader on the question, and b goes back
// one question, or home from the first.
func TestSituationBadInput(t *testing.T) {
	g := bundled(t)
	out := runScript(t, g, lines(homeSituation, "0", "x", "", "8", "2", "99", "b", "b", "q"), Options{Width: 80})
	inOrder(t, out,
		formStart, "Please type a number from 1 to 7.", "Please type a number from 1 to 7.",
		"Please type a number from 1 to 7.", "Please type a number from 1 to 7.",
		"Question 2 of 11", "Type b for the previous question", "Please type a number from 1 to 6.",
		formStart, "Main menu:", "Goodbye.")
}

// TestSituationPrivate: the answers live only in the session.
func TestSituationPrivate(t *testing.T) {
	g := bundled(t)
	script := append([]string{homeSituation}, formInput(t, g, stage2)...)
	runScript(t, g, lines(script...), Options{})
	// A new session starts with the form again.
	var out strings.Builder
	if err := Run(context.Background(), g, strings.NewReader(lines(homeSituation)), &out, Options{}); err != nil {
		t.Fatal(err)
	}
	inOrder(t, out.String(), formStart)
}

// TestWalkAsk: bad input keeps the question; "I don't know" adds the
// visit page before the last step; "My situation" instead opens the form.
func TestWalkAsk(t *testing.T) {
	g := bundled(t)
	out := runScript(t, g, lines(homeWalk, "9", "x", "5", "b", "q"), Options{Width: 80})
	inOrder(t, out, "has your cancer spread", "Please type a number from 1 to 5.", "Please type a number from 1 to 5.",
		formStart, "Main menu:", "Goodbye.")

	steps := fitSteps(g, askUnsure)
	if len(steps) < 2 || steps[len(steps)-2].Page != visitPage {
		t.Fatalf("unsure steps = %v, want the visit page before the last", steps)
	}
	out = walkOut(t, g, "3", len(steps), nil)
	visit, _ := g.Page(visitPage)
	n := strconv.Itoa(len(steps))
	inOrder(t, out, "Step "+strconv.Itoa(len(steps)-1)+" of "+n+" — "+visit.Title, "Step "+n+" of "+n, "You're ready")
}
