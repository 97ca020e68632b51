package rct_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/evalkit/evalkit/rct"
)

func ExampleRIResult_MCInterval() {
	// 49 of 999 re-randomisations as extreme as the observed allocation.
	r := rct.RIResult{P: 50.0 / 1000, Extreme: 49, Draws: 999}
	low, high := r.MCInterval()
	fmt.Printf("p = %.3f, se = %.5f, 99%% interval [%.5f, %.5f]\n", r.P, r.MCSE(), low, high)
	// R 4.2.2: binom.test(49, 999, conf.level = 0.99)$conf.int is
	// 0.03313353434 0.06941085223.
	// Output: p = 0.050, se = 0.00690, 99% interval [0.03313, 0.06941]
}

// ExampleReadDesign randomises a units file in permuted blocks, as evalkit
// randomise does, reads the design back from its manifest, and tests the
// trial's outcome by re-randomising with the design's own blocks, drawing
// until the p-value's Monte Carlo error is small.
func ExampleReadDesign() {
	var units strings.Builder
	units.WriteString("unit_id,area\n")
	for i := range 40 {
		fmt.Fprintf(&units, "%03d,%s\n", i+1, []string{"north", "south"}[i%2])
	}
	s := rct.Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"},
		Method: rct.Blocks, BlockSizes: []int{4, 6}, Seed: 20230401}
	u, _ := rct.ReadUnits(strings.NewReader(units.String()), "units.csv")
	r, _ := rct.RandomiseUnits(u, s)
	var alloc bytes.Buffer
	sum, _ := r.WriteCSV(&alloc)
	m, _ := r.Manifest(rct.ManifestOptions{Input: "units.csv", Output: "allocation.csv", OutputSHA256: sum, Created: time.Unix(0, 0)})
	manifest, _ := m.Marshal()
	files := map[string][]byte{"units.csv": []byte(units.String()), "allocation.csv": alloc.Bytes(), "allocation.csv.manifest.json": manifest}
	open := func(p string) (io.ReadCloser, error) {
		if b, ok := files[p]; ok {
			return io.NopCloser(bytes.NewReader(b)), nil
		}
		return nil, fs.ErrNotExist
	}

	d, err := rct.ReadDesign("allocation.csv.manifest.json", open)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The trial's outcome, one per unit, and a comparison of every unit.
	y := make([]float64, d.N())
	all := make([]int, d.N())
	for i := range y {
		all[i] = i
		y[i] = float64(i % 7)
		if d.Arm[i] == "treatment" {
			y[i] += 2
		}
	}
	rr, _ := d.Rerandomiser(all, "treatment", "control")
	res, _ := rct.RandomisationTest(rr, func() rct.Statistic { return rct.DiffInMeans(y, 1, 0) }, rct.RIOptions{Auto: true, Seed: 1})
	low, high := res.MCInterval()
	fmt.Println(d.Settings.Method, d.N(), "units in strata", d.Stratum[0], d.Stratum[1])
	fmt.Printf("%v; 99%% interval [%.4f, %.4f]\n", res, low, high)
	// Output:
	// blocks 40 units in strata north south
	// T = 2.15, p = 0.00649675 (sampled, 12 of 2000 allocations); 99% interval [0.0025, 0.0120]
}
