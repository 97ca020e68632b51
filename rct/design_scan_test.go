package rct

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// scanAgrees checks that a scan of the design of settings s (block and
// cluster columns of u) finds what CheckMissing and a layout that reads
// the columns a cell at a time find: the same missing value, the same
// error, the same layout.
func scanAgrees(t *testing.T, u *Units, s Settings) {
	t.Helper()
	d, _, err := u.design(s, true)
	if err != nil {
		return
	}
	sc := u.scanDesign(d)
	if got, want := fmt.Sprint(sc.missing), fmt.Sprint(u.CheckMissing(d)); got != want {
		t.Fatalf("%v: scan's missing value %s, CheckMissing's %s", s, got, want)
	}
	if sc.missing != nil {
		return
	}
	for _, inputOrder := range []bool{false, true} {
		got, gerr := d.layScanned(false, inputOrder, u.scanDesign(d)) // a layout takes its scan's slices
		want, werr := d.layScanned(false, inputOrder, nil)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Fatalf("%v: scanned, %v; by cells, %v", s, gerr, werr)
		}
		if werr == nil {
			// spare is scratch that Randomise takes for the arms: the ids'
			// keys, or their numbers (digitKeys).
			got.spare, want.spare = nil, nil
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%v: scanned layout\n%+v\nby cells\n%+v", s, got, want)
		}
	}
}

// scanUnits returns a units file of n rows whose strata (a, b) and
// clusters (c) are drawn from a few values each. The ids increase (seed 0
// modulo 5), are distinct in another order (1), are drawn with
// duplicates (2), are decimal numbers of seven digits, distinct (3), or
// of six, with duplicates (4); with an odd seed, a few ids and values are
// empty, missing (NA), quoted or longer.
func scanUnits(t *testing.T, n int, seed uint64) *Units {
	t.Helper()
	r := NewRand(seed)
	odd := []string{"NA", "", " null ", "\"q,r\"", "abcdefghi", "a\x00", "#N/A"}
	vals := []string{"n", "s", "e"}
	rare := func(v string) string {
		if seed%2 == 1 && r.Intn(max(1, n/2)) == 0 {
			return odd[r.Intn(len(odd))]
		}
		return v
	}
	var b strings.Builder
	b.WriteString("unit_id,a,b,c\n")
	for i := range n {
		var id string
		switch seed % 5 {
		case 0:
			id = fmt.Sprintf("u%07d", i)
		case 1:
			id = fmt.Sprint((i * 7919) % n)
		case 2:
			id = fmt.Sprint(r.Intn(4 * n))
		case 3: // digits, of one length, distinct
			id = fmt.Sprintf("%07d", (i*7919)%n)
		case 4: // digits, of one length, some the same
			id = fmt.Sprintf("%06d", r.Intn(4*n))
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s\n", rare(id), rare(vals[r.Intn(3)]), rare(vals[r.Intn(2)]), rare(vals[r.Intn(2)]))
	}
	u, err := ReadUnits(strings.NewReader(b.String()), "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestScanDesign: the scan agrees with the column-at-a-time reading for
// files small and large (read in halves, ids checked in two sets), with
// no strata, one, two, a cluster.
func TestScanDesign(t *testing.T) {
	designs := []Settings{
		{},
		{Block: []string{"a"}},
		{Block: []string{"b", "a"}},
		{Block: []string{"a"}, Cluster: "c"},
		{Cluster: "unit_id", Block: []string{"a", "a"}},
	}
	for _, n := range []int{1, 5, 40, 20_000, 70_000} {
		for seed := range uint64(10) {
			u := scanUnits(t, n, seed)
			for _, s := range designs {
				s.ID, s.Arms = "unit_id", []string{"control", "treatment"}
				scanAgrees(t, u, s)
			}
		}
	}
}

// FuzzScanDesign: the scan of any units file agrees with the
// column-at-a-time reading.
func FuzzScanDesign(f *testing.F) {
	f.Add("unit_id,a,b\n1,n,x\n2,,y\n3,NA,x\n", "a,b", "")
	f.Add("unit_id,a,b\n1,n,x\n1,n,y\n\"3\",s,x\n", "b", "a")
	f.Fuzz(func(t *testing.T, text, block, cluster string) {
		if len(text) > 1<<16 {
			return
		}
		u, err := ReadUnits(strings.NewReader(text), "u.csv")
		if err != nil {
			return
		}
		scanAgrees(t, u, Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: splitList(block), Cluster: cluster})
	})
}

// cutByStratum lists each stratum's indices in increasing order, for
// short slices and for long ones (cut in two halves).
func TestCutByStratum(t *testing.T) {
	r := NewRand(9)
	for _, n := range []int{0, 1, 100, 1<<16 + 3} {
		for _, nStrata := range []int{1, 3, 1000} {
			stratum := make([]int32, n)
			want := make([][]int, nStrata)
			for x := range stratum {
				stratum[x] = int32(r.Intn(nStrata))
				want[stratum[x]] = append(want[stratum[x]], x)
			}
			got := cutByStratum(stratum, nStrata)
			for s := range want {
				if !slices.Equal(got[s], want[s]) {
					t.Fatalf("n %d, %d strata: stratum %d holds %v, want %v", n, nStrata, s, got[s], want[s])
				}
			}
		}
	}
}
