// Command her2guide is an offline, private terminal guide to HER2-positive
// breast cancer. This file only wires the command line to the library.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/her2guide/her2guide/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := cli.Execute(ctx, cli.OSEnv(), version, os.Args[1:])
	stop()
	os.Exit(code)
}
