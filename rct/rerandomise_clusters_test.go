package rct

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ByCluster gives the units' allocations by cluster: the same observed
// assignment, the same draws from the same generator, the same count and
// the same enumeration in the same order.
func TestByCluster(t *testing.T) {
	const n = 30
	assign, blocks, clusters := make([]int, n), make([]string, n), make([]string, n)
	for i := range assign {
		blocks[i] = fmt.Sprint(i / 10)
		clusters[i] = fmt.Sprint(i / 2)
		assign[i] = i / 2 % 2
	}
	perms := func(blocks, clusters []string) ClusterRerandomiser {
		p, err := NewPermutations(assign, blocks, clusters)
		require.NoError(t, err)
		return p
	}
	simple, err := newSimpleDraws(assign, clusters, 1, 1)
	require.NoError(t, err)
	for name, p := range map[string]ClusterRerandomiser{
		"units":            perms(nil, nil),
		"clusters":         perms(nil, clusters),
		"blocked clusters": perms(blocks, clusters),
		"simple clusters":  simple,
	} {
		group := p.Clusters()
		require.Len(t, group, n, name)
		c := p.ByCluster()
		j := 0
		for _, g := range group {
			j = max(j, g+1)
		}
		require.Len(t, c.Observed(), j, name)
		require.Len(t, c.NewSampler().Sample(NewRand(1)), j, name)
		units := func(arm []int) []int {
			out := make([]int, n)
			for i, g := range group {
				out[i] = arm[g]
			}
			return out
		}
		assert.Equal(t, p.Observed(), units(c.Observed()), name)
		assert.Equal(t, p.Count(), c.Count(), name)
		us, cs := p.NewSampler(), c.NewSampler()
		for k := range 3 {
			us.Reset()
			cs.Reset()
			ru, rc := NewStream(5, uint64(k)), NewStream(5, uint64(k))
			for range 10 {
				assert.Equal(t, us.Sample(ru), units(cs.Sample(rc)), name)
			}
		}
		var ua, ca [][]int
		p.Enumerate(func(a []int) bool { ua = append(ua, append([]int(nil), a...)); return len(ua) < 500 })
		c.Enumerate(func(a []int) bool { ca = append(ca, units(a)); return len(ca) < 500 })
		assert.Equal(t, ua, ca, name)
	}
}
