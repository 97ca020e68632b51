package stats

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// didReference holds the values testdata/r/did.R printed for one panel
// (R 4.2.2, did 2.1.2, DRDID 1.0.4, BMisc 1.4.5): did::att_gt(yname =
// "attendance", tname = "term", idname = "id", gname = "first_treated",
// est_method = "reg", control_group = "nevertreated", base_period =
// "universal", bstrap = FALSE, cband = FALSE, allow_unbalanced_panel = TRUE)
// and did::aggte(..., type = "simple" | "dynamic", bstrap = FALSE, cband =
// FALSE), with intervals estimate ± qnorm(0.975) se.
type didReference struct {
	cells           [][4]float64 // group, time, att, se
	w, q, pretrendP float64
	simple, dynamic [4]float64 // estimate, se, ci_low, ci_high
	events          [][3]float64
}

// readDiDReference parses the section of testdata/r/did.out for file.
func readDiDReference(t *testing.T, file string) didReference {
	t.Helper()
	f, err := os.Open("../testdata/r/did.out")
	require.NoError(t, err)
	defer f.Close()
	var ref didReference
	in := false
	num := func(s string) float64 {
		if s == "NA" {
			return math.NaN()
		}
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.Fields(sc.Text())
		if len(w) == 0 {
			continue
		}
		if w[0] == "##" {
			in = w[1] == "testdata/qed/"+file && strings.HasPrefix(w[2], "att_gt")
			continue
		}
		if !in {
			continue
		}
		switch w[0] {
		case "att_gt":
			ref.cells = append(ref.cells, [4]float64{num(w[1]), num(w[2]), num(w[3]), num(w[4])})
		case "W":
			ref.w, ref.q, ref.pretrendP = num(w[1]), num(w[3]), num(w[5])
		case "simple":
			ref.simple = [4]float64{num(w[1]), num(w[2]), num(w[3]), num(w[4])}
		case "dynamic":
			ref.dynamic = [4]float64{num(w[1]), num(w[2]), num(w[3]), num(w[4])}
		case "event":
			ref.events = append(ref.events, [3]float64{num(w[1]), num(w[2]), num(w[3])})
		}
	}
	require.NotEmpty(t, ref.cells, "no reference for %s", file)
	return ref
}

// didClose compares with NaN equal to NaN and 0 within abs, else relative.
func didClose(t *testing.T, what string, got, want, abs, rel float64) {
	t.Helper()
	if math.IsNaN(want) {
		assert.True(t, math.IsNaN(got), "%s = %v, want NaN", what, got)
		return
	}
	assert.True(t, scalar.EqualWithinAbsOrRel(got, want, abs, rel), "%s = %.17g, want %.17g", what, got, want)
}

func TestCallawaySantAnnaMatchesDid(t *testing.T) {
	for _, file := range []string{"panel_staggered.csv", "panel_unbalanced.csv"} {
		t.Run(file, func(t *testing.T) {
			ref := readDiDReference(t, file)
			y, unit, _, term, group := readQEDPanel(t, file)
			r, err := CallawaySantAnna(y, term, group, unit, 0)
			require.NoError(t, err)
			require.Len(t, r.Cells, len(ref.cells))
			// ATT(g,t) are differences of means of about 90, so their
			// rounding error is about 1e-14 in absolute terms.
			const abs, rel = 1e-11, 1e-9
			for k, c := range r.Cells {
				want := ref.cells[k]
				assert.Equal(t, want[0], c.Group)
				assert.Equal(t, want[1], c.Time)
				didClose(t, "att", c.ATT, want[2], abs, rel)
				didClose(t, "se", c.SE, want[3], 0, rel)
			}
			for i, v := range []float64{r.Simple.Estimate, r.Simple.SE, r.Simple.CILow, r.Simple.CIHigh} {
				didClose(t, "simple", v, ref.simple[i], abs, rel)
			}
			for i, v := range []float64{r.Dynamic.Estimate, r.Dynamic.SE, r.Dynamic.CILow, r.Dynamic.CIHigh} {
				didClose(t, "dynamic", v, ref.dynamic[i], abs, rel)
			}
			require.Len(t, r.ByEventTime, len(ref.events))
			for k, e := range r.ByEventTime {
				assert.Equal(t, ref.events[k][0], e.EventTime)
				didClose(t, "event estimate", e.Estimate, ref.events[k][1], abs, rel)
				didClose(t, "event se", e.SE, ref.events[k][2], 0, rel)
			}
			didClose(t, "W", r.PretrendW, ref.w, 0, rel)
			assert.Equal(t, int(ref.q), r.PretrendQ)
			didClose(t, "pretrend_p", r.PretrendP, ref.pretrendP, 0, rel)
		})
	}
}
