package serve

import (
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Bounds of a session's "env" requests: the environment a client may
// send is kept in memory for the session's whole life.
const (
	maxEnvRequests = 64
	maxEnvPayload  = 4 << 10
)

// filteredSession is ssh's own session channel with its requests
// filtered first: agent and X11 forwarding are refused (the library would
// acknowledge an agent request, though nothing here ever opens an agent
// channel), and "env" requests are bounded in number and size.
func filteredSession(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{ch}, ctx)
}

type filteredChannel struct{ gossh.NewChannel }

func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		envs := 0
		for r := range reqs {
			switch r.Type {
			case "env":
				if envs++; envs > maxEnvRequests || len(r.Payload) > maxEnvPayload {
					r.Reply(false, nil) // a reply to a gone client has nowhere to go
					continue
				}
			case "auth-agent-req@openssh.com", "x11-req":
				r.Reply(false, nil)
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// limitedConn counts a connection's bytes in, cuts it off past its
// budget, and reports its end once.
type limitedConn struct {
	net.Conn
	left  int64
	in    atomic.Int64
	start time.Time
	once  sync.Once
	done  func(start time.Time, in int64)
}

func (c *limitedConn) Read(p []byte) (int, error) {
	if c.in.Load() >= c.left {
		return 0, errors.New("serve: the client sent more than the input limit")
	}
	n, err := c.Conn.Read(p)
	c.in.Add(int64(n))
	return n, err
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.done(c.start, c.in.Load()) })
	return err
}
