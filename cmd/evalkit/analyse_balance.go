package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/evalkit/evalkit/rct"
)

// analyseBalanceRow is one covariate compared between a treatment arm and
// the control over the analysed rows: the "balance" list of the JSON, an
// addition to the contract.
type analyseBalanceRow struct {
	Covariate   string  `json:"covariate"`
	Arm         string  `json:"arm"`
	Control     string  `json:"control"`
	N           int     `json:"n"`
	NControl    int     `json:"n_control"`
	Mean        float64 `json:"mean"`
	MeanControl float64 `json:"mean_control"`
	SD          float64 `json:"sd"`
	SDControl   float64 `json:"sd_control"`
	// StdDiff is the standardised difference (rct.BalanceNumeric),
	//
	//	(mean - mean_control) / sqrt((sd² + sd_control²) / 2),
	//
	// null when both SDs are 0 or an arm has fewer than two rows.
	StdDiff float64 `json:"std_diff"`
}

// analyseBalance compares every covariate between each treatment arm and
// the control over the rows analysed.
func analyseBalance(d *analyseData) []analyseBalanceRow {
	x := d.design
	arms := append([]*analyseArm{d.control}, d.treatments...)
	labels := make([]string, len(arms))
	var assign []int
	for k, a := range arms {
		labels[k] = a.label
		for range a.rows {
			assign = append(assign, k)
		}
	}
	var out []analyseBalanceRow
	for j, name := range x.covNames {
		v := make([]float64, 0, len(assign))
		for _, a := range arms {
			for _, r := range a.rows {
				v = append(v, x.cov[j][r])
			}
		}
		for _, b := range rct.BalanceNumeric(name, v, assign, labels, 0) {
			out = append(out, analyseBalanceRow{Covariate: b.Covariate, Arm: b.Arm, Control: b.Control,
				N: b.N, NControl: b.NControl, Mean: b.Mean, MeanControl: b.MeanControl,
				SD: b.SD, SDControl: b.SDControl, StdDiff: b.Diff})
		}
	}
	return out
}

// writeTableExtras prints the balance table and the warnings under the
// comparisons.
func (r *analyseResult) writeTableExtras(b *strings.Builder) {
	if len(r.Balance) > 0 {
		fmt.Fprint(b, "\nBalance of covariates (std. difference = (mean - control mean) / sqrt((sd^2 + control sd^2)/2))\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "covariate\tarm\tmean\tsd\tcontrol mean\tcontrol sd\tstd. difference\t\n")
		for _, v := range r.Balance {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", v.Covariate, v.Arm, analyseNum(v.Mean), analyseNum(v.SD),
				analyseNum(v.MeanControl), analyseNum(v.SDControl), analyseNum(v.StdDiff))
		}
		tw.Flush()
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(b)
		for _, w := range r.Warnings {
			fmt.Fprintf(b, "warning: %s\n", w)
		}
	}
}
