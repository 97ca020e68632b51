package stats

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, estimatr 1.0.0, iv_robust on
// testdata/models/iv.csv, printed with sprintf("%.17g") by testdata/r/iv.R.
// With blocks only the coefficients that OLS reports (not the intercept or
// the factor(town) terms) are compared. Tolerance 1e-9 relative, 1e-8 for
// the CR2 df (an eigendecomposition per cluster in R).
var ivRefCases = []struct {
	name         string
	endog, inst  []string
	exog         []string
	block        bool
	cluster      bool
	cov          CovType
	coef, se, df []float64
	seTol, dfTol float64
}{
	// iv_robust(y ~ received | treat, se_type = "HC2"): the Wald estimator
	{name: "wald estimator HC2", endog: []string{"received"}, inst: []string{"treat"}, cov: HC2,
		coef: []float64{84.15475386529225, 2.4208814643682417},
		se:   []float64{0.50824866495431398, 0.96715773576448094},
		df:   []float64{177, 177}},
	// iv_robust(y ~ received + x + female | treat + x + female, se_type = ...)
	{name: "covariates classical", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x", "female"}, cov: Classical,
		coef: []float64{22.901242722850466, 1.7385846775329332, 0.6701072022361092, 1.8689276488557307},
		se:   []float64{7.0402490746180213, 0.80277293684211481, 0.077480051996309765, 0.57775010828884499},
		df:   []float64{175, 175, 175, 175}},
	{name: "covariates HC0", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x", "female"}, cov: HC0,
		coef: []float64{22.901242722850466, 1.7385846775329332, 0.6701072022361092, 1.8689276488557307},
		se:   []float64{6.2563042407803566, 0.79695429215972713, 0.068627004551402526, 0.58261623012262453},
		df:   []float64{175, 175, 175, 175}},
	{name: "covariates HC1", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x", "female"}, cov: HC1,
		coef: []float64{22.901242722850466, 1.7385846775329332, 0.6701072022361092, 1.8689276488557307},
		se:   []float64{6.3274008894756069, 0.80601088166611989, 0.069406881911233384, 0.58923708164182953},
		df:   []float64{175, 175, 175, 175}},
	{name: "covariates HC2", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x", "female"}, cov: HC2,
		coef: []float64{22.901242722850466, 1.7385846775329332, 0.6701072022361092, 1.8689276488557307},
		se:   []float64{6.3516926488056127, 0.80589656864952397, 0.069678519507611086, 0.58921583614955375},
		df:   []float64{175, 175, 175, 175}},
	{name: "covariates HC3", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x", "female"}, cov: HC3,
		coef: []float64{22.901242722850466, 1.7385846775329332, 0.6701072022361092, 1.8689276488557307},
		se:   []float64{6.4488648926901968, 0.81496136062002034, 0.070749748270437798, 0.59590568482326167},
		df:   []float64{175, 175, 175, 175}},
	// iv_robust(y ~ received + x + factor(town) | treat + x + factor(town), se_type = "HC2")
	{name: "block HC2", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x"}, block: true, cov: HC2,
		coef: []float64{1.8381577264816509, 0.66413170570429381},
		se:   []float64{0.79557758644317256, 0.070990156094375312},
		df:   []float64{173, 173}},
	// the same with clusters = school, se_type = "CR2"
	{name: "block CR2", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x"}, block: true, cluster: true, cov: CR2,
		coef: []float64{1.8381577264816509, 0.66413170570429381},
		se:   []float64{1.352941287551743, 0.076978704466898348},
		df:   []float64{18.468946714995457, 16.907352763531623}},
	// iv_robust(y ~ received + x | treat + x, clusters = school, se_type = "CR2")
	{name: "CR2 no block", endog: []string{"received"}, inst: []string{"treat"}, exog: []string{"x"}, cluster: true, cov: CR2,
		coef: []float64{25.591281096772253, 1.9288922570196245, 0.6516390334597959},
		se:   []float64{7.1054317530122733, 1.4121627974537072, 0.078124386639305904},
		df:   []float64{17.691447390938098, 21.344064732656562, 17.49505732113202}},
	// one-sided non-compliance: received1 is 0 under control
	{name: "one-sided block HC2", endog: []string{"received1"}, inst: []string{"treat"}, exog: []string{"x"}, block: true, cov: HC2,
		coef: []float64{1.7645426194494447, 0.65756595761915748},
		se:   []float64{0.7731721650364658, 0.072599796881879758},
		df:   []float64{173, 173}},
	{name: "one-sided block CR2", endog: []string{"received1"}, inst: []string{"treat"}, exog: []string{"x"}, block: true, cluster: true, cov: CR2,
		coef: []float64{1.7645426194494447, 0.65756595761915748},
		se:   []float64{1.3109288814223299, 0.077835719960777969},
		df:   []float64{18.468946714994523, 16.813945426243006}},
	// iv_robust(y ~ received + rf + x + female | treat + tf + x + female, se_type = "HC2")
	{name: "two endogenous HC2", endog: []string{"received", "rf"}, inst: []string{"treat", "tf"}, exog: []string{"x", "female"}, cov: HC2,
		coef: []float64{22.564924095799373, 2.1417863321801716, -0.74983022388696985, 0.67225835520290389, 2.147168901793826},
		se:   []float64{6.3205258130058342, 1.1494239240954864, 1.5975377553126746, 0.069513603856947728, 0.8497306421641756},
		df:   []float64{174, 174, 174, 174, 174}},
	// iv_robust(y ~ received + x + female | treat + tf + x + female, se_type = "HC1")
	{name: "over-identified HC1", endog: []string{"received"}, inst: []string{"treat", "tf"}, exog: []string{"x", "female"}, cov: HC1,
		coef: []float64{22.879481544515578, 1.7718355482909594, 0.67021858118162592, 1.8676901712165361},
		se:   []float64{6.313150887993106, 0.80562969211770141, 0.069293078501015501, 0.58887653683824759},
		df:   []float64{175, 175, 175, 175}},
}

// ivTestData reads testdata/models/iv.csv with the products rf =
// received × female and tf = treat × female.
func ivTestData(t testing.TB) modelsTestData {
	d := modelsReadCSV(t, "iv.csv")
	for _, p := range [][3]string{{"rf", "received", "female"}, {"tf", "treat", "female"}} {
		a, b := d.num[p[1]], d.num[p[2]]
		v := make([]float64, len(a))
		for i := range v {
			v[i] = a[i] * b[i]
		}
		d.num[p[0]] = v
	}
	return d
}

func TestTwoStageLSAgainstR(t *testing.T) {
	d := ivTestData(t)
	for _, tc := range ivRefCases {
		t.Run(tc.name, func(t *testing.T) {
			opt := OLSOptions{Cov: tc.cov}
			if tc.block {
				opt.Block = d.labels("town")
			}
			if tc.cluster {
				opt.Cluster = d.labels("school")
			}
			des := IVDesign{Endogenous: d.cols(tc.endog...), EndogenousNames: tc.endog,
				Instruments: d.cols(tc.inst...), InstrumentNames: tc.inst,
				Exogenous: d.cols(tc.exog...), ExogenousNames: tc.exog}
			res, err := TwoStageLS(d.num["y"], des, opt)
			require.NoError(t, err)
			require.Len(t, res.Coefficients, len(tc.coef))
			dfTol := 1e-12
			if tc.cov == CR2 {
				dfTol = 1e-8
			}
			for j, c := range res.Coefficients {
				require.Truef(t, scalar.EqualWithinRel(c.Estimate, tc.coef[j], 1e-9), "%s: estimate %.17g, R %.17g", c.Name, c.Estimate, tc.coef[j])
				require.Truef(t, scalar.EqualWithinRel(c.SE, tc.se[j], 1e-9), "%s: se %.17g, R %.17g", c.Name, c.SE, tc.se[j])
				require.Truef(t, scalar.EqualWithinRel(c.DF, tc.df[j], dfTol), "%s: df %.17g, R %.17g", c.Name, c.DF, tc.df[j])
			}
		})
	}
}

// The residuals are the structural equation's, with received as observed,
// and sum to zero against the second stage's design; the coefficients'
// names follow the formula.
func TestTwoStageLSResiduals(t *testing.T) {
	d := ivTestData(t)
	des := IVDesign{Endogenous: d.cols("received"), EndogenousNames: []string{"received"},
		Instruments: d.cols("treat"), InstrumentNames: []string{"treat"},
		Exogenous: d.cols("x"), ExogenousNames: []string{"x"}}
	res, err := TwoStageLS(d.num["y"], des, OLSOptions{})
	require.NoError(t, err)
	names := []string{}
	for _, c := range res.Coefficients {
		names = append(names, c.Name)
	}
	require.Equal(t, []string{"(Intercept)", "received", "x"}, names)
	b := res.Coefficients
	for i, e := range res.Residuals {
		want := d.num["y"][i] - b[0].Estimate - b[1].Estimate*d.num["received"][i] - b[2].Estimate*d.num["x"][i]
		require.InDelta(t, want, e, 1e-9, "row %d", i)
	}
}

func TestTwoStageLSErrors(t *testing.T) {
	y := []float64{1, 2, 3, 4, 5, 6, 7, 9}
	z := []float64{0, 0, 0, 0, 1, 1, 1, 1}
	x := []float64{1, 3, 2, 5, 4, 6, 8, 7}
	for _, tc := range []struct {
		name string
		des  IVDesign
		opt  OLSOptions
		want error
		msg  string
	}{
		{"received constant", IVDesign{Endogenous: [][]float64{{0, 0, 0, 0, 0, 0, 0, 0}}, EndogenousNames: []string{"d"},
			Instruments: [][]float64{z}, InstrumentNames: []string{"z"}}, OLSOptions{}, ErrSingular, `do not move "d"`},
		{"equal take-up in both arms", IVDesign{Endogenous: [][]float64{{1, 0, 1, 0, 1, 0, 1, 0}}, EndogenousNames: []string{"d"},
			Instruments: [][]float64{z}, InstrumentNames: []string{"z"}}, OLSOptions{}, ErrSingular, `do not move "d"`},
		{"no instrument", IVDesign{Endogenous: [][]float64{x}, EndogenousNames: []string{"d"},
			Exogenous: [][]float64{z}, ExogenousNames: []string{"w"}}, OLSOptions{}, ErrSingular, "0 instruments for 1"},
		{"instrument constant within blocks", IVDesign{Endogenous: [][]float64{x}, EndogenousNames: []string{"d"},
			Instruments: [][]float64{z}, InstrumentNames: []string{"z"}}, OLSOptions{Block: []string{"a", "a", "a", "a", "b", "b", "b", "b"}}, ErrSingular, `"z" is constant within blocks`},
		{"NaN in received", IVDesign{Endogenous: [][]float64{{0, 1, math.NaN(), 0, 1, 1, 1, 0}}, EndogenousNames: []string{"d"},
			Instruments: [][]float64{z}, InstrumentNames: []string{"z"}}, OLSOptions{}, ErrDomain, "in d at observation 3"},
		{"too few", IVDesign{Endogenous: [][]float64{x[:2]}, EndogenousNames: []string{"d"},
			Instruments: [][]float64{z[:2]}, InstrumentNames: []string{"z"}}, OLSOptions{}, ErrTooFew, "2 observations"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yy := y
			if len(tc.des.Endogenous[0]) < len(y) {
				yy = y[:len(tc.des.Endogenous[0])]
			}
			_, err := TwoStageLS(yy, tc.des, tc.opt)
			require.Error(t, err)
			require.Truef(t, errors.Is(err, tc.want), "%v", err)
			require.Contains(t, err.Error(), tc.msg)
		})
	}
}

func TestTwoStageLSPanics(t *testing.T) {
	require.PanicsWithValue(t, "stats: no endogenous column", func() { _, _ = TwoStageLS([]float64{1, 2}, IVDesign{}, OLSOptions{}) })
	require.PanicsWithValue(t, "stats: slice length mismatch", func() {
		_, _ = TwoStageLS([]float64{1, 2, 3}, IVDesign{Endogenous: [][]float64{{1, 2}}, EndogenousNames: []string{"d"}}, OLSOptions{})
	})
}
