package power

import (
	"math"
	"testing"

	"github.com/evalkit/evalkit/stats"
)

// fuzzSane fails the test when a solved design's numbers are not sane.
func fuzzSane(t *testing.T, pw, nc, nt float64) {
	t.Helper()
	if !(pw >= 0 && pw <= 1) {
		t.Fatalf("power %g", pw)
	}
	if !(nc >= 2 && nt >= 2) {
		t.Fatalf("n %g, %g", nc, nt)
	}
}

func FuzzTTestSolve(f *testing.F) {
	f.Add(0.05, 0, 0.8, 0.3, 0.0, 0.0, 1.0, 0.0)
	f.Add(0.01, 1, 0.0, -0.5, 20.0, 30.0, 1.0, 0.2)
	f.Add(0.05, 2, 0.9, 0.0, 50.0, 50.0, 1.0, 0.0)
	f.Fuzz(func(t *testing.T, alpha float64, alt int, pw, d, nc, nt, ratio, attr float64) {
		res, err := TTest{Alpha: alpha, Alternative: stats.Alternative(alt % 4), Power: pw, Effect: d,
			NControl: nc, NTreatment: nt, Ratio: ratio, Attrition: attr}.Solve()
		if err != nil {
			return
		}
		fuzzSane(t, res.Power, res.NControl, res.NTreatment)
		res.Summary() // formats whatever was solved
		if math.IsNaN(res.Effect) {
			t.Fatalf("effect NaN")
		}
	})
}

func FuzzPropSolve(f *testing.F) {
	f.Add(0.05, 0, 0, 0.8, 0.3, 0.2, 0.0, 0.0, 1.0, false)
	f.Add(0.05, 1, 1, 0.0, 0.3, 0.4, 100.0, 100.0, 1.0, false)
	f.Add(0.05, 0, 0, 0.9, 0.1, 0.0, 500.0, 500.0, 1.0, true)
	f.Fuzz(func(t *testing.T, alpha float64, alt, method int, pw, pc, pt, nc, nt, ratio float64, red bool) {
		res, err := Prop{Alpha: alpha, Alternative: stats.Alternative(alt % 4), Method: PropMethod(method % 3), Power: pw,
			PControl: pc, PTreatment: pt, NControl: nc, NTreatment: nt, Ratio: ratio, Reduction: red}.Solve()
		if err != nil {
			return
		}
		fuzzSane(t, res.Power, res.NControl, res.NTreatment)
		res.Summary() // formats whatever was solved
		if !(res.PTreatment > 0 && res.PTreatment < 1) {
			t.Fatalf("p_treatment %g", res.PTreatment)
		}
	})
}

func FuzzClusterSolve(f *testing.F) {
	f.Add(0.05, 0, 0.8, 0.25, 0.15, 60.0, 0.0, 0.5, 0.5, 0.4, 1, 0.3)
	f.Add(0.05, 1, 0.0, 0.25, 0.05, 10.0, 30.0, 1.0/3, 0.0, 0.0, 0, 0.0)
	f.Fuzz(func(t *testing.T, alpha float64, alt int, pw, es, icc, n, j, p, r2i, r2c float64, g int, cv float64) {
		res, err := Cluster{Alpha: alpha, Alternative: stats.Alternative(alt % 4), Power: pw, Effect: es, ICC: icc,
			ClusterSize: n, Clusters: j, TreatedShare: p, R2Individual: r2i, R2Cluster: r2c, ClusterCovariates: g % 50,
			ClusterSizeCV: cv}.Solve()
		if err != nil {
			return
		}
		if !(res.Power >= 0 && res.Power <= 1) || !(res.DF >= 1) || math.IsNaN(res.Effect) {
			t.Fatalf("%+v", res)
		}
		res.Summary() // formats whatever was solved
	})
}

func FuzzCountsSolve(f *testing.F) {
	f.Add(0.05, 0, 0.8, 2.5, 0.8, 1.5, 0.0, 0.0, 1.0, false)
	f.Add(0.05, 2, 0.0, 0.4, 0.6, 0.0, 100.0, 50.0, 1.0, false)
	f.Add(0.05, 0, 0.9, 3.0, 0.0, 0.7, 80.0, 80.0, 1.0, true)
	f.Fuzz(func(t *testing.T, alpha float64, alt int, pw, mu, rr, k, nc, nt, ratio float64, red bool) {
		res, err := Counts{Alpha: alpha, Alternative: stats.Alternative(alt % 4), Power: pw, MeanControl: mu,
			RateRatio: rr, Dispersion: k, NControl: nc, NTreatment: nt, Ratio: ratio, Reduction: red}.Solve()
		if err != nil {
			return
		}
		fuzzSane(t, res.Power, res.NControl, res.NTreatment)
		res.Summary() // formats whatever was solved
		if !(res.RateRatio > 0) {
			t.Fatalf("rate ratio %g", res.RateRatio)
		}
	})
}
