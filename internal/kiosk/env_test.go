package kiosk

import (
	"strings"
	"testing"
)

// TestCheckEnviron: a misspelt HER2GUIDE_ variable would silently leave the
// kiosk without its setting (HER2GUIDE_EXITCODE: no keyboard exit), so an
// unknown one stops it, naming the closest known variable.
func TestCheckEnviron(t *testing.T) {
	ok := []string{"PATH=/bin", "HER2GUIDE_EXIT_CODE=2468", "HER2GUIDE_IDLE=", "HER2GUIDE_PLAIN=1", "HER2GUIDE_E2E=1", "her2guide_exitcode=x"}
	if err := CheckEnviron(ok, "HER2GUIDE_PLAIN", "HER2GUIDE_E2E"); err != nil {
		t.Errorf("known variables: %v", err)
	}
	err := CheckEnviron([]string{"HER2GUIDE_EXITCODE=s3cret", "HER2GUIDE_PRINTR=desk", "HER2GUIDE_COLOUR=red", "HER2GUIDE_PLAN=1"}, "HER2GUIDE_PLAIN")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"HER2GUIDE_EXITCODE is not a variable the kiosk knows (did you mean HER2GUIDE_EXIT_CODE?)",
		"HER2GUIDE_PRINTR is not a variable the kiosk knows (did you mean HER2GUIDE_PRINTER?)",
		"HER2GUIDE_COLOUR is not a variable the kiosk knows (known: HER2GUIDE_AFTER_HOURS_PHONE, ",
		"HER2GUIDE_PLAN is not a variable the kiosk knows (did you mean HER2GUIDE_PLAIN?)",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("a value is shown: %v", err)
	}
}
