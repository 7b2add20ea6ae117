package guide

// Fit is how a reader answered the walkthrough's first question: whether
// their cancer has spread.
type Fit int

// The answers the walk fits itself to.
const (
	// FitEvery is every step: the cancer has spread, or the reader asks
	// for the whole walk.
	FitEvery Fit = iota
	// FitEarly leaves out the steps for spread cancer.
	FitEarly
	// FitUnsure leaves them out too, and visits VisitPage before the last
	// step: the reader learns how to find out.
	FitUnsure
)

// VisitPage is the page on getting ready for a visit.
const VisitPage = "visit-prep"

// FitWalk returns the walkthrough's steps for a reader: every step for
// FitEvery; without the steps marked spread for FitEarly and FitUnsure;
// and for FitUnsure with VisitPage before the last step, unless the walk
// has it already. The TUI and --plain both walk these steps.
func (g *Guide) FitWalk(fit Fit) []Step {
	all := g.Paths.Walkthrough
	if fit == FitEvery {
		return all
	}
	var steps []Step
	for _, s := range all {
		if !s.Spread {
			steps = append(steps, s)
		}
	}
	if fit != FitUnsure || len(steps) == 0 {
		return steps
	}
	p, ok := g.Page(VisitPage)
	if !ok {
		return steps
	}
	for _, s := range steps {
		if s.Page == VisitPage {
			return steps
		}
	}
	last := steps[len(steps)-1]
	return append(steps[:len(steps)-1:len(steps)-1], Step{Page: p.ID, Label: p.Title}, last)
}
