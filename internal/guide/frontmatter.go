package guide

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

const fence = "---"

// splitFrontMatter splits a page into its YAML front matter and Markdown body.
// bodyLine is the 1-based line on which the body starts. Errors carry the line
// they concern.
func splitFrontMatter(data []byte) (front, body []byte, bodyLine int, err *lineError) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return nil, nil, 0, &lineError{1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"}
	}
	if i := bytes.IndexByte(data, '\r'); i >= 0 {
		line := bytes.Count(data[:i], []byte("\n")) + 1
		return nil, nil, 0, &lineError{line, "Windows line ending (CR); save the file with LF line endings"}
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines) == 0 || string(bytes.TrimRight(lines[0], "\n")) != fence {
		return nil, nil, 0, &lineError{1, "page must start with a front matter block: a line that is exactly \"---\""}
	}
	offset := len(lines[0])
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], "\n")) == fence {
			front = data[len(lines[0]):offset]
			body = data[offset+len(lines[i]):]
			return front, body, i + 2, nil
		}
		offset += len(lines[i])
	}
	return nil, nil, 0, &lineError{1, "front matter block opened here is never closed with a \"---\" line"}
}

// lineError is an error at a line of a file.
type lineError struct {
	line int
	msg  string
}

var yamlLine = regexp.MustCompile(`line (\d+): `)

// yamlProblems turns a yaml error into line-tagged messages. lineOffset is
// added to the line numbers yaml reports (front matter starts on line 2).
func yamlProblems(err error, lineOffset int) []lineError {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := make([]lineError, 0, len(msgs))
	for _, m := range msgs {
		line := lineOffset
		if sub := yamlLine.FindStringSubmatchIndex(m); sub != nil {
			n, convErr := strconv.Atoi(m[sub[2]:sub[3]])
			if convErr == nil {
				line = n + lineOffset
			}
			m = m[:sub[0]] + m[sub[1]:]
		}
		m = tidyYAMLMessage(m)
		out = append(out, lineError{line, m})
	}
	return out
}

var (
	notFound  = regexp.MustCompile(`field (\S+) not found in type \S+`)
	yamlNoise = regexp.MustCompile(`^yaml: (unmarshal errors:\n\s*)?`)
	typeNoise = regexp.MustCompile(`into \S+\.\w+`)
)

func tidyYAMLMessage(m string) string {
	m = yamlNoise.ReplaceAllString(m, "")
	m = notFound.ReplaceAllString(m, `unknown field "$1"`)
	m = typeNoise.ReplaceAllString(m, "into this field")
	return m
}

// keyLines maps each top-level key of a YAML mapping to its line, and each
// item of a top-level sequence value to its line ("key[i]").
func keyLines(m *yaml.Node, lineOffset int) map[string]int {
	out := map[string]int{}
	if m == nil || m.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		out[k.Value] = k.Line + lineOffset
		if v.Kind == yaml.SequenceNode {
			for j, item := range v.Content {
				out[k.Value+"["+strconv.Itoa(j)+"]"] = item.Line + lineOffset
			}
		}
	}
	return out
}
