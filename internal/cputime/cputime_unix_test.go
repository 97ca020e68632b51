//go:build unix

package cputime

import "testing"

// Process is positive and grows while the process computes.
func TestProcessGrows(t *testing.T) {
	start := Process()
	if start <= 0 {
		t.Fatalf("Process() = %v, want > 0", start)
	}
	x := 1.0
	for k := 0; Process() == start; k++ {
		if k == 10_000 {
			t.Fatalf("Process() stayed at %v", start)
		}
		for i := range 100_000 {
			x += 1 / float64(i+1)
		}
	}
	if x <= 1 {
		t.Fatal("no work done")
	}
}
