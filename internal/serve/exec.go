package serve

import (
	"strings"
)

// execCommands are the read-only commands a client may run without a
// terminal (ssh host topics), each with the flags it may give. A flag
// taking a value lists the values allowed ("" for any word). Nothing that
// writes a file (-o) or prints (--print) is here.
var execCommands = map[string]struct {
	flags map[string][]string
	// args is how many words may follow: -1 any number, else at most.
	args int
	// needArg is true when at least one word must follow.
	needArg bool
}{
	"topics":    {flags: map[string][]string{"--json": nil}, args: 0},
	"show":      {flags: map[string][]string{"--width": {""}}, args: 1, needArg: true},
	"search":    {flags: map[string][]string{"--json": nil, "--limit": {""}}, args: -1, needArg: true},
	"glossary":  {flags: map[string][]string{"--json": nil}, args: -1},
	"questions": {flags: map[string][]string{"--format": {"text", "markdown", "html"}, "--topic": {""}, "--all": nil, "--clinician-copy": nil}, args: 0},
}

// maxExecArgs bounds the words of a command.
const maxExecArgs = 32

// maxExecArgLen bounds each word.
const maxExecArgLen = 200

// CheckExec says whether args (the words of `ssh host WORDS...`) are an
// allowed read-only command. The caller runs them as the command line
// would, without a terminal.
func CheckExec(args []string) bool {
	if len(args) == 0 || len(args) > maxExecArgs {
		return false
	}
	spec, ok := execCommands[args[0]]
	if !ok {
		return false
	}
	words := 0
	for i := 1; i < len(args); i++ {
		a := args[i]
		if len(a) > maxExecArgLen || strings.ContainsFunc(a, isControl) {
			return false
		}
		if a == "--" {
			return false // words after it would be read as words, however they look
		}
		if !strings.HasPrefix(a, "-") {
			words++
			continue
		}
		name, value, hasValue := strings.Cut(a, "=")
		allowed, known := spec.flags[name]
		if !known {
			return false
		}
		if allowed == nil {
			if hasValue {
				return false
			}
			continue
		}
		if !hasValue {
			i++
			if i >= len(args) {
				return false
			}
			value = args[i]
		}
		if strings.HasPrefix(value, "-") || (allowed[0] != "" && !contains(allowed, value)) {
			return false
		}
	}
	if spec.needArg && words == 0 {
		return false
	}
	return spec.args < 0 || words <= spec.args
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }
