package table

import (
	"fmt"
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"short", "north", "north"},
		{"60 bytes", strings.Repeat("a", 60), strings.Repeat("a", 60)},
		{"61 bytes", strings.Repeat("a", 61), strings.Repeat("a", 46) + "… (61 bytes)"},
		{"1 MB", strings.Repeat("S", 1<<20), strings.Repeat("S", 41) + "… (1048576 bytes)"},
		// é is 2 bytes: 46 bytes would split the 23rd, so 22 are kept.
		{"rune boundary", "a" + strings.Repeat("é", 40), "a" + strings.Repeat("é", 22) + "… (81 bytes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Clip(tc.in)
			if got != tc.want {
				t.Errorf("Clip = %q, want %q", got, tc.want)
			}
			if len(got) > 60 {
				t.Errorf("Clip gives %d bytes", len(got))
			}
		})
	}
	// As errors quote it, a terminal escape sequence shows escaped.
	if got := fmt.Sprintf("%q", Clip("\x1b[31mred\x1b[0m\t\r")); got != `"\x1b[31mred\x1b[0m\t\r"` {
		t.Errorf("quoted: %s", got)
	}
}
