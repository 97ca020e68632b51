package analysis_test

import (
	"fmt"
	"os"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct/analysis"
)

// A cluster trial randomised within blocks, analysed by the multilevel
// model as evalkit analyse --model multilevel does. The values agree with
// R 4.2.2, lme4 1.1.31 and lmerTest 3.1.3 (testdata/r/multilevel.R):
// summary(lmerTest::lmer(y ~ treat + x + factor(block) + (1 | cluster)))
// gives 0.2062, se 0.2052, df 29.53, p 0.3231, and the model without x an
// ICC of 0.1462.
func ExampleAnalyse_multilevel() {
	f, err := os.Open("../../testdata/lmm/blocks.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	d, err := analysis.ReadCSV(f, analysis.Columns{Arm: "treat", Outcome: "y",
		Covariates: []string{"x"}, Block: "block", Cluster: "cluster"})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := analysis.Analyse(d, analysis.Plan{Control: "0", Model: analysis.Multilevel})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Comparisons[0]
	fmt.Printf("%s: %.4f (se %.4f), df %.2f, p %.4f\n", c.Method, c.Estimate, c.SE, c.DF, c.PValue)
	fmt.Printf("icc %.4f [%.4f, %.4f], var_cluster %.4f, var_residual %.4f\n", c.ICC, c.ICCCILow, c.ICCCIHigh, c.VarCluster, c.VarResidual)
	for _, e := range c.EffectSizes {
		fmt.Printf("%s %.4f [%.4f, %.4f]\n", e.Measure, e.Value, e.CILow, e.CIHigh)
	}
	// Output:
	// mixed_reml: 0.2062 (se 0.2052), df 29.53, p 0.3231
	// icc 0.1462 [0.0536, 0.2960], var_cluster 0.2691, var_residual 1.0110
	// g_total 0.1516 [-0.1567, 0.4598]
	// g_within 0.1640 [-0.1696, 0.4976]
}

// The planning ICC of a pilot's outcome, as evalkit icc computes it. The
// values agree with R 4.2.2 and lme4 1.1.31 (testdata/r/multilevel.R):
// lmer(y ~ 1 + (1 | cluster), REML = TRUE) gives 0.1637, and Searle's
// interval from anova(lm(y ~ factor(cluster))) 0.0788 to 0.3290.
func ExampleICC() {
	t, err := table.ReadFile("../../testdata/lmm/unequal.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := analysis.ICC(t, analysis.ICCColumns{Outcome: "y", Cluster: "cluster"}, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("icc %.4f [%.4f, %.4f] in %d clusters of %.2f on average (cv %.3f)\n",
		r.ICC, r.ICCCILow, r.ICCCIHigh, r.Clusters, r.MeanClusterSize, r.ClusterSizeCV)
	// Output:
	// icc 0.1637 [0.0788, 0.3290] in 18 clusters of 23.67 on average (cv 1.024)
}
