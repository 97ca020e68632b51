package power

import (
	"fmt"
	"math"
	"strconv"

	"github.com/evalkit/evalkit/stats"
)

// Summary is a solved design in words, as evalkit power prints it without
// --json: a title, the quantity solved for, the design's values as rows of
// a name and a number (whole numbers in full, others to 6 significant
// digits, "—" when undefined) and the assumptions behind them, one
// sentence each.
type Summary struct {
	// Title names the design, its sides and alpha.
	Title string
	// Solved names the quantity solved for, such as "sample size".
	Solved string
	// Rows are the design's values in the order shown.
	Rows []SummaryRow
	// Assumptions are the model's assumptions in plain sentences.
	Assumptions []string
}

// SummaryRow is one value of a Summary.
type SummaryRow struct {
	// Name says what the value is, such as "n control".
	Name string
	// Value is the number as text.
	Value string
}

func (s *Summary) add(name, value string) { s.Rows = append(s.Rows, SummaryRow{name, value}) }

// addArms adds the sample-size rows that ttest, prop and counts share; the
// exact analysed control arm only when n was solved (exact is not NaN).
func (s *Summary) addArms(exact, nc, nt, total float64) {
	if !math.IsNaN(exact) {
		s.add("n control, analysed (exact)", num(exact))
	}
	s.add("n control", num(nc))
	s.add("n treatment", num(nt))
	s.add("n total", num(total))
}

// num prints a number for people: a whole number with all its digits, so
// that a size, a count of clusters or of events, or degrees of freedom is
// never rounded (15697722, not 1.56977e+07); any other number to 6
// significant digits; "—" for NaN. Whole numbers of 2⁵³ or more, beyond
// the exact integers of a float64 and far beyond any design's size
// (maxUnits), print as others do.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "—"
	case x == math.Trunc(x) && math.Abs(x) < 1<<53:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return fmt.Sprintf("%.6g", x)
}

// sidedWords describes the test's sides in words.
func sidedWords(alt stats.Alternative) string {
	switch alt {
	case stats.Greater:
		return "one-sided (looking for an increase)"
	case stats.Less:
		return "one-sided (looking for a decrease)"
	}
	return "two-sided"
}

// solvedWords names the solved quantity for people.
func solvedWords(u Unknown, effect string) string {
	switch u {
	case SolvedPower:
		return "power"
	case SolvedN:
		return "sample size"
	}
	return effect
}

// attritionWords states the attrition assumption.
func attritionWords(a float64) string {
	if a == 0 {
		return "No attrition is assumed: every recruited unit is analysed."
	}
	return fmt.Sprintf("%s%% of recruited units are assumed lost at random, so recruitment is the analysed size divided by %s, rounded up.", num(100*a), num(1-a))
}

// Summary describes the solved t-test.
func (r TTestResult) Summary() Summary {
	s := Summary{Title: fmt.Sprintf("Two-sample t-test, %s, alpha = %s", sidedWords(r.Alternative), num(r.Alpha)),
		Solved: solvedWords(r.Solved, "minimum detectable effect")}
	s.add("effect (d)", num(r.Effect))
	s.add("power", num(r.Power))
	s.addArms(r.NControlExact, r.NControl, r.NTreatment, r.NTotal)
	s.add("degrees of freedom", num(r.DF))
	region := "Power is exact, from the noncentral t distribution, counting both rejection regions."
	if r.Alternative != stats.TwoSided {
		region = "Power is exact, from the noncentral t distribution, for the one rejection region in the direction looked for."
	}
	s.Assumptions = []string{
		"The outcome is roughly normal with the same standard deviation in both arms; d is the difference in means divided by that standard deviation.",
		"Units are randomised individually and their outcomes are independent (no clustering).",
		region,
		attritionWords(r.Attrition),
	}
	return s
}

// Summary describes the solved comparison of proportions.
func (r PropResult) Summary() Summary {
	s := Summary{Title: fmt.Sprintf("Two proportions, %s test, %s, alpha = %s", r.Method, sidedWords(r.Alternative), num(r.Alpha)),
		Solved: solvedWords(r.Solved, "treatment proportion")}
	s.add("p control", num(r.PControl))
	s.add("p treatment", num(r.PTreatment))
	s.add("difference", num(r.Effect))
	if r.Method == Arcsine {
		s.add("Cohen's h", num(r.H))
	}
	s.add("power", num(r.Power))
	s.addArms(r.NControlExact, r.NControl, r.NTreatment, r.NTotal)
	test := "The arcsine transformation makes the variance of h the same whatever the proportions (Cohen 1988)."
	if r.Method == Pooled {
		test = "The test pools the two arms' proportions for its null variance, as prop.test does."
	}
	s.Assumptions = []string{
		"Each unit's outcome is yes or no, independent of the others; units are randomised individually.",
		"The test statistic is treated as normal (large-sample); with very small arms or proportions near 0 or 1 the true power differs.",
		test,
		attritionWords(r.Attrition),
	}
	return s
}

// Summary describes the solved cluster-randomised trial.
func (r ClusterResult) Summary() Summary {
	s := Summary{Title: fmt.Sprintf("Cluster-randomised trial (CRA2), %s, alpha = %s", sidedWords(r.Alternative), num(r.Alpha)),
		Solved: solvedWords(r.Solved, "minimum detectable effect")}
	if r.Solved == SolvedN {
		s.Solved = "number of clusters"
	}
	s.add("effect (SD units)", num(r.Effect))
	s.add("power", num(r.Power))
	s.add("clusters", num(r.Clusters))
	s.add("  control", num(r.ClustersControl))
	s.add("  treatment", num(r.ClustersTreatment))
	s.add("cluster size (mean)", num(r.ClusterSize))
	s.add("units in total", num(r.NTotal))
	s.add("ICC", num(r.ICC))
	s.add("design effect", num(r.DesignEffect))
	s.add("degrees of freedom", num(r.DF))
	s.Assumptions = []string{
		"Whole clusters are randomised; outcomes are correlated within a cluster (ICC) and independent between clusters.",
		fmt.Sprintf("A share %s of clusters is treated; covariates explain %s of the variance between clusters (with %d cluster-level covariates) and %s within them.",
			num(r.TreatedShare), num(r.R2Cluster), r.ClusterCovariates, num(r.R2Individual)),
		"The outcome is roughly normal; the analysis is a two-level model (or the cluster means) with J - g - 2 degrees of freedom.",
		"Every cluster has the same size.",
		"No attrition is assumed.",
	}
	if r.ClusterSizeCV > 0 {
		s.Assumptions[3] = fmt.Sprintf("Cluster sizes vary with coefficient of variation %s, which inflates the cluster-level variance by 1 + cv^2 (Eldridge et al. 2006).", num(r.ClusterSizeCV))
	}
	if r.Attrition > 0 {
		s.Assumptions[4] = fmt.Sprintf("%s%% of people are lost within each cluster at random, so the analysed cluster size is %s; no cluster is lost.", num(100*r.Attrition), num(r.ClusterSize*(1-r.Attrition)))
	}
	return s
}

// Summary describes the solved comparison of counts.
func (r CountsResult) Summary() Summary {
	s := Summary{Title: fmt.Sprintf("Counts (Wald test on log rate ratio), %s, alpha = %s", sidedWords(r.Alternative), num(r.Alpha)),
		Solved: solvedWords(r.Solved, "rate ratio")}
	s.add("mean count, control", num(r.MeanControl))
	s.add("rate ratio", num(r.RateRatio))
	s.add("mean count, treatment", num(r.MeanControl*r.RateRatio))
	dist := "Counts are Poisson: their variance equals their mean."
	if r.Dispersion != nil {
		s.add("dispersion (size k)", num(*r.Dispersion))
		dist = fmt.Sprintf("Counts are negative binomial with size k = %s: variance = mean + mean^2/k, the same k in both arms.", num(*r.Dispersion))
	} else {
		s.add("dispersion", "none (Poisson)")
	}
	s.add("power", num(r.Power))
	s.addArms(r.NControlExact, r.NControl, r.NTreatment, r.NTotal)
	s.Assumptions = []string{
		dist,
		"Every unit has the same follow-up period; units are randomised individually and their counts are independent.",
		"The log rate ratio is treated as normal (a Wald test), with its variance under the alternative.",
		attritionWords(r.Attrition),
	}
	return s
}
