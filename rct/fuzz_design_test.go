package rct

import (
	"testing"
)

// FuzzReadDesign: a manifest, units file and allocation file from bytes
// (in memory) give a design or an error, never a panic; and so does the
// allocation file alone under the manifest's settings (readAllocation,
// which verification otherwise shields). A design read gives, for its
// first two arms, a re-randomiser whose test has a p-value in (0, 1].
func FuzzReadDesign(f *testing.F) {
	units := unitsCSVTest(12, 2)
	for _, s := range []Settings{
		{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Method: Blocks, BlockSizes: []int{2, 4}, Seed: 1},
		{ID: "unit_id", Arms: []string{"control", "treatment", "other"}, Method: Minimise, Factors: []string{"area", "risk"}, Seed: 2},
		{ID: "unit_id", Arms: []string{"control", "treatment"}, Ratio: []int{1, 2}, Cluster: "school", Method: Simple, Seed: 3},
		{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Cluster: "school", Seed: 4},
	} {
		files := allocatedFilesTest(f, units, s)
		f.Add(files[manifestNameTest], files["units.csv"], files["allocation.csv"])
	}
	f.Fuzz(func(t *testing.T, manifest, units, allocation []byte) {
		if len(manifest)+len(units)+len(allocation) > 1<<14 {
			return
		}
		files := memFilesTest{manifestNameTest: manifest, "units.csv": units, "allocation.csv": allocation}
		if d, err := ReadDesign(manifestNameTest, files.open); err == nil {
			checkDesignTest(t, d)
		}
		m, err := ParseManifest(manifest)
		if err != nil {
			return
		}
		s, err := ParseSettings(m.Flags)
		if err != nil {
			return
		}
		if d, err := readAllocation(s, allocation, "allocation.csv"); err == nil {
			checkDesignTest(t, d)
		}
	})
}

// checkDesignTest checks a design's columns and its first comparison.
func checkDesignTest(t *testing.T, d *AllocatedDesign) {
	n := d.N()
	if len(d.Arm) != n || len(d.Stratum) != n || d.Cluster != nil && len(d.Cluster) != n ||
		(d.Settings.Method == Blocks) != (d.BlockSeq != nil) {
		t.Fatalf("columns of unequal length for %d units", n)
	}
	var units []int
	for i, id := range d.ID {
		if k, ok := d.Index(id); !ok || k != i {
			t.Fatalf("Index(%q) = %d, %v, want %d", id, k, ok, i)
		}
		if d.Arm[i] == d.Settings.Arms[0] || d.Arm[i] == d.Settings.Arms[1] {
			units = append(units, i)
		}
	}
	rr, err := d.Rerandomiser(units, d.Settings.Arms[1], d.Settings.Arms[0])
	if err != nil {
		return
	}
	y := make([]float64, len(units))
	for k := range y {
		y[k] = float64(k % 7)
	}
	res, err := RandomisationTest(rr, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: 30, Seed: 1})
	if err == nil && !(res.P > 0 && res.P <= 1) {
		t.Fatalf("p = %v", res.P)
	}
}
