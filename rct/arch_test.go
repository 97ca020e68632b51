package rct

import (
	"fmt"
	"slices"
	"testing"
)

// TestLargeProductsPinned pins draws whose integer products exceed 2^31
// (n w_j in CompleteCounts, marginal totals times the weights' scale in
// minimisation), so that a 32-bit build (GOARCH=386 go test) must give the
// allocations of a 64-bit one. The values were printed by the 64-bit code
// before its arithmetic was made 64-bit on every platform.
func TestLargeProductsPinned(t *testing.T) {
	if got, want := CompleteCounts(3_000_000, []int{1 << 20, 3, 1}, NewRand(1)), []int{2999988, 9, 3}; !slices.Equal(got, want) {
		t.Errorf("CompleteCounts = %v, want %v", got, want)
	}
	d := designTest(6000, 2, 0, []string{"a", "b"}, []int{1 << 19, 3})
	f := make([]string, len(d.ID.Values))
	for i := range f {
		f[i] = fmt.Sprint(i % 3)
	}
	a, err := Randomise(d, Options{Method: Minimise, Factors: []Column{{Name: "f", Values: f}}}, 7)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{4827, 1173}; !slices.Equal(a.Counts, want) {
		t.Errorf("minimise counts = %v, want %v", a.Counts, want)
	}
	if want := []int{0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0}; !slices.Equal(a.Arm[5980:], want) {
		t.Errorf("minimise last arms = %v, want %v", a.Arm[5980:], want)
	}
}
