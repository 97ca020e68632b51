package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// analyseRCases are evalkit analyse's numbers on the example trials as R
// 4.2.2 computes them (testdata/r/binary.R, section "analyse examples"):
// estimate, ci_low, ci_high, p_value, p_holm, then each effect size's
// value, ci_low, ci_high and each test's statistic and p_value.
var analyseRCases = []struct {
	file, args, treatment, method string
	want                          []float64
}{
	// fisher.test, chisq.test(correct = FALSE), prop.test Wilson intervals
	// (Newcombe), Katz and Woolf written out, p.adjust(, "holm").
	{file: "reoffending.csv", args: "", treatment: "deterrence", method: "fisher_exact", want: []float64{-0.20253164556962028, -0.34220159313509052, -0.050250104172974791, 0.014219826741259829, 0.014219826741259829, 0.58974358974358976, 0.39130390948005123, 0.8888168332020876, 0.42124542124542125, 0.21862440874720793, 0.81165550515181717, 6.7956989247311821, 0.0091377743142375383}},
	{file: "reoffending.csv", args: "--level 0.9", treatment: "deterrence", method: "fisher_exact", want: []float64{-0.20253164556962028, -0.3212635906714002, -0.074797850731535442, 0.014219826741259829, 0.014219826741259829, 0.58974358974358976, 0.41798032557901693, 0.83209060417344038, 0.42124542124542125, 0.24293653288059416, 0.73042824319654631, 6.7956989247311821, 0.0091377743142375383}},
	{file: "three_arm.csv", args: "", treatment: "navigator", method: "fisher_exact", want: []float64{-0.11607142857142855, -0.29502115814771768, 0.074464639740208116, 0.29476602346794106, 0.58953204693588213, 0.72916666666666674, 0.42931411989343976, 1.2384498975010358, 0.60606060606060608, 0.26368047268820394, 1.3930097078249859, 1.3996755464480881, 0.23677790228058437}},
	{file: "three_arm.csv", args: "", treatment: "phone", method: "fisher_exact", want: []float64{-0.1224489795918367, -0.30009481420058515, 0.066852977721473694, 0.29476602346794128, 0.58953204693588213, 0.7142857142857143, 0.41990569801376065, 1.2150444350863114, 0.58823529411764708, 0.25645278521725301, 1.3492571778955125, 1.5806451612903225, 0.20866778769826427}},
	// poisson.test(c(sum_x, sum_y), c(exposure_x, exposure_y)); exposure 1 per unit without --exposure.
	{file: "hotspots.csv", args: "--exposure weeks --model poisson", treatment: "patrol", method: "poisson_exact", want: []float64{0.68094405594405594, 0.49979570730166367, 0.92415614541781865, 0.011120939587406932, 0.011120939587406932}},
	{file: "hotspots.csv", args: "--model poisson", treatment: "patrol", method: "poisson_exact", want: []float64{0.70641025641025634, 0.51848725407879903, 0.95871808256352564, 0.020908339957927013, 0.020908339957927013}},
	// MASS::glm.nb(crimes ~ treat + offset(log(weeks))) (MASS 7.3-58.2): exp(coef),
	// exp(confint.default), the Wald p-value.
	{file: "hotspots.csv", args: "--exposure weeks", treatment: "patrol", method: "negbin_glm", want: []float64{0.69300224464734084, 0.46046976812644341, 1.0429612198870291, 0.078699178794164576, 0.078699178794164576}},
	// t.test(x, y), t.test(x, y, var.equal = TRUE), wilcox.test(x, y) (normal
	// approximation, ties); effectsize 0.8.3 cohens_d, hedges_g, glass_delta.
	{file: "attendance.csv", args: "", treatment: "navigator", method: "welch_t", want: []float64{2.4788124156545308, -0.57436216324262102, 5.5319869945516826, 0.10998158521511003, 0.10998158521511003, 0.36805823969564011, -0.083754842099917196, 0.81746134517529501, 0.3643632829238338, -0.082914022665350084, 0.80925480608098466, 0.34501773389096307, -0.08227748861659577, 0.76793278079259086, 1.6147127849274907, 0.11057245557469685, 875, 0.17371516655101779}},
}

func TestAnalyseAgainstR(t *testing.T) {
	for _, c := range analyseRCases {
		// R's glm.nb iterates to a relative change of 1e-8 in the
		// log-likelihood, so its numbers are compared to 1e-6; the rest are
		// exact sums and closed forms, compared to 1e-9.
		tol := 1e-9
		if c.method == "negbin_glm" {
			tol = 1e-6
		}
		base := map[string]string{
			"reoffending.csv": "--outcome reoffended",
			"three_arm.csv":   "--outcome reattended",
			"hotspots.csv":    "--outcome crimes --type count",
			"attendance.csv":  "--outcome attendance",
		}[c.file]
		args := []string{"analyse", "--in", "testdata/analyse/" + c.file, "--json"}
		args = append(args, strings.Fields(base)...)
		args = append(args, strings.Fields(c.args)...)
		name := c.file + " " + c.args + " " + c.treatment
		out, stderr, code := runCmd(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		var res struct {
			Comparisons []struct {
				Treatment, Method                      string
				Estimate, CILow, CIHigh, PValue, PHolm *float64
				EffectSizes                            []struct{ Value, CILow, CIHigh *float64 }
				Tests                                  []struct{ Statistic, PValue *float64 }
			}
		}
		if err := json.Unmarshal([]byte(analyseJSONFieldNames(out)), &res); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, cmp := range res.Comparisons {
			if cmp.Treatment != c.treatment {
				continue
			}
			found = true
			if cmp.Method != c.method {
				t.Errorf("%s: method %q, want %q", name, cmp.Method, c.method)
			}
			got := []*float64{cmp.Estimate, cmp.CILow, cmp.CIHigh, cmp.PValue, cmp.PHolm}
			for _, e := range cmp.EffectSizes {
				got = append(got, e.Value, e.CILow, e.CIHigh)
			}
			for _, s := range cmp.Tests {
				got = append(got, s.Statistic, s.PValue)
			}
			if len(got) != len(c.want) {
				t.Errorf("%s: %d numbers, want %d", name, len(got), len(c.want))
				continue
			}
			for i, g := range got {
				tol := tol
				if c.method == "welch_t" && i >= 5 && i < 14 && (i-5)%3 != 0 {
					// effectsize finds the bounds of its intervals by
					// Nelder-Mead, which stops short of the roots.
					tol = 1e-5
				}
				if g == nil || !scalar.EqualWithinAbsOrRel(*g, c.want[i], 0, tol) {
					v := math.NaN()
					if g != nil {
						v = *g
					}
					t.Errorf("%s: number %d = %.17g, want %.17g (R)", name, i, v, c.want[i])
				}
			}
		}
		if !found {
			t.Errorf("%s: no comparison", name)
		}
	}
}

// analyseJSONFieldNames turns the JSON keys with underscores into the Go
// field names encoding/json matches case-insensitively.
func analyseJSONFieldNames(s string) string {
	return strings.NewReplacer(`"ci_low"`, `"cilow"`, `"ci_high"`, `"cihigh"`, `"p_value"`, `"pvalue"`,
		`"p_holm"`, `"pholm"`, `"effect_sizes"`, `"effectsizes"`).Replace(s)
}
