package pool

import (
	"errors"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/stats"
)

// readBCG returns testdata/meta/bcg.csv's sites.
func readBCG(t testing.TB) *Sites {
	t.Helper()
	f, err := os.Open(bcgPath)
	require.NoError(t, err)
	defer f.Close()
	s, err := ReadSites(f, "bcg.csv")
	require.NoError(t, err)
	return s
}

func TestPoolIsStatsPool(t *testing.T) {
	s := readBCG(t)
	for _, m := range []stats.PoolMethod{stats.PoolREML, stats.PoolDL, stats.PoolFE} {
		for _, level := range []float64{0, 0.9} {
			opt := stats.PoolOptions{Method: m, Level: level}
			want, err := stats.Pool(s.Estimate, s.SE, opt)
			require.NoError(t, err)
			got, err := Pool(s, opt)
			require.NoError(t, err)
			// %v prints every float at full precision, NaN as NaN: the
			// same text is the same bits.
			assert.Equal(t, fmt.Sprintf("%+v", *want), fmt.Sprintf("%+v", got.PoolResult), "%v level %v", m, level)
			assert.Equal(t, s.Names, got.Names)
			assert.False(t, got.Log)
		}
	}
}

func TestPoolErrorsNameTheSite(t *testing.T) {
	_, err := Pool(&Sites{Names: []string{"a", "b", "c"}, Estimate: []float64{1, math.Inf(1), 2}, SE: []float64{1, 1, 1}}, stats.PoolOptions{})
	assert.EqualError(t, err, `site "b": estimate +Inf: not a finite number: stats: argument out of domain`)
	assert.True(t, errors.Is(err, stats.ErrDomain))
	_, err = Pool(&Sites{Names: []string{"a", "b"}, Estimate: []float64{1, 2}, SE: []float64{0, 1}}, stats.PoolOptions{})
	assert.EqualError(t, err, `site "a": se 0: not a positive finite number: stats: argument out of domain`)
	_, err = Pool(&Sites{Names: []string{"a"}, Estimate: []float64{1}, SE: []float64{1}}, stats.PoolOptions{})
	assert.EqualError(t, err, "1 site: at least 2 sites are needed to pool")
	assert.True(t, errors.Is(err, ErrTooFewSites))
	_, err = Pool(&Sites{Names: []string{"a", "b"}, Estimate: []float64{1, 2}, SE: []float64{1, 1}}, stats.PoolOptions{Level: 1.5})
	assert.True(t, errors.Is(err, stats.ErrDomain))
	assert.Panics(t, func() {
		Pool(&Sites{Names: []string{"a"}, Estimate: []float64{1, 2}, SE: []float64{1, 1}}, stats.PoolOptions{})
	})
}

func TestParseMethod(t *testing.T) {
	for _, c := range []struct {
		in   string
		want stats.PoolMethod
	}{{"reml", stats.PoolREML}, {"REML", stats.PoolREML}, {"dl", stats.PoolDL}, {"Fe", stats.PoolFE}} {
		m, err := ParseMethod(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, m, c.in)
	}
	for _, bad := range []string{"", "ml", "ee", " reml"} {
		_, err := ParseMethod(bad)
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "reml", MethodName(stats.PoolREML))
	assert.Equal(t, "dl", MethodName(stats.PoolDL))
	assert.Equal(t, "fe", MethodName(stats.PoolFE))
	assert.Equal(t, "PoolMethod(?)", MethodName(stats.PoolMethod(7)))
}
