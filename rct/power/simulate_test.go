package power

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// simNormal generates y = d·arm + N(0, 1).
func simNormal(d float64) func(t *SimTrial) {
	return func(t *SimTrial) {
		r := rand.New(t.Rand)
		for i, a := range t.Arm {
			t.Y[i] = d*float64(a) + r.NormFloat64()
		}
	}
}

// simStudentT analyses a trial by Student's t-test.
func simStudentT(t *SimTrial) (float64, error) {
	var x, y []float64
	for i, a := range t.Arm {
		if a == 1 {
			x = append(x, t.Y[i])
		} else {
			y = append(y, t.Y[i])
		}
	}
	r, err := stats.StudentT(x, y, 0.95, stats.TwoSided)
	return r.P, err
}

// simOLS analyses a trial by OLS of y on the arm with HC2 errors, as
// estimatr::lm_robust(y ~ treat) does.
func simOLS(t *SimTrial) (float64, error) {
	treat := make([]float64, len(t.Arm))
	for i, a := range t.Arm {
		treat[i] = float64(a)
	}
	r, err := stats.OLS(t.Y, []string{"treat"}, [][]float64{treat}, stats.OLSOptions{})
	if err != nil {
		return math.NaN(), err
	}
	return r.Coefficients[1].P, nil
}

func TestSimulationMatchesClosedForm(t *testing.T) {
	s := Simulation{Units: 128, Generate: simNormal(0.5), Analyse: simStudentT, Trials: 4000, Seed: 20240401}
	res, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	exact := TTest{}.PowerAt(0.5, 64, 64)
	if exact < res.Low || exact > res.High {
		t.Errorf("closed form %.4f outside the simulation's interval [%.4f, %.4f] (power %.4f)", exact, res.Low, res.High, res.Power)
	}
	// Under the null the rejection rate is alpha.
	s.Generate = simNormal(0)
	res, err = s.Run()
	if err != nil {
		t.Fatal(err)
	}
	if 0.05 < res.Low || 0.05 > res.High {
		t.Errorf("null: rejection rate %.4f, interval [%.4f, %.4f]", res.Power, res.Low, res.High)
	}
}

func TestSimulationReproducible(t *testing.T) {
	blocks := make([]string, 90)
	for i := range blocks {
		blocks[i] = strconv.Itoa(i % 5)
	}
	var progress []int
	s := Simulation{Units: 90, Blocks: blocks, Ratio: []int{1, 2}, Generate: simNormal(0.4), Analyse: simOLS, Trials: 300, Seed: 7,
		Progress: func(done, total int) { progress = append(progress, done) }}
	prev := runtime.GOMAXPROCS(1)
	one, err := s.Run()
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	two, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	if one.Rejections != two.Rejections || one.Power != two.Power {
		t.Errorf("GOMAXPROCS 1: %+v; %d: %+v", one, prev, two)
	}
	if len(progress) == 0 || progress[len(progress)-1] != 300 {
		t.Errorf("progress %v", progress)
	}
	// Blocked 1:2 allocation: each block of 18 gets 6 controls.
	s.Trials = 1
	s.Analyse = func(t *SimTrial) (float64, error) {
		c := map[string]int{}
		for i, a := range t.Arm {
			if a == 0 {
				c[t.Block[i]]++
			}
		}
		for _, x := range c {
			if x != 6 || len(c) != 5 {
				return 0, fmt.Errorf("controls per block %v", c)
			}
		}
		return 1, nil
	}
	if res, err := s.Run(); err != nil || res.Failed != 0 {
		t.Errorf("blocked allocation: %v %v", res.FirstError, err)
	}
}

func TestSimulationFailedTrials(t *testing.T) {
	s := Simulation{Units: 20, Generate: simNormal(0), Trials: 50, Seed: 1,
		Analyse: func(t *SimTrial) (float64, error) {
			if t.Index%10 == 3 {
				return 0, stats.ErrSingular
			}
			return 0.01, nil
		}}
	res, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 5 || res.Rejections != 45 || res.Power != 1 || !errors.Is(res.FirstError, stats.ErrSingular) {
		t.Errorf("%+v", res)
	}
	for _, bad := range []Simulation{
		{Units: 1, Trials: 5, Generate: simNormal(0), Analyse: simOLS},
		{Units: 10, Trials: 0, Generate: simNormal(0), Analyse: simOLS},
		{Units: 10, Trials: 5, Analyse: simOLS},
		{Units: 10, Trials: 5, Generate: simNormal(0), Analyse: simOLS, Blocks: []string{"a"}},
		{Units: 3, Trials: 5, Generate: simNormal(0), Analyse: simOLS, Blocks: []string{"a", "a", "b"}},
		{Units: 10, Trials: 5, Generate: simNormal(0), Analyse: simOLS, Ratio: []int{1, 0}},
	} {
		if _, err := bad.Run(); !errors.Is(err, ErrSimulation) {
			t.Errorf("%+v: error %v", bad, err)
		}
	}
}

func TestWilsonInterval(t *testing.T) {
	// R 4.2.2: prop.test(x, n, correct = FALSE)$conf.int, which is Wilson's interval.
	for _, c := range []struct {
		x, n      int
		low, high float64
	}{
		{80, 100, 0.71117083440684115, 0.86663306666896744},   // R 4.2.2: prop.test(80, 100, correct = FALSE)$conf.int
		{0, 50, 0, 0.071347599133358683},                      // R 4.2.2: prop.test(0, 50, correct = FALSE)$conf.int
		{813, 1000, 0.78765226423710544, 0.83595218495093693}, // R 4.2.2: prop.test(813, 1000, correct = FALSE)$conf.int
	} {
		lo, hi := WilsonInterval(c.x, c.n)
		if !scalar.EqualWithinAbsOrRel(lo, c.low, 1e-15, 1e-9) || !scalar.EqualWithinAbsOrRel(hi, c.high, 1e-15, 1e-9) {
			t.Errorf("%d/%d: [%.17g, %.17g], want [%.17g, %.17g]", c.x, c.n, lo, hi, c.low, c.high)
		}
	}
}

func FuzzSimulationRun(f *testing.F) {
	f.Add(20, 3, 5, uint64(1), 0.3)
	f.Add(7, 1, 2, uint64(99), 0.0)
	f.Fuzz(func(t *testing.T, units, blocks, trials int, seed uint64, d float64) {
		if units < 0 || units > 200 || trials < 0 || trials > 20 || blocks < 1 || blocks > 10 || math.IsNaN(d) {
			return
		}
		b := make([]string, units)
		for i := range b {
			b[i] = strconv.Itoa(i % blocks)
		}
		res, err := Simulation{Units: units, Blocks: b, Generate: simNormal(d), Analyse: simStudentT, Trials: trials, Seed: seed}.Run()
		if err != nil {
			return
		}
		if !(res.Power >= 0 && res.Power <= 1 && res.Low <= res.Power && res.Power <= res.High) {
			t.Fatalf("%+v", res)
		}
	})
}

// BenchmarkSimulationOLS is the contract's speed check: 1,000 simulated
// trials of 500 units, complete randomisation, analysed by OLS with HC2
// errors (R 4.2.2 with randomizr::complete_ra and estimatr::lm_robust
// takes 2.5 s).
func BenchmarkSimulationOLS(b *testing.B) {
	for _, units := range []int{100, 500, 5000} {
		b.Run(fmt.Sprintf("units=%d", units), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, err := Simulation{Units: units, Generate: simNormal(0.2), Analyse: simOLS, Trials: 1000, Seed: uint64(i)}.Run()
				if err != nil {
					b.Fatal(err)
				}
				benchSink += res.Power
			}
		})
	}
}

func TestSimulationWithRCTDesign(t *testing.T) {
	// 60 people in 3 suites, 1:1 by permuted blocks of 4 within suite.
	ids := make([]string, 60)
	suites := make([]string, 60)
	for i := range ids {
		ids[i] = fmt.Sprintf("P%03d", i)
		suites[i] = []string{"Abingdon", "Banbury", "Reading"}[i%3]
	}
	d := &rct.Design{ID: rct.Column{Name: "id", Values: ids}, Strata: []rct.Column{{Name: "suite", Values: suites}},
		Arms: []string{"control", "treatment"}}
	L, err := d.Lay()
	if err != nil {
		t.Fatal(err)
	}
	s := Simulation{Layout: L, Options: rct.Options{Method: rct.Blocks, BlockSizes: []int{4}}, Generate: simNormal(0.6),
		Analyse: simOLS, Trials: 400, Seed: 11}
	res, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	exact := TTest{}.PowerAt(0.6, 30, 30)
	if exact < res.Low-0.02 || exact > res.High+0.02 {
		t.Errorf("closed form %.3f, simulated %.3f [%.3f, %.3f]", exact, res.Power, res.Low, res.High)
	}
	// A design that cannot be randomised is an error at once.
	s.Options = rct.Options{Method: rct.Blocks, BlockSizes: []int{3}}
	if _, err := s.Run(); !errors.Is(err, ErrSimulation) {
		t.Errorf("bad block size: %v", err)
	}
}
