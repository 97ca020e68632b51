package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/stats"
)

// An outcome that is an exact linear function of the arm and a covariate
// (issue 21, W4): the estimate stands and its se, interval and p-value are
// null with a note, under every least-squares method, as welch_t gives
// null with a reason for the same data without the covariate. A binary
// outcome that the arm separates perfectly is the same exact fit of the
// linear probability model.
func TestExactFitIsUndefined(t *testing.T) {
	var cont, bin strings.Builder
	cont.WriteString("arm,x,y,school\n")
	bin.WriteString("arm,x,y,school\n")
	for i := range 40 {
		arm, tr := "control", 0
		if i%2 == 1 {
			arm, tr = "treatment", 1
		}
		x := float64(i%7) + 0.5*float64(i%3)
		fmt.Fprintf(&cont, "%s,%g,%g,s%d\n", arm, x, 1+2*float64(tr)+3*x, i/2)
		fmt.Fprintf(&bin, "%s,%g,%d,s%d\n", arm, x, tr, i/2)
	}
	for _, tc := range []struct {
		name, csv string
		cluster   string
		se        stats.CovType
		method    Method
		estimate  float64
	}{
		{"continuous hc2", cont.String(), "", stats.HC2, OLSHC2, 2},
		{"continuous hc0", cont.String(), "", stats.HC0, OLSHC0, 2},
		{"continuous hc1", cont.String(), "", stats.HC1, OLSHC1, 2},
		{"continuous hc3", cont.String(), "", stats.HC3, OLSHC3, 2},
		{"continuous cr2", cont.String(), "school", stats.HC2, OLSCR2, 2},
		{"binary separated hc2", bin.String(), "", stats.HC2, OLSHC2, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(tc.csv), Columns{Outcome: "y", Covariates: []string{"x"}, Cluster: tc.cluster})
			require.NoError(t, err)
			res, err := Analyse(d, Plan{SE: tc.se})
			require.NoError(t, err)
			c := res.Comparisons[0]
			require.Equal(t, tc.method, c.Method)
			require.InDelta(t, tc.estimate, c.Estimate, 1e-12)
			require.True(t, isNaN(c.SE) && isNaN(c.PValue) && isNaN(c.CILow) && isNaN(c.CIHigh), "se %g p %g ci %g to %g", c.SE, c.PValue, c.CILow, c.CIHigh)
			require.Contains(t, strings.Join(c.Notes, "\n"), "se, ci, p_value: undefined: the residuals are all zero")
		})
	}
}
