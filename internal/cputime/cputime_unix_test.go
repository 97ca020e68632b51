//go:build unix

package cputime

import "testing"

var sink float64

// Process is positive and grows while the process computes.
func TestProcessGrows(t *testing.T) {
	start := Process()
	if start <= 0 {
		t.Fatalf("Process() = %v, want > 0", start)
	}
	for i := range 50_000_000 {
		sink += 1 / float64(i+1)
	}
	if end := Process(); end <= start {
		t.Fatalf("Process() = %v after work, %v before", end, start)
	}
}
