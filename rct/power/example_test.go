package power_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/evalkit/evalkit/rct/power"
	"github.com/evalkit/evalkit/stats"
)

// Pupils per arm to detect d = 0.3 with 80% power, losing 10% to follow-up.
func ExampleTTest_Solve() {
	res, err := power.TTest{Effect: 0.3, Power: 0.8, Attrition: 0.1}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("exact %.4f per arm analysed; recruit %g + %g\n", res.NControlExact, res.NControl, res.NTreatment)
	// Output:
	// exact 175.3847 per arm analysed; recruit 195 + 195
}

func ExampleTTest_PowerAt() {
	fmt.Printf("%.4f\n", power.TTest{}.PowerAt(0.5, 64, 64))
	// Output:
	// 0.8015
}

// Re-offending falls from 30% to 22%: people per arm for 90% power.
func ExampleProp_Solve() {
	res, err := power.Prop{PControl: 0.3, PTreatment: 0.22, Power: 0.9}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("h = %.4f, n = %g per arm\n", res.H, res.NControl)
	// Output:
	// h = -0.1829, n = 629 per arm
}

func ExampleProp_PowerAt() {
	p := power.Prop{Method: power.Pooled, PControl: 0.3}
	fmt.Printf("%.4f\n", p.PowerAt(0.2, 300, 300))
	// Output:
	// 0.8090
}

func ExampleCohenH() {
	fmt.Printf("%.4f\n", power.CohenH(0.3, 0.2))
	// Output:
	// -0.2320
}

// Schools of 60 pupils, ICC 0.15: schools needed for an effect of 0.25.
func ExampleCluster_Solve() {
	res, err := power.Cluster{ICC: 0.15, ClusterSize: 60, R2Cluster: 0.5, Effect: 0.25, Power: 0.8}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("J = %g (%g treated), df = %g, design effect %.2f\n", res.Clusters, res.ClustersTreatment, res.DF, res.DesignEffect)
	// Output:
	// J = 48 (24 treated), df = 46, design effect 9.85
}

func ExampleCluster_MDESAt() {
	fmt.Printf("%.4f\n", power.Cluster{ICC: 0.2, ClusterSize: 4}.MDESAt(20, 0.8))
	// Output:
	// 0.8381
}

func ExampleCluster_PowerAt() {
	fmt.Printf("%.4f\n", power.Cluster{ICC: 0.2, ClusterSize: 4}.PowerAt(20, 0.5))
	// Output:
	// 0.3874
}

func ExampleCluster_SE() {
	fmt.Printf("%.4f\n", power.Cluster{ICC: 0.2, ClusterSize: 4}.SE(20))
	// Output:
	// 0.2828
}

// Hotspots: 2.5 crimes per hotspot over the follow-up, negative binomial
// with size 1.5; the reduction detectable with 120 hotspots per arm.
func ExampleCounts_Solve() {
	res, err := power.Counts{MeanControl: 2.5, Dispersion: 1.5, NControl: 120, NTreatment: 120, Power: 0.8, Reduction: true}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("rate ratio %.4f\n", res.RateRatio)
	// Output:
	// rate ratio 0.6771
}

func ExampleCounts_PowerAt() {
	c := power.Counts{MeanControl: 2.5, Dispersion: 1.5, Alternative: stats.Less}
	fmt.Printf("%.4f\n", c.PowerAt(0.75, 150, 150))
	// Output:
	// 0.7566
}

// The sample size per arm against the effect, for a plot.
func ExampleCurve() {
	pts, err := power.Curve(4, 0.2, 0.5, func(d float64) (float64, error) {
		res, err := power.TTest{Effect: d, Power: 0.8}.Solve()
		return res.NControlExact, err
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pts {
		fmt.Printf("d = %.1f: n = %.2f\n", p.X, p.Y)
	}
	// Output:
	// d = 0.2: n = 393.41
	// d = 0.3: n = 175.38
	// d = 0.4: n = 99.08
	// d = 0.5: n = 63.77
}

// Power by simulation for a trial of 128 people, 1:1, a normal outcome
// with d = 0.5 analysed by Student's t-test, against the closed form.
func ExampleSimulation_Run() {
	sim := power.Simulation{
		Units: 128,
		Generate: func(t *power.SimTrial) {
			r := rand.New(t.Rand)
			for i, arm := range t.Arm {
				t.Y[i] = 0.5*float64(arm) + r.NormFloat64()
			}
		},
		Analyse: func(t *power.SimTrial) (float64, error) {
			var x, y []float64
			for i, arm := range t.Arm {
				if arm == 1 {
					x = append(x, t.Y[i])
				} else {
					y = append(y, t.Y[i])
				}
			}
			res, err := stats.StudentT(x, y, 0.95, stats.TwoSided)
			return res.P, err
		},
		Trials: 2000,
		Seed:   20230401,
	}
	res, err := sim.Run()
	if err != nil {
		fmt.Println(err)
		return
	}
	exact := power.TTest{}.PowerAt(0.5, 64, 64)
	fmt.Printf("closed form %.3f; simulated %.3f, 95%% interval [%.3f, %.3f]\n", exact, res.Power, res.Low, res.High)
	fmt.Println("closed form inside the interval:", res.Low <= exact && exact <= res.High)
	// Output:
	// closed form 0.801; simulated 0.793, 95% interval [0.775, 0.811]
	// closed form inside the interval: true
}

func ExampleWilsonInterval() {
	lo, hi := power.WilsonInterval(813, 1000)
	fmt.Printf("[%.4f, %.4f]\n", lo, hi)
	// Output:
	// [0.7877, 0.8360]
}
