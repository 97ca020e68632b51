package analysis

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct"
)

const dataDesign = "../../testdata/design/" // testdata/design/README.md

func osOpen(p string) (io.ReadCloser, error) { return os.Open(p) }

// designFile analyses file by the design in manifest.
func designFile(t testing.TB, file, manifest string, cols Columns, p Plan, allowMismatch bool) (*Result, error) {
	t.Helper()
	des, err := rct.ReadDesign(manifest, osOpen)
	require.NoError(t, err)
	cols, p.Control, err = DesignColumns(des, manifest, cols, p.Control)
	require.NoError(t, err)
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	d, err := ReadCSV(f, cols)
	require.NoError(t, err)
	if d, err = d.Allocated(des, manifest, allowMismatch); err != nil {
		return nil, err
	}
	return Analyse(d, p)
}

// TestDesignEqualsFlags: an analysis by the manifest's design is the
// analysis with the design's columns given by hand, number for number.
func TestDesignEqualsFlags(t *testing.T) {
	for _, tc := range []struct {
		trial, manifest string
		cols, flags     Columns
	}{
		{"custody_blocks_trial.csv", "custody_blocks.csv.manifest.json", Columns{Outcome: "wellbeing"}, Columns{Outcome: "wellbeing", Block: "suite"}},
		{"custody_blocks_trial.csv", "custody_blocks.csv.manifest.json", Columns{Outcome: "rearrested", Covariates: []string{"prior_arrests"}},
			Columns{Outcome: "rearrested", Block: "suite", Covariates: []string{"prior_arrests"}}},
		{"school_trial.csv", "school_allocation.csv.manifest.json", Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}},
			Columns{Outcome: "attendance", Block: "town", Cluster: "school", Covariates: []string{"attendance_baseline"}}},
		{"custody_simple_trial.csv", "custody_simple.csv.manifest.json", Columns{Outcome: "wellbeing"}, Columns{Outcome: "wellbeing"}},
	} {
		byDesign, err := designFile(t, dataDesign+tc.trial, dataDesign+tc.manifest, tc.cols, Plan{}, false)
		require.NoError(t, err)
		byFlags := analyseFile(t, dataDesign+tc.trial, tc.flags, Plan{})
		require.Len(t, byDesign.Comparisons, 1)
		a, b := byDesign.Comparisons[0], byFlags.Comparisons[0]
		require.Equal(t, b.Method, a.Method, tc.trial)
		require.Equal(t, rNumbers(b), rNumbers(a), "%s %s", tc.trial, tc.cols.Outcome)
		require.Equal(t, 0, byDesign.Design.Mismatched)
		require.Equal(t, byDesign.Design.NAllocated, byDesign.Design.NInData)
	}
}

// TestDesignMismatch: a row whose arm is not the allocation's stops the
// analysis, naming the row; allowed, it is counted, warned of and analysed
// as allocated.
func TestDesignMismatch(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"custody_units.csv", "custody_blocks.csv", "custody_blocks.csv.manifest.json"} {
		copyFile(t, dataDesign+f, filepath.Join(dir, f))
	}
	trial, err := os.ReadFile(dataDesign + "custody_blocks_trial.csv")
	require.NoError(t, err)
	lines := strings.Split(string(trial), "\n")
	require.True(t, strings.HasPrefix(lines[3], "C003,") && strings.Contains(lines[3], ",navigator,"), lines[3])
	lines[3] = strings.Replace(lines[3], ",navigator,", ",control,", 1)
	lines = append(lines[:5], lines[6:]...) // C005 is not in the trial file
	bad := filepath.Join(dir, "trial.csv")
	require.NoError(t, os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644))
	manifest := filepath.Join(dir, "custody_blocks.csv.manifest.json")

	_, err = designFile(t, bad, manifest, Columns{Outcome: "wellbeing"}, Plan{}, false)
	require.ErrorIs(t, err, ErrMismatch)
	require.ErrorContains(t, err, `row 4, column "arm"`)
	require.ErrorContains(t, err, `the allocation gave id C003 arm "navigator"`)

	res, err := designFile(t, bad, manifest, Columns{Outcome: "wellbeing"}, Plan{}, true)
	require.NoError(t, err)
	require.Equal(t, Design{Manifest: manifest, ManifestSHA256: res.Design.ManifestSHA256, Method: "blocks", Block: []string{"suite"},
		NAllocated: 80, NInData: 79, Mismatched: 1, NotInData: 1}, designPublic(res.Design))
	require.Equal(t, 39, res.Arms[1].N, "C003 is analysed as allocated, in navigator; C005, allocated to navigator, is not in the file")
	require.Equal(t, 79, res.Arms[0].N+res.Arms[1].N, "C005 is not in the trial file")
	require.Contains(t, strings.Join(res.Warnings, "\n"), "arm_mismatch: the arm of 1 row differs")
	require.Contains(t, strings.Join(res.Warnings, "\n"), "not_in_data: 1 of the 80 allocated units")

	// A tampered allocation does not verify.
	alloc := filepath.Join(dir, "custody_blocks.csv")
	b, err := os.ReadFile(alloc)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(alloc, []byte(strings.Replace(string(b), "C001,Loddon,F,3,control", "C001,Loddon,F,3,navigator", 1)), 0o644))
	_, err = rct.ReadDesign(manifest, osOpen)
	require.ErrorIs(t, err, rct.ErrNotVerified)
}

// designPublic returns d's exported fields.
func designPublic(d *Design) Design {
	c := *d
	c.alloc, c.unit, c.factors = nil, nil, nil
	return c
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

func TestDesignColumnsConflict(t *testing.T) {
	manifest := dataDesign + "school_allocation.csv.manifest.json"
	des, err := rct.ReadDesign(manifest, osOpen)
	require.NoError(t, err)
	c, control, err := DesignColumns(des, manifest, Columns{Outcome: "attendance", Block: " town", Cluster: "school"}, "control")
	require.NoError(t, err, "the block given as randomise reads it, spaces trimmed")
	require.Equal(t, Columns{Outcome: "attendance", Arm: "arm", ID: "pupil_id"}, c)
	require.Equal(t, "control", control)
	for _, tc := range []struct {
		cols    Columns
		control string
		msg     string
	}{
		{Columns{Block: "school"}, "", `block "school" contradicts the design in ` + manifest + `, whose block is "town"`},
		{Columns{Cluster: "town"}, "", `cluster "town" contradicts`},
		{Columns{Arm: "group"}, "", `arm column "group" contradicts`},
		{Columns{}, "treatment", `control "treatment" contradicts the design in ` + manifest + `, whose control is "control"`},
		{Columns{ID: "school"}, "", `id column "school" contradicts`},
	} {
		_, _, err := DesignColumns(des, manifest, tc.cols, tc.control)
		require.ErrorContains(t, err, tc.msg)
	}
}

// TestDesignRIBlocksByHand checks randomisation inference by a
// permuted-block design against an enumeration written out here: every
// arrangement of each recorded block's arms, blocks independent, the
// difference in means of each, and the share at least as extreme as the
// observed one.
func TestDesignRIBlocksByHand(t *testing.T) {
	dir := t.TempDir()
	var units strings.Builder
	units.WriteString("id,site\n")
	for i := range 11 {
		fmt.Fprintf(&units, "u%02d,%s\n", i, []string{"north", "south"}[i%2])
	}
	s := rct.Settings{ID: "id", Arms: []string{"control", "treatment"}, Block: []string{"site"}, Method: rct.Blocks, BlockSizes: []int{2, 4}, Seed: 11}
	out, manifest := writeAllocation(t, dir, units.String(), s)
	// The trial: the allocation with an outcome.
	alloc, err := os.ReadFile(out)
	require.NoError(t, err)
	rows := strings.Split(strings.TrimSpace(string(alloc)), "\n")
	var trial strings.Builder
	trial.WriteString(rows[0] + ",y\n")
	type unit struct {
		stratum, block string
		treat          bool
		y              float64
	}
	var us []unit
	for i, row := range rows[1:] {
		f := strings.Split(row, ",") // id,site,arm,block_seq,block_size
		y := float64(i*i%7) + 0.5*float64(i)
		if f[2] == "treatment" {
			y += 2
		}
		fmt.Fprintf(&trial, "%s,%s\n", row, strconv.FormatFloat(y, 'g', -1, 64))
		us = append(us, unit{f[1], f[1] + "/" + f[3], f[2] == "treatment", y})
	}
	trialPath := filepath.Join(dir, "trial.csv")
	require.NoError(t, os.WriteFile(trialPath, []byte(trial.String()), 0o644))
	res, err := designFile(t, trialPath, manifest, Columns{Outcome: "y"}, Plan{Permutations: 100000, Seed: 1}, false)
	require.NoError(t, err)
	c := res.Comparisons[0]
	require.Equal(t, OLSHC2, c.Method, "blocked: lm_robust(y ~ treat + factor(site))")

	// By hand: each block's positions, and every way of choosing which of
	// them are treated with the block's observed count. The statistic is
	// the least-squares coefficient of treat with stratum fixed effects,
	// the strata's differences in means weighted by n_s p_s (1 - p_s), p_s
	// the stratum's treated share (which every allocation keeps).
	blocks := map[string][]int{}
	var order []string
	for i, x := range us {
		if blocks[x.block] == nil {
			order = append(order, x.block)
		}
		blocks[x.block] = append(blocks[x.block], i)
	}
	diff := func(treat []bool) float64 {
		var num, den float64
		for _, stratum := range []string{"north", "south"} {
			var st, sc, nt, nc float64
			for i, x := range us {
				switch {
				case x.stratum != stratum:
				case treat[i]:
					st, nt = st+x.y, nt+1
				default:
					sc, nc = sc+x.y, nc+1
				}
			}
			w := nt * nc / (nt + nc) // n p (1 - p)
			num += w * (st/nt - sc/nc)
			den += w
		}
		return num / den
	}
	obs := make([]bool, len(us))
	for i, x := range us {
		obs[i] = x.treat
	}
	tObs := math.Abs(diff(obs))
	var extreme, total int
	treat := make([]bool, len(us))
	var walk func(b int)
	walk = func(b int) {
		if b == len(order) {
			total++
			if math.Abs(diff(treat)) >= tObs*(1-1e-9) {
				extreme++
			}
			return
		}
		pos := blocks[order[b]]
		k := 0
		for _, i := range pos {
			if us[i].treat {
				k++
			}
		}
		for mask := 0; mask < 1<<len(pos); mask++ {
			if popcount(mask) != k {
				continue
			}
			for j, i := range pos {
				treat[i] = mask>>j&1 == 1
			}
			walk(b + 1)
		}
	}
	walk(0)
	require.Greater(t, len(order), 2, "several recorded blocks")
	require.True(t, *c.RIExact)
	require.Equal(t, total, *c.RIDraws)
	require.Equal(t, float64(extreme)/float64(total), c.RIPValue)
	require.InEpsilon(t, diff(obs), c.Estimate, 1e-12, "the hand statistic is the estimate")
	require.True(t, math.IsNaN(c.RIMCSE) && math.IsNaN(c.RICILow) && math.IsNaN(c.RICIHigh), "no Monte Carlo error when exact")
	require.Contains(t, res.Describe(c), "by its own method (blocks, as its manifest records) over all")
}

// writeAllocation randomises the units (CSV text) with s into dir, as
// evalkit randomise does, and returns the allocation's and the manifest's
// paths.
func writeAllocation(t *testing.T, dir, units string, s rct.Settings) (out, manifest string) {
	t.Helper()
	unitsPath := filepath.Join(dir, "units.csv")
	require.NoError(t, os.WriteFile(unitsPath, []byte(units), 0o644))
	u, err := rct.ReadUnits(strings.NewReader(units), "units.csv")
	require.NoError(t, err)
	r, err := rct.RandomiseUnits(u, s)
	require.NoError(t, err)
	out = filepath.Join(dir, "allocation.csv")
	f, err := os.Create(out)
	require.NoError(t, err)
	sha, err := r.WriteCSV(f)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	m, err := r.Manifest(rct.ManifestOptions{Input: unitsPath, Output: out, OutputSHA256: sha})
	require.NoError(t, err)
	mb, err := m.Marshal()
	require.NoError(t, err)
	manifest = rct.ManifestPath(out)
	require.NoError(t, os.WriteFile(manifest, mb, 0o644))
	return out, manifest
}

// TestDesignStratumCalledNA: an allocation's stratum or cluster called na
// or - is a stratum like any other (randomise allocates it: only the
// contract's missing values, NA among them, it refuses), not a missing
// value; and the comparison's sentence names the plan's adjustment.
func TestDesignStratumCalledNA(t *testing.T) {
	dir := t.TempDir()
	var units strings.Builder
	units.WriteString("id,site,school\n")
	for i := range 36 {
		school := []string{"na", "-"}[min(i%12, 1)]
		if i%12 > 1 {
			school = fmt.Sprintf("s%d", i%12)
		}
		fmt.Fprintf(&units, "u%02d,%s,%s\n", i, []string{"na", "north", "south"}[i%3], school)
	}
	s := rct.Settings{ID: "id", Arms: []string{"control", "a", "b"}, Block: []string{"site"}, Cluster: "school", Seed: 3}
	out, manifest := writeAllocation(t, dir, units.String(), s)
	alloc, err := os.ReadFile(out)
	require.NoError(t, err)
	var trial strings.Builder
	for i, row := range strings.Split(strings.TrimSpace(string(alloc)), "\n") {
		if i == 0 {
			fmt.Fprintf(&trial, "%s,y\n", row)
			continue
		}
		fmt.Fprintf(&trial, "%s,%d\n", row, i%5)
	}
	trialPath := filepath.Join(dir, "trial.csv")
	require.NoError(t, os.WriteFile(trialPath, []byte(trial.String()), 0o644))
	res, err := designFile(t, trialPath, manifest, Columns{Outcome: "y"}, Plan{Adjust: BH}, false)
	require.NoError(t, err)
	n := 0
	for _, a := range res.Arms {
		require.Zero(t, a.NMissing, a.Arm)
		n += a.N
	}
	require.Equal(t, 36, n, "every row, the strata and clusters called na and - included")
	require.Equal(t, OLSCR2, res.Comparisons[0].Method)
	require.Contains(t, res.Describe(res.Comparisons[0]), "p-values are BH-adjusted over the 2 comparisons")
}

func popcount(x int) int {
	n := 0
	for ; x > 0; x &= x - 1 {
		n++
	}
	return n
}

// TestDesignRIMonteCarloError: sampled randomisation inference by the
// manifest's method reports its Monte Carlo error, ri_mc_se =
// sqrt(p(1 - p)/B), and the 99% Clopper-Pearson interval of x = 114 of
// B = 2000 as binom.test(114, 2000, conf.level = 0.99)$conf.int gives it
// (R 4.2.2): 0.044465512483025174, 0.0716925731967194.
func TestDesignRIMonteCarloError(t *testing.T) {
	res, err := designFile(t, dataDesign+"custody_blocks_trial.csv", dataDesign+"custody_blocks.csv.manifest.json",
		Columns{Outcome: "wellbeing"}, Plan{Permutations: 2000, Seed: 1}, false)
	require.NoError(t, err)
	c := res.Comparisons[0]
	require.False(t, *c.RIExact)
	require.Equal(t, 2000, *c.RIDraws)
	require.Equal(t, 115.0/2001, c.RIPValue, "x = 114 extreme draws")
	p := c.RIPValue
	require.InEpsilon(t, math.Sqrt(p*(1-p)/2000), c.RIMCSE, 1e-15)
	require.InEpsilon(t, 0.044465512483025174, c.RICILow, 1e-9)
	require.InEpsilon(t, 0.0716925731967194, c.RICIHigh, 1e-9)
	require.Contains(t, strings.Join(c.Notes, "\n"), "re-randomised by the design's method, blocks")
}

// TestDesignRIReproducibleOnAnyCores: the same seed gives the same
// randomisation inference on one core and on two, for each method's
// re-randomisation, auto included.
func TestDesignRIReproducibleOnAnyCores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, m := range []string{"blocks", "minimise", "simple"} {
		plan := Plan{Permutations: 600, Seed: 5}
		if m == "blocks" {
			plan = Plan{AutoPermutations: true, Seed: 5}
		}
		var got []Comparison
		for _, procs := range []int{1, 2} {
			runtime.GOMAXPROCS(procs)
			res, err := designFile(t, dataDesign+"custody_"+m+"_trial.csv", dataDesign+"custody_"+m+".csv.manifest.json",
				Columns{Outcome: "wellbeing"}, plan, false)
			require.NoError(t, err)
			got = append(got, res.Comparisons[0])
		}
		require.Equal(t, got[0].RIPValue, got[1].RIPValue, m)
		require.Equal(t, *got[0].RIDraws, *got[1].RIDraws, m)
		require.False(t, *got[0].RIExact, m)
	}
}
