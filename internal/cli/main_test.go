package cli

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points XDG_DATA_HOME at a new folder for the whole package, so
// that no test reads or writes a list kept in the real home folder (see
// internal/keep).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "her2guide-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
