package benefits

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiscountFactor(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    int
		s    Schedule
		want float64
	}{
		{"now", 0, Standard, 1},
		{"year 1", 1, Standard, 1 / 1.035},
		{"year 30, the last at 3.5%", 30, Standard, 1 / math.Pow(1.035, 30)},
		// The check: D(40) = 1/(1.035^30 × 1.03^10).
		{"year 40", 40, Standard, 1 / (math.Pow(1.035, 30) * math.Pow(1.03, 10))},
		{"year 75, the last at 3%", 75, Standard, 1 / (math.Pow(1.035, 30) * math.Pow(1.03, 45))},
		{"year 80", 80, Standard, 1 / (math.Pow(1.035, 30) * math.Pow(1.03, 45) * math.Pow(1.025, 5))},
		{"year 125", 125, Standard, 1 / (math.Pow(1.035, 30) * math.Pow(1.03, 45) * math.Pow(1.025, 50))},
		{"health, year 1", 1, Health, 1 / 1.015},
		{"health, year 31", 31, Health, 1 / (math.Pow(1.015, 30) * 1.0129)},
		{"health, year 76", 76, Health, 1 / (math.Pow(1.015, 30) * math.Pow(1.0129, 45) * 1.0107)},
	} {
		got := DiscountFactor(tc.t, tc.s)
		assert.InEpsilon(t, tc.want, got, 1e-12, tc.name)
	}
	// D(40) by hand: 1.035^30 = 2.8067937..., 1.03^10 = 1.3439164...,
	// their product 3.7720960..., whose inverse is 0.2651046...
	assert.InDelta(t, 0.2651046, DiscountFactor(40, Standard), 5e-8)
	assert.Panics(t, func() { DiscountFactor(-1, Standard) })
	assert.Panics(t, func() { DiscountFactor(MaxYears+1, Standard) })
}

func TestDiscountSum(t *testing.T) {
	// One year is not discounted: the sum is exactly 1.
	assert.Equal(t, 1.0, Standard.sum(1, 1))
	assert.Equal(t, 1.0, Health.sum(1, 1))
	// Three years: 1 + 1/1.035 + 1/1.035^2 = 1 + 0.966184 + 0.933511 = 2.899694.
	assert.InEpsilon(t, 1+1/1.035+1/(1.035*1.035), Standard.sum(3, 1), 1e-14)
	assert.InDelta(t, 2.899694, Standard.sum(3, 1), 5e-7)
	// The rates scaled by 1.1: 1 + 1/1.0385.
	assert.InEpsilon(t, 1+1/1.0385, Standard.sum(2, 1.1), 1e-14)
}

func TestParseSchedule(t *testing.T) {
	s, err := ParseSchedule("health")
	require.NoError(t, err)
	assert.Equal(t, Health, s)
	assert.Equal(t, "health", s.String())
	assert.Equal(t, [3]float64{0.035, 0.03, 0.025}, Standard.Rates())
	_, err = ParseSchedule("3.5%")
	assert.ErrorIs(t, err, ErrOptions)
	assert.Equal(t, "Schedule(9)", Schedule(9).String())
}
