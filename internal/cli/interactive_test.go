package cli

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// fakeModel records what reaches it.
type fakeModel struct {
	name string
	got  []tea.Msg
}

func (f fakeModel) Init() tea.Cmd { return func() tea.Msg { return f.name + " init" } }
func (f fakeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f.got = append(f.got, msg)
	return f, nil
}
func (f fakeModel) View() tea.View { return tea.NewView(f.name + " view") }

// loaded runs the loading model's Init command and returns what its load
// brought (the batch also asks the terminal for its background colour).
func loaded(t *testing.T, lm *loadingModel) loadedMsg {
	t.Helper()
	batch, ok := lm.Init()().(tea.BatchMsg)
	if !ok {
		t.Fatal("Init did not return a batch")
	}
	for _, c := range batch {
		if c == nil {
			continue
		}
		if m, ok := c().(loadedMsg); ok {
			return m
		}
	}
	t.Fatal("Init's batch does not load the model")
	return loadedMsg{}
}

// TestLoadingModelDrawsThePreviewAndHoldsKeys: the home screen is drawn
// before the content is in, a key typed meanwhile reaches the real model
// (not the preview) once it is made, in order, and only the size reaches
// the preview.
func TestLoadingModelDrawsThePreviewAndHoldsKeys(t *testing.T) {
	loads := 0
	lm := &loadingModel{preview: fakeModel{name: "preview"}, load: func() (tea.Model, error) {
		loads++
		return fakeModel{name: "guide"}, nil
	}}
	if v := lm.View(); v.Content != "preview view" {
		t.Fatalf("first View = %q, want the preview's", v.Content)
	}
	key := tea.KeyPressMsg{Code: tea.KeyDown}
	size := tea.WindowSizeMsg{Width: 80, Height: 24}
	for _, msg := range []tea.Msg{key, size} {
		if next, _ := lm.Update(msg); next != lm {
			t.Fatalf("Update(%T) before the load returned %T", msg, next)
		}
	}
	if p := lm.preview.(fakeModel); len(p.got) != 1 || p.got[0] != size {
		t.Errorf("the preview got %v, want only the size", p.got)
	}
	done := loaded(t, lm)
	next, cmd := lm.Update(done)
	g, ok := next.(fakeModel)
	if !ok || g.name != "guide" {
		t.Fatalf("after the load Update returned %T, want the guide's model", next)
	}
	if len(g.got) != 2 || g.got[0] != key || g.got[1] != size {
		t.Errorf("the guide got %v, want the held key then the size", g.got)
	}
	if cmd == nil {
		t.Fatal("no command after the hand-over: the guide's Init must run")
	}
	if v := lm.View(); v.Content != "guide view" {
		t.Errorf("View after the load = %q", v.Content)
	}
	if loads != 1 {
		t.Errorf("loaded %d times", loads)
	}
}

func TestLoadingModelFailureQuits(t *testing.T) {
	boom := errors.New("content broken")
	lm := &loadingModel{preview: fakeModel{name: "preview"}, load: func() (tea.Model, error) { return nil, boom }}
	next, cmd := lm.Update(loaded(t, lm))
	if next != lm || cmd == nil {
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

// TestLoadingModelStartsTheLoadAfterTheFirstFrame: the content is told to
// load once, when the preview has been drawn at the terminal's size: not
// on a view before the size is known, not on the background colour, and
// not again on later views.
func TestLoadingModelStartsTheLoadAfterTheFirstFrame(t *testing.T) {
	calls := 0
	lm := &loadingModel{preview: fakeModel{name: "preview"}, drawn: func() { calls++ },
		load: func() (tea.Model, error) { return fakeModel{name: "guide"}, nil }}
	lm.View()
	lm.Update(tea.BackgroundColorMsg{})
	lm.View()
	if calls != 0 {
		t.Fatalf("the load started before the preview was drawn at its size (%d calls)", calls)
	}
	lm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	lm.Update(tea.BackgroundColorMsg{})
	if calls != 0 {
		t.Fatal("the load started on the size, before the frame was drawn")
	}
	if v := lm.View(); v.Content != "preview view" || calls != 1 {
		t.Fatalf("view %q, %d calls; want the preview and one call", v.Content, calls)
	}
	lm.View()
	if calls != 1 {
		t.Errorf("%d calls after a second view, want 1", calls)
	}
}
