package analysis

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/internal/table"
)

// A text covariate is a factor: each level but the first (sorted byte by
// byte) is an indicator named as R names it, the levels those of the
// comparison's rows (testdata/r/factors.R prints R's: phone's comparison
// has the level Enfield, navigator's has not).
func TestFactorColumns(t *testing.T) {
	f, err := readFile(dataAnalyse2+"sites.csv", sites(""))
	require.NoError(t, err)
	tr, err := newTrial(&f, Auto, "control")
	require.NoError(t, err)
	want := map[string][]string{
		"navigator": {"x", "factor(site)Croydon", "factor(site)Ealing", "factor(site)hackney"},
		"phone":     {"x", "factor(site)Croydon", "factor(site)Ealing", "factor(site)Enfield", "factor(site)hackney"},
	}
	for _, a := range tr.treatments {
		s := tr.subsetOf(a, tr.control)
		require.NoError(t, tr.err)
		assert.Equal(t, want[a.label], s.covNames, a.label)
		require.Len(t, s.cov, len(s.covNames))
		for k, name := range s.covNames {
			if s.covLevel[k] == "" {
				continue
			}
			for i, r := range s.row {
				v := 0.0
				if f.cov[1].text[r] == s.covLevel[k] {
					v = 1
				}
				require.Equal(t, v, s.cov[k][i], "%s at data row %d", name, r)
			}
		}
	}
}

// readFile reads a file with cols.
func readFile(file string, cols Columns) (Data, error) {
	t, err := table.ReadFile(file)
	if err != nil {
		return Data{}, err
	}
	return Read(t, cols)
}

// Rows with a missing text covariate (NA or empty) are left out and counted
// in n_missing, as rows with a missing number are: sites.csv has site NA in
// rows 5 and 34 (control, navigator) and empty in row 62 (control).
func TestFactorMissing(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "y", Covariates: []string{"site"}}, Plan{})
	got := map[string]int{}
	for _, a := range res.Arms {
		got[a.Arm] = a.NMissing
	}
	assert.Equal(t, map[string]int{"control": 2, "navigator": 1, "phone": 0}, got)
}

// A factor with one level among a comparison's rows is a constant
// covariate, as is a numeric one; a level that is constant within blocks
// is named; a text column with a level for almost every row is refused at
// its first text, with its row and column.
func TestFactorErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		cols      Columns
		want      string
	}{
		{"one level", "arm,y,s\ncontrol,1,a\ntreatment,2,a\ncontrol,3,a\ntreatment,5,a\n", Columns{Outcome: "y", Covariates: []string{"s"}},
			`covariate "s" is constant in the comparison of treatment with control; leave it out of the covariates`},
		{"one level within blocks", "arm,y,s,b\ncontrol,1,a,1\ntreatment,2,a,1\ncontrol,3,a,2\ntreatment,5,a,2\n", Columns{Outcome: "y", Covariates: []string{"s"}, Block: "b"},
			`covariate "s" is constant within blocks in the comparison of treatment with control`},
		{"level nested in blocks", "arm,y,s,b\ncontrol,1,a,1\ntreatment,2,a,1\ncontrol,3,c,2\ntreatment,5,c,2\ncontrol,3,c,2\ntreatment,4,c,2\n", Columns{Outcome: "y", Covariates: []string{"s"}, Block: "b"},
			`covariate "s" has a level, "c", whose indicator is constant within blocks in the comparison of treatment with control`},
		{"one level in one comparison", "arm,y,s\ncontrol,1,a\nnav,2,a\ncontrol,3,a\nnav,5,a\nphone,1,b\nphone,3,a\n", Columns{Outcome: "y", Covariates: []string{"s"}},
			`covariate "s" is constant in the comparison of nav with control`},
		{"a level a row", "arm,y,s\ncontrol,1,a\ntreatment,2,b\ncontrol,3,c\ntreatment,5,d\n", Columns{Outcome: "y", Covariates: []string{"s"}},
			`input: row 2, column "s": "a": not a number, so covariate "s" is categorical, and its 4 levels among the 4 rows of a comparison leave no model to fit`},
		{"one level count", "arm,y,s\ncontrol,1,a\ntreatment,2,a\ncontrol,3,a\ntreatment,5,a\n", Columns{Outcome: "y", Covariates: []string{"s"}},
			`covariate "s" is constant in the comparison`},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(c.csv), c.cols)
			require.NoError(t, err)
			p := Plan{}
			if strings.HasSuffix(c.name, "count") {
				p.Type = Count
			}
			_, err = Analyse(d, p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	// testdata/analyse2/bad_covariate.csv: age is a number in every row
	// but one.
	d, err := readFile(dataAnalyse2+"bad_covariate.csv", Columns{Outcome: "y", Covariates: []string{"age"}})
	require.NoError(t, err)
	_, err = Analyse(d, Plan{})
	var pe *table.ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Equal(t, 9, pe.Row)
	assert.Equal(t, "age", pe.Column)
	assert.Equal(t, "old", pe.Value)
}

// A count model leaves out a block without events, and a factor's level
// found only there (Z) with it: the model has no indicator for Z, so it is
// not an all-zero column.
func TestFactorLevelInZeroBlock(t *testing.T) {
	const csv = "arm,y,s,b\n" +
		"control,2,a,A\ntreatment,1,b,A\ncontrol,4,b,A\ntreatment,0,a,A\ncontrol,3,a,A\ntreatment,2,b,A\n" +
		"control,5,a,B\ntreatment,3,b,B\ncontrol,1,b,B\ntreatment,2,a,B\ncontrol,6,b,B\ntreatment,1,a,B\n" +
		"control,0,Z,C\ntreatment,0,Z,C\n"
	res := analyseText(t, csv, Columns{Outcome: "y", Covariates: []string{"s"}, Block: "b"}, Plan{Type: Count, Model: Poisson})
	c := res.Comparisons[0]
	notes := strings.Join(c.Notes, "\n")
	assert.Contains(t, notes, `block "C" (column "b") has no events`)
	assert.Contains(t, notes, "2 levels among these rows")
	assert.False(t, c.Estimate != c.Estimate, "%q", c.Notes)
}

// Randomisation inference re-fits the model with the factor's indicators:
// the exact p over all 924 allocations of tiny_factor_ri.csv equals R's
// (testdata/r/factors.R, R 4.2.2: the share of allocations with |T*| >=
// |T_obs|, T the coefficient of treat in lm(y ~ treat + factor(site))).
func TestFactorRandomisationInference(t *testing.T) {
	const exact = 0.062770562770562768
	res := analyseFile(t, dataAnalyse2+"tiny_factor_ri.csv", Columns{Outcome: "y", Covariates: []string{"site"}}, Plan{Permutations: 1000, Seed: 1})
	c := comparison(t, res, "treatment")
	assert.Equal(t, exact, c.RIPValue, "%q", c.Notes)
	assert.Contains(t, strings.Join(c.Notes, "\n"), "exact, over all 924 allocations")
	// The count models re-fit the GLM with the indicators.
	res = analyseFile(t, dataAnalyse2+"sites.csv", sitesCount, Plan{Type: Count, Model: Poisson, Permutations: 50, Seed: 3})
	for _, c := range res.Comparisons {
		assert.False(t, c.RIPValue != c.RIPValue, "%s: ri_p_value undefined: %q", c.Treatment, c.Notes)
	}
}

// The balance of a text covariate is each level's share by arm, with the
// standardised difference of its indicator, as testdata/r/factors.R
// computes them (R 4.2.2); numeric covariates keep their rows, without a
// level.
func TestFactorBalanceAgainstR(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"sites.csv", sites(""), Plan{})
	// level/arm -> share, share in control, std_diff
	want := map[string][3]float64{
		"Barnet/navigator":  {0.27586206896551724, 0.21428571428571427, 0.14352535902335778},
		"Croydon/navigator": {0.17241379310344829, 0.17857142857142858, -0.016188309818321721},
		"Ealing/navigator":  {0.10344827586206896, 0.17857142857142858, -0.21711966230588872},
		"Enfield/navigator": {0, 0, nan},
		"hackney/navigator": {0.44827586206896552, 0.42857142857142855, 0.039718989247994177},
		"Barnet/phone":      {0.23333333333333334, 0.21428571428571427, 0.045712046811719816},
		"Croydon/phone":     {0.23333333333333334, 0.17857142857142858, 0.13572806094479284},
		"Ealing/phone":      {0.20000000000000001, 0.17857142857142858, 0.054722116779973455},
		"Enfield/phone":     {0.16666666666666666, 0, 0.63245553203367577},
		"hackney/phone":     {0.16666666666666666, 0.42857142857142855, -0.59787906771850829},
	}
	var levels int
	for _, b := range res.Balance {
		if b.Covariate == "x" {
			assert.Empty(t, b.Level)
			continue
		}
		require.Equal(t, "site", b.Covariate)
		levels++
		w, ok := want[b.Level+"/"+b.Arm]
		require.True(t, ok, "%s/%s", b.Level, b.Arm)
		got := [3]float64{b.Mean, b.MeanControl, b.StdDiff}
		for i := range w {
			if w[i] != w[i] {
				assert.True(t, got[i] != got[i], "%s/%s: %v, want undefined", b.Level, b.Arm, got[i])
				continue
			}
			assert.True(t, scalar.EqualWithinAbsOrRel(got[i], w[i], 1e-15, 1e-12), "%s/%s number %d: %.17g, want %.17g (R)", b.Level, b.Arm, i, got[i], w[i])
		}
	}
	assert.Equal(t, len(want), levels)
}
