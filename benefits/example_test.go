package benefits_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/evalkit/evalkit/benefits"
	"github.com/evalkit/evalkit/rct/analysis"
)

// A hotspot trial's rate ratio of 0.8 (95% CI 0.65 to 0.98) on 100 crimes
// of violence with injury expected a year, against a yearly cost of
// £100,000 with a 20% optimism bias.
func ExampleAppraise() {
	in := `{"type": "count", "level": 0.95, "comparisons": [{"treatment": "patrol", "control": "control",
		"method": "negbin_glm", "estimate": 0.8, "se": 0.1, "ci_low": 0.65, "ci_high": 0.98, "df": null}]}`
	res, err := benefits.ReadAnalysis(strings.NewReader(in), "analysis.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := benefits.EffectOf(res, "patrol")
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := benefits.Appraise(e, benefits.Options{Crime: "violence_with_injury", Baseline: 100,
		Cost: &benefits.Cost{Intervention: "Hotspot patrol", Amount: 100000, PriceYear: 2015}, OptimismBias: 0.2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("averted %.0f (%.0f to %.0f)\n", b.Averted, b.AvertedLow, b.AvertedHigh)
	fmt.Printf("benefit £%.0f, cost £%.0f, NPV £%.0f, BCR %.2f\n", b.Benefit, b.TotalCost, b.NPV, b.BCR)
	fmt.Printf("switching rate ratio %.4f\n", b.SwitchingEffect)
	// Output:
	// averted 20 (2 to 35)
	// benefit £281000, cost £120000, NPV £161000, BCR 2.34
	// switching rate ratio 0.9146
}

// D(76) = 1.035^-30 × 1.03^-45 × 1.025^-1 = 0.356278 × 0.264439 / 1.025.
func ExampleDiscountFactor() {
	for _, t := range []int{0, 1, 30, 40, 76} {
		fmt.Printf("D(%d) = %.6f\n", t, benefits.DiscountFactor(t, benefits.Standard))
	}
	fmt.Printf("health D(1) = %.6f\n", benefits.DiscountFactor(1, benefits.Health))
	// Output:
	// D(0) = 1.000000
	// D(1) = 0.966184
	// D(30) = 0.356278
	// D(40) = 0.265105
	// D(76) = 0.091916
	// health D(1) = 0.985222
}

func ExampleResult_WriteText() {
	e := benefits.Effect{Treatment: "deterrence", Control: "control", Method: analysis.FisherExact, Measure: benefits.RiskDifference,
		Estimate: -0.1, CILow: -0.18, CIHigh: -0.02, Level: 0.95}
	b, err := benefits.Appraise(e, benefits.Options{Crime: "robbery", Baseline: 200})
	if err != nil {
		fmt.Println(err)
		return
	}
	b.WriteText(os.Stdout)
	// Output:
	// Benefits of deterrence vs control (fisher_exact), robbery, in 2015 prices.
	//
	// Effect     risk difference -0.1 (95% CI -0.18 to -0.02)
	// Baseline   200 people treated
	// Unit cost  £11,320.00 a crime: Robbery (Home Office: Heeks et al. (2018), Research Report 99, 2015/16 prices)
	// Years      1, not discounted
	//
	//                    Estimate  95% CI low  95% CI high
	// Crimes averted        20.00        4.00        36.00
	// Benefit         £226,400.00  £45,280.00  £407,520.00
}
