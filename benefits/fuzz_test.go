package benefits

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/unitcost"
)

// FuzzReadAnalysis reads any text as an analysis: an error or a result,
// never a panic; a result gives an effect or an error, and an appraisal
// that marshals and prints.
func FuzzReadAnalysis(f *testing.F) {
	f.Add(`{"type":"count","level":0.95,"comparisons":[{"treatment":"t","control":"c","method":"negbin_glm","estimate":0.8,"se":0.1,"ci_low":0.6,"ci_high":1.1,"df":null}]}`)
	f.Add(`{"type":"binary","level":0.9,"comparisons":[{"treatment":"t","control":"c","method":"fisher_exact","estimate":-0.1,"se":null,"ci_low":-0.2,"ci_high":0}]}`)
	f.Add(`{"type":"count","level":0.95,"comparisons":[{"treatment":"t","control":"c","method":"poisson_exact","estimate":0,"ci_low":0,"ci_high":1e308}]}`)
	f.Add(`{"type":"continuous","level":0.95,"comparisons":[]}`)
	f.Add("{\n\"type\": 3")
	f.Fuzz(func(t *testing.T, in string) {
		res, err := ReadAnalysis(strings.NewReader(in), "a.json")
		if err != nil {
			if !errors.Is(err, ErrJSON) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q: not ErrJSON or of more than one line", err)
			}
			return
		}
		e, err := EffectOf(res, "")
		if err != nil {
			return
		}
		r, err := Appraise(e, Options{Crime: "robbery", Baseline: 100, Years: 3, Cost: &Cost{Amount: 1000}, Sensitivity: 0.1, Simulate: 100, Seed: 1})
		if err != nil {
			return // an effect without a standard error or a finite interval
		}
		if _, err := json.Marshal(r.JSON()); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteText(&bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzReadUnitCosts reads any text as a unit-cost table: an error naming
// the file, or a table whose every entry passes Check.
func FuzzReadUnitCosts(f *testing.F) {
	f.Add("crime,name,anticipation,consequence,response,total,price_year\nrobbery,Robbery,1,2,3,6,2015-16\n")
	f.Add("crime,total,price_year\nrobbery,£1,2015\n")
	f.Add("crime,anticipation,total,price_year\nrobbery,1,1,2015\n")
	f.Fuzz(func(t *testing.T, in string) {
		u, err := ReadUnitCosts(strings.NewReader(in), "u.csv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "u.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, c := range u.Costs {
			if err := c.Check(); err != nil {
				t.Fatalf("entry accepted that fails Check: %v", err)
			}
			if _, err := u.Lookup(c.Crime); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzReadCost(f *testing.F) {
	f.Add(`{"price_year":2024,"interventions":[{"intervention":"A","total_cost":1.5}]}`, "A")
	f.Add(`{"interventions":[{"intervention":"A","total_cost":null}]}`, "")
	f.Fuzz(func(t *testing.T, in, name string) {
		c, err := ReadCost(strings.NewReader(in), "u.json", name)
		if err != nil {
			return
		}
		if !(c.Amount >= 0) {
			t.Fatalf("cost %v accepted", c.Amount)
		}
	})
}

func FuzzReadHarmWeights(f *testing.F) {
	f.Add("crime,weight\nrobbery,730\n")
	f.Add("crime,weight\nrobbery,-1\n")
	f.Fuzz(func(t *testing.T, in string) {
		w, err := ReadHarmWeights(strings.NewReader(in), "h.csv")
		if err != nil {
			return
		}
		for k, v := range w {
			if !(v >= 0) || k == "" {
				t.Fatalf("weight %q: %v accepted", k, v)
			}
		}
	})
}

// FuzzAppraise values any effect with any options: an error or a result
// that marshals and prints, never a panic.
func FuzzAppraise(f *testing.F) {
	f.Add(0.8, 0.6, 1.1, 0.1, -1.0, true, 100.0, 3, 0.2, 0.1, 100, uint64(1), 1000.0, true)
	f.Add(-0.1, -0.2, 0.0, -1.0, 10.0, false, 200.0, 125, 0.0, 0.0, 0, uint64(0), 0.0, false)
	f.Fuzz(func(t *testing.T, est, lo, hi, se, df float64, ratio bool, baseline float64, years int, bias, sens float64, draws int, seed uint64, cost float64, withCost bool) {
		e := Effect{Treatment: "t", Control: "c", Method: analysis.NegBinGLM, Estimate: est, CILow: lo, CIHigh: hi, Level: 0.95, SE: se, DF: df}
		if !ratio {
			e.Measure, e.Method = RiskDifference, analysis.FisherExact
		}
		if draws > 2000 || draws < 0 {
			draws %= 2000 // keep each run short
		}
		opt := Options{Crime: "rape", Baseline: baseline, Years: years, OptimismBias: bias, Sensitivity: sens, Simulate: draws, Seed: seed,
			HarmWeights: HarmWeights{"rape": 1}, PriceYear: 2023, Deflators: unitcost.Deflators{2015: 80, 2023: 100}}
		if withCost {
			opt.Cost = &Cost{Intervention: "x", Amount: cost}
		}
		r, err := Appraise(e, opt)
		if err != nil {
			return
		}
		if _, err := json.Marshal(r.JSON()); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteText(&bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	})
}
