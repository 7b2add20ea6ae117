package cli

import (
	"strings"
	"testing"
)

func TestPlain(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		// plain says whether the plain guide should run (else the
		// interactive one, which fails without a terminal).
		plain bool
	}{
		{"flag", []string{"--plain"}, nil, true},
		{"env", nil, map[string]string{plainEnv: "1"}, true},
		{"env true", nil, map[string]string{plainEnv: "TRUE"}, true},
		{"env off", nil, map[string]string{plainEnv: "0"}, false},
		{"flag off beats env", []string{"--plain=false"}, map[string]string{plainEnv: "1"}, false},
		{"neither", nil, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env, out, errb := testEnv(false, false)
			env.Stdin = strings.NewReader("7\nherceptin\nb\n\n1\n1\n")
			env.Getenv = func(k string) string { return c.env[k] }
			code := run(t, env, c.args...)
			if !c.plain {
				if code == 0 || !strings.Contains(errb.String(), "needs a terminal") {
					t.Errorf("exit %d, stderr %q; want the no-terminal error", code, errb.String())
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}
			s := out.String()
			for _, want := range []string{"HER2 Guide", "Type a number and press Enter.", "Which HER2 drugs are there?",
				"What does HER2-positive mean?", "End of input. Goodbye."} {
				if !strings.Contains(s, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			if strings.Contains(s, "\x1b") {
				t.Error("plain output has an escape sequence")
			}
			for i, l := range strings.Split(s, "\n") {
				if n := len([]rune(l)); n > 100 {
					t.Errorf("line %d is %d wide, terminal is 100", i+1, n)
				}
			}
		})
	}
}

func TestPlainNoWidth(t *testing.T) {
	env, out, _ := testEnv(false, false)
	env.TermWidth = func() int { return 0 }
	env.Stdin = strings.NewReader("1\n1\n")
	if code := run(t, env, "--plain"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i, l := range strings.Split(out.String(), "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line %d is %d wide, want at most 80", i+1, n)
		}
	}
}
