package analysis

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/evalkit/evalkit/internal/jsonenc"
)

// AttritionTable is a trial's attrition as the Education Endowment
// Foundation asks evaluators to report it [1]: by arm, the units (and for a
// cluster trial the clusters) randomised, analysed and lost; the overall
// and the differential attrition; and the baseline balance of the analysed
// sample against the randomised one, which shows whether those lost have
// unbalanced the arms.
//
// The units randomised are the arm's allocated units (ArmFlow.Allocated:
// the manifest's with a design, else the trial file's rows with the arm);
// a unit is lost when it is not analysed, for whatever reason (no row in
// the file, no outcome, or another value missing), so that
//
//	Lost = Randomised - Analysed,  Share = Lost / Randomised,
//	overall = Σ Lost / Σ Randomised,
//	differential = Share(arm) - Share(control).
//
// A cluster is lost when none of its units is analysed.
//
// [1] Education Endowment Foundation (2019). Classifying the security of
// EEF findings, attrition; and EEF (2022), Statistical analysis guidance
// for EEF evaluations, section "Missing data".
type AttritionTable struct {
	Arms []ArmAttrition `json:"arms"`
	// Overall is the share of all the randomised units that were lost.
	Overall float64 `json:"overall"`
	// Balance compares each covariate (and each level of a categorical
	// one) between a treatment arm and the control in the randomised
	// sample and in the analysed one; nil without covariates.
	Balance []AttritionBalance `json:"balance,omitempty"`
}

// ArmAttrition is one arm's attrition.
type ArmAttrition struct {
	Arm   string          `json:"arm"`
	Units AttritionCounts `json:"units"`
	// Clusters counts the arm's clusters; nil without a cluster.
	Clusters *AttritionCounts `json:"clusters,omitempty"`
	// Differential is the arm's share of units lost less the control's;
	// NaN for the control.
	Differential float64 `json:"differential"`
}

// AttritionCounts are the units, or clusters, of an arm randomised,
// analysed and lost, with the share lost (NaN when none was randomised).
type AttritionCounts struct {
	Randomised int     `json:"randomised"`
	Analysed   int     `json:"analysed"`
	Lost       int     `json:"lost"`
	Share      float64 `json:"share"`
}

// AttritionBalance is one covariate, or one level of a categorical one,
// compared between Arm and Control in two samples: the randomised units
// whose value is known, and the units analysed. Each StdDiff is as in
// BalanceRow, and Change = StdDiffAnalysed - StdDiffRandomised. With a
// design, the randomised units without a row in the file have no baseline
// values and are not in the randomised sample's comparison.
type AttritionBalance struct {
	Covariate         string  `json:"covariate"`
	Level             string  `json:"level,omitempty"`
	Arm               string  `json:"arm"`
	Control           string  `json:"control"`
	NRandomised       int     `json:"n_randomised"`
	NControlRandom    int     `json:"n_control_randomised"`
	StdDiffRandomised float64 `json:"std_diff_randomised"`
	NAnalysed         int     `json:"n_analysed"`
	NControlAnalysed  int     `json:"n_control_analysed"`
	StdDiffAnalysed   float64 `json:"std_diff_analysed"`
	Change            float64 `json:"change"`
}

// MarshalJSON returns the table's object, with null for NaN.
func (a AttritionTable) MarshalJSON() ([]byte, error) {
	type plain AttritionTable
	return jsonenc.Marshal(plain(a))
}

// MarshalJSON returns the arm's object, with null for NaN.
func (a ArmAttrition) MarshalJSON() ([]byte, error) {
	type plain ArmAttrition
	return jsonenc.Marshal(plain(a))
}

// MarshalJSON returns the counts' object, with null for NaN.
func (a AttritionCounts) MarshalJSON() ([]byte, error) {
	type plain AttritionCounts
	return jsonenc.Marshal(plain(a))
}

// MarshalJSON returns the row's object, with null for NaN.
func (b AttritionBalance) MarshalJSON() ([]byte, error) {
	type plain AttritionBalance
	return jsonenc.Marshal(plain(b))
}

// Name names the row as BalanceRow.Name does.
func (b AttritionBalance) Name() string {
	return BalanceRow{Covariate: b.Covariate, Level: b.Level}.Name()
}

// attritionCounts returns the counts of randomised and analysed, with
// the share lost.
func attritionCounts(randomised, analysed int) AttritionCounts {
	share := math.NaN()
	if randomised > 0 {
		share = float64(randomised-analysed) / float64(randomised)
	}
	return AttritionCounts{Randomised: randomised, Analysed: analysed, Lost: randomised - analysed, Share: share}
}

// attrition returns the attrition table of flow (the arms' flow, the
// control first), or nil when no randomised unit was lost. analysed is the
// balance of the analysed sample (Result.Balance).
func (t *trial) attrition(flow []ArmFlow, analysed []BalanceRow) *AttritionTable {
	var randomised, lost int
	for _, f := range flow {
		randomised += f.Allocated
		lost += f.Allocated - f.Analysed
	}
	if lost == 0 || len(flow) == 0 {
		return nil
	}
	tab := &AttritionTable{Overall: float64(lost) / float64(randomised)}
	for _, f := range flow {
		a := ArmAttrition{Arm: f.Arm, Units: attritionCounts(f.Allocated, f.Analysed), Differential: math.NaN()}
		if t.d.cluster != nil {
			c := attritionCounts(f.ClustersAllocated, f.ClustersAnalysed)
			a.Clusters = &c
		}
		if len(tab.Arms) > 0 {
			a.Differential = a.Units.Share - tab.Arms[0].Units.Share
		}
		tab.Arms = append(tab.Arms, a)
	}
	if len(t.d.cov) > 0 {
		tab.Balance = attritionBalance(t.balanceOf(t.randomisedRows()), analysed)
	}
	return tab
}

// randomisedRows returns, for each arm in the order of t.arms(), the data
// rows (from 0) with the arm: every unit randomised that has a row.
func (t *trial) randomisedRows() [][]int {
	arms := t.arms()
	index := make(map[string]int, len(arms))
	for j, a := range arms {
		index[a.label] = j
	}
	rows := make([][]int, len(arms))
	for i := range t.d.arm.len() {
		if j, ok := index[t.d.arm.at(i)]; ok {
			rows[j] = append(rows[j], i)
		}
	}
	return rows
}

// attritionBalance pairs each row of the randomised sample's balance with
// the analysed sample's row of the same covariate, level and arm. The
// analysed units are among the randomised, so every analysed row has its
// pair; a level found among the randomised only is compared with NaN.
func attritionBalance(randomised, analysed []BalanceRow) []AttritionBalance {
	type key struct{ cov, level, arm string }
	byKey := make(map[key]BalanceRow, len(analysed))
	for _, b := range analysed {
		byKey[key{b.Covariate, b.Level, b.Arm}] = b
	}
	out := make([]AttritionBalance, 0, len(randomised))
	for _, r := range randomised {
		a, ok := byKey[key{r.Covariate, r.Level, r.Arm}]
		if !ok {
			a = BalanceRow{StdDiff: math.NaN()}
		}
		out = append(out, AttritionBalance{Covariate: r.Covariate, Level: r.Level, Arm: r.Arm, Control: r.Control,
			NRandomised: r.N, NControlRandom: r.NControl, StdDiffRandomised: r.StdDiff,
			NAnalysed: a.N, NControlAnalysed: a.NControl, StdDiffAnalysed: a.StdDiff,
			Change: a.StdDiff - r.StdDiff})
	}
	return out
}

// writeText prints the table as analyse prints it: the arms' units (and
// clusters) randomised, analysed and lost, then the balance of the two
// samples.
func (a *AttritionTable) writeText(b *strings.Builder) {
	fmt.Fprintf(b, "\nAttrition (lost = randomised - analysed; overall %s)\n", percent(a.Overall))
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	clusters := len(a.Arms) > 0 && a.Arms[0].Clusters != nil
	fmt.Fprint(tw, "arm\tlevel\trandomised\tanalysed\tlost\tshare lost\tdifferential\t\n")
	for _, arm := range a.Arms {
		d := "-"
		if !math.IsNaN(arm.Differential) {
			d = fmt.Sprintf("%+.1f pp", 100*arm.Differential)
		}
		u := arm.Units
		fmt.Fprintf(tw, "%s\tunits\t%d\t%d\t%d\t%s\t%s\t\n", arm.Arm, u.Randomised, u.Analysed, u.Lost, percent(u.Share), d)
		if clusters {
			c := arm.Clusters
			fmt.Fprintf(tw, "%s\tclusters\t%d\t%d\t%d\t%s\t\t\n", arm.Arm, c.Randomised, c.Analysed, c.Lost, percent(c.Share))
		}
	}
	tw.Flush()
	if len(a.Balance) == 0 {
		return
	}
	fmt.Fprint(b, "\nBaseline balance, randomised and analysed samples (std. differences)\n")
	tw = tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "covariate\tarm\tn randomised\trandomised\tn analysed\tanalysed\tchange\t\n")
	for _, r := range a.Balance {
		fmt.Fprintf(tw, "%s\t%s\t%d + %d\t%s\t%d + %d\t%s\t%s\t\n", r.Name(), r.Arm, r.NRandomised, r.NControlRandom,
			FormatNumber(r.StdDiffRandomised), r.NAnalysed, r.NControlAnalysed, FormatNumber(r.StdDiffAnalysed), FormatNumber(r.Change))
	}
	tw.Flush()
}

// percent prints a share as a percentage to one decimal, "-" for NaN.
func percent(share float64) string {
	if math.IsNaN(share) {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*share)
}
