package analysis

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/stats"
)

const dataCACE = "../../testdata/analyse_cace/"

// caceNumbers lists the cace's numbers in the order testdata/r/cace.R
// prints them.
func caceNumbers(k *CACE) []float64 {
	return []float64{k.Estimate, k.SE, k.DF, k.CILow, k.CIHigh, k.PValue, k.ComplianceTreatment, k.ComplianceControl}
}

// TestCACEAgainstR checks cace against estimatr::iv_robust (R 4.2.2,
// estimatr 1.0.0, testdata/r/cace.R) to 1e-9 relative, 1e-8 for the CR2
// df: two-sided non-compliance with clusters (CR2) and with a text
// covariate (HC2), the Wald estimator without covariates, one-sided
// non-compliance (the control arm never receives) with CR2 and in a
// three-arm trial with HC2, and --se hc3.
func TestCACEAgainstR(t *testing.T) {
	schools := func(received string, cov []string, cluster string) Columns {
		return Columns{Outcome: "y", Received: received, Covariates: cov, Block: "town", Cluster: cluster}
	}
	custody := Columns{Outcome: "wellbeing", Received: "received", Covariates: []string{"prior"}, Block: "suite"}
	for _, tc := range []struct {
		name, file string
		cols       Columns
		plan       Plan
		treatment  string
		want       []float64
	}{
		// iv_robust(y ~ received + x + factor(town) | treat + x + factor(town), clusters = school, se_type = "CR2")
		{"schools CR2", "schools.csv", schools("received", []string{"x"}, "school"), Plan{}, "treatment",
			[]float64{1.8381577264816509, 1.352941287551743, 18.468946714995457, -0.99910199011869794, 4.6754174430819999, 0.1906249754899578, 0.73563218390804597, 0.032608695652173912}},
		// iv_robust(y ~ received + x + factor(sex) + factor(town) | treat + x + factor(sex) + factor(town), se_type = "HC2")
		{"schools HC2 sex", "schools.csv", schools("received", []string{"x", "sex"}, ""), Plan{}, "treatment",
			[]float64{1.6293193514454503, 0.78663109539379317, 172, 0.0766258572105738, 3.1820128456803269, 0.039827398425697193, 0.73563218390804597, 0.032608695652173912}},
		// iv_robust(y ~ received | treat, se_type = "HC2"): the main comparison is welch_t
		{"schools HC2 no covariates", "schools.csv", Columns{Outcome: "y", Received: "received"}, Plan{}, "treatment",
			[]float64{2.4208814643682417, 0.96715773576448094, 177, 0.5122370656466726, 4.3295258630898106, 0.013217290273820409, 0.73563218390804597, 0.032608695652173912}},
		// one-sided: iv_robust(y ~ received1 + x + factor(town) | treat + x + factor(town), clusters = school, se_type = "CR2")
		{"schools one-sided CR2", "schools.csv", schools("received1", []string{"x"}, "school"), Plan{}, "treatment",
			[]float64{1.7645426194494447, 1.3109288814223299, 18.468946714994523, -0.9846126770957464, 4.5136979159946353, 0.19458533515384652, 0.73563218390804597, 0}},
		// iv_robust(wellbeing ~ received + prior + factor(suite) | treat + prior + factor(suite), se_type = "HC2"), each arm's rows with the control's
		{"custody HC2 navigator", "custody.csv", custody, Plan{}, "navigator",
			[]float64{5.96507299817209, 3.3118352011954775, 55, -0.67199305989706382, 12.602139056241244, 0.077164176275289917, 0.46666666666666667, 0}},
		{"custody HC2 phone", "custody.csv", custody, Plan{}, "phone",
			[]float64{2.5566301589194129, 2.5767386976977846, 55, -2.6072695861010988, 7.7205299039399247, 0.32544706499141485, 0.59999999999999998, 0}},
		// iv_robust(wellbeing ~ received | treat, se_type = "HC3")
		{"custody HC3 no covariates", "custody.csv", Columns{Outcome: "wellbeing", Received: "received"}, Plan{SE: stats.HC3}, "navigator",
			[]float64{5.907142857142877, 3.7029380857814735, 58, -1.5050930518731889, 13.319378766158943, 0.11608961650522942, 0.46666666666666667, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := comparison(t, analyseFile(t, dataCACE+tc.file, tc.cols, tc.plan), tc.treatment)
			require.NotNil(t, c.Cace)
			got := caceNumbers(c.Cace)
			for i, w := range tc.want {
				tol := 1e-9
				if i == 2 && tc.cols.Cluster != "" {
					tol = 1e-8
				}
				require.Truef(t, scalar.EqualWithinAbsOrRel(got[i], w, 1e-300, tol), "number %d = %.17g, R %.17g", i, got[i], w)
			}
		})
	}
}

// Rows with a missing received value are left out of the whole analysis
// and counted in n_missing, with a note; the ITT estimate is then that of
// the rows with a received value.
func TestCACEMissingReceived(t *testing.T) {
	with := analyseFile(t, dataCACE+"schools.csv", Columns{Outcome: "y", Received: "received"}, Plan{})
	without := analyseFile(t, dataCACE+"schools.csv", Columns{Outcome: "y"}, Plan{})
	// 4 rows have no received value; the one row without y (row 91) has one.
	nm := func(r *Result) int { return r.Arms[0].NMissing + r.Arms[1].NMissing }
	require.Equal(t, nm(without)+4, nm(with))
	c := with.Comparisons[0]
	require.Contains(t, strings.Join(c.Notes, "\n"), `rows: 4 rows of arms treatment and control left out for no value in the received column "received" (counted in n_missing)`)
	require.NotEqual(t, without.Comparisons[0].Estimate, c.Estimate)
	require.Nil(t, without.Comparisons[0].Cace)
}

// A received value that is neither 0, 1 nor missing is an error naming its
// row and column; so is a received column that is the outcome or a
// covariate; an arm in which no one received the intervention is an error
// saying why.
func TestCACEErrors(t *testing.T) {
	read := func(file string, c Columns) (Data, error) {
		f, err := os.Open(dataCACE + file)
		require.NoError(t, err)
		defer f.Close()
		return ReadCSV(f, c)
	}
	_, err := read("bad_received.csv", Columns{Outcome: "wellbeing", Received: "received"})
	var pe *table.ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	require.Equal(t, 8, pe.Row)
	require.Equal(t, "received", pe.Column)
	require.EqualError(t, err, `bad_received.csv: row 8, column "received": "2": received must be 1 (the unit received the intervention), 0 (it did not) or missing`)

	_, err = ReadCSV(strings.NewReader("arm,y,d\ncontrol,1,0\ntreatment,2,yes\n"), Columns{Outcome: "y", Received: "d"})
	require.True(t, errors.As(err, &pe), "%v", err)
	require.Equal(t, 3, pe.Row)

	_, err = read("custody.csv", Columns{Outcome: "wellbeing", Received: "prior", Covariates: []string{"prior"}})
	require.EqualError(t, err, `analysis: the received column "prior" is also a covariate`)
	_, err = read("custody.csv", Columns{Outcome: "wellbeing", Received: "wellbeing"})
	require.EqualError(t, err, `analysis: the received column "wellbeing" is the outcome or the arm column`)

	d, err := read("no_takeup.csv", Columns{Outcome: "wellbeing", Received: "received"})
	require.NoError(t, err)
	_, err = Analyse(d, Plan{})
	require.EqualError(t, err, `no_takeup.csv: no one in arm "navigator" received the intervention (column "received" is 0 in all 9 of its rows analysed), so the complier average causal effect is not identified: check that column`)
}

// When the arms receive the intervention in equal shares the instrument
// does not move receipt and the cace is undefined, with a note, while the
// ITT comparison stands.
func TestCACEUndefined(t *testing.T) {
	d, err := ReadCSV(strings.NewReader("arm,y,d\ncontrol,1,1\ncontrol,2,0\ntreatment,3,1\ntreatment,5,0\ncontrol,2,0\ntreatment,4,0\n"), Columns{Outcome: "y", Received: "d"})
	require.NoError(t, err)
	res, err := Analyse(d, Plan{})
	require.NoError(t, err)
	c := res.Comparisons[0]
	require.False(t, isNaN(c.Estimate))
	require.True(t, isNaN(c.Cace.Estimate))
	require.Contains(t, strings.Join(c.Notes, "\n"), `cace: undefined: the instruments do not move "d" beyond the exogenous columns`)
	require.InDelta(t, 1.0/3, c.Cace.ComplianceTreatment, 1e-15)
}

func isNaN(v float64) bool { return v != v }

// With CR2 and a cluster of leverage 1 (school S0 holds the only unit with
// z = 1, as in testdata/analyse2/leverage_one.csv) the cace's estimate
// stands, equal to that without clusters, and its CR2 inference is
// undefined, with a note.
func TestCACELeverageOne(t *testing.T) {
	f, err := os.ReadFile("../../testdata/analyse2/leverage_one.csv")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(f)), "\n")
	for i := range lines {
		switch {
		case i == 0:
			lines[i] += ",received"
		case i%3 == 0:
			lines[i] += ",0"
		case strings.Contains(lines[i], "treatment"):
			lines[i] += ",1"
		default:
			lines[i] += ",0"
		}
	}
	csv := strings.Join(lines, "\n") + "\n"
	fit := func(cluster string) *CACE {
		d, err := ReadCSV(strings.NewReader(csv), Columns{Outcome: "y", Covariates: []string{"z"}, Cluster: cluster, Received: "received"})
		require.NoError(t, err)
		res, err := Analyse(d, Plan{})
		require.NoError(t, err)
		if cluster != "" {
			require.Contains(t, strings.Join(res.Comparisons[0].Notes, "\n"), `cace: se, ci, p_value, df: undefined: cluster "S0" has leverage 1`)
		}
		return res.Comparisons[0].Cace
	}
	cr2, hc2 := fit("school"), fit("")
	require.False(t, isNaN(cr2.Estimate))
	require.InDelta(t, hc2.Estimate, cr2.Estimate, 1e-12)
	require.True(t, isNaN(cr2.SE) && isNaN(cr2.DF) && isNaN(cr2.PValue) && isNaN(cr2.CILow))
	require.False(t, isNaN(hc2.SE))
}
