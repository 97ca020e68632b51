package rct

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// FuzzRandomise builds a design from text (one unit per line:
// "id,stratum,cluster,factor") and settings, and checks that randomising
// it never panics and gives a sane allocation: every unit an arm, counts
// that add up, clusters whole, exact counts under Complete.
func FuzzRandomise(f *testing.F) {
	f.Add("a,x,c1,lo\nb,x,c1,hi\nc,y,c2,lo\nd,y,c3,hi", uint64(1), uint8(0), uint8(2), uint8(1), false)
	f.Add("a,x,,lo\nb,x,,lo\nb,y,,hi", uint64(2), uint8(1), uint8(3), uint8(2), false)
	f.Add("1,,c,\n2,s,c,\n3,s,d,x", uint64(3), uint8(2), uint8(2), uint8(3), true)
	f.Add("u1,s,c,f\nu2,s,c,g\nu3,s,d,f\nu4,s,d,g\nu5,s,e,f", uint64(4), uint8(3), uint8(2), uint8(0), false)
	f.Fuzz(func(t *testing.T, text string, seed uint64, method, arms, ratioSeed uint8, cluster bool) {
		lines := strings.Split(text, "\n")
		if len(lines) > 200 {
			return
		}
		k := int(arms%4) + 1
		d := &Design{ID: Column{Name: "id"}}
		st, cl, fa := Column{Name: "s"}, Column{Name: "c"}, Column{Name: "f"}
		for _, l := range lines {
			p := strings.SplitN(l, ",", 4)
			for len(p) < 4 {
				p = append(p, "")
			}
			d.ID.Values = append(d.ID.Values, p[0])
			st.Values = append(st.Values, p[1])
			cl.Values = append(cl.Values, p[2])
			fa.Values = append(fa.Values, p[3])
		}
		d.Strata = []Column{st}
		if cluster {
			d.Cluster = cl
		}
		for j := 0; j < k; j++ {
			d.Arms = append(d.Arms, string(rune('A'+j)))
			d.Ratio = append(d.Ratio, int(ratioSeed>>j)%3+1)
		}
		W := 0
		for _, w := range d.Ratio {
			W += w
		}
		opt := Options{Method: Method(method % 5), BlockSizes: []int{W, 2 * W}, Factors: []Column{fa}}
		a, err := Randomise(d, opt, seed)
		if err != nil {
			var ue *UnitError
			var se *StratumError
			if !errors.As(err, &ue) && !errors.As(err, &se) && !errors.Is(err, ErrDesign) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		if len(a.Arm) != len(lines) {
			t.Fatalf("%d arms for %d units", len(a.Arm), len(lines))
		}
		total := 0
		for _, c := range a.Counts {
			total += c
		}
		if total != len(lines) {
			t.Fatalf("counts %v for %d units", a.Counts, len(lines))
		}
		if cluster {
			armOf := map[string]int{}
			for i, c := range cl.Values {
				if x, ok := armOf[c]; ok && x != a.Arm[i] {
					t.Fatalf("cluster %q split", c)
				}
				armOf[c] = a.Arm[i]
			}
		}
		if opt.Method == Complete && !cluster {
			for _, s := range a.Strata {
				for j, c := range s.Counts {
					if fl := s.N * d.Ratio[j] / W; c != fl && c != fl+1 {
						t.Fatalf("stratum %s: counts %v", s.Stratum, s.Counts)
					}
				}
			}
		}
	})
}

// FuzzSortIDs checks the radix sort, the per-stratum sort and the
// duplicate search against the standard library's sort.
func FuzzSortIDs(f *testing.F) {
	f.Add("b\na\nab\na\x00\n\n")
	f.Add("p00000001\np00000010\np00000001")
	f.Fuzz(func(t *testing.T, text string) {
		ids := strings.Split(text, "\n")
		got, dup, first := sortIDs(ids)
		want := make([]int, len(ids))
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(p, q int) int { return strings.Compare(ids[p], ids[q]) })
		if !slices.Equal(got, want) {
			t.Fatalf("order %v, want %v", got, want)
		}
		if dup >= 0 && (ids[dup] != ids[first] || first >= dup) {
			t.Fatalf("dup %d first %d", dup, first)
		}
		if d, f := firstDuplicate(ids); d != dup || f != first {
			t.Fatalf("firstDuplicate %d (first %d), sortIDs %d (%d)", d, f, dup, first)
		}
		if dup < 0 {
			idx := make([]int, len(ids))
			for i := range idx {
				idx[i] = i
			}
			sortGroupsByID(idx, idKeys(ids), func(i int) string { return ids[i] }, nil)
			if !slices.Equal(idx, want) {
				t.Fatalf("sortGroupsByID %v, want %v", idx, want)
			}
		}
	})
}

// FuzzParseManifest: any bytes give a manifest or an error, never a panic.
func FuzzParseManifest(f *testing.F) {
	m := &Manifest{Version: "0.1.0", Method: "complete", Flags: map[string]string{"a": "b"},
		Input: ManifestFile{SHA256: "x"}, Output: ManifestFile{SHA256: "y"}}
	data, _ := m.Marshal()
	f.Add(data)
	f.Add([]byte(`{"seed": -1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if m, err := ParseManifest(data); err == nil && (m.Method == "" || m.Flags == nil) {
			t.Fatal("accepted a manifest without method or flags")
		}
	})
}

// FuzzParseMethod: every accepted name round-trips.
func FuzzParseMethod(f *testing.F) {
	for _, s := range []string{"complete", "minimize", "coin", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMethod(s)
		if err == nil && m.String() != s && s != "minimize" {
			t.Fatalf("%q parsed as %v", s, m)
		}
	})
}

// FuzzRandomisationTest: designs from bytes (arm, block, cluster per unit)
// give a p-value in (0, 1] or an error, never a panic.
func FuzzRandomisationTest(f *testing.F) {
	f.Add([]byte{0, 1, 0, 1, 1, 0, 2, 3}, uint64(1), uint16(50))
	f.Add([]byte{1, 1, 1, 0, 0, 0}, uint64(2), uint16(3))
	f.Fuzz(func(t *testing.T, b []byte, seed uint64, draws uint16) {
		if len(b) > 60 || draws == 0 {
			return
		}
		assign := make([]int, len(b))
		blocks := make([]string, len(b))
		clusters := make([]string, len(b))
		y := make([]float64, len(b))
		for i, x := range b {
			assign[i] = int(x & 1)
			blocks[i] = string(rune('a' + (x>>1)&1))
			clusters[i] = string(rune('a'+(x>>1)&1)) + string(rune('0'+(x>>2)&7))
			y[i] = float64(x >> 5)
		}
		p, err := NewPermutations(assign, blocks, clusters)
		if err != nil {
			return
		}
		res, err := RandomisationTest(p, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: int(draws%500) + 1, Seed: seed})
		if err != nil {
			return
		}
		if !(res.P > 0 && res.P <= 1) {
			t.Fatalf("p = %v", res.P)
		}
	})
}
