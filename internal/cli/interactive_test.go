package cli

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// fakeModel records what reaches it.
type fakeModel struct{ got []tea.Msg }

func (f fakeModel) Init() tea.Cmd { return func() tea.Msg { return "inner init" } }
func (f fakeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f.got = append(f.got, msg)
	return f, nil
}
func (f fakeModel) View() tea.View { return tea.NewView("inner view") }

func TestLoadingModelHandsOver(t *testing.T) {
	loads := 0
	lm := &loadingModel{load: func() (tea.Model, error) { loads++; return fakeModel{}, nil }}
	cmd := lm.Init()
	if loads != 1 || cmd == nil || cmd() != "inner init" {
		t.Fatalf("Init: loads=%d, want the inner model's Init command", loads)
	}
	if v := lm.View(); v.Content != "inner view" {
		t.Fatalf("first View = %q, want the inner model's", v.Content)
	}
	next, _ := lm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	f, ok := next.(fakeModel)
	if !ok || len(f.got) != 1 {
		t.Fatalf("Update returned %T, want the inner model itself with the message", next)
	}
	if loads != 1 {
		t.Errorf("loaded %d times", loads)
	}
}

func TestLoadingModelFailureQuits(t *testing.T) {
	boom := errors.New("content broken")
	lm := &loadingModel{load: func() (tea.Model, error) { return nil, boom }}
	cmd := lm.Init()
	if cmd == nil {
		t.Fatal("no command after a failed load")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("a failed load must quit")
	}
	if v := lm.View(); v.Content != "" {
		t.Errorf("View after a failed load = %q, want empty", v.Content)
	}
	if next, _ := lm.Update(tea.KeyPressMsg{Code: 'q'}); next != lm {
		t.Error("Update after a failed load must keep waiting")
	}
	if !errors.Is(lm.err, boom) {
		t.Errorf("err = %v", lm.err)
	}
}
