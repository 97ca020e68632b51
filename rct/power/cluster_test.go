package power

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/stats"
)

func clusterFromRow(r clusterRow) Cluster {
	alt := stats.TwoSided
	if !r.twoTailed {
		alt = stats.Greater
	}
	return Cluster{Alpha: r.alpha, Alternative: alt, ICC: r.rho2, ClusterSize: r.n, Clusters: r.j,
		TreatedShare: r.p, R2Individual: r.r21, R2Cluster: r.r22, ClusterCovariates: r.g2, ClusterSizeCV: r.cv}
}

func TestClusterAgainstPowerUpFormulas(t *testing.T) {
	for _, r := range clusterRef {
		name := fmt.Sprintf("two=%v rho=%g n=%g J=%g es=%g", r.twoTailed, r.rho2, r.n, r.j, r.es)
		c := clusterFromRow(r)
		c.Effect = r.es
		res, err := c.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinAbsOrRel(res.Power, r.pw, 1e-12, 1e-9) {
			t.Errorf("%s: power %.17g, want %.17g", name, res.Power, r.pw)
		}
		for _, m := range []struct{ pw, want float64 }{{0.8, r.mdes80}, {0.3, r.mdes30}} {
			c := clusterFromRow(r)
			c.Power = m.pw
			res, err := c.Solve()
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if !scalar.EqualWithinRel(res.Effect, m.want, 1e-9) {
				t.Errorf("%s: MDES at power %g = %.17g, want %.17g", name, m.pw, res.Effect, m.want)
			}
		}
	}
}

func TestClusterJAgainstR(t *testing.T) {
	for _, r := range clusterJRef {
		c := Cluster{ICC: r.rho2, ClusterSize: r.n, TreatedShare: r.p, R2Individual: r.r21, R2Cluster: r.r22,
			ClusterCovariates: r.g2, ClusterSizeCV: r.cv, Effect: r.es, Power: r.pw}
		res, err := c.Solve()
		if err != nil {
			t.Errorf("%+v: %v", r, err)
			continue
		}
		if res.Clusters != r.j {
			t.Errorf("%+v: J = %g, want %g", r, res.Clusters, r.j)
		}
		if res.ClustersTreatment+res.ClustersControl != res.Clusters || res.ClustersTreatment != r.j*r.p {
			t.Errorf("%+v: arms %g + %g", r, res.ClustersTreatment, res.ClustersControl)
		}
	}
}

func TestClusterProperties(t *testing.T) {
	c := Cluster{ICC: 0.1, ClusterSize: 20}
	prev := 0.0
	for j := 4.0; j < 400; j += 2 {
		p := c.PowerAt(j, 0.3)
		if p < prev || (p == prev && p < 1) {
			t.Fatalf("power not rising in J at %g", j)
		}
		prev = p
	}
	prev = 0
	for es := 0.01; es < 2; es += 0.01 {
		p := c.PowerAt(30, es)
		if p < prev {
			t.Fatalf("power not rising in effect at %g", es)
		}
		prev = p
	}
	// The solved J is the smallest: one step fewer has an MDES above the effect.
	res, err := Cluster{ICC: 0.1, ClusterSize: 20, Effect: 0.3, Power: 0.8}.Solve()
	if err != nil {
		t.Fatal(err)
	}
	if m := c.withDefaults().MDESAt(res.Clusters, 0.8); m > 0.3 {
		t.Errorf("MDES at J = %g is %g", res.Clusters, m)
	}
	if m := c.withDefaults().MDESAt(res.Clusters-2, 0.8); m <= 0.3 {
		t.Errorf("MDES at J = %g is %g, so J is not the smallest", res.Clusters-2, m)
	}
	if want := 1 + 0.1*19; !scalar.EqualWithinRel(res.DesignEffect, want, 1e-15) {
		t.Errorf("design effect %g, want %g", res.DesignEffect, want)
	}
}

func TestClusterBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		c    Cluster
		want error
	}{
		{"two unknowns", Cluster{ICC: 0.1, ClusterSize: 20, Effect: 0.3}, ErrUnknowns},
		{"none", Cluster{ICC: 0.1, ClusterSize: 20, Effect: 0.3, Power: 0.8, Clusters: 20}, ErrUnknowns},
		{"icc 1", Cluster{ICC: 1, ClusterSize: 20, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"icc negative", Cluster{ICC: -0.1, ClusterSize: 20, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"cluster size 0", Cluster{ICC: 0.1, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"share 1", Cluster{ICC: 0.1, ClusterSize: 20, TreatedShare: 1, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"r2 1", Cluster{ICC: 0.1, ClusterSize: 20, R2Cluster: 1, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"too few clusters", Cluster{ICC: 0.1, ClusterSize: 20, Clusters: 4, ClusterCovariates: 2, Effect: 0.3}, stats.ErrDomain},
		{"odd J at half", Cluster{ICC: 0.1, ClusterSize: 20, Clusters: 21, Effect: 0.3}, stats.ErrDomain},
		{"wrong direction", Cluster{ICC: 0.1, ClusterSize: 20, Alternative: stats.Greater, Effect: -0.3, Power: 0.8}, ErrUnreachable},
		{"power at alpha", Cluster{ICC: 0.1, ClusterSize: 20, Effect: 0.3, Power: 0.05}, ErrUnreachable},
	} {
		if _, err := c.c.Solve(); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

// TestClusterDesignEffectIgnoresAttrition pins design_effect to the
// contract's formula with the recruited cluster size: 1 + 0.15 (59) = 9.85.
func TestClusterDesignEffectIgnoresAttrition(t *testing.T) {
	res, err := Cluster{Alpha: 0.05, ICC: 0.15, ClusterSize: 60, Clusters: 40, TreatedShare: 0.5, Effect: 0.3, Attrition: 0.2}.Solve()
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(res.DesignEffect-9.85) > 1e-12 {
		t.Errorf("design effect %v, want 9.85", res.DesignEffect)
	}
}
