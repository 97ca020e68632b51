package benefits

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/texttable"
	"github.com/evalkit/evalkit/unitcost"
)

// WriteText writes the result for a person, as evalkit benefits prints
// it: what was valued and how, a table of the crimes averted, benefit,
// cost, NPV and BCR at the estimate and the interval, the switching effect
// and payback year, then the Monte Carlo interval, the sensitivity
// analysis, the harm averted and the warnings, each when there is one.
// Money is shown by unitcost.FormatPounds and an undefined quantity as "-".
func (r *Result) WriteText(w io.Writer) error {
	var b bytes.Buffer
	e := r.Effect
	level := strconv.FormatFloat(100*e.Level, 'g', 10, 64) + "%"
	fmt.Fprintf(&b, "Benefits of %s vs %s (%s), %s, in %d prices.\n\n", e.Treatment, e.Control, e.Method, r.Crime.Crime, r.PriceYear)
	about := texttable.Table{Align: "ll"}
	about.Add("Effect", fmt.Sprintf("%s %s (%s CI %s to %s)", e.Measure.words(), fig(e.Estimate), level, fig(e.CILow), fig(e.CIHigh)))
	what := "crimes expected without the intervention"
	if e.Measure == RiskDifference {
		what = "people treated"
	}
	about.Add("Baseline", fmt.Sprintf("%s %s", strconv.FormatFloat(r.Baseline, 'g', -1, 64), what))
	uc := fmt.Sprintf("%s a crime: %s (%s)", unitcost.FormatPounds(r.UnitCost), r.Crime.Name, orNone(r.Crime.Source))
	if r.PriceYear != r.Crime.PriceYear {
		uc = fmt.Sprintf("%s a crime: %s, %s in %d prices uprated (%s)", unitcost.FormatPounds(r.UnitCost), r.Crime.Name,
			unitcost.FormatPounds(r.Crime.Total.Pounds()), r.Crime.PriceYear, orNone(r.Crime.Source))
	}
	about.Add("Unit cost", uc)
	about.Add("Years", r.yearsText())
	if c := r.Cost; c != nil {
		about.Add("Cost", fmt.Sprintf("%s a year (%s), optimism bias %s: %s a year", unitcost.FormatPounds(c.Amount), c.Intervention,
			pct(r.OptimismBias), unitcost.FormatPounds(r.YearlyCost)))
	}
	writeRows(&b, about)

	t := texttable.Table{Align: "lrrr", Rows: [][]string{{"", "Estimate", level + " CI low", level + " CI high"}}}
	t.Add("Crimes averted", count(r.Averted), count(r.AvertedLow), count(r.AvertedHigh))
	t.Add("Benefit", unitcost.FormatPounds(r.Benefit), unitcost.FormatPounds(r.BenefitLow), unitcost.FormatPounds(r.BenefitHigh))
	if r.Cost != nil {
		t.Add("Cost", unitcost.FormatPounds(r.TotalCost))
		t.Add("NPV", unitcost.FormatPounds(r.NPV), unitcost.FormatPounds(r.NPVLow), unitcost.FormatPounds(r.NPVHigh))
		t.Add("BCR", unitcost.FormatRatio(r.BCR), unitcost.FormatRatio(r.BCRLow), unitcost.FormatRatio(r.BCRHigh))
	}
	t.Write(&b)
	if r.Cost != nil {
		payback := "none within the years appraised"
		if r.PaybackYear >= 0 {
			payback = fmt.Sprintf("year %d", r.PaybackYear)
		}
		fmt.Fprintf(&b, "\nSwitching effect: %s %s (the NPV is 0 there). Payback: %s.\n", e.Measure.words(), fig(r.SwitchingEffect), payback)
	}
	if h := r.Harm; h != nil {
		fmt.Fprintf(&b, "\nHarm averted: %s × weight %s = %s (%s CI %s to %s).\n", count(r.Averted), strconv.FormatFloat(h.Weight, 'g', -1, 64),
			count(h.Averted), level, count(h.Low), count(h.High))
	}
	if s := r.Simulation; s != nil {
		r.writeSimulation(&b, s, level)
	}
	if len(r.Sensitivity) > 0 {
		r.writeSensitivity(&b)
	}
	unitcost.WriteWarnings(&b, r.Warnings)
	_, err := w.Write(b.Bytes())
	return err
}

func (r *Result) writeSimulation(b *bytes.Buffer, s *Simulation, level string) {
	scale := "log rate ratio"
	if r.Effect.Measure == RiskDifference {
		scale = "risk difference"
	}
	from := ""
	if s.SEFromCI {
		from = ", from the interval's width"
	}
	t := texttable.Table{Title: fmt.Sprintf("Monte Carlo: %d draws from seed %d, standard error %s of the %s%s", s.Draws, s.Seed, fig(s.SE), scale, from),
		Align: "lrrrr", Rows: [][]string{{"", level + " low", "(MC se)", level + " high", "(MC se)"}}}
	t.Add("Crimes averted", count(s.Averted.Low), count(s.Averted.LowSE), count(s.Averted.High), count(s.Averted.HighSE))
	money := func(name string, iv Interval) {
		t.Add(name, unitcost.FormatPounds(iv.Low), unitcost.FormatPounds(iv.LowSE), unitcost.FormatPounds(iv.High), unitcost.FormatPounds(iv.HighSE))
	}
	money("Benefit", s.Benefit)
	if r.Cost != nil {
		money("NPV", s.NPV)
	}
	t.Write(b)
	if r.Cost != nil {
		fmt.Fprintf(b, "Share of draws with an NPV above 0: %s (MC se %s).\n", strconv.FormatFloat(s.PNPVPositive, 'f', 4, 64), strconv.FormatFloat(s.PNPVPositiveSE, 'f', 4, 64))
	}
}

func (r *Result) writeSensitivity(b *bytes.Buffer) {
	measure := "NPV"
	if r.Cost == nil {
		measure = "benefit"
	}
	t := texttable.Table{Title: fmt.Sprintf("Sensitivity of the %s, each input alone at a low and a high value", measure),
		Align: "lrrrr", Rows: [][]string{{"Input", "Low", "High", measure + " at low", measure + " at high"}}}
	for _, s := range r.Sensitivity {
		lo, hi := InputText(s.Input, s.InputLow), InputText(s.Input, s.InputHigh)
		t.Add(s.Input, lo, hi, unitcost.FormatPounds(s.Low), unitcost.FormatPounds(s.High))
	}
	t.Write(b)
}

// InputText formats a sensitivity input's value as the tables and the
// tornado chart show it: a unit cost in pounds, a discount rate or an
// optimism bias as a percentage, an effect to four significant figures.
func InputText(input string, v float64) string {
	switch input {
	case "unit_cost":
		return unitcost.FormatPounds(v)
	case "discount_rate", "optimism_bias":
		return pct(v)
	}
	return fig(v)
}

// yearsText describes the years and their discounting.
func (r *Result) yearsText() string {
	if r.Years == 1 {
		return "1, not discounted"
	}
	rates := func(s Schedule) string {
		r := s.Rates()
		return fmt.Sprintf("%s to year 30, %s to year 75, %s after", pct(r[0]), pct(r[1]), pct(r[2]))
	}
	s := fmt.Sprintf("%d, discounted by the Green Book's declining rates (%s), ΣD = %s", r.Years, rates(Standard), strconv.FormatFloat(r.CostDiscount, 'f', 4, 64))
	if r.Discount == Health {
		s = fmt.Sprintf("%d: the benefits discounted at the Green Book's health rates (%s), ΣD = %s; the cost at its standard rates (%s), ΣD = %s",
			r.Years, rates(Health), strconv.FormatFloat(r.BenefitDiscount, 'f', 4, 64), rates(Standard), strconv.FormatFloat(r.CostDiscount, 'f', 4, 64))
	}
	return s
}

// writeRows writes a table without its leading blank line.
func writeRows(b *bytes.Buffer, t texttable.Table) {
	var tb bytes.Buffer
	t.Write(&tb)
	b.Write(bytes.TrimPrefix(tb.Bytes(), []byte("\n")))
}

// fig is a number to four significant figures, "-" when undefined.
func fig(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// count is a number of crimes to two decimal places, "-" when undefined.
func count(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// pct is a share as a percentage, such as 3.5% for 0.035.
func pct(x float64) string {
	return strconv.FormatFloat(100*x, 'g', 4, 64) + "%"
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "no source given"
	}
	return s
}
