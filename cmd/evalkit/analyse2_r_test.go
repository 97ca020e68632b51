package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// analyse2RCases are evalkit analyse's numbers with covariates, blocks and
// clusters as R 4.2.2 computes them on the same files (testdata/r/analyse2.R;
// estimatr 1.0.0, MASS 7.3-58.2). want holds estimate, se, ci_low, ci_high,
// p_value, df (least squares only) and, for a continuous outcome,
// adjusted_g with its interval.
var analyse2RCases = []struct {
	name, args, treatment string
	tol                   float64
	want                  []float64
}{
	// lm_robust(y ~ treat + attendance_baseline + factor(town), clusters = school, se_type = "CR2")
	{"school CR2", "school_navigators.csv --outcome attendance --covariates attendance_baseline --cluster school --block town", "treatment", 1e-8,
		[]float64{2.1098145017987449, 0.94306713890452842, 0.14208710981304229, 4.0775418937844474, 0.036870520454550713, 19.917293410256889, 0.34292245323435433, 0.023094381154611775, 0.66275052531409684}},
	// lm_robust(y ~ treat + attendance_baseline + factor(town), se_type = "HC2")
	{"school HC2", "school_navigators.csv --outcome attendance --covariates attendance_baseline --block town", "treatment", 1e-8,
		[]float64{2.1098145017987484, 0.29220623544275459, 1.5364074804774845, 2.6832215231200123, 1.0252556878429693e-12, 1001, 0.34292245323435488, 0.24972272298051079, 0.43612218348819903}},
	// lm_robust(y ~ treat + prior_offences, se_type = "HC2"), a linear probability model
	{"deterrence HC2", "focused_deterrence.csv --outcome reoffended --covariates prior_offences", "treatment", 1e-8,
		[]float64{-0.065439253778223738, 0.0474752120679858, -0.15878239581924458, 0.027903888262797119, 0.16888403191529736, 385}},
	// lm_robust(y ~ treat + x1 + x2 + factor(block), clusters = cluster, se_type = "CR2") on the
	// rows of navigator and control, block D (control only) left out
	{"awkward CR2 navigator", "awkward.csv --outcome y --covariates x1,x2 --block block --cluster cluster", "navigator", 1e-8,
		[]float64{2.9255667829396801, 1.2758957716792716, -0.10644735230561553, 5.9575809181849753, 0.056457973191806614, 6.8331320589859796, 0.47384914294918817, -0.017241099042197523, 0.96493938494057385}},
	{"awkward CR2 phone", "awkward.csv --outcome y --covariates x1,x2 --block block --cluster cluster", "phone", 1e-8,
		[]float64{0.80021018918810749, 0.99569547407614334, -1.3918822792315153, 2.9923026576077305, 0.43864637251876082, 10.976134342200226, 0.12923322684575403, -0.22478773797796184, 0.48325419166946998}},
	// the same with se_type = "HC2" and no clusters
	{"awkward HC2 navigator", "awkward.csv --outcome y --covariates x1,x2 --block block", "navigator", 1e-8,
		[]float64{2.9255667829396801, 1.2462820587033747, 0.36840722275022175, 5.4827263431291389, 0.026485844180730481, 27, 0.47384914294918817, 0.059670299708923971, 0.88802798618945245}},
	{"awkward HC2 phone", "awkward.csv --outcome y --covariates x1,x2 --block block", "phone", 1e-8,
		[]float64{0.80021018918810749, 1.0111894800378369, -1.2364299693567611, 2.8368503477329758, 0.43288814571711998, 45, 0.12923322684575403, -0.19968232955255369, 0.45814878324406172}},
	// lm_robust(y ~ treat + factor(block), clusters = cluster, se_type = "CR2")
	{"tiny_cluster CR2", "tiny_cluster.csv --outcome y --block block --cluster cluster", "treatment", 1e-8,
		[]float64{3.1921052631578934, 0.89224404319741979, 0.88757807149157131, 5.4966324548242156, 0.016344550272349788, 4.9222419066740537, 1.9113167950186478, 0.53144954037444281, 3.2911840496628528}},
	// lm_robust(y ~ treat + z, se_type = "HC2"): z is 1 in one row, of leverage 1, whose
	// residual is 0 and which adds nothing (estimatr's rule)
	{"leverage_one HC2", "leverage_one.csv --outcome y --covariates z", "treatment", 1e-8,
		[]float64{0.62652777777777802, 0.4533970700484371, -0.32244319603185001, 1.5754987515874062, 0.18304989873765171, 19, 0.67318396309271722, -0.34645485208477472, 1.6928227782702092}},
	// lm_robust(y ~ treat + z, clusters = school, se_type = "CR2"): the estimate (and
	// adjusted_g); the row of leverage 1 is a cluster of its own, so evalkit calls the CR2 se,
	// interval, p-value and df undefined (null), where estimatr prints numbers from a
	// generalised inverse.
	{"leverage_one CR2", "leverage_one.csv --outcome y --covariates z --cluster school", "treatment", 1e-8,
		[]float64{0.62652777777777802, analyse2NaN, analyse2NaN, analyse2NaN, analyse2NaN, analyse2NaN, 0.67318396309271722, analyse2NaN, analyse2NaN}},
	// MASS::glm.nb(crimes_after ~ treat + crimes_before + factor(area) + offset(log(weeks))):
	// exp(coef), its se, exp(confint.default), Wald p. glm.nb iterates (to 1e-8 in the
	// log-likelihood), so 1e-6.
	{"hotspots negbin", "hotspots.csv --outcome crimes_after --type count --exposure weeks --covariates crimes_before --block area", "treatment", 1e-6,
		[]float64{0.75542285654564301, 0.096458741408017273, 0.62529404319138926, 0.91263254209013955, 0.0036404277951436058}},
	// glm(..., family = poisson), the same formula; IRLS to glm.control's 1e-8.
	{"hotspots poisson", "hotspots.csv --outcome crimes_after --type count --exposure weeks --covariates crimes_before --block area --model poisson", "treatment", 1e-6,
		[]float64{0.75664040204332539, 0.083533449609569349, 0.64237070393717099, 0.8912372474263407, 0.000842656195622199}},
}

var analyse2NaN = math.NaN()

// analyse2Comparison is a comparison as --json prints it.
type analyse2Comparison struct {
	Treatment, Method string
	Estimate, SE, DF  *float64
	CILow             *float64         `json:"ci_low"`
	CIHigh            *float64         `json:"ci_high"`
	PValue            *float64         `json:"p_value"`
	RIPValue          *float64         `json:"ri_p_value"`
	PHolm             *float64         `json:"p_holm"`
	EffectSizes       []analyse2Effect `json:"effect_sizes"`
	Notes             []string
}

// analyse2Effect is an effect size as --json prints it.
type analyse2Effect struct {
	Measure string
	Value   *float64
	CILow   *float64 `json:"ci_low"`
	CIHigh  *float64 `json:"ci_high"`
}

// analyse2JSON runs evalkit analyse --json with args on a file of
// testdata/analyse2 and decodes its comparisons.
func analyse2JSON(t *testing.T, args string) map[string]analyse2Comparison {
	t.Helper()
	f := strings.Fields(args)
	out, stderr, code := runCmd(t, append([]string{"analyse", "--json", "--in", analyse2Data + f[0]}, f[1:]...)...)
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", args, code, stderr)
	}
	var res struct{ Comparisons []analyse2Comparison }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%s: %v", args, err)
	}
	m := map[string]analyse2Comparison{}
	for _, c := range res.Comparisons {
		m[c.Treatment] = c
	}
	return m
}

func TestAnalyse2AgainstR(t *testing.T) {
	for _, c := range analyse2RCases {
		t.Run(c.name, func(t *testing.T) {
			cmp, ok := analyse2JSON(t, c.args)[c.treatment]
			if !ok {
				t.Fatalf("no comparison of %s", c.treatment)
			}
			var got []*float64
			got = append(got, cmp.Estimate, cmp.SE, cmp.CILow, cmp.CIHigh, cmp.PValue)
			if strings.HasPrefix(cmp.Method, "ols_") {
				got = append(got, cmp.DF)
			}
			for _, e := range cmp.EffectSizes {
				got = append(got, e.Value, e.CILow, e.CIHigh)
			}
			if len(got) != len(c.want) {
				t.Fatalf("%d numbers, want %d", len(got), len(c.want))
			}
			for i, w := range c.want {
				if math.IsNaN(w) && got[i] == nil {
					continue
				}
				if got[i] == nil || !scalar.EqualWithinAbsOrRel(*got[i], w, 1e-300, c.tol) {
					g := math.NaN()
					if got[i] != nil {
						g = *got[i]
					}
					t.Errorf("value %d = %.17g, want %.17g (R)", i, g, w)
				}
			}
		})
	}
}

// analyse2Data is the folder of the data sets that testdata/r/analyse2.R
// reads.
const analyse2Data = "../../testdata/analyse2/"
