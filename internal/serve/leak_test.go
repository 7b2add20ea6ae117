package serve

import (
	"io"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestConnectionsLeaveNoGoroutines: short connections of every kind (a
// refused command, a read-only command, a full-screen session closed by
// the client after its first frame) leave no goroutine behind in the
// server: the count goes back to where it was.
func TestConnectionsLeaveNoGoroutines(t *testing.T) {
	ts := startServer(t, func(c *Config, _ *Deps) { c.Rate, c.Burst = 1000, 1000 })
	key, _ := clientKey(t)
	kinds := []func(c *gossh.Client){
		func(c *gossh.Client) { runOne(t, c, "nothing") },
		func(c *gossh.Client) { runOne(t, c, "topics") },
		func(c *gossh.Client) { firstFrame(t, c) },
	}
	connect := func(k func(*gossh.Client)) {
		c, err := dial(t, ts.addr, key)
		if err != nil {
			t.Fatal(err)
		}
		k(c)
		c.Close()
	}
	for _, k := range kinds { // the first of each kind starts what stays
		connect(k)
	}
	before := settled(-1)
	for i := range 30 {
		connect(kinds[i%len(kinds)])
	}
	after := settled(before)
	t.Logf("goroutines: %d before 30 short connections, %d after", before, after)
	if after > before {
		var dump strings.Builder
		pprof.Lookup("goroutine").WriteTo(&dump, 1)
		t.Errorf("%d goroutines more after 30 short connections:\n%s", after-before, dump.String())
	}
}

// settled waits up to 5 s for the goroutine count to reach want (when
// want is not -1) or to stay the same for half a second, and returns it.
func settled(want int) int {
	n, same := runtime.NumGoroutine(), 0
	for range 50 {
		time.Sleep(100 * time.Millisecond)
		m := runtime.NumGoroutine()
		if want >= 0 && m <= want {
			return m
		}
		if m == n {
			same++
		} else {
			n, same = m, 0
		}
		if want < 0 && same == 5 {
			return n
		}
	}
	return n
}

func runOne(t *testing.T, c *gossh.Client, command string) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Run(command) // "nothing" is refused; its status does not matter here
}

func firstFrame(t *testing.T, c *gossh.Client) {
	t.Helper()
	s, out := shell(t, c, "xterm-256color")
	defer s.Close()
	if _, err := io.ReadAtLeast(out, make([]byte, 4096), 1); err != nil {
		t.Fatal(err)
	}
}
