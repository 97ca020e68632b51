package stats

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// readQEDPanel reads a testdata/qed panel: school, town, term, first_treated,
// attendance (first_treated empty for never treated).
func readQEDPanel(t testing.TB, name string) (y []float64, unit, town []string, term, group []float64) {
	t.Helper()
	f, err := os.Open("../testdata/qed/" + name)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	num := func(s string) float64 {
		if s == "" {
			return 0
		}
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	for _, r := range rows[1:] {
		unit = append(unit, r[0])
		town = append(town, r[1])
		term = append(term, num(r[2]))
		group = append(group, num(r[3]))
		y = append(y, num(r[4]))
	}
	return y, unit, town, term, group
}

func didTreated(term, group []float64) []bool {
	d := make([]bool, len(term))
	for i := range d {
		d[i] = group[i] > 0 && term[i] >= group[i]
	}
	return d
}

func didLabels(v []float64) []string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return s
}

func TestTWFEMatchesLmRobust(t *testing.T) {
	// Values from testdata/r/did.R (R 4.2.2, estimatr 1.0.0):
	// lm_robust(attendance ~ treated_post, fixed_effects = ~ school + term,
	//           clusters = CLUSTER, se_type = "CR2").
	for _, tc := range []struct {
		name, file             string
		byTown                 bool
		balanced               bool
		est, se, df, lo, hi, p float64
	}{
		{"balanced, clusters = school", "panel_one.csv", false, true,
			2.1491666666666656, 0.25589457472368554, 28.000000000000227, 1.6249903922560116, 2.6733429410773195, 3.9021731482782357e-09},
		{"balanced, clusters = town", "panel_one.csv", true, true,
			2.1491666666666656, 0.42683933974802896, 1.002227171492206, -3.2459434093627677, 7.5442767426960984, 0.124410411424143},
		{"unbalanced, clusters = school", "panel_one_unbalanced.csv", false, false,
			2.167596307518362, 0.27202224402343295, 27.800766930458639, 1.6102040427863946, 2.7249885722503295, 1.1763335135933735e-08},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y, unit, town, term, group := readQEDPanel(t, tc.file)
			var cl []string
			if tc.byTown {
				cl = town
			}
			r, err := TWFE(y, didTreated(term, group), unit, didLabels(term), cl, 0)
			require.NoError(t, err)
			assert.Equal(t, tc.balanced, r.Balanced)
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"estimate", r.Estimate, tc.est}, {"se", r.SE, tc.se}, {"df", r.DF, tc.df},
				{"ci_low", r.CILow, tc.lo}, {"ci_high", r.CIHigh, tc.hi}, {"p", r.P, tc.p}} {
				assert.True(t, scalar.EqualWithinAbsOrRel(c.got, c.want, 0, 1e-9), "%s = %.17g, want %.17g", c.what, c.got, c.want)
			}
		})
	}
}

func TestTWFEClosedFormEqualsOLS(t *testing.T) {
	// The balanced panel's closed form and the OLS with units absorbed and
	// period dummies are two computations of the same CR2.
	y, unit, town, term, group := readQEDPanel(t, "panel_one.csv")
	d := didTreated(term, group)
	codes, _ := codeLabels(didLabels(term))
	for _, cl := range [][]string{unit, town} {
		r, err := TWFE(y, d, unit, didLabels(term), cl, 0)
		require.NoError(t, err)
		require.True(t, r.Balanced)
		est, se, df, err := twfeByOLS(y, d, unit, codes, 8, cl)
		require.NoError(t, err)
		for _, c := range [][2]float64{{r.Estimate, est}, {r.SE, se}, {r.DF, df}} {
			assert.True(t, scalar.EqualWithinAbsOrRel(c[0], c[1], 0, 1e-10), "%.17g vs %.17g", c[0], c[1])
		}
	}
}

func TestTWFEErrors(t *testing.T) {
	y, unit, _, term, group := readQEDPanel(t, "panel_one.csv")
	one := make([]string, len(y))
	_, err := TWFE(y, didTreated(term, group), unit, didLabels(term), one, 0)
	assert.ErrorIs(t, err, ErrTooFew, "one cluster")
	all := make([]bool, len(y))
	for i := range all {
		all[i] = term[i] >= 5 // every unit treated from period 5: the period effects absorb it
	}
	_, err = TWFE(y, all, unit, didLabels(term), nil, 0)
	assert.ErrorIs(t, err, ErrSingular)
	y[3] = math.NaN()
	_, err = TWFE(y, didTreated(term, group), unit, didLabels(term), nil, 0)
	assert.ErrorIs(t, err, ErrDomain)
}
