package kiosk

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/her2guide/her2guide/internal/fuzzy"
)

// envPrefix starts the name of every variable of the program.
const envPrefix = "HER2GUIDE_"

// CheckEnviron checks the names of the HER2GUIDE_* variables in environ
// ("NAME=value" entries, as os.Environ gives): each must be a kiosk
// setting's variable or one of also (variables read elsewhere in the
// program). A misspelt variable would otherwise be ignored without a word:
// HER2GUIDE_EXITCODE leaves the kiosk with no keyboard exit. The error
// names each unknown variable, never its value, with the closest known one.
func CheckEnviron(environ []string, also ...string) error {
	known := make([]string, 0, len(Keys())+len(also))
	for _, k := range Keys() {
		known = append(known, EnvVar(k))
	}
	known = append(known, also...)
	var errs []error
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, envPrefix) || contains(known, name) {
			continue
		}
		errs = append(errs, fmt.Errorf("%s is not a variable the kiosk knows (%s)", name, closestVar(name, known)))
	}
	return errors.Join(errs...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closestVar suggests the known variable meant by a misspelt name, or lists
// the kiosk's own.
func closestVar(name string, known []string) string {
	const maxEdits = 2
	want := strings.TrimPrefix(name, envPrefix)
	best, bestDist := "", maxEdits+1
	for _, k := range known {
		if d := fuzzy.Distance(want, strings.TrimPrefix(k, envPrefix), maxEdits); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return "did you mean " + best + "?"
	}
	ours := known[:len(Keys())]
	sorted := append([]string(nil), ours...)
	sort.Strings(sorted)
	return "known: " + strings.Join(sorted, ", ")
}
