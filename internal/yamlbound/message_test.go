package yamlbound

import "testing"

func TestMessage(t *testing.T) {
	for _, tc := range []struct {
		msg    string
		column int
		want   string
	}{
		{"found character '\t' that cannot start any token", 3, "found a tab character at column 3 that cannot start any token (YAML indents with spaces)"},
		{"found character '\t' that cannot start any token", 0, "found a tab character that cannot start any token (YAML indents with spaces)"},
		{"mapping value is not allowed\n   in this context", 5, "mapping value is not allowed in this context"},
	} {
		if got := Message(tc.msg, tc.column); got != tc.want {
			t.Errorf("Message(%q, %d) = %q, want %q", tc.msg, tc.column, got, tc.want)
		}
	}
}
