package power

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNumPrintsWholeNumbersWhole checks num, the printer of every power
// table: whole numbers keep every digit (issue #21 W1: 15697722 was shown
// as 1.56977e+07, 22 fewer per arm), others keep 6 significant digits.
func TestNumPrintsWholeNumbersWhole(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{15697722, "15697722"},
		{1000004, "1000004"},
		{999999, "999999"},
		{-3000001, "-3000001"},
		{1e15, "1000000000000000"},
		{0, "0"},
		{0.8, "0.8"},
		{15697721.979017166, "1.56977e+07"},
		{0.123456789, "0.123457"},
		{1 << 53, "9.0072e+15"},
		{1e300, "1e+300"},
	} {
		assert.Equal(t, c.want, num(c.x), "%v", c.x)
	}
	assert.Equal(t, "—", num(math.NaN()))
}

// tableValue returns the value of the row named name in the printed
// summary.
func tableValue(t *testing.T, s Summary, name string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, s.WriteText(&b))
	for _, line := range strings.Split(b.String(), "\n") {
		if f := strings.Split(strings.TrimSpace(line), "  "); f[0] == name {
			return strings.TrimSpace(f[len(f)-1])
		}
	}
	t.Fatalf("no row %q in\n%s", name, b.String())
	return ""
}

// TestTablesPrintSizesWhole checks the tables of the designs whose sizes
// run to millions: every size, cluster count and df in full, as the JSON
// gives them.
func TestTablesPrintSizesWhole(t *testing.T) {
	tt, err := TTest{Alpha: 0.05, Effect: 0.001, Power: 0.8, Ratio: 1}.Solve()
	require.NoError(t, err)
	s := tt.Summary()
	assert.Equal(t, "15697722", tableValue(t, s, "n control"))
	assert.Equal(t, "15697722", tableValue(t, s, "n treatment"))
	assert.Equal(t, "31395444", tableValue(t, s, "n total"))

	cl, err := Cluster{Alpha: 0.05, ICC: 0.9, ClusterSize: 2, Effect: 0.005, Power: 0.8, TreatedShare: 0.5}.Solve()
	require.NoError(t, err)
	s = cl.Summary()
	assert.Equal(t, "1193032", tableValue(t, s, "clusters"))
	assert.Equal(t, "596516", tableValue(t, s, "control"))
	assert.Equal(t, "2386064", tableValue(t, s, "units in total"))
	assert.Equal(t, "1193030", tableValue(t, s, "degrees of freedom"))

	co, err := Counts{Alpha: 0.05, MeanControl: 0.01, RateRatio: 0.999, Power: 0.8, Ratio: 1}.Solve()
	require.NoError(t, err)
	assert.Equal(t, num(co.NTotal), tableValue(t, co.Summary(), "n total"))
	assert.NotContains(t, tableValue(t, co.Summary(), "n total"), "e+")
}
