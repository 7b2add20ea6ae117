package serve

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/her2guide/her2guide/internal/e2e"
	"github.com/her2guide/her2guide/internal/i18n"
)

// sshCommand is the system ssh client's command line for the test server,
// with a terminal; it trusts the test's fresh host key without a file.
func sshCommand(t *testing.T, addr, keyFile string) string {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("ssh -tt -i %s -F /dev/null -o IdentitiesOnly=yes -o StrictHostKeyChecking=no "+
		"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p %s patient@%s", keyFile, port, host)
}

// TestTwoPrivateSessions is the end-to-end test of issue 18: the system
// ssh client in tmux, two sessions at once on one server. The first walks
// to a page and writes a question; the second, at its own size, does not
// see it. Then the server drains: the open session is told the guide is
// restarting and ends. The log never has what was typed.
func TestTwoPrivateSessions(t *testing.T) {
	e2e.NeedTool(t, "ssh")
	ts := startServer(t, nil)
	_, keyFile := clientKey(t)
	text := i18n.English()
	const secret = "ZEBRAFISH biopsy question"
	const searched = "QUOKKA"
	myList := text.Chrome.MyList(1)

	one := startWithOwnQuestion(t, ts.addr, keyFile, secret)
	// Search for a word (never to be logged), then walk to a page.
	one.Send("/")
	before := one.Screen()
	one.Send("-l", searched)
	one.WaitForChange(before, searched)
	// Escape alone: Escape and H in one write read as alt+H.
	one.Send("Escape")
	one.WaitForGone(searched)
	one.Send("H")
	before = one.WaitFor(text.Home.Finish)
	one.Send("Down", "Down", "Enter")
	before = one.WaitForChange(before, myList)
	one.Send("Enter")
	one.WaitForChange(before, "Reviewed", myList)

	two := e2e.StartTmux(t, 40, 12, sshCommand(t, ts.addr, keyFile))
	screen := two.WaitFor(text.Kiosk.Mine)
	two.Send("m")
	screen = two.WaitForChange(screen, "My questions")
	if strings.Contains(screen, "ZEBRA") || strings.Contains(screen, myList) {
		t.Errorf("the second session sees the first one's question:\n%s", screen)
	}
	for _, line := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Errorf("a line of the 40-column session is %d wide: %q", w, line)
		}
	}
	two.Resize(100, 30)
	two.WaitFor(text.Kiosk.AddQuestions)
	// The first session still has its list.
	one.Send("m")
	one.WaitFor(secret)

	// SIGTERM's drain: both sessions are told, and end.
	start := time.Now()
	drained := make(chan struct{})
	go func() { ts.Drain(); close(drained) }()
	restarting, _, _ := strings.Cut(i18n.English().Serve.Restarting, ".") // the notice wraps after this
	one.WaitFor(restarting)
	two.WaitFor(restarting)
	select {
	case <-drained:
	case <-time.After(ts.cfg.DrainTimeout + 5*time.Second):
		t.Fatal("Drain did not return")
	}
	if took := time.Since(start); took > ts.cfg.DrainTimeout+time.Second {
		t.Errorf("the drain took %s, more than the drain timeout %s", took, ts.cfg.DrainTimeout)
	}
	if status := one.WaitForExit(); status == 255 {
		t.Logf("ssh exit status %d", status)
	}
	two.WaitForExit()

	log := ts.log.String()
	for _, word := range []string{"ZEBRA", "biopsy", searched} {
		if strings.Contains(log, word) {
			t.Errorf("the log has %q, which a patient typed:\n%s", word, log)
		}
	}
	for _, want := range []string{`"msg":"session started"`, `"width":80`, `"width":40`, `"msg":"session ended"`, `"msg":"draining"`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %s:\n%s", want, log)
		}
	}
}

// startWithOwnQuestion opens an SSH session in tmux and writes an own
// question on My questions, which the session's list then holds.
func startWithOwnQuestion(t *testing.T, addr, keyFile, question string) *e2e.Tmux {
	t.Helper()
	text := i18n.English()
	tm := e2e.StartTmux(t, 80, 24, sshCommand(t, addr, keyFile))
	tm.WaitFor(text.Home.Finish)
	tm.Send("m")
	tm.WaitFor(text.Questions.MineEmpty[:20])
	tm.Send("n")
	before := tm.Screen()
	tm.Send("-l", question)
	tm.WaitForChange(before, question)
	tm.Send("C-s")
	tm.WaitFor(text.Chrome.MyList(1), question)
	return tm
}
