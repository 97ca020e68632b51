package report

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/rct/analysis"
)

// attritionPage is the report's attrition section, as the EEF asks it
// reported (analysis.AttritionTable): each arm's losses, then the baseline
// balance of the randomised and the analysed samples.
type attritionPage struct {
	Overall string
	Arms    []attritionArmRow
	Balance []attritionBalanceRow
}

// attritionArmRow is one arm's line: the units (or clusters) randomised,
// analysed and lost, and the difference from the control's share lost.
type attritionArmRow struct {
	Arm, Level, Randomised, Analysed, Lost, Differential string
}

// attritionBalanceRow is one covariate's standardised difference in the
// two samples.
type attritionBalanceRow struct {
	Covariate, Arm, Randomised, Analysed, Change string
}

// attritionPageOf puts t into words; nil when t is nil.
func attritionPageOf(t *analysis.AttritionTable, units, clusters string) *attritionPage {
	if t == nil {
		return nil
	}
	pg := &attritionPage{}
	row := func(arm, level string, c analysis.AttritionCounts) attritionArmRow {
		lost := flowThousands(c.Lost)
		if c.Randomised > 0 {
			lost += " (" + flowShare(c.Lost, c.Randomised) + ")"
		}
		return attritionArmRow{Arm: arm, Level: level, Randomised: flowThousands(c.Randomised),
			Analysed: flowThousands(c.Analysed), Lost: lost}
	}
	var lost, randomised int
	for _, a := range t.Arms {
		lost, randomised = lost+a.Units.Lost, randomised+a.Units.Randomised
	}
	pg.Overall = flowShare(lost, randomised) // t.Overall, in the words of every share the report gives
	for _, a := range t.Arms {
		if a.Clusters != nil {
			pg.Arms = append(pg.Arms, row(a.Arm, capitalise(clusters), *a.Clusters))
		}
		r := row(a.Arm, capitalise(units), a.Units)
		if !math.IsNaN(a.Differential) {
			r.Differential = fmt.Sprintf("%+.1f percentage points", 100*a.Differential)
		}
		pg.Arms = append(pg.Arms, r)
	}
	for _, b := range t.Balance {
		pg.Balance = append(pg.Balance, attritionBalanceRow{Covariate: b.Name(), Arm: b.Arm,
			Randomised: analysisNumber(b.StdDiffRandomised), Analysed: analysisNumber(b.StdDiffAnalysed),
			Change: analysisNumber(b.Change)})
	}
	return pg
}
