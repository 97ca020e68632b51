package texttable

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "north / £1,000 \\ é", "north / £1,000 \\ é"},
		{"empty", "", ""},
		{"escape sequence", "\x1b[31mRED\x1b[0m", `\x1b[31mRED\x1b[0m`},
		{"tab, CR, LF", "a\tb\rc\nd", `a\tb\rc\nd`},
		{"DEL and C1", "a\x7fb\u009bc", `a\x7fb\u009bc`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid UTF-8", "a\xffb", `a\xffb`},
		{"at the start and end", "\x00x\x00", `\x00x\x00`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Escape(tc.in); got != tc.want {
				t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestWriteEscapesCells: a cell's terminal escape sequence is shown
// escaped, whole, and the columns are aligned on what is shown.
func TestWriteEscapesCells(t *testing.T) {
	tb := Table{Title: "Arms \x1b[2J", Align: "lr"}
	tb.Add("arm", "n")
	tb.Add("\x1b[31mRED\x1b[0m", "1")
	tb.Add("control", "20")
	var b strings.Builder
	tb.Write(&b)
	want := "\nArms \\x1b[2J\n" +
		"arm                  n\n" +
		"\\x1b[31mRED\\x1b[0m   1\n" +
		"control             20\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestEscapeWriter: C0 controls but LF and tab are escaped, in a stream
// written in pieces; UTF-8 and JSON pass unchanged.
func TestEscapeWriter(t *testing.T) {
	var b strings.Builder
	w := EscapeWriter(&b)
	for _, p := range []string{"arm\tn\n", "\x1b[31mRED", "\x1b[0m\r\n", "é £ \u202e\n", `{"a": "\u001b"}`} {
		n, err := w.Write([]byte(p))
		if err != nil || n != len(p) {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	want := "arm\tn\n" + `\x1b[31mRED\x1b[0m\r` + "\n" + "é £ \u202e\n" + `{"a": "\u001b"}`
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// FuzzEscape: what Escape returns is valid UTF-8 with no character that
// it escapes, and is s itself when s has none.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"north", "\x1b[31mRED", "a\u202eb", "\xff\xfe", "tab\there"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Escape(s)
		if !utf8.ValidString(got) || strings.ContainsFunc(got, escaped) {
			t.Fatalf("Escape(%q) = %q", s, got)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, escaped) && got != s {
			t.Fatalf("Escape(%q) = %q, want it unchanged", s, got)
		}
	})
}
