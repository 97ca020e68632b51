package report

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/evalkit/evalkit/benefits"
)

// ErrNoBenefitsSensitivity is returned by BenefitsTornado for a result
// without a sensitivity analysis, or none of whose inputs has both ends
// defined.
var ErrNoBenefitsSensitivity = errors.New("the appraisal has no sensitivity analysis to draw")

// BenefitsTornado draws the one-way sensitivity of an appraisal's NPV (of
// its benefit, without a cost) as a tornado chart: for each input, widest
// spread at the top, a bar from the NPV at the inputs' values (the
// vertical line) to the NPV with the input at its low value, and one to
// the NPV with it at its high value; the labels give the two values.
// Inputs with an undefined end (an effect without an interval) are left
// out.
func BenefitsTornado(r *benefits.Result) (*plot.Plot, error) {
	base := r.NPV
	measure := "NPV"
	if r.Cost == nil {
		base, measure = r.Benefit, "Benefit"
	}
	var names []string
	var low, high []float64
	for _, s := range r.Sensitivity {
		if math.IsNaN(s.Low) || math.IsNaN(s.High) || math.IsInf(s.Low, 0) || math.IsInf(s.High, 0) {
			continue
		}
		names = append(names, fmt.Sprintf("%s %s to %s", costWords(s.Input),
			strings.TrimSuffix(benefits.InputText(s.Input, s.InputLow), ".00"), strings.TrimSuffix(benefits.InputText(s.Input, s.InputHigh), ".00")))
		low, high = append(low, s.Low), append(high, s.High)
	}
	if len(names) == 0 || math.IsNaN(base) {
		return nil, ErrNoBenefitsSensitivity
	}
	title := fmt.Sprintf("%s of %s vs %s (%s):\neach input alone at its low and its high value", measure, r.Effect.Treatment, r.Effect.Control, costWords(r.Crime.Crime))
	return tornado(title, fmt.Sprintf("£ in %d prices", r.PriceYear), base, names, low, high, "input low", "input high"), nil
}

// BenefitsTornadoSize is a size for BenefitsTornado's plot of r: 18 cm
// wide, and 3 cm plus 0.8 cm per input high.
func BenefitsTornadoSize(r *benefits.Result) (w, h vg.Length) {
	return 18 * vg.Centimeter, 3*vg.Centimeter + vg.Length(len(r.Sensitivity))*0.8*vg.Centimeter
}
