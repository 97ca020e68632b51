package timeleft

import (
	"testing"
	"time"
)

func TestText(t *testing.T) {
	for _, c := range []struct {
		name        string
		elapsed     time.Duration
		done, total int
		want        string
	}{
		{"a quarter in 20 s", 20 * time.Second, 25, 100, ", about 1m0s left"},
		{"rounded to the second", 1500 * time.Millisecond, 3, 10, ", about 4s left"},
		{"hours", time.Minute, 1, 1000, ", about 16h39m0s left"},
		{"nearly done", 10 * time.Second, 999, 1000, ", about 0s left"},
		{"nothing done", time.Minute, 0, 10, ""},
		{"too soon to tell", 999 * time.Millisecond, 5, 10, ""},
		{"finished", time.Minute, 10, 10, ""},
		{"a century", 24 * time.Hour, 1, 36501, ", more than 100 years left"},
		{"a billion steps", time.Second, 1, 1_000_000_000, ", about 277777h46m39s left"},
	} {
		if got := Text(c.elapsed, c.done, c.total); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
