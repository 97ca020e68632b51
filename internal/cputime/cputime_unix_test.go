//go:build unix

package cputime

import "testing"

// Process grows while the process computes.
func TestProcessGrows(t *testing.T) {
	start := Process()
	x := 1.0
	for Process()-start <= 0 {
		for i := range 1_000_000 {
			x += 1 / float64(i+1)
		}
	}
	if start <= 0 || x <= 1 {
		t.Fatalf("Process() = %v at the start, want > 0", start)
	}
}
