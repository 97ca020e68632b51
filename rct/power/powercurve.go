package power

import "math"

// PowerCurve is a solved design's power against its sample size, the data
// of evalkit power --plot: Power at each X from the smallest size the test
// allows to twice the solved one (at least 10 more), with a Title and an
// XLabel that say what is drawn, the power of the design as Target and its
// size as Mark. Its fields are those of report.PowerCurve, so that a
// conversion draws it.
type PowerCurve struct {
	// Title describes the design, such as "Two-sample t-test, d = 0.3,
	// two-sided".
	Title string
	// XLabel names the x axis, such as "units recruited to control".
	XLabel string
	// X and Power are the points of the curve, in increasing X; sizes that
	// leave too few units after attrition for the test are left out.
	X, Power []float64
	// Target is the design's power.
	Target float64
	// Mark is the design's size.
	Mark float64
	// TargetLabel and MarkLabel are the legends of Target and Mark, which
	// say whether each was given or solved for, such as "power 0.8
	// (given)" and "176 units recruited to control (solved)".
	TargetLabel, MarkLabel string
}

// CurvePoints is the number of sizes a PowerCurve evaluates.
const CurvePoints = 200

// newPowerCurve evaluates f at CurvePoints sizes from lo to
// max(2·mark, lo + 10), leaving out the NaN ones.
//
// The title says what was given and what was solved for.
func newPowerCurve(title string, solved Unknown, xlabel string, lo, mark, target float64, f func(x float64) float64) PowerCurve {
	given := map[bool]string{true: "solved", false: "given"}
	c := PowerCurve{Title: title + "\n" + curveSolved(solved, target), XLabel: xlabel, Target: target, Mark: mark,
		TargetLabel: "power " + num(target) + " (" + given[solved == SolvedPower] + ")",
		MarkLabel:   num(mark) + " " + xlabel + " (" + given[solved == SolvedN] + ")"}
	hi := math.Max(2*mark, lo+10)
	pts, _ := Curve(CurvePoints, lo, hi, func(x float64) (float64, error) { return f(x), nil }) // f has no errors
	for _, p := range pts {
		if !math.IsNaN(p.Y) {
			c.X = append(c.X, p.X)
			c.Power = append(c.Power, p.Y)
		}
	}
	return c
}

// PowerCurve returns the power against the units recruited to control,
// with NTreatment/NControl treated per control unit.
func (r TTestResult) PowerCurve() PowerCurve {
	k, a := r.NTreatment/r.NControl, r.Attrition
	title := "Two-sample t-test, d = " + num(r.Effect) + ", " + sidedWords(r.Alternative)
	return newPowerCurve(title, r.Solved, "units recruited to control", nLower(k), r.NControl, r.Power, func(x float64) float64 {
		nc, nt := x*(1-a), k*x*(1-a)
		if nc+nt <= 2 {
			return math.NaN()
		}
		return r.design.PowerAt(r.Effect, nc, nt)
	})
}

// PowerCurve returns the power against the units recruited to control,
// with NTreatment/NControl treated per control unit.
func (r PropResult) PowerCurve() PowerCurve {
	k, a := r.NTreatment/r.NControl, r.Attrition
	title := "Two proportions (" + r.Method.String() + "), " + num(r.PControl) + " to " + num(r.PTreatment) + ", " + sidedWords(r.Alternative)
	return newPowerCurve(title, r.Solved, "units recruited to control", nLower(k), r.NControl, r.Power, func(x float64) float64 {
		return r.design.PowerAt(r.PTreatment, x*(1-a), k*x*(1-a))
	})
}

// PowerCurve returns the power against the clusters in total, from g + 3.
func (r ClusterResult) PowerCurve() PowerCurve {
	title := "Cluster-randomised trial, effect " + num(r.Effect) + ", ICC " + num(r.ICC) + ", " + num(r.ClusterSize) + " per cluster"
	return newPowerCurve(title, r.Solved, "clusters in total", float64(r.ClusterCovariates)+3, r.Clusters, r.Power, func(j float64) float64 {
		return r.design.PowerAt(j, r.Effect)
	})
}

// PowerCurve returns the power against the units recruited to control,
// with NTreatment/NControl treated per control unit.
func (r CountsResult) PowerCurve() PowerCurve {
	k, a := r.NTreatment/r.NControl, r.Attrition
	title := "Counts, rate ratio " + num(r.RateRatio) + " from " + num(r.MeanControl) + " per unit, " + sidedWords(r.Alternative)
	return newPowerCurve(title, r.Solved, "units recruited to control", nLower(k), r.NControl, r.Power, func(x float64) float64 {
		return r.design.PowerAt(r.RateRatio, x*(1-a), k*x*(1-a))
	})
}

// curveSolved says what a curve's design was solved for, and at what.
func curveSolved(solved Unknown, power float64) string {
	switch solved {
	case SolvedN:
		return "sample size solved for power " + num(power) + " at the effect given"
	case SolvedEffect:
		return "minimum detectable effect solved for power " + num(power) + " at the size given"
	}
	return "power solved at the effect and size given: " + num(power)
}
