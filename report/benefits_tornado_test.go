package report

import (
	"errors"
	"testing"

	"github.com/evalkit/evalkit/benefits"
	"github.com/evalkit/evalkit/rct/analysis"
)

// benefitsResult values a hotspot trial's rate ratio of 0.8 (95% CI 0.62
// to 1.03) on 120 crimes of violence with injury over 10 years, against a
// yearly cost of £150,000 with a 20% optimism bias.
func benefitsResult(t *testing.T, cost bool) *benefits.Result {
	t.Helper()
	e := benefits.Effect{Treatment: "patrol", Control: "control", Method: analysis.NegBinGLM, Measure: benefits.RateRatio,
		Estimate: 0.8, CILow: 0.62, CIHigh: 1.03, Level: 0.95, SE: 0.13}
	opt := benefits.Options{Crime: "violence_with_injury", Baseline: 120, Years: 10, Sensitivity: 0.1}
	if cost {
		opt.Cost, opt.OptimismBias = &benefits.Cost{Intervention: "Hotspot patrol", Amount: 150000, PriceYear: 2015}, 0.2
	}
	r, err := benefits.Appraise(e, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBenefitsTornadoGolden(t *testing.T) {
	r := benefitsResult(t, true)
	p, err := BenefitsTornado(r)
	if err != nil {
		t.Fatal(err)
	}
	w, h := BenefitsTornadoSize(r)
	checkGolden(t, "benefits_tornado", p, w, h)

	r = benefitsResult(t, false)
	if p, err = BenefitsTornado(r); err != nil {
		t.Fatal(err)
	}
	if got := p.Title.Text; got != "Benefit of patrol vs control (violence with injury):\neach input alone at its low and its high value" {
		t.Errorf("title %q", got)
	}
	if _, err := BenefitsTornado(&benefits.Result{}); !errors.Is(err, ErrNoBenefitsSensitivity) {
		t.Errorf("no sensitivity: %v", err)
	}
}
