package qed

import (
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/internal/table"
)

var panelCols = PanelColumns{Unit: "school", Time: "term", Outcome: "attendance", FirstTreated: "first_treated"}

func readPanel(t testing.TB, file string, cols PanelColumns) *Panel {
	t.Helper()
	tb, err := table.ReadFile("../testdata/qed/" + file)
	require.NoError(t, err)
	p, err := ReadPanel(tb, cols)
	require.NoError(t, err)
	return p
}

func TestDiDMatchesR(t *testing.T) {
	for _, tc := range []struct {
		name, file, cluster, method string
		est, se                     float64
		pretrend                    float64
	}{
		// did::aggte(att_gt(...), type = "simple"), testdata/r/did.out (did 2.1.2)
		{"staggered", "panel_staggered.csv", "", "callaway_santanna", 2.834924999999989, 0.34304229880326575, 0.26300891087890188},
		{"unbalanced", "panel_unbalanced.csv", "", "callaway_santanna", 2.9080988425925809, 0.38759604844152873, 0.7172918078389775},
		// lm_robust(attendance ~ treated_post, fixed_effects = ~ school + term, clusters, se_type = "CR2") (estimatr 1.0.0)
		{"one cohort", "panel_one.csv", "", "twfe_cr2", 2.1491666666666656, 0.25589457472368554, 0},
		{"one cohort by town", "panel_one.csv", "town", "twfe_cr2", 2.1491666666666656, 0.42683933974802896, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cols := panelCols
			cols.Cluster = tc.cluster
			r, err := readPanel(t, tc.file, cols).DiD(DiDOptions{})
			require.NoError(t, err)
			assert.Equal(t, tc.method, r.Method)
			assert.Equal(t, 3, r.SMSLevel)
			assert.True(t, scalar.EqualWithinAbsOrRel(r.Simple.Estimate, tc.est, 1e-11, 1e-9), "estimate %.17g", r.Simple.Estimate)
			assert.True(t, scalar.EqualWithinRel(r.Simple.SE, tc.se, 1e-9), "se %.17g", r.Simple.SE)
			if tc.method == "twfe_cr2" {
				assert.Nil(t, r.ATTGT)
				assert.Nil(t, r.Dynamic)
				assert.True(t, math.IsNaN(r.PretrendP))
			} else {
				assert.True(t, scalar.EqualWithinRel(r.PretrendP, tc.pretrend, 1e-9), "pretrend_p %.17g", r.PretrendP)
				assert.Len(t, r.ATTGT, 24)
			}
		})
	}
}

func TestDiDUnbalancedWarns(t *testing.T) {
	r, err := readPanel(t, "panel_unbalanced.csv", panelCols).DiD(DiDOptions{})
	require.NoError(t, err)
	require.NotEmpty(t, r.Warnings)
	assert.True(t, strings.HasPrefix(r.Warnings[0], "unbalanced_panel: 23 unit-periods are missing"), r.Warnings[0])
}

func TestDiDRandomisationReproducible(t *testing.T) {
	for _, file := range []string{"panel_one.csv", "panel_staggered.csv"} {
		p := readPanel(t, file, panelCols)
		var got []float64
		for _, procs := range []int{1, 2} {
			old := runtime.GOMAXPROCS(procs)
			r, err := p.DiD(DiDOptions{Permutations: 60, Seed: 7})
			runtime.GOMAXPROCS(old)
			require.NoError(t, err)
			require.NotNil(t, r.RIDraws)
			assert.Equal(t, 60, *r.RIDraws)
			assert.False(t, *r.RIExact)
			got = append(got, r.RIPValue)
		}
		assert.Equal(t, got[0], got[1], "%s: the same seed on one core and two", file)
		// The effects are large: no permutation comes near the estimate.
		assert.Equal(t, 1.0/61, got[0], file)
	}
}

func TestDiDRandomisationExact(t *testing.T) {
	// 5 units, a and b treated from period 2: 10 assignments. The changes
	// are 4, 3, 1, 0.5 and 1.5; a pair with changes summing to s has
	// estimate s/2 - (10 - s)/3, at least the observed 2.5 only for a and b.
	csv := "u,t,g,y\na,1,2,1\na,2,2,5\nb,1,2,1\nb,2,2,4\nc,1,0,1\nc,2,0,2\nd,1,0,2\nd,2,0,2.5\ne,1,0,0\ne,2,0,1.5\n"
	tb, err := table.Read(strings.NewReader(csv), "tiny.csv")
	require.NoError(t, err)
	p, err := ReadPanel(tb, PanelColumns{Unit: "u", Time: "t", Outcome: "y", FirstTreated: "g"})
	require.NoError(t, err)
	r, err := p.DiD(DiDOptions{Permutations: 100, Seed: 1})
	require.NoError(t, err)
	assert.True(t, *r.RIExact)
	assert.Equal(t, 10, *r.RIDraws)
	assert.InDelta(t, 2.5, r.Simple.Estimate, 1e-12)
	assert.Equal(t, 0.1, r.RIPValue)
}

func TestDiDErrors(t *testing.T) {
	tb, err := table.ReadFile("../testdata/qed/panel_staggered.csv")
	require.NoError(t, err)
	cols := panelCols
	cols.Cluster = "town"
	p, err := ReadPanel(tb, cols)
	require.NoError(t, err)
	_, err = p.DiD(DiDOptions{})
	assert.ErrorContains(t, err, "clustered on unit")
	never := panelCols
	never.FirstTreated = "town" // text is not a period
	_, err = ReadPanel(tb, never)
	assert.ErrorContains(t, err, `column "town"`)
}

func TestReadPanelErrors(t *testing.T) {
	for _, tc := range []struct{ name, csv, want string }{
		{"two rows for a period", "u,t,g,y\na,1,2,1\na,1,2,2\n", `p.csv: not a panel: unit "a" has two rows for period 1 (rows 2 and 3)`},
		{"first treated changes", "u,t,g,y\na,1,2,1\na,2,3,2\n", `p.csv: not a panel: unit "a" is first treated in period 2 at row 2 and 3 at row 3 (column "g")`},
		{"negative first treated", "u,t,g,y\na,1,-2,1\n", `p.csv: row 2, column "g": "-2": a first treated period cannot be negative`},
		{"missing unit", "u,t,g,y\n,1,2,1\n", `p.csv: row 2, column "u": missing value; every row needs one`},
		{"missing period", "u,t,g,y\na,NA,2,1\n", `p.csv: row 2, column "t": missing value; every row needs one`},
		{"text period", "u,t,g,y\na,term1,2,1\n", `p.csv: row 2, column "t": "term1": not a number`},
		{"no outcomes", "u,t,g,y\na,1,2,NA\n", `p.csv: no row has an outcome in column "y"`},
		{"unknown column", "u,t,g,x\na,1,2,1\n", `p.csv: no column "y"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := table.Read(strings.NewReader(tc.csv), "p.csv")
			require.NoError(t, err)
			_, err = ReadPanel(tb, PanelColumns{Unit: "u", Time: "t", Outcome: "y", FirstTreated: "g"})
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q, want %q...", err, tc.want)
		})
	}
}

func TestReadPanelMissingOutcome(t *testing.T) {
	tb, err := table.Read(strings.NewReader("u,t,g,y\na,1,,1\na,2,NA,.\nb,1,0,3\n"), "p.csv")
	require.NoError(t, err)
	p, err := ReadPanel(tb, PanelColumns{Unit: "u", Time: "t", Outcome: "y", FirstTreated: "g"})
	require.NoError(t, err)
	assert.Equal(t, 1, p.Missing)
	assert.Equal(t, []float64{0, 0}, p.FirstTreated)
	_, err = p.DiD(DiDOptions{})
	assert.ErrorContains(t, err, "no unit is ever treated")
}

func TestDiDText(t *testing.T) {
	r, err := readPanel(t, "panel_one.csv", panelCols).DiD(DiDOptions{})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	assert.Contains(t, b.String(), "ATT (treated x after)  2.149     0.2559  [1.625, 2.673]  28  3.902e-09")
	assert.Contains(t, b.String(), "level 3 of the Maryland Scientific Methods Scale")
	assert.Contains(t, b.String(), "would raise the evidence to level 5")
}

func BenchmarkDiDFile(b *testing.B) {
	// 10,000 units by 100 periods (1e6 rows) read from CSV text, as evalkit did reads a file.
	var sb strings.Builder
	sb.WriteString("unit,time,first,y\n")
	for u := 0; u < 10000; u++ {
		g := []int{26, 51, 76, 0}[u%4]
		for t := 1; t <= 100; t++ {
			y := float64(u%97)/10 + 0.1*float64(t) + float64((u*31+t*17)%13)/13
			if g > 0 && t >= g {
				y++
			}
			sb.WriteString("u" + itoa(u) + "," + itoa(t) + "," + itoa(g) + "," + ftoa(y) + "\n")
		}
	}
	data := sb.String()
	for b.Loop() {
		tb, err := table.Read(strings.NewReader(data), "big.csv")
		if err != nil {
			b.Fatal(err)
		}
		p, err := ReadPanel(tb, PanelColumns{Unit: "unit", Time: "time", Outcome: "y", FirstTreated: "first"})
		if err != nil {
			b.Fatal(err)
		}
		r, err := p.DiD(DiDOptions{})
		if err != nil {
			b.Fatal(err)
		}
		benchSink += r.Simple.SE
	}
}

var benchSink float64

func itoa(i int) string { return strconv.Itoa(i) }

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

func TestDiDTreatedAfterPanel(t *testing.T) {
	// Unit e is first treated in period 9, after the panel's last: it is
	// never treated here, so there is one cohort and the model is TWFE.
	csv := "u,t,g,y\na,1,2,1\na,2,2,5\nb,1,2,1\nb,2,2,4\nc,1,0,1\nc,2,0,2\nd,1,0,2\nd,2,0,2.5\ne,1,9,0\ne,2,9,1.5\n"
	tb, err := table.Read(strings.NewReader(csv), "tiny.csv")
	require.NoError(t, err)
	p, err := ReadPanel(tb, PanelColumns{Unit: "u", Time: "t", Outcome: "y", FirstTreated: "g"})
	require.NoError(t, err)
	r, err := p.DiD(DiDOptions{Permutations: 100, Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, "twfe_cr2", r.Method)
	assert.Equal(t, 3, r.NeverTreated)
	assert.InDelta(t, 2.5, r.Simple.Estimate, 1e-12)
	assert.Equal(t, 0.1, r.RIPValue) // as TestDiDRandomisationExact: e is a control
	assert.Contains(t, r.Warnings[0], "treated_after_panel: 1 units")
}
