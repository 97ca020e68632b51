package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/stats"
)

const dataSubgroup = "../../testdata/analyse_subgroup/subgroup.csv"

// TestSubgroupsAgainstR checks each level's fit and interaction_p against
// R 4.2.2 (testdata/r/subgroup.R): the comparison's method within the
// level (t.test; lm_robust with CR2 or HC3; fisher.test with Newcombe's
// interval; MASS 7.3-58.2 glm.nb), and car 3.1-1
// linearHypothesis(lm_robust(outcome ~ treat * factor(g) + ...), test =
// "Chisq") for interaction_p. Tolerance 1e-9 relative; 1e-6 for glm.nb,
// which iterates.
func TestSubgroupsAgainstR(t *testing.T) {
	region := func(outcome string, cov []string, block, cluster string) Columns {
		return Columns{Outcome: outcome, Covariates: cov, Block: block, Cluster: cluster, Subgroup: "region"}
	}
	for _, tc := range []struct {
		name      string
		cols      Columns
		plan      Plan
		treatment string
		method    Method
		levels    []string
		want      [][6]float64 // n, estimate, se, ci_low, ci_high, p_value
		interP    float64
		tol       float64
	}{
		// t.test within each region; lm_robust(y ~ treat * factor(region), se_type = "HC2")
		{"welch navigator", region("y", nil, "", ""), Plan{}, "navigator", WelchT, []string{"east", "north", "south"},
			[][6]float64{
				{45, 1.6071659919028338, 0.73760934374000786, 0.1188921951288201, 3.0954397886768477, 0.034964208061248551},
				{27, 2.1445000000000007, 0.80993974198216467, 0.46362002900020333, 3.8253799709997987, 0.014788853303297168},
				{30, 0.94950000000000045, 1.046307173010105, -1.2387383453424217, 3.1377383453424228, 0.37539145255673856}},
			0.66230197583581329, 1e-9},
		{"welch phone", region("y", nil, "", ""), Plan{}, "phone", WelchT, []string{"east", "north", "south"},
			[][6]float64{
				{43, 0.42533936651583559, 0.92437399008230048, -1.4604452283571472, 2.3111239613888181, 0.64865000915939164},
				{24, 1.1366666666666667, 0.95840612371780998, -0.85202950649496445, 3.125362839828298, 0.24839240633866638},
				{36, 0.026875000000000426, 0.98069318275145334, -1.9724710617453687, 2.0262210617453693, 0.97831139185182725}},
			0.71296867632669603, 1e-9},
		// lm_robust(y ~ treat + x + factor(site), clusters = ward, se_type = "CR2") within each
		// region; lm_robust(y ~ treat * factor(region) + x + factor(site), clusters = ward, se_type = "CR2")
		{"ols_cr2 navigator", region("y", []string{"x"}, "site", "ward"), Plan{}, "navigator", OLSCR2, []string{"east", "north", "south"},
			[][6]float64{
				{45, 1.7981384914188434, 0.52964710539768467, 0.63235289504612902, 2.9639240877915576, 0.0059843347265768369},
				{27, 2.9277014865971571, 0.7536594338133803, 1.1794812463684976, 4.6759217268258162, 0.0049523179427266037},
				{30, 0.70468237312752513, 1.1154939361670129, -1.8922357262530081, 3.3016004725080581, 0.54612627027070015}},
			0.19080919956702613, 1e-8},
		// the risk difference, Newcombe's interval and fisher.test within each region; the
		// linear probability model lm_robust(reoffended ~ treat * factor(region), se_type = "HC2")
		{"fisher navigator", region("reoffended", nil, "", ""), Plan{}, "navigator", FisherExact, []string{"east", "north", "south"},
			[][6]float64{
				{45, -0.3663967611336032, nan, -0.57577259819079352, -0.075227076973095552, 0.017524188458427476},
				{27, -0.28333333333333333, nan, -0.56406932618515704, 0.04859138371364452, 0.18502415458937188},
				{30, -0.20000000000000001, nan, -0.47789473978195579, 0.16362725608829115, 0.4404131267699482}},
			0.77302710746507375, 1e-9},
		// glm.nb(crimes ~ treat) within each region; lm_robust(crimes ~ treat * factor(region), se_type = "HC2")
		{"negbin navigator", region("crimes", nil, "", ""), Plan{Type: Count}, "navigator", NegBinGLM, []string{"east", "north", "south"},
			[][6]float64{
				{45, 0.80988184747583303, 0.31183279907643596, 0.43953058903369624, 1.4922934222004369, 0.49890233232189773},
				{27, 0.24827586206896554, 0.40440827490325004, 0.11238324057720847, 0.54848839888844514, 0.0005709115836527288},
				{30, 1.0833333333333333, 0.27633162742705208, 0.63030129374896005, 1.8619842966378923, 0.7720750078497618}},
			0.052033844003207957, 1e-6},
		// the subgroup is the block: lm_robust(y ~ treat + x, se_type = "HC3") within each site;
		// lm_robust(y ~ treat * factor(site) + x + factor(site), se_type = "HC3"), in which the
		// sites' main effects are the blocks'
		{"block as subgroup HC3", Columns{Outcome: "y", Covariates: []string{"x"}, Block: "site", Subgroup: "site"}, Plan{SE: stats.HC3}, "navigator", OLSHC3, []string{"A", "B", "C"},
			[][6]float64{
				{35, 1.5248746143623804, 0.56069932816483103, 0.3827674571677584, 2.6669817715570021, 0.010473559861887933},
				{35, 1.8547536403142963, 0.74856789747311125, 0.32997073010749323, 3.3795365505210997, 0.018688619746935971},
				{35, 2.3628445392933459, 0.98847431454282753, 0.349388248847192, 4.3763008297394999, 0.022886823248468385}},
			0.66460409696200029, 1e-9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := comparison(t, analyseFile(t, dataSubgroup, tc.cols, tc.plan), tc.treatment)
			require.Equal(t, tc.method, c.Method)
			require.Len(t, c.Subgroups, len(tc.levels))
			for k, g := range c.Subgroups {
				require.Equal(t, tc.levels[k], g.Level)
				w := tc.want[k]
				require.Equal(t, int(w[0]), g.N, "level %s", g.Level)
				for i, v := range []float64{g.Estimate, g.SE, g.CILow, g.CIHigh, g.PValue} {
					if isNaN(w[i+1]) {
						require.Truef(t, isNaN(v), "level %s number %d = %v, want undefined", g.Level, i, v)
						continue
					}
					require.Truef(t, scalar.EqualWithinRel(v, w[i+1], tc.tol), "level %s number %d = %.17g, R %.17g", g.Level, i, v, w[i+1])
				}
			}
			require.NotNil(t, c.InteractionP)
			require.Truef(t, scalar.EqualWithinRel(*c.InteractionP, tc.interP, 1e-8), "interaction_p %.17g, R %.17g", *c.InteractionP, tc.interP)
		})
	}
}

// The subgroups' rows are the comparison's: the three rows without a
// region are in no level, with a note, and the overall estimate is that
// of every row, as without --subgroup.
func TestSubgroupsRows(t *testing.T) {
	with := analyseFile(t, dataSubgroup, Columns{Outcome: "y", Subgroup: "region"}, Plan{})
	without := analyseFile(t, dataSubgroup, Columns{Outcome: "y"}, Plan{})
	for i, c := range with.Comparisons {
		require.Equal(t, without.Comparisons[i].Estimate, c.Estimate)
		n := 0
		for _, g := range c.Subgroups {
			n += g.N
		}
		require.Equal(t, missingRegion[c.Treatment], with.Arms[0].N+with.Arms[i+1].N-n, c.Treatment)
	}
	require.Contains(t, strings.Join(with.Comparisons[0].Notes, "\n"), `subgroups: 3 rows of arms navigator and control, with no value in the subgroup column "region", in no subgroup and left out of interaction_p`)
	require.Nil(t, without.Comparisons[0].Subgroups)
	require.Nil(t, without.Comparisons[0].InteractionP)
}

// missingRegion counts the rows of each treatment arm and the control
// without a region in subgroup.csv (testdata/r/cace_data.R: R011 and R140
// in the control arm, R077 in navigator).
var missingRegion = map[string]int{"navigator": 3, "phone": 2}

// A level with too few rows gives nulls with a note, not an error; an
// interaction that is not identified (level z of tiny holds two navigator
// rows of one ward and no control row, as R's aliased treat:factor(tiny)z,
// for which car refuses the test)
// makes interaction_p null with a note.
func TestSubgroupTooFew(t *testing.T) {
	res := analyseFile(t, dataSubgroup, Columns{Outcome: "y", Cluster: "ward", Subgroup: "tiny"}, Plan{})
	c := comparison(t, res, "navigator")
	require.Len(t, c.Subgroups, 3)
	z := c.Subgroups[2]
	require.Equal(t, "z", z.Level)
	require.Equal(t, 2, z.N)
	require.True(t, isNaN(z.Estimate) && isNaN(z.SE) && isNaN(z.PValue))
	require.Equal(t, []string{"undefined: the level has no rows of arm control"}, z.Notes)
	require.False(t, isNaN(c.Subgroups[0].Estimate))
	require.True(t, isNaN(*c.InteractionP))
	require.Contains(t, strings.Join(c.Notes, "\n"), `interaction_p: undefined: the treatment's interaction with level "z" of "tiny" is not identified (column "arm navigator:factor(tiny)z" is collinear with the columns before it), as lm_robust leaves it aliased (NA)`)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	require.Contains(t, string(b), `"interaction_p":null`)
	require.Contains(t, string(b), `{"level":"z","n":2,"estimate":null,"se":null,"ci_low":null,"ci_high":null,"p_value":null,"notes":["undefined: the level has no rows of arm control"]}`)
}

// A fit within a level that fails on the data (a covariate constant
// within the level) gives that level nulls with the reason, and the
// analysis goes on; a subgroup column that is the outcome is an error.
func TestSubgroupDataErrorIsANote(t *testing.T) {
	csv := "arm,y,x,g\ncontrol,1,1,a\ncontrol,2,1,a\ntreatment,3,1,a\ntreatment,4,1,a\ncontrol,2,2,b\ncontrol,4,3,b\ntreatment,5,1,b\ntreatment,3,4,b\n"
	d, err := ReadCSV(strings.NewReader(csv), Columns{Outcome: "y", Covariates: []string{"x"}, Subgroup: "g"})
	require.NoError(t, err)
	res, err := Analyse(d, Plan{})
	require.NoError(t, err)
	a := res.Comparisons[0].Subgroups[0]
	require.True(t, isNaN(a.Estimate))
	require.Equal(t, []string{`undefined: covariate "x" is constant in the comparison of treatment with control; leave it out of the covariates`}, a.Notes)
	require.False(t, isNaN(res.Comparisons[0].Subgroups[1].Estimate))
	_, err = ReadCSV(strings.NewReader(csv), Columns{Outcome: "y", Subgroup: "y"})
	require.EqualError(t, err, `analysis: the subgroup column "y" is the outcome or the arm column`)
}
