package rct

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// readCSVTest reads testdata/rct/name as records, without its header.
func readCSVTest(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "rct", name))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return recs[1:]
}

func atofTest(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

func atoiTest(t *testing.T, s string) int {
	t.Helper()
	v, err := strconv.Atoi(s)
	require.NoError(t, err)
	return v
}

// TestClopperPearson checks MCInterval against R's 99% Clopper-Pearson
// interval at 209 (x, B), B from 1 to 1e6 with x = 0 and x = B among them:
// testdata/rct/clopper_pearson.csv, made by testdata/r/rct_clopper_pearson.R
// with binom.test(x, B, conf.level = 0.99)$conf.int (R 4.2.2).
func TestClopperPearson(t *testing.T) {
	recs := readCSVTest(t, "clopper_pearson.csv")
	require.Len(t, recs, 209)
	for _, r := range recs {
		x, B := atoiTest(t, r[0]), atoiTest(t, r[1])
		wantLow, wantHigh := atofTest(t, r[2]), atofTest(t, r[3])
		low, high := RIResult{Extreme: x, Draws: B}.MCInterval()
		if x == 0 {
			assert.Equal(t, 0.0, low, "x = 0, B = %d", B)
		}
		if x == B {
			assert.Equal(t, 1.0, high, "x = B = %d", B)
		}
		assert.True(t, scalar.EqualWithinAbsOrRel(low, wantLow, 0, 1e-9), "x = %d, B = %d: low %v, R %v", x, B, low, wantLow)
		assert.True(t, scalar.EqualWithinAbsOrRel(high, wantHigh, 0, 1e-9), "x = %d, B = %d: high %v, R %v", x, B, high, wantHigh)
	}
}

// TestBinomialTails checks the probabilities the interval is refined on
// against R's dbinom(k, n, p), pbinom(k - 1, n, p, lower.tail = FALSE) and
// pbinom(k, n, p) (R 4.2.2, testdata/r/rct_clopper_pearson.R), n up to
// 1e6, to 1e-10: R's dbinom(999999, 1e6, 0.99999) = 0.00045398113789957674
// is itself 1.4e-11 from the exact 0.000453981137906104051 (mpmath 1.3.0,
// 40 digits, binomial(n, k) p^k (1-p)^(n-k) at the double p), which
// binomialPMF gives to 1e-16.
func TestBinomialTails(t *testing.T) {
	// The exact value (mpmath) where R 4.2.2 is not.
	assert.True(t, scalar.EqualWithinAbsOrRel(binomialPMF(999999, 1000000, 0.99999), 0.000453981137906104051, 0, 1e-14))
	for _, r := range readCSVTest(t, "binomial.csv") {
		k, n, p := atoiTest(t, r[0]), atoiTest(t, r[1]), atofTest(t, r[2])
		for _, c := range []struct {
			what      string
			got, want float64
		}{
			{"pmf", binomialPMF(k, n, p), atofTest(t, r[3])},
			{"upper", binomialUpper(k, n, p), atofTest(t, r[4])},
			{"lower", binomialLower(k, n, p), atofTest(t, r[5])},
		} {
			assert.True(t, scalar.EqualWithinAbsOrRel(c.got, c.want, 0, 1e-10), "%s(%d, %d, %v) = %v, R %v", c.what, k, n, p, c.got, c.want)
		}
	}
}

func TestMCSE(t *testing.T) {
	// x = 49 of B = 999: p = 50/1000, se = sqrt(0.05 * 0.95 / 999).
	r := RIResult{P: 0.05, Extreme: 49, Draws: 999}
	assert.InDelta(t, math.Sqrt(0.05*0.95/999), r.MCSE(), 1e-17)
	exact := RIResult{P: 0.1, Extreme: 2, Draws: 20, Exact: true}
	assert.True(t, math.IsNaN(exact.MCSE()), "exact: se %v", exact.MCSE())
	low, high := exact.MCInterval()
	assert.True(t, math.IsNaN(low) && math.IsNaN(high), "exact: interval %v, %v", low, high)
	for _, bad := range []RIResult{{}, {Extreme: 3, Draws: 2}, {Extreme: -1, Draws: 2}} {
		low, high := bad.MCInterval()
		assert.True(t, math.IsNaN(low) && math.IsNaN(high), "%+v: interval %v, %v", bad, low, high)
	}
	assert.True(t, math.IsNaN(RIResult{}.MCSE()))
}

// FuzzMCInterval: any count and number of draws give an interval inside
// [0, 1] that holds x/B, or NaN, never a panic.
func FuzzMCInterval(f *testing.F) {
	f.Add(0, 1000)
	f.Add(3, 1_000_000)
	f.Add(-1, 5)
	f.Fuzz(func(t *testing.T, x, B int) {
		if B > 2_000_000 || B < -10 {
			return
		}
		low, high := RIResult{Extreme: x, Draws: B}.MCInterval()
		if x < 0 || x > B || B < 1 {
			if !math.IsNaN(low) || !math.IsNaN(high) {
				t.Fatalf("(%d, %d): %v, %v", x, B, low, high)
			}
			return
		}
		share := float64(x) / float64(B)
		if !(low >= 0 && low <= share && share <= high && high <= 1) {
			t.Fatalf("(%d, %d): %v, %v", x, B, low, high)
		}
	})
}
