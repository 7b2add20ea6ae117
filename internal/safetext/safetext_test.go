package safetext

import "testing"

// hostile is text that tries to take over a terminal or hide in a log.
var hostile = []struct {
	name, in, text, line string
}{
	{"plain", "Will I lose my hair?", "Will I lose my hair?", "Will I lose my hair?"},
	{"accents and emoji", "Café 👍🏽 ßü", "Café 👍🏽 ßü", "Café 👍🏽 ßü"},
	{"right-to-left script", "سؤال", "سؤال", "سؤال"},
	{"colour (CSI)", "a\x1b[31mred\x1b[0m", "ared", "ared"},
	{"window title (OSC, BEL)", "a\x1b]0;pwned\x07b", "ab", "ab"},
	{"window title (OSC, ST)", "a\x1b]2;pwned\x1b\\b", "ab", "ab"},
	{"hyperlink", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click", "click"},
	{"DCS", "a\x1bPq#0\x1b\\b", "ab", "ab"},
	{"clear screen", "\x1b[2J\x1b[Hx", "x", "x"},
	{"lone ESC", "a\x1b", "a", "a"},
	{"C1 CSI as a character", "a\u009b31mb", `a\u009b31mb`, `a\u009b31mb`},
	{"C1 OSC and ST as characters", "a\u009d0;t\u009cb", `a\u009d0;t\u009cb`, `a\u009d0;t\u009cb`},
	{"C1 CSI as a raw byte", "a\x9b31mb", `a\x9b31mb`, `a\x9b31mb`},
	{"invalid UTF-8", "a\xff\xfeb", `a\xff\xfeb`, `a\xff\xfeb`},
	{"cut UTF-8", "caf\xc3", `caf\xc3`, `caf\xc3`},
	{"NUL and BEL", "a\x00b\x07c", `a\x00b\x07c`, `a\x00b\x07c`},
	{"backspace over text", "paid\x08\x08\x08\x08free", `paid\x08\x08\x08\x08free`, `paid\x08\x08\x08\x08free`},
	{"DEL", "a\x7fb", `a\x7fb`, `a\x7fb`},
	{"carriage return overwrite", "safe\rEVIL", "safe\nEVIL", `safe\nEVIL`},
	{"CR LF", "one\r\ntwo", "one\ntwo", `one\ntwo`},
	{"tab", "a\tb", "a\tb", `a\tb`},
	{"newline", "a\nb", "a\nb", `a\nb`},
	{"right-to-left override", "invoice\u202Efdp.exe", `invoice\u202efdp.exe`, `invoice\u202efdp.exe`},
	{"bidi embeddings and isolates", "\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069x", `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069x`, `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069x`},
	{"bidi marks", "a\u200E\u200F\u061Cb", `a\u200e\u200f\u061cb`, `a\u200e\u200f\u061cb`},
	{"line and paragraph separators", "a\u2028b\u2029c", `a\u2028b\u2029c`, `a\u2028b\u2029c`},
	{"backslash stays", `C:\temp\x`, `C:\temp\x`, `C:\temp\x`},
}

func TestText(t *testing.T) {
	for _, tt := range hostile {
		if got := Text(tt.in); got != tt.text {
			t.Errorf("%s: Text(%q) = %q, want %q", tt.name, tt.in, got, tt.text)
		}
	}
}

func TestLine(t *testing.T) {
	for _, tt := range hostile {
		if got := Line(tt.in); got != tt.line {
			t.Errorf("%s: Line(%q) = %q, want %q", tt.name, tt.in, got, tt.line)
		}
	}
}

// FuzzText: whatever goes in,, nothing a terminal acts on
// comes out.
func FuzzText(f *testing.F) {
	for _, tt := range hostile {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Text(s), Line(s)} {
			if !Safe(out) {
				t.Fatalf("unsafe output %q from %q", out, s)
			}
			for _, r := range out {
				if r == '\x1b' || r == '\r' {
					t.Fatalf("%q from %q", out, s)
				}
			}
		}
		if l := Line(s); Text(l) != l {
			t.Fatalf("Line(%q) = %q is not stable under Text", s, l)
		}
	})
}
