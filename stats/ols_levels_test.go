package stats

import (
	"errors"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestCodeLabels(t *testing.T) {
	tests := []struct {
		name   string
		labels []string
		codes  []int
		names  []string
	}{
		{name: "nil", labels: nil, codes: nil, names: nil},
		{name: "empty", labels: []string{}, codes: []int{}, names: nil},
		{name: "first appearance, not sorted", labels: []string{"Colne", "Ashby", "Colne", "Brent", "Ashby"},
			codes: []int{0, 1, 0, 2, 1}, names: []string{"Colne", "Ashby", "Brent"}},
		{name: "runs", labels: []string{"b", "b", "a", "a", "b"}, codes: []int{0, 0, 1, 1, 0}, names: []string{"b", "a"}},
		{name: "empty label", labels: []string{"", "x", ""}, codes: []int{0, 1, 0}, names: []string{"", "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			codes, names := codeLabels(tc.labels)
			if !reflect.DeepEqual(codes, tc.codes) || !reflect.DeepEqual(names, tc.names) {
				t.Errorf("codeLabels(%q) = %v, %q, want %v, %q", tc.labels, codes, names, tc.codes, tc.names)
			}
		})
	}
}

// TestOLSCR2LeverageOneLabel: the error of a cluster with leverage 1 names
// the cluster by its label.
func TestOLSCR2LeverageOneLabel(t *testing.T) {
	y := []float64{1.2, 0.7, 2.9, 1.4, 3.3, 2.8}
	x := [][]float64{{1, 2, 3, 4, 5, 6}, {0, 0, 0, 1, 0, 0}}
	_, err := OLS(y, []string{"a", "b"}, x, OLSOptions{Cov: CR2, Cluster: []string{"Ashby", "Ashby", "Ashby", "St Ives", "Brent", "Brent"}})
	if !errors.Is(err, ErrDomain) || !strings.Contains(err.Error(), `cluster "St Ives" has leverage 1`) {
		t.Fatalf("err = %v, want ErrDomain naming cluster \"St Ives\"", err)
	}
}

// TestGLMBlockNames: the block dummies are named by label, one for every
// block but the first to appear.
func TestGLMBlockNames(t *testing.T) {
	y := []float64{3, 5, 2, 8, 6, 9, 1, 2, 4}
	x := [][]float64{{0, 1, 0, 1, 0, 1, 0, 1, 1}}
	res, err := Poisson(y, []string{"t"}, x, GLMOptions{Block: []string{"north", "north", "north", "east", "east", "east", "west", "west", "west"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Coefficients {
		got = append(got, c.Name)
	}
	if want := []string{"(Intercept)", "t", "block:east", "block:west"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}

func TestOLSLevels(t *testing.T) {
	tests := []struct {
		name   string
		v      []int
		levels []int
		idx    []int
	}{
		{name: "dense", v: []int{2, 0, 1, 0}, levels: []int{0, 1, 2}, idx: []int{2, 0, 1, 0}},
		{name: "gaps", v: []int{3, 0, 3}, levels: []int{0, 3}, idx: []int{1, 0, 1}},
		{name: "negative and large", v: []int{-1, 7, 5, -1}, levels: []int{-1, 5, 7}, idx: []int{0, 2, 1, 0}},
		{name: "empty", v: []int{}, levels: nil, idx: []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			levels := olsSortedLevels(tc.v)
			idx := olsLevelIndex(tc.v, levels)
			if !reflect.DeepEqual(levels, tc.levels) || !reflect.DeepEqual(idx, tc.idx) {
				t.Errorf("levels %v idx %v, want %v %v", levels, idx, tc.levels, tc.idx)
			}
		})
	}
}

// TestCodeLabelsParallel: coding in chunks gives the codes of one pass in
// order of first appearance, whatever the number of workers.
func TestCodeLabelsParallel(t *testing.T) {
	n := 5*codeLabelsSplit + 17
	labels := make([]string, n)
	for i := range labels {
		// New labels keep appearing in later chunks, some only there.
		labels[i] = strconv.Itoa((i*7919)%(i/1000+3) + i/codeLabelsSplit*1000)
	}
	var want []int
	var wantNames []string
	seen := map[string]int{}
	for _, l := range labels {
		c, ok := seen[l]
		if !ok {
			c = len(wantNames)
			seen[l] = c
			wantNames = append(wantNames, l)
		}
		want = append(want, c)
	}
	for _, procs := range []int{1, 2, 3, 8} {
		prev := runtime.GOMAXPROCS(procs)
		codes, names := codeLabels(labels)
		runtime.GOMAXPROCS(prev)
		if !reflect.DeepEqual(codes, want) || !reflect.DeepEqual(names, wantNames) {
			t.Errorf("GOMAXPROCS %d: codes differ from one pass in order of first appearance", procs)
		}
	}
}
