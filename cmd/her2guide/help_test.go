package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHelpFitsEightyColumns runs --help for the guide and each command at
// 80 columns and fails on a line that would run past the edge. Fang wraps
// the long description but not a command's or flag's one-line help, so
// those must be short enough to fit beside the longest name.
func TestHelpFitsEightyColumns(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	ansi := regexp.MustCompile(`\x1b\[[0-9;]*m`)
	for _, args := range [][]string{
		{}, {"topics"}, {"show"}, {"search"}, {"glossary"}, {"questions"},
		{"kiosk"}, {"check"}, {"completion"},
	} {
		cmd := exec.Command(bin, append(args, "--help")...)
		// Fang reads its width from the terminal, or this in its tests.
		cmd.Env = append(os.Environ(), "__FANG_TEST_WIDTH=80")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v --help: %v\n%s", args, err, out)
		}
		n := 0
		for _, line := range strings.Split(ansi.ReplaceAllString(string(out), ""), "\n") {
			n++
			if w := utf8.RuneCountInString(strings.TrimRight(line, " ")); w > 80 {
				t.Errorf("%v --help: %d columns: %q", args, w, line)
			}
		}
		if n < 8 {
			t.Errorf("%v --help printed only %d lines:\n%s", args, n, out)
		}
	}
}
