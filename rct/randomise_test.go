package rct

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// designTest builds a design of n units with ids u000.., strata by i%nStrata
// and clusters of size clusterSize (0 for none).
func designTest(n, nStrata, clusterSize int, arms []string, ratio []int) *Design {
	d := &Design{ID: Column{Name: "id"}, Arms: arms, Ratio: ratio}
	st := Column{Name: "area"}
	cl := Column{Name: "school"}
	for i := 0; i < n; i++ {
		d.ID.Values = append(d.ID.Values, fmt.Sprintf("u%05d", i))
		if clusterSize > 0 {
			c := i / clusterSize
			cl.Values = append(cl.Values, fmt.Sprintf("c%04d", c))
			st.Values = append(st.Values, fmt.Sprintf("s%d", c%nStrata))
		} else {
			st.Values = append(st.Values, fmt.Sprintf("s%d", i%nStrata))
		}
	}
	if nStrata > 1 {
		d.Strata = []Column{st}
	}
	if clusterSize > 0 {
		d.Cluster = cl
	}
	return d
}

// permuteRowsTest returns the design with its rows in the order perm, and
// the allocation mapped back to the original rows.
func permuteRowsTest(d *Design, perm []int) *Design {
	p := func(c Column) Column {
		if c.Values == nil {
			return c
		}
		out := Column{Name: c.Name, Values: make([]string, len(perm))}
		for i, j := range perm {
			out.Values[i] = c.Values[j]
		}
		return out
	}
	e := *d
	e.ID = p(d.ID)
	e.Cluster = p(d.Cluster)
	e.Strata = nil
	for _, c := range d.Strata {
		e.Strata = append(e.Strata, p(c))
	}
	return &e
}

// The golden allocations: the first arms of each method for seed 20230401.
// Changing them is a breaking change.
func TestRandomiseGolden(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want []int
	}{
		{"complete", Options{Method: Complete}, []int{1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0}},
		{"simple", Options{Method: Simple}, []int{1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1}},
		{"blocks", Options{Method: Blocks, BlockSizes: []int{2, 4}}, []int{0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0}},
		{"minimise", Options{Method: Minimise, Factors: []Column{{Name: "f", Values: factorTest(20)}}}, []int{1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1}},
	}
	for _, tc := range tests {
		d := designTest(20, 2, 0, []string{"control", "treatment"}, nil)
		a, err := Randomise(d, tc.opt, 20230401)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !slices.Equal(a.Arm, tc.want) {
			t.Errorf("%s: arms = %#v, want %#v", tc.name, a.Arm, tc.want)
		}
	}
}

func factorTest(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = []string{"low", "mid", "high"}[(i*7)%3]
	}
	return out
}

// Complete and simple allocations do not depend on the order of rows.
func TestRandomiseRowOrder(t *testing.T) {
	for _, m := range []Method{Complete, Simple} {
		for _, cs := range []int{0, 3} {
			d := designTest(60, 3, cs, []string{"a", "b", "c"}, []int{2, 1, 1})
			a, err := Randomise(d, Options{Method: m}, 99)
			if err != nil {
				t.Fatal(err)
			}
			perm := NewRand(5).permTest(60)
			b, err := Randomise(permuteRowsTest(d, perm), Options{Method: m}, 99)
			if err != nil {
				t.Fatal(err)
			}
			for i, j := range perm {
				if b.Arm[i] != a.Arm[j] {
					t.Fatalf("%v clusters=%d: row order changed the allocation", m, cs)
				}
			}
		}
	}
}

func (r *Rand) permTest(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.ShuffleInts(p)
	return p
}

// Every unit of a cluster gets its cluster's arm, and counts of clusters
// per stratum are exact.
func TestRandomiseClusters(t *testing.T) {
	d := designTest(90, 2, 5, []string{"control", "treatment"}, nil)
	for _, m := range []Method{Complete, Simple, Blocks} {
		a, err := Randomise(d, Options{Method: m, BlockSizes: []int{2}}, 3)
		if err != nil {
			t.Fatal(err)
		}
		for i := range a.Arm {
			if a.Arm[i] != a.Arm[i/5*5] {
				t.Fatalf("%v: cluster %d split", m, i/5)
			}
		}
		if m == Complete {
			// 18 clusters, 9 per stratum: 4 or 5 per arm, i.e. 20 or 25 rows.
			for _, s := range a.Strata {
				for _, c := range s.Counts {
					if c != 20 && c != 25 {
						t.Errorf("stratum %s counts %v", s.Stratum, s.Counts)
					}
				}
			}
		}
	}
}

// Within every stratum the running imbalance of permuted blocks never
// exceeds half the largest block (1:1), and full blocks are balanced.
func TestBlocksImbalance(t *testing.T) {
	d := designTest(500, 4, 0, []string{"control", "treatment"}, nil)
	a, err := Randomise(d, Options{Method: Blocks, BlockSizes: []int{2, 4, 6}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	L, _ := d.Lay()
	for _, s := range L.Strata {
		diff := 0
		for _, i := range s.Rows {
			diff += 2*a.Arm[i] - 1
			if diff > 3 || diff < -3 {
				t.Fatalf("stratum %s: running imbalance %d", s.Name(), diff)
			}
		}
	}
	// 2:1 with blocks of 3 and 6: every block holds twice as many controls.
	d = designTest(300, 1, 0, []string{"control", "treatment"}, []int{2, 1})
	a, err = Randomise(d, Options{Method: Blocks, BlockSizes: []int{3, 6}}, 2)
	if err != nil {
		t.Fatal(err)
	}
	per := map[int][2]int{}
	for i, s := range a.BlockSeq {
		c := per[s]
		c[a.Arm[i]]++
		per[s] = c
	}
	for s, c := range per {
		if c[0] != 2*c[1] && s != a.BlockSeq[len(a.BlockSeq)-1] {
			t.Errorf("block %d: %v", s, c)
		}
	}
}

// Minimisation is reproducible for the same seed and order, and keeps the
// factor margins close.
func TestMinimiseReproducible(t *testing.T) {
	d := designTest(200, 1, 0, []string{"control", "treatment"}, nil)
	opt := Options{Method: Minimise, Factors: []Column{{Name: "f", Values: factorTest(200)}}, MinimiseProb: 0.9}
	a, err := Randomise(d, opt, 8)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Randomise(d, opt, 8)
	if !slices.Equal(a.Arm, b.Arm) {
		t.Fatal("same seed, different allocation")
	}
	margins := map[string][2]int{}
	for i, l := range opt.Factors[0].Values {
		m := margins[l]
		m[a.Arm[i]]++
		margins[l] = m
	}
	for l, m := range margins {
		if d := m[0] - m[1]; d > 6 || d < -6 {
			t.Errorf("level %s: margins %v", l, m)
		}
	}
}

func TestRandomiseErrors(t *testing.T) {
	arms := []string{"control", "treatment"}
	base := func() *Design { return designTest(10, 2, 0, arms, nil) }
	tests := []struct {
		name string
		edit func(d *Design)
		opt  Options
		want error
		row  int
	}{
		{"duplicate id", func(d *Design) { d.ID.Values[7] = d.ID.Values[2] }, Options{}, ErrDuplicateID, 7},
		{"empty id", func(d *Design) { d.ID.Values[4] = "" }, Options{}, ErrEmptyID, 4},
		{"empty stratum", func(d *Design) { d.Strata[0].Values[5] = "" }, Options{}, ErrEmptyStratum, 5},
		{"cluster spans strata", func(d *Design) {
			d.Cluster = Column{Name: "c", Values: []string{"a", "a", "b", "b", "c", "c", "d", "d", "e", "e"}}
		}, Options{}, ErrClusterSpansStrata, 1},
		{"too few units", func(d *Design) { d.Arms = []string{"a", "b", "c"}; d.Strata[0].Values[0] = "lonely" }, Options{}, ErrTooFewUnits, -1},
		{"block size", func(*Design) {}, Options{Method: Blocks, BlockSizes: []int{4, 3}}, ErrBlockSize, -1},
		{"one arm", func(d *Design) { d.Arms = arms[:1] }, Options{}, ErrDesign, -1},
		{"bad ratio", func(d *Design) { d.Ratio = []int{0, 1} }, Options{}, ErrDesign, -1},
	}
	for _, tc := range tests {
		d := base()
		tc.edit(d)
		_, err := Randomise(d, tc.opt, 1)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
			continue
		}
		var ue *UnitError
		if tc.row >= 0 && (!errors.As(err, &ue) || ue.Row != tc.row) {
			t.Errorf("%s: err = %v, want unit %d", tc.name, err, tc.row+1)
		}
	}
}

// sortIDs and sortGroupsByID agree with a plain sort of the ids, ties by
// index.
func TestSortedByID(t *testing.T) {
	r := NewRand(9)
	alphabet := "ab\x00\xffz0"
	for rep := 0; rep < 200; rep++ {
		n := int(r.Uint64n(40)) + rep%4/3*300 // some large enough for a radix sort
		ids := make([]string, n)
		for i := range ids {
			b := make([]byte, r.Uint64n(12))
			for j := range b {
				b[j] = alphabet[r.Uint64n(uint64(len(alphabet)))]
			}
			ids[i] = string(b)
		}
		got, _, _ := sortIDs(ids)
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(p, q int) int { return strings.Compare(ids[p], ids[q]) })
		if !slices.Equal(got, want) {
			t.Fatalf("ids %q: got %v, want %v", ids, got, want)
		}
		// A subset (the odd indices), as a stratum's units are sorted.
		var sub, subWant []int
		for i := 1; i < n; i += 2 {
			sub = append(sub, i)
		}
		for _, i := range want {
			if i%2 == 1 {
				subWant = append(subWant, i)
			}
		}
		sortGroupsByID(sub, idKeys(ids), func(i int) string { return ids[i] }, nil)
		if !slices.Equal(sub, subWant) {
			t.Fatalf("ids %q: odd ones sorted %v, want %v", ids, sub, subWant)
		}
	}
}

// sortIDs and firstDuplicate find the first unit (in input order) whose id
// an earlier unit has, as a map-based scan does.
func TestSortIDsDuplicates(t *testing.T) {
	r := NewRand(10)
	alphabet := "ab\x00"
	for rep := 0; rep < 500; rep++ {
		n := int(r.Uint64n(30))
		ids := make([]string, n)
		for i := range ids {
			b := make([]byte, r.Uint64n(20))
			for j := range b {
				b[j] = alphabet[r.Uint64n(uint64(len(alphabet)))]
			}
			ids[i] = string(b)
		}
		seen := map[string]int{}
		wantDup, wantFirst := -1, -1
		for i, s := range ids {
			if f, ok := seen[s]; ok {
				wantDup, wantFirst = i, f
				break
			}
			seen[s] = i
		}
		_, dup, first := sortIDs(ids)
		if dup != wantDup || first != wantFirst {
			t.Fatalf("ids %q: dup %d (first %d), want %d (%d)", ids, dup, first, wantDup, wantFirst)
		}
		if dup, first := firstDuplicate(ids); dup != wantDup || first != wantFirst {
			t.Fatalf("ids %q: firstDuplicate %d (first %d), want %d (%d)", ids, dup, first, wantDup, wantFirst)
		}
	}
}

func TestStratumName(t *testing.T) {
	for _, tc := range []struct {
		key  []string
		want string
	}{
		{nil, "all"},
		{[]string{"a/b"}, "a/b"},
		{[]string{"a/b", "c"}, `a\/b/c`},
		{[]string{"a", "b/c"}, `a/b\/c`},
		{[]string{`a\`, "b"}, `a\\/b`},
	} {
		s := Stratum{Key: tc.key}
		if got := s.Name(); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}
