package persona

import "testing"

// TestCheck: each rule of a persona reports its own breach, and a path
// that keeps every rule reports none.
func TestCheck(t *testing.T) {
	p := Persona{First: "a", Pages: []string{"b"}, NotPages: []string{"x"},
		Questions: []string{"a#1"}, NotQuestions: []string{"x#1"}, Note: true}
	if bad := p.Check([]string{"a", "b"}, []string{"a#1"}, true); bad != nil {
		t.Errorf("a path that keeps the rules: %v", bad)
	}
	if bad := p.Check([]string{"x"}, []string{"x#1"}, false); len(bad) != 6 {
		t.Errorf("a path that breaks all six rules gives %d problems: %v", len(bad), bad)
	}
}
