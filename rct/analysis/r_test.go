package analysis

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// The data sets the R scripts read.
const (
	dataAnalyse  = "../../cmd/evalkit/testdata/analyse/" // testdata/r/binary.R, "analyse examples"
	dataAnalyse2 = "../../testdata/analyse2/"            // testdata/r/analyse2.R
)

var nan = math.NaN()

// rCase is one comparison's numbers as R computes them on a file.
type rCase struct {
	name, file string
	cols       Columns
	plan       Plan
	treatment  string
	method     Method
	// tol is the relative tolerance: 1e-9 where R is exact, looser where R
	// iterates (said beside the case).
	tol float64
	// want are the comparison's numbers in the order of rNumbers.
	want []float64
}

// rNumbers lists a comparison's numbers: estimate, se (models), ci_low,
// ci_high, p_value, df (least squares), then each effect size's value and
// interval, then (simple methods) p_holm and each test's statistic and
// p-value.
func rNumbers(c Comparison) []float64 {
	out := []float64{c.Estimate}
	model := c.Method.LeastSquares() || c.Method == NegBinGLM || c.Method == PoissonGLM
	if model {
		out = append(out, c.SE)
	}
	out = append(out, c.CILow, c.CIHigh, c.PValue)
	if c.Method.LeastSquares() {
		out = append(out, c.DF)
	}
	if !model {
		out = append(out, c.PHolm)
	}
	for _, e := range c.EffectSizes {
		out = append(out, e.Value, e.CILow, e.CIHigh)
	}
	for _, t := range c.Tests {
		out = append(out, t.Statistic, t.PValue)
	}
	return out
}

// rCases are evalkit's numbers as R 4.2.2 computes them on the same files:
// testdata/r/binary.R ("analyse examples"; stats, effectsize 0.8.3,
// MASS 7.3-58.2) and testdata/r/analyse2.R (estimatr 1.0.0, MASS 7.3-58.2).
var rCases = []rCase{
	// fisher.test, chisq.test(correct = FALSE), prop.test Wilson intervals
	// (Newcombe), Katz and Woolf written out, p.adjust(, "holm").
	{"reoffending", dataAnalyse + "reoffending.csv", Columns{Outcome: "reoffended"}, Plan{}, "deterrence", FisherExact, 1e-9,
		[]float64{-0.20253164556962028, -0.34220159313509052, -0.050250104172974791, 0.014219826741259829, 0.014219826741259829, 0.58974358974358976, 0.39130390948005123, 0.8888168332020876, 0.42124542124542125, 0.21862440874720793, 0.81165550515181717, 6.7956989247311821, 0.0091377743142375383}},
	{"reoffending level 0.9", dataAnalyse + "reoffending.csv", Columns{Outcome: "reoffended"}, Plan{Level: 0.9}, "deterrence", FisherExact, 1e-9,
		[]float64{-0.20253164556962028, -0.3212635906714002, -0.074797850731535442, 0.014219826741259829, 0.014219826741259829, 0.58974358974358976, 0.41798032557901693, 0.83209060417344038, 0.42124542124542125, 0.24293653288059416, 0.73042824319654631, 6.7956989247311821, 0.0091377743142375383}},
	{"three arms navigator", dataAnalyse + "three_arm.csv", Columns{Outcome: "reattended"}, Plan{}, "navigator", FisherExact, 1e-9,
		[]float64{-0.11607142857142855, -0.29502115814771768, 0.074464639740208116, 0.29476602346794106, 0.58953204693588213, 0.72916666666666674, 0.42931411989343976, 1.2384498975010358, 0.60606060606060608, 0.26368047268820394, 1.3930097078249859, 1.3996755464480881, 0.23677790228058437}},
	{"three arms phone", dataAnalyse + "three_arm.csv", Columns{Outcome: "reattended"}, Plan{}, "phone", FisherExact, 1e-9,
		[]float64{-0.1224489795918367, -0.30009481420058515, 0.066852977721473694, 0.29476602346794128, 0.58953204693588213, 0.7142857142857143, 0.41990569801376065, 1.2150444350863114, 0.58823529411764708, 0.25645278521725301, 1.3492571778955125, 1.5806451612903225, 0.20866778769826427}},
	// poisson.test(c(sum_x, sum_y), c(exposure_x, exposure_y)); exposure 1
	// per unit without an exposure column.
	{"hotspots exact", dataAnalyse + "hotspots.csv", Columns{Outcome: "crimes", Exposure: "weeks"}, Plan{Type: Count, Model: Poisson}, "patrol", PoissonExact, 1e-9,
		[]float64{0.68094405594405594, 0.49979570730166367, 0.92415614541781865, 0.011120939587406932, 0.011120939587406932}},
	{"hotspots exact per unit", dataAnalyse + "hotspots.csv", Columns{Outcome: "crimes"}, Plan{Type: Count, Model: Poisson}, "patrol", PoissonExact, 1e-9,
		[]float64{0.70641025641025634, 0.51848725407879903, 0.95871808256352564, 0.020908339957927013, 0.020908339957927013}},
	// t.test(x, y), t.test(x, y, var.equal = TRUE), wilcox.test(x, y)
	// (normal approximation, ties); effectsize cohens_d, hedges_g,
	// glass_delta. effectsize finds its intervals' bounds by Nelder-Mead,
	// which stops short of the roots by up to 5e-6: see TestAgainstRWelch.
	{"attendance", dataAnalyse + "attendance.csv", Columns{Outcome: "attendance"}, Plan{}, "navigator", WelchT, 1e-9,
		[]float64{2.4788124156545308, -0.57436216324262102, 5.5319869945516826, 0.10998158521511003, 0.10998158521511003, 0.36805823969564011, -0.083754842099917196, 0.81746134517529501, 0.3643632829238338, -0.082914022665350084, 0.80925480608098466, 0.34501773389096307, -0.08227748861659577, 0.76793278079259086, 1.6147127849274907, 0.11057245557469685, 875, 0.17371516655101779}},
	// MASS::glm.nb(crimes ~ treat + offset(log(weeks))): exp(coef), se,
	// exp(confint.default), the Wald p. glm.nb iterates to a relative
	// change of 1e-8 in the log-likelihood, so 1e-6.
	{"hotspots negbin", dataAnalyse + "hotspots.csv", Columns{Outcome: "crimes", Exposure: "weeks"}, Plan{Type: Count}, "patrol", NegBinGLM, 1e-6,
		[]float64{0.69300224464734084, 0.20856813594719378, 0.46046976812644341, 1.0429612198870291, 0.078699178794164576}},

	// lm_robust(y ~ treat + attendance_baseline + factor(town), clusters = school, se_type = "CR2")
	{"school CR2", dataAnalyse2 + "school_navigators.csv", Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Cluster: "school", Block: "town"}, Plan{}, "treatment", OLSCR2, 1e-9,
		[]float64{2.1098145017987449, 0.94306713890452842, 0.14208710981304229, 4.0775418937844474, 0.036870520454550713, 19.917293410256889, 0.34292245323435433, 0.023094381154611775, 0.66275052531409684}},
	// lm_robust(y ~ treat + attendance_baseline + factor(town), se_type = "HC2")
	{"school HC2", dataAnalyse2 + "school_navigators.csv", Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Block: "town"}, Plan{}, "treatment", OLSHC2, 1e-9,
		[]float64{2.1098145017987484, 0.29220623544275459, 1.5364074804774845, 2.6832215231200123, 1.0252556878429693e-12, 1001, 0.34292245323435488, 0.24972272298051079, 0.43612218348819903}},
	// lm_robust(y ~ treat + prior_offences, se_type = "HC2"), a linear probability model
	{"deterrence HC2", dataAnalyse2 + "focused_deterrence.csv", Columns{Outcome: "reoffended", Covariates: []string{"prior_offences"}}, Plan{}, "treatment", OLSHC2, 1e-9,
		[]float64{-0.065439253778223738, 0.0474752120679858, -0.15878239581924458, 0.027903888262797119, 0.16888403191529736, 385}},
	// lm_robust(y ~ treat + x1 + x2 + factor(block), clusters = cluster, se_type = "CR2") on the
	// rows of navigator and control; block D holds only control rows and stays in the model.
	{"awkward CR2 navigator", dataAnalyse2 + "awkward.csv", awkward("cluster"), Plan{}, "navigator", OLSCR2, 1e-9,
		[]float64{2.9351632081387109, 1.3089791358513017, -0.14094876796633127, 6.0112751842437531, 0.058727541379683362, 7.2213767667967357, 0.49658571042880845, -0.023846423217811788, 1.0170178440754287}},
	{"awkward CR2 phone", dataAnalyse2 + "awkward.csv", awkward("cluster"), Plan{}, "phone", OLSCR2, 1e-9,
		[]float64{0.80021018918810749, 0.99569547407614334, -1.3918822792315153, 2.9923026576077305, 0.43864637251876082, 10.976134342200226, 0.12923322684575403, -0.22478773797796184, 0.48325419166946998}},
	// the same with se_type = "HC2" and no clusters
	{"awkward HC2 navigator", dataAnalyse2 + "awkward.csv", awkward(""), Plan{}, "navigator", OLSHC2, 1e-9,
		[]float64{2.9351632081387109, 1.2622313836981045, 0.37269726880678888, 5.4976291474706329, 0.025973273330154485, 35, 0.49658571042880845, 0.063054803048808672, 0.93011661780880817}},
	{"awkward HC2 phone", dataAnalyse2 + "awkward.csv", awkward(""), Plan{}, "phone", OLSHC2, 1e-9,
		[]float64{0.80021018918810749, 1.0111894800378369, -1.2364299693567611, 2.8368503477329758, 0.43288814571711998, 45, 0.12923322684575403, -0.19968232955255369, 0.45814878324406172}},
	// lm_robust(y ~ treat + factor(block), clusters = cluster, se_type = "CR2")
	{"tiny_cluster CR2", dataAnalyse2 + "tiny_cluster.csv", Columns{Outcome: "y", Block: "block", Cluster: "cluster"}, Plan{}, "treatment", OLSCR2, 1e-9,
		[]float64{3.1921052631578934, 0.89224404319741979, 0.88757807149157131, 5.4966324548242156, 0.016344550272349788, 4.9222419066740537, 1.9113167950186478, 0.53144954037444281, 3.2911840496628528}},
	// lm_robust(y ~ treat + z, se_type = "HC2"): z is 1 in one row, of leverage 1, whose
	// residual is 0 and which adds nothing (estimatr's rule)
	{"leverage_one HC2", dataAnalyse2 + "leverage_one.csv", Columns{Outcome: "y", Covariates: []string{"z"}}, Plan{}, "treatment", OLSHC2, 1e-9,
		[]float64{0.62652777777777802, 0.4533970700484371, -0.32244319603185001, 1.5754987515874062, 0.18304989873765171, 19, 0.67318396309271722, -0.34645485208477472, 1.6928227782702092}},
	// lm_robust(y ~ treat + z, clusters = school, se_type = "CR2"): the estimate (and
	// adjusted_g); the row of leverage 1 is a cluster of its own, so evalkit calls the CR2 se,
	// interval, p-value and df undefined, where estimatr prints numbers from a
	// generalised inverse.
	{"leverage_one CR2", dataAnalyse2 + "leverage_one.csv", Columns{Outcome: "y", Covariates: []string{"z"}, Cluster: "school"}, Plan{}, "treatment", OLSCR2, 1e-9,
		[]float64{0.62652777777777802, nan, nan, nan, nan, nan, 0.67318396309271722, nan, nan}},
	// MASS::glm.nb(crimes_after ~ treat + crimes_before + factor(area) + offset(log(weeks))):
	// exp(coef), its se, exp(confint.default), Wald p. glm.nb iterates, so 1e-6.
	{"hotspots negbin adjusted", dataAnalyse2 + "hotspots.csv", hotspots, Plan{Type: Count}, "treatment", NegBinGLM, 1e-6,
		[]float64{0.75542285654564301, 0.096458741408017273, 0.62529404319138926, 0.91263254209013955, 0.0036404277951436058}},
	// glm(..., family = poisson), the same formula; IRLS to glm.control's 1e-8.
	{"hotspots poisson adjusted", dataAnalyse2 + "hotspots.csv", hotspots, Plan{Type: Count, Model: Poisson}, "treatment", PoissonGLM, 1e-6,
		[]float64{0.75664040204332539, 0.083533449609569349, 0.64237070393717099, 0.8912372474263407, 0.000842656195622199}},
	// zero_block.csv: block D is control only, with no events. glm(y ~ treat + x + factor(b) +
	// offset(log(weeks)), family = poisson) on every row stops with D's coefficient near -Inf,
	// 4e-8 from the limit in the se (so 1e-7); evalkit leaves D out, which is that limit.
	{"zero block poisson", dataAnalyse2 + "zero_block.csv", zeroBlock, Plan{Type: Count, Model: Poisson}, "treatment", PoissonGLM, 1e-7,
		[]float64{1.3577294141042324, 0.26445734616645827, 0.80854970978791463, 2.2799206277711241, 0.24752487721376501}},

	// testdata/r/factors.R (R 4.2.2, estimatr 1.0.0, MASS 7.3-58.2): the text covariate site
	// as factor(site), its levels those of the comparison's rows (phone's include Enfield), rows
	// with site NA or empty left out:
	// lm_robust(y ~ treat + x + factor(site), se_type = "HC2") on the rows of navigator and control
	{"sites HC2 navigator", dataAnalyse2 + "sites.csv", sites(""), Plan{}, "navigator", OLSHC2, 1e-9,
		[]float64{1.5266520265720089, 1.208346770792015, -0.89920533938358993, 3.9525093925276078, 0.21218267922789252, 51, 0.28458679764781719, -0.16762298382926499, 0.73679657912489938}},
	{"sites HC2 phone", dataAnalyse2 + "sites.csv", sites(""), Plan{}, "phone", OLSHC2, 1e-9,
		[]float64{-1.0131771914617793, 1.3438663637125912, -3.7111014927245352, 1.6847471098009767, 0.45435994755776776, 51, -0.1877082524108476, -0.6875444705911431, 0.31212796576944801}},
	// the same with clusters = ward, se_type = "CR2"
	{"sites CR2 navigator", dataAnalyse2 + "sites.csv", sites("ward"), Plan{}, "navigator", OLSCR2, 1e-9,
		[]float64{1.5266520265720089, 1.8430615588616073, -2.5993590905998412, 5.652663143743859, 0.42746903807592374, 9.6643653530652909, 0.28458679764781719, -0.48455264634966833, 1.0537262416453028}},
	{"sites CR2 phone", dataAnalyse2 + "sites.csv", sites("ward"), Plan{}, "phone", OLSCR2, 1e-9,
		[]float64{-1.0131771914617793, 1.8519878712371807, -5.1833888632399763, 3.1570344803164172, 0.59723343413092, 9.2812991828336209, -0.1877082524108476, -0.96031066755545846, 0.58489416273376316}},
	// glm.nb(crimes ~ treat + x + factor(site) + offset(log(weeks))), iterating, so 1e-6
	{"sites negbin navigator", dataAnalyse2 + "sites.csv", sitesCount, Plan{Type: Count}, "navigator", NegBinGLM, 1e-6,
		[]float64{0.86954098037631344, 0.30523444739594746, 0.47805076984411443, 1.5816343456582116, 0.64697023928644648}},
	// glm(..., family = poisson), the same formula; IRLS to glm.control's 1e-8
	{"sites poisson navigator", dataAnalyse2 + "sites.csv", sitesCount, Plan{Type: Count, Model: Poisson}, "navigator", PoissonGLM, 1e-6,
		[]float64{0.79672251341290834, 0.19105963741553453, 0.54786913083618882, 1.1586102002318783, 0.2342771709287271}},
	// the outcome written in words (yes = 1): lm_robust(reoffended01 ~ treat + factor(site), se_type = "HC2")
	{"sites words HC2 navigator", dataAnalyse2 + "sites.csv", Columns{Outcome: "reoffended", Covariates: []string{"site"}}, Plan{}, "navigator", OLSHC2, 1e-9,
		[]float64{-0.41839173999287937, 0.11782675181205564, -0.65482841506733724, -0.18195506491842148, 0.0008252339951029474, 52}},
	// tiny_factor_ri.csv: lm_robust(y ~ treat + factor(site), se_type = "HC2")
	{"tiny_factor HC2", dataAnalyse2 + "tiny_factor_ri.csv", Columns{Outcome: "y", Covariates: []string{"site"}}, Plan{}, "treatment", OLSHC2, 1e-9,
		[]float64{1.407000000000002, 0.54635217222685806, 0.14710963156708878, 2.6668903684329153, 0.032857536413645472, 8, 0.92572033541851628, 0.096789180865372845, 1.7546514899716599}},
}

// sites are the columns of sites.csv with the covariates x and site (text).
func sites(cluster string) Columns {
	return Columns{Outcome: "y", Covariates: []string{"x", "site"}, Cluster: cluster}
}

var sitesCount = Columns{Outcome: "crimes", Exposure: "weeks", Covariates: []string{"x", "site"}}

var zeroBlock = Columns{Outcome: "y", Exposure: "weeks", Covariates: []string{"x"}, Block: "b"}

var hotspots = Columns{Outcome: "crimes_after", Exposure: "weeks", Covariates: []string{"crimes_before"}, Block: "area"}

func awkward(cluster string) Columns {
	return Columns{Outcome: "y", Covariates: []string{"x1", "x2"}, Block: "block", Cluster: cluster}
}

// analyseFile reads file with cols and analyses it with p.
func analyseFile(t testing.TB, file string, cols Columns, p Plan) *Result {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	d, err := ReadCSV(f, cols)
	require.NoError(t, err)
	res, err := Analyse(d, p)
	require.NoError(t, err)
	return res
}

// comparison returns the comparison of the treatment arm.
func comparison(t testing.TB, res *Result, treatment string) Comparison {
	t.Helper()
	for _, c := range res.Comparisons {
		if c.Treatment == treatment {
			return c
		}
	}
	t.Fatalf("no comparison of %s", treatment)
	return Comparison{}
}

func TestAgainstR(t *testing.T) {
	for _, c := range rCases {
		t.Run(c.name, func(t *testing.T) {
			cmp := comparison(t, analyseFile(t, c.file, c.cols, c.plan), c.treatment)
			require.Equal(t, c.method, cmp.Method)
			got := rNumbers(cmp)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				tol := c.tol
				if c.method == WelchT && i >= 5 && i < 14 && (i-5)%3 != 0 {
					// effectsize's intervals stop short of the roots by up
					// to 5e-6 (Nelder-Mead); stats checks the exact roots.
					tol = 1e-5
				}
				if math.IsNaN(w) {
					require.Truef(t, math.IsNaN(got[i]), "number %d = %.17g, want undefined", i, got[i])
					continue
				}
				require.Truef(t, scalar.EqualWithinAbsOrRel(got[i], w, 1e-300, tol),
					"number %d = %.17g, want %.17g (R)", i, got[i], w)
			}
		})
	}
}

// A block that holds only one of the two arms compared stays in the model
// with a note and the warning one_arm_block, as lm_robust(... +
// factor(block)) keeps it: in awkward.csv
// block D holds control and phone rows but no navigator.
func TestOneArmBlockStays(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"awkward.csv", awkward(""), Plan{})
	nav := comparison(t, res, "navigator")
	require.Equal(t, 35.0, nav.DF, "lm_robust's df with block D in")
	require.True(t, strings.Contains(strings.Join(nav.Notes, "\n"), `block "D" (column "block") holds only arm "control"`), "notes: %q", nav.Notes)
	blocks := withCode(res.Warnings, "one_arm_block")
	require.Len(t, blocks, 1, "warnings: %q", res.Warnings)
	require.True(t, strings.HasPrefix(blocks[0], `one_arm_block: block "D"`), blocks[0])
	phone := comparison(t, res, "phone")
	for _, n := range phone.Notes {
		require.NotContains(t, n, `block "D"`)
	}
}
