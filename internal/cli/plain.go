package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/her2guide/her2guide/internal/plain"
)

// plainEnv is the environment variable that turns plain mode on.
const plainEnv = "HER2GUIDE_PLAIN"

// plainFlag is the root's persistent flag for plain mode.
const plainFlag = "plain"

// addPlainFlag adds --plain to the root command and all its children.
func addPlainFlag(root *cobra.Command) {
	root.PersistentFlags().Bool(plainFlag, false,
		"read the guide line by line, for screen readers and simple terminals (also "+plainEnv+"=1); needs no terminal")
}

// plainWanted reports whether the guide should run in plain mode: --plain
// when given, otherwise HER2GUIDE_PLAIN.
func plainWanted(cmd *cobra.Command, env Env) bool {
	if f := cmd.Flags().Lookup(plainFlag); f != nil && f.Changed {
		on, err := strconv.ParseBool(f.Value.String())
		return err == nil && on
	}
	if env.Getenv == nil {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(env.Getenv(plainEnv))) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// runPlain runs the line-by-line guide on the command's standard input and
// output. It needs no terminal.
func runPlain(ctx context.Context, env Env) error {
	g, err := bundled()
	if err != nil {
		return err
	}
	width := 0
	if env.TermWidth != nil {
		width = env.TermWidth()
	}
	return plain.Run(ctx, g, env.Stdin, env.Stdout, plain.Options{Width: width})
}
