// Command power plans a hotspot-policing trial the way a head of research
// would in Go: it reads last year's hotspot data, estimates the mean and
// the negative-binomial dispersion of violent crimes per hotspot, and asks
// what power a new trial of the same hotspots, randomised 1:1 within areas,
// has to detect a 25% fall in crime, two ways: the closed-form Wald
// formula of rct/power (Counts), and by simulating the trial a thousand
// times, with blocked randomisation and a negative-binomial regression with
// area effects (stats.NegBin, as MASS::glm.nb) as the analysis.
//
//	go run ./examples/power -in examples/hotspots.csv
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strconv"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/evalkit/evalkit/rct/power"
	"github.com/evalkit/evalkit/stats"
)

func main() {
	in := flag.String("in", "examples/hotspots.csv", "hotspot data: area and crimes_before columns")
	rr := flag.Float64("rate-ratio", 0.75, "rate ratio to detect")
	trials := flag.Int("trials", 1000, "simulated trials")
	seed := flag.Uint64("seed", 20230401, "seed of the simulation")
	flag.Parse()
	var progress func(done, total int)
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		progress = func(done, total int) { fmt.Fprintf(os.Stderr, "\rsimulating: %d/%d", done, total) }
	}
	p, err := planHotspotTrial(*in, *rr, *trials, *seed, progress)
	if progress != nil {
		fmt.Fprint(os.Stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "power:", err)
		os.Exit(1)
	}
	p.print(os.Stdout)
}

// hotspotPlan compares the closed form with simulation for one trial.
type hotspotPlan struct {
	hotspots, areas  int
	mean, dispersion float64
	rateRatio        float64
	closed           power.CountsResult
	solvedN          power.CountsResult
	sim              power.SimResult
}

// planHotspotTrial reads the hotspots, estimates their crime counts'
// distribution and computes the trial's power both ways.
func planHotspotTrial(path string, rr float64, trials int, seed uint64, progress func(done, total int)) (hotspotPlan, error) {
	areaNames, crimes, err := readHotspots(path)
	if err != nil {
		return hotspotPlan{}, err
	}
	// Areas are the blocks.
	areas := map[string]bool{}
	for _, a := range areaNames {
		areas[a] = true
	}
	// Method of moments: Var = μ + μ²/k.
	mu, v := stat.MeanVariance(crimes, nil)
	if v <= mu {
		return hotspotPlan{}, fmt.Errorf("%s: crimes_before shows no overdispersion (mean %.3g, variance %.3g)", path, mu, v)
	}
	k := mu * mu / (v - mu)
	p := hotspotPlan{hotspots: len(crimes), areas: len(areas), mean: mu, dispersion: k, rateRatio: rr}

	n := float64(len(crimes)) / 2
	p.closed, err = power.Counts{MeanControl: mu, Dispersion: k, RateRatio: rr, NControl: n, NTreatment: n}.Solve()
	if err != nil {
		return p, err
	}
	p.solvedN, err = power.Counts{MeanControl: mu, Dispersion: k, RateRatio: rr, Power: 0.8}.Solve()
	if err != nil {
		return p, err
	}

	sim := power.Simulation{
		Units:  len(crimes),
		Blocks: areaNames,
		Generate: func(t *power.SimTrial) {
			// Negative binomial as a gamma mixture of Poissons.
			src := rand.New(t.Rand)
			for i, arm := range t.Arm {
				m := mu
				if arm == 1 {
					m *= rr
				}
				lambda := distuv.Gamma{Alpha: k, Beta: k / m, Src: src}.Rand()
				t.Y[i] = distuv.Poisson{Lambda: lambda, Src: src}.Rand()
			}
		},
		Analyse: func(t *power.SimTrial) (float64, error) {
			treat := make([]float64, len(t.Arm))
			for i, arm := range t.Arm {
				treat[i] = float64(arm)
			}
			fit, err := stats.NegBin(t.Y, []string{"treat"}, [][]float64{treat}, stats.GLMOptions{Block: t.Block})
			if err != nil {
				return 0, err
			}
			return fit.Coefficients[1].P, nil
		},
		Trials:   trials,
		Seed:     seed,
		Progress: progress,
	}
	p.sim, err = sim.Run()
	return p, err
}

func (p hotspotPlan) print(w io.Writer) {
	fmt.Fprintf(w, "Hotspots: %d in %d areas; crimes per hotspot over 26 weeks: mean %.3f, negative-binomial size k = %.3f\n",
		p.hotspots, p.areas, p.mean, p.dispersion)
	fmt.Fprintf(w, "Trial: 1:1 within areas, detect a rate ratio of %g (a %.0f%% fall), two-sided alpha = 0.05\n\n", p.rateRatio, 100*(1-p.rateRatio))
	fmt.Fprintf(w, "  closed form (Wald on log RR):   power %.3f\n", p.closed.Power)
	fmt.Fprintf(w, "  simulation (glm.nb with areas): power %.3f, 95%% interval [%.3f, %.3f], %d trials, %d fits failed\n",
		p.sim.Power, p.sim.Low, p.sim.High, p.sim.Trials, p.sim.Failed)
	fmt.Fprintf(w, "\nFor 80%% power the closed form needs %g hotspots per arm (%.1f exactly).\n", p.solvedN.NControl, p.solvedN.NControlExact)
}

// readHotspots reads the area and crimes_before columns of the hotspot
// file with encoding/csv: every field is read as text and only the two
// columns in use are converted, with errors naming the row (the header
// being row 1) and the column.
func readHotspots(path string) (areas []string, crimes []float64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 2 {
		return nil, nil, fmt.Errorf("%s: no hotspots", path)
	}
	col := map[string]int{}
	for j, name := range rows[0] {
		col[name] = j
	}
	ia, okA := col["area"]
	ic, okC := col["crimes_before"]
	if !okA || !okC {
		return nil, nil, fmt.Errorf("%s: the columns area and crimes_before are needed", path)
	}
	for i, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[ic], 64)
		if err != nil || v < 0 || math.IsInf(v, 0) || v != math.Trunc(v) {
			return nil, nil, fmt.Errorf("%s: row %d, column crimes_before: %q is not a count of crimes", path, i+2, r[ic])
		}
		areas = append(areas, r[ia])
		crimes = append(crimes, v)
	}
	return areas, crimes, nil
}
