package main

import (
	"os/exec"
	"strings"
)

// runBin runs the binary with stdin from a string and returns its combined output.
func runBin(bin, stdin string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
