package power

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/stats"
)

// Cluster is a two-level cluster-randomised trial in which whole clusters
// (schools, wards, hotspot areas) are assigned to treatment: PowerUp's CRA2
// design [6]. Leave out exactly one of Power, Clusters and Effect; Solve
// computes it.
//
// With J clusters of mean size n (analysed: ClusterSize·(1 − Attrition)),
// a share P treated, intraclass correlation ρ, the shares of variance
// explained by covariates R²₁ (individual) and R²₂ (cluster), g cluster
// covariates and cv the coefficient of variation of cluster sizes,
//
//	SE   = sqrt( ρ(1 − R²₂)(1 + cv²)/(P(1−P)J) + (1 − ρ)(1 − R²₁)/(P(1−P)J n) )
//	df   = J − g − 2
//	MDES = M·SE,  M = t_{df,1−α/2} + t_{df,power}   (t_{df,1−α} one-sided)
//	power = P(T > t_{df,1−α/2}) + P(T < −t_{df,1−α/2}),  T ~ t(df, effect/SE)
//
// as PowerUpR's mdes.cra2 and power.cra2 compute them (the factor 1 + cv²
// is the size-variation design effect of Eldridge et al. [7], which
// PowerUpR does not have). Solving for Clusters gives the smallest J, with
// J·P a whole number of clusters, whose MDES is at most Effect: PowerUpR's
// mrss.cra2 approximates J by a damped iteration instead.
//
// [6] Dong, N. and Maynard, R. (2013). PowerUp!: A tool for calculating
// minimum detectable effect sizes and minimum required sample sizes for
// experimental and quasi-experimental design studies. Journal of Research
// on Educational Effectiveness 6(1), 24–67; Bulus, M., Dong, N., Kelcey,
// B. and Spybrook, J. (2021). PowerUpR, R package.
//
// [7] Eldridge, S. M., Ashby, D. and Kerry, S. (2006). Sample size for
// cluster randomized trials: effect of coefficient of variation of cluster
// size and analysis method. International Journal of Epidemiology 35(5),
// 1292–1300.
type Cluster struct {
	// Alpha is the level of the test, in (0, 1); zero means 0.05.
	Alpha float64
	// Alternative is two-sided (the zero value), Greater or Less (for a
	// negative Effect).
	Alternative stats.Alternative
	// Power is the target power in (Alpha, 1), or zero to solve for it.
	Power float64
	// Effect is the effect in standard-deviation units, or zero to solve
	// for the MDES.
	Effect float64
	// ICC is the intraclass correlation ρ, in [0, 1).
	ICC float64
	// ClusterSize is the mean number of units recruited per cluster, at
	// least 1.
	ClusterSize float64
	// Clusters is J, the total number of clusters, or zero to solve for it.
	Clusters float64
	// TreatedShare is P, the share of clusters treated, in (0, 1); zero
	// means 0.5.
	TreatedShare float64
	// R2Individual and R2Cluster are the shares of the individual- and
	// cluster-level variance explained by covariates, in [0, 1).
	R2Individual, R2Cluster float64
	// ClusterCovariates is g, the number of cluster-level covariates.
	ClusterCovariates int
	// ClusterSizeCV is the coefficient of variation of cluster sizes, ≥ 0.
	ClusterSizeCV float64
	// Attrition is the share of units lost within clusters, in [0, 1);
	// whole clusters are assumed to stay.
	Attrition float64
}

// ClusterResult is a solved Cluster: the design with the unknown filled
// in, and what follows from it. It marshals to the object that evalkit
// power cluster --json prints.
type ClusterResult struct {
	// Design is "cluster".
	Design string `json:"design"`
	// Solved names the quantity that was computed.
	Solved Unknown `json:"solved"`
	// Effect is the effect in standard-deviation units.
	Effect float64 `json:"effect"`
	// Power is the power.
	Power float64 `json:"power"`
	// Alpha is the level of the test.
	Alpha float64 `json:"alpha"`
	// Sided is 2 for a two-sided test, 1 for a one-sided one.
	Sided int `json:"sided"`
	// Alternative is the test's alternative.
	Alternative stats.Alternative `json:"-"`
	// ICC is the intraclass correlation.
	ICC float64 `json:"icc"`
	// ClusterSize is the mean number of units recruited per cluster.
	ClusterSize float64 `json:"cluster_size"`
	// Clusters is J, the total number of clusters.
	Clusters float64 `json:"clusters"`
	// ClustersControl and ClustersTreatment are J − J·P and J·P.
	ClustersControl   float64 `json:"clusters_control"`
	ClustersTreatment float64 `json:"clusters_treatment"`
	// NTotal is the units recruited, Clusters · ClusterSize.
	NTotal float64 `json:"n_total"`
	// DesignEffect is 1 + ρ((n − 1) + n cv²), n the mean cluster size
	// recruited (ClusterSize, as the contract's design_effect), before any
	// attrition.
	DesignEffect float64 `json:"design_effect"`
	// DF is J − g − 2.
	DF float64 `json:"df"`
	// TreatedShare is P, the share of clusters treated.
	TreatedShare float64 `json:"treated_share"`
	// R2Individual and R2Cluster are the shares of variance explained by
	// covariates.
	R2Individual float64 `json:"r2_individual"`
	R2Cluster    float64 `json:"r2_cluster"`
	// ClusterCovariates is g, the number of cluster-level covariates.
	ClusterCovariates int `json:"cluster_covariates"`
	// ClusterSizeCV is the coefficient of variation of cluster sizes.
	ClusterSizeCV float64 `json:"cluster_size_cv"`
	// Attrition is the share of units lost within clusters.
	Attrition float64 `json:"attrition"`
	// SE is the standardised standard error of the effect.
	SE float64 `json:"-"`

	design Cluster // solved, for PowerCurve
}

// MarshalJSON returns the object that evalkit power cluster --json prints, with
// null for NaN.
func (r ClusterResult) MarshalJSON() ([]byte, error) {
	type plain ClusterResult
	return jsonenc.Marshal(plain(r))
}

func (c Cluster) result(solved Unknown) ClusterResult {
	j := c.Clusters
	n := c.ClusterSize
	treated := math.Round(j * c.TreatedShare)
	return ClusterResult{Design: "cluster", Solved: solved, Effect: c.Effect, Power: c.Power, Alpha: c.Alpha,
		Sided: sided(c.Alternative), Alternative: c.Alternative, ICC: c.ICC, ClusterSize: n, Clusters: j,
		ClustersControl: j - treated, ClustersTreatment: treated, NTotal: j * n,
		DesignEffect: 1 + c.ICC*((n-1)+n*c.ClusterSizeCV*c.ClusterSizeCV), DF: c.DF(j),
		TreatedShare: c.TreatedShare, R2Individual: c.R2Individual, R2Cluster: c.R2Cluster,
		ClusterCovariates: c.ClusterCovariates, ClusterSizeCV: c.ClusterSizeCV, Attrition: c.Attrition,
		SE: c.SE(j), design: c}
}

func (c Cluster) withDefaults() Cluster {
	if c.Alpha == 0 {
		c.Alpha = DefaultAlpha
	}
	if c.TreatedShare == 0 {
		c.TreatedShare = DefaultTreatedShare
	}
	return c
}

// SE returns the standardised standard error with j clusters.
func (c Cluster) SE(j float64) float64 {
	c = c.withDefaults()
	p := c.TreatedShare
	n := c.ClusterSize * (1 - c.Attrition)
	cv2 := c.ClusterSizeCV * c.ClusterSizeCV
	return math.Sqrt(c.ICC*(1-c.R2Cluster)*(1+cv2)/(p*(1-p)*j) + (1-c.ICC)*(1-c.R2Individual)/(p*(1-p)*j*n))
}

// DF returns J − g − 2.
func (c Cluster) DF(j float64) float64 { return j - float64(c.ClusterCovariates) - 2 }

// MDESAt returns the minimum detectable effect with j clusters at power
// pw, without checking its arguments (positive; its sign under Less is the
// caller's).
func (c Cluster) MDESAt(j, pw float64) float64 {
	c = c.withDefaults()
	df := c.DF(j)
	t1 := stats.CentralTUpperQuantile(c.Alpha/2, df)
	if c.Alternative != stats.TwoSided {
		t1 = stats.CentralTUpperQuantile(c.Alpha, df)
	}
	m := t1 - stats.CentralTUpperQuantile(pw, df) // t_{df,power} = −upper quantile at power
	return m * c.SE(j)
}

// PowerAt returns the power with j clusters for effect es, without checking
// its arguments.
func (c Cluster) PowerAt(j, es float64) float64 {
	c = c.withDefaults()
	df := c.DF(j)
	ncp := es / c.SE(j)
	switch c.Alternative {
	case stats.Greater:
		return stats.NoncentralTSurvival(stats.CentralTUpperQuantile(c.Alpha, df), df, ncp)
	case stats.Less:
		return stats.NoncentralTCDF(-stats.CentralTUpperQuantile(c.Alpha, df), df, ncp)
	}
	q := stats.CentralTUpperQuantile(c.Alpha/2, df)
	return stats.NoncentralTSurvival(q, df, ncp) + stats.NoncentralTCDF(-q, df, ncp)
}

// clusterStep returns the smallest J for which J·P is a whole number.
func clusterStep(p float64) (float64, bool) {
	for m := 1.0; m <= 10000; m++ {
		if x := m * p; math.Abs(x-math.Round(x)) < 1e-9 {
			return m, true
		}
	}
	return 0, false
}

// Solve computes the one quantity left out.
//
// Errors: ErrUnknowns unless exactly one of Power, Clusters and Effect is
// left out; stats.ErrDomain for an ICC, R² or Attrition outside [0, 1), a
// TreatedShare outside (0, 1) or with no whole number of treated clusters
// below 10,000 clusters, a cluster size below 1, a negative cv or number of
// covariates, too few clusters for df ≥ 1, a given J·P that is not whole,
// or Alpha or Power out of range; ErrUnreachable for a target power at or
// below Alpha, or an Effect in the wrong direction for a one-sided test.
func (c Cluster) Solve() (ClusterResult, error) {
	c = c.withDefaults()
	var res ClusterResult
	if err := countUnknowns(c.Power == 0, c.Clusters == 0, c.Effect == 0); err != nil {
		return res, err
	}
	if err := checkLevels(c.Alpha, c.Power, 1, c.Attrition); err != nil {
		return res, err
	}
	if err := checkAlternative(c.Alternative); err != nil {
		return res, err
	}
	switch {
	case !(c.ICC >= 0 && c.ICC < 1):
		return res, fmt.Errorf("%w: icc %g is outside [0, 1)", stats.ErrDomain, c.ICC)
	case !(c.R2Individual >= 0 && c.R2Individual < 1):
		return res, fmt.Errorf("%w: r2_individual %g is outside [0, 1)", stats.ErrDomain, c.R2Individual)
	case !(c.R2Cluster >= 0 && c.R2Cluster < 1):
		return res, fmt.Errorf("%w: r2_cluster %g is outside [0, 1)", stats.ErrDomain, c.R2Cluster)
	case !(c.TreatedShare > 0 && c.TreatedShare < 1):
		return res, fmt.Errorf("%w: treated share %g is outside (0, 1)", stats.ErrDomain, c.TreatedShare)
	case !(c.ClusterSize >= 1) || math.IsInf(c.ClusterSize, 0):
		return res, fmt.Errorf("%w: cluster size %g must be at least 1", stats.ErrDomain, c.ClusterSize)
	case !(c.ClusterSizeCV >= 0) || math.IsInf(c.ClusterSizeCV, 0):
		return res, fmt.Errorf("%w: cluster-size cv %g must be at least 0", stats.ErrDomain, c.ClusterSizeCV)
	case c.ClusterCovariates < 0:
		return res, fmt.Errorf("%w: %d cluster covariates", stats.ErrDomain, c.ClusterCovariates)
	case math.IsNaN(c.Effect) || math.IsInf(c.Effect, 0):
		return res, fmt.Errorf("%w: effect %g", stats.ErrDomain, c.Effect)
	}
	step, ok := clusterStep(c.TreatedShare)
	if !ok {
		return res, fmt.Errorf("%w: treated share %g gives no whole number of treated clusters below 10000 clusters", stats.ErrDomain, c.TreatedShare)
	}
	if c.Power != 0 {
		if err := checkTarget(c.Power, c.Alpha); err != nil {
			return res, err
		}
	}
	if c.Clusters != 0 {
		if !(c.DF(c.Clusters) >= 1) || math.IsInf(c.Clusters, 0) {
			return res, fmt.Errorf("%w: %g clusters leave df = J − g − 2 = %g; at least 1 is needed", stats.ErrDomain, c.Clusters, c.DF(c.Clusters))
		}
		if t := c.Clusters * c.TreatedShare; math.Abs(t-math.Round(t)) > 1e-9 {
			return res, fmt.Errorf("%w: %g clusters with treated share %g is not a whole number of treated clusters", stats.ErrDomain, c.Clusters, c.TreatedShare)
		}
	}
	if c.Effect != 0 {
		if s := sideOf(c.Alternative); s*c.Effect < 0 {
			return res, fmt.Errorf("%w: a one-sided test (%v) cannot detect an effect of %g, which is in the other direction", ErrUnreachable, c.Alternative, c.Effect)
		}
	}
	switch {
	case c.Power == 0:
		c.Power = c.PowerAt(c.Clusters, c.Effect)
		return c.result(SolvedPower), nil
	case c.Effect == 0:
		c.Effect = c.MDESAt(c.Clusters, c.Power)
		if c.Alternative == stats.Less {
			c.Effect = -c.Effect
		}
		return c.result(SolvedEffect), nil
	default:
		es := math.Abs(c.Effect)
		mMin := math.Ceil((float64(c.ClusterCovariates) + 3) / step)
		fits := func(m float64) bool { return c.MDESAt(m*step, c.Power) <= es }
		lo, hi := mMin, mMin
		for !fits(hi) {
			lo = hi + 1
			hi *= 2
			if hi*step > 1e9 {
				return res, fmt.Errorf("%w: more than 1e9 clusters would be needed", ErrUnreachable)
			}
		}
		for lo < hi { // smallest m in [lo, hi] that fits
			mid := math.Floor((lo + hi) / 2)
			if fits(mid) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		c.Clusters = hi * step
		return c.result(SolvedN), nil
	}
}
