// Command her2guide is an offline, private terminal guide to HER2-positive
// breast cancer. This file only wires the command line to the library.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/her2guide/her2guide/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// memoryLimit is a soft limit for the Go heap. The guide's live data is
// about 9 MiB; without a limit the collector lets the heap grow to twice
// that during searches and renders (a full session peaked at 45 MB of
// resident memory, 38 MB with the limit). GOMEMLIMIT overrides it.
const memoryLimit = 20 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// SIGHUP ends the guide through its context. SIGINT and SIGTERM are left
	// to Bubble Tea in the interactive guide (catching them here too makes it
	// hang on shutdown) and to --plain, which handles them itself. The kiosk
	// catches SIGHUP, SIGINT, SIGQUIT and SIGTERM itself and exits with
	// 128 + the signal's number, so a signal never looks like staff closing it.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGHUP)
	code := cli.Execute(ctx, cli.OSEnv(), version, os.Args[1:])
	stop()
	os.Exit(code)
}
