// Package e2e has helpers for end-to-end tests that run the real her2guide
// binary: building it once, and driving it in a private tmux server.
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Required reports whether end-to-end tests must run (HER2GUIDE_E2E=1): then
// a missing tool fails the test instead of skipping it.
func Required() bool { return os.Getenv("HER2GUIDE_E2E") == "1" }

// NeedTool skips the test loudly when tool is not installed, or fails it
// when end-to-end tests are required.
func NeedTool(t testing.TB, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err == nil {
		return p
	}
	msg := fmt.Sprintf("END-TO-END TEST NOT RUN: %s is not installed (apt-get install %s); set HER2GUIDE_E2E=1 to make this a failure", tool, tool)
	if Required() {
		t.Fatalf("%s is required because HER2GUIDE_E2E=1, but it is not installed", tool)
	}
	t.Skip(msg)
	return ""
}

// Build compiles the her2guide command into dir and returns its path.
func Build(t testing.TB, dir string) string {
	t.Helper()
	return BuildTags(t, dir, "her2guide")
}

// CoverDirEnv names the variable that turns on coverage of end-to-end
// runs: when it names a folder, Build compiles the binary with -cover and
// every run of it (in tmux or not) writes its counters there through
// GOCOVERDIR. Read them with go tool covdata (see README).
const CoverDirEnv = "HER2GUIDE_COVERDIR"

// coverDir returns the absolute coverage folder, creating it, and points
// GOCOVERDIR at it for this process and every program it starts; "" when
// coverage is off. It removes HER2GUIDE_COVERDIR from the environment: the
// kiosk refuses HER2GUIDE_ variables it does not know.
func coverDir(t testing.TB) string {
	t.Helper()
	coverOnce.Do(func() {
		dir := os.Getenv(CoverDirEnv)
		if dir == "" {
			return
		}
		os.Unsetenv(CoverDirEnv) // cannot fail for a valid name
		abs, err := filepath.Abs(dir)
		if err == nil {
			err = os.MkdirAll(abs, 0o755)
		}
		// The test process itself is not built with -cover, so GOCOVERDIR
		// only reaches the binaries it starts (tmux servers and
		// exec.Command inherit the environment).
		if err == nil {
			err = os.Setenv("GOCOVERDIR", abs)
		}
		coverPath, coverErr = abs, err
	})
	if coverErr != nil {
		t.Fatalf("%s: %v", CoverDirEnv, coverErr)
	}
	return coverPath
}

var (
	coverOnce sync.Once
	coverPath string
	coverErr  error
)

// BuildTags compiles the command with build tags into dir/name. With
// HER2GUIDE_COVERDIR set, it is built with -cover over the whole module.
func BuildTags(t testing.TB, dir, name string, tags ...string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, name)
	args := []string{"build", "-o", bin}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	if coverDir(t) != "" {
		args = append(args, "-cover", "-coverpkg=github.com/her2guide/her2guide/...")
	}
	cmd := exec.Command("go", append(args, "./cmd/her2guide")...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// Tmux is a private tmux server with one session running a command.
type Tmux struct {
	t      testing.TB
	tmpdir string
	name   string
	// Patience is how long the Wait methods wait for the screen. It is a
	// limit on waiting for the program, not a measure of speed.
	Patience time.Duration
}

// exitMark starts the line StartTmux prints when the command has ended,
// followed by its exit status.
const exitMark = "E2E-EXIT"

var exitLine = regexp.MustCompile(exitMark + ` (\d+)`)

// StartTmux starts command in a new detached session of the given size on a
// tmux server of its own (TMUX_TMPDIR is a fresh folder), and kills the
// server when the test ends. When command ends, the shell prints its exit
// status on the screen for WaitForExit, and the pane stays open.
func StartTmux(t testing.TB, width, height int, command string) *Tmux {
	t.Helper()
	NeedTool(t, "tmux")
	tm := &Tmux{t: t, tmpdir: t.TempDir(), name: "her2guide", Patience: patience}
	wrapped := fmt.Sprintf("%s\nprintf '\\n%s %%d\\n' $?; sleep 600", command, exitMark)
	tm.run("new-session", "-d", "-s", tm.name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), wrapped)
	t.Cleanup(func() { _ = tm.cmd("kill-server").Run() })
	return tm
}

func (tm *Tmux) cmd(args ...string) *exec.Cmd {
	c := exec.Command("tmux", args...)
	c.Env = append(os.Environ(), "TMUX_TMPDIR="+tm.tmpdir, "TERM=xterm-256color")
	return c
}

func (tm *Tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := tm.cmd(args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Send types keys with tmux send-keys (key names such as Enter, Down, Escape).
func (tm *Tmux) Send(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", tm.name}, keys...)...)
}

// Resize changes the window size.
func (tm *Tmux) Resize(width, height int) {
	tm.t.Helper()
	tm.run("resize-window", "-t", tm.name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height))
}

// Format asks tmux for a format variable of the pane, such as
// "#{alternate_on}" (1 while the program uses the alternate screen).
func (tm *Tmux) Format(f string) string {
	tm.t.Helper()
	return strings.TrimSpace(tm.run("display-message", "-p", "-t", tm.name, f))
}

// Screen returns the visible text of the pane.
func (tm *Tmux) Screen() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-t", tm.name)
}

// StyledScreen returns the visible pane with its colours and attributes as
// SGR escape sequences (tmux capture-pane -e). A line may carry on the
// style the line before it ended with.
func (tm *Tmux) StyledScreen() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-e", "-t", tm.name)
}

// patience is the default Tmux.Patience.
const patience = 30 * time.Second

// WaitUntil polls the screen until ok accepts it, and returns that screen;
// after Patience it fails the test, naming what it waited for.
func (tm *Tmux) WaitUntil(what string, ok func(screen string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(tm.Patience)
	var screen string
	for {
		screen = tm.Screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("waited %s for %s; last screen:\n%s", tm.Patience, what, screen)
	return ""
}

// WaitFor waits until the screen contains every one of want, and returns
// it. Use it only for text that is not on the screen before the keys that
// should bring it: otherwise use WaitForChange or WaitForGone.
func (tm *Tmux) WaitFor(want ...string) string {
	tm.t.Helper()
	return tm.WaitUntil(fmt.Sprintf("the screen to show %q", want), func(s string) bool {
		return containsAll(s, want)
	})
}

// WaitForChange waits until the screen differs from before and contains
// every one of want, and returns it.
func (tm *Tmux) WaitForChange(before string, want ...string) string {
	tm.t.Helper()
	return tm.WaitUntil(fmt.Sprintf("the screen to change and show %q", want), func(s string) bool {
		return s != before && containsAll(s, want)
	})
}

// WaitForGone waits until the screen contains none of gone, and returns it.
func (tm *Tmux) WaitForGone(gone ...string) string {
	tm.t.Helper()
	return tm.WaitUntil(fmt.Sprintf("%q to leave the screen", gone), func(s string) bool {
		for _, g := range gone {
			if strings.Contains(s, g) {
				return false
			}
		}
		return true
	})
}

// Exited reports whether the command has ended (without waiting).
func (tm *Tmux) Exited() bool {
	tm.t.Helper()
	return ShowsExit(tm.Screen())
}

// ShowsExit reports whether screen shows that StartTmux's command ended.
func ShowsExit(screen string) bool { return exitLine.MatchString(screen) }

// WaitForExit waits until the command has ended and returns its exit
// status. The shell prints the status after the program has ended, into the
// same terminal, so by then tmux has also read everything the program wrote
// before it ended (such as leaving the alternate screen).
func (tm *Tmux) WaitForExit() int {
	tm.t.Helper()
	screen := tm.WaitUntil("the program to end", exitLine.MatchString)
	m := exitLine.FindAllStringSubmatch(screen, -1)
	code, err := strconv.Atoi(m[len(m)-1][1])
	if err != nil {
		tm.t.Fatal(err)
	}
	return code
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// WaitForFile waits until path exists and is not empty, and returns its content.
func WaitForFile(t testing.TB, path string) []byte {
	t.Helper()
	return WaitForFileContains(t, path, "")
}

// WaitForFileContains waits until path exists, is not empty and contains
// want, and returns its content. Files that a program writes as it goes,
// such as a log, may lag behind its screen.
func WaitForFileContains(t testing.TB, path, want string) []byte {
	t.Helper()
	deadline := time.Now().Add(patience)
	var b []byte
	for {
		var err error
		b, err = os.ReadFile(path)
		if err == nil && len(bytes.TrimSpace(b)) > 0 && bytes.Contains(b, []byte(want)) {
			return b
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if want == "" {
		t.Fatalf("%s never appeared", path)
	}
	t.Fatalf("after %s, %s still lacks %q:\n%s", patience, path, want, b)
	return nil
}
