package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
)

const powerClusterUsage = `
Usage: evalkit power cluster --icc RHO --cluster-size N [--effect ES] [--power P] [--clusters J] [flags]

Two-level cluster-randomised trial: whole clusters (schools, wards, areas)
are assigned to treatment (PowerUp's CRA2). Give two of --effect (in
standard-deviation units), --power and --clusters (J, the total); the third
is solved for. With df = J - g - 2,

	MDES = M * sqrt( icc(1-R2c)(1+cv^2)/(P(1-P)J) + (1-icc)(1-R2i)/(P(1-P)J n) )
	M = t(df, 1-alpha/2) + t(df, power)

and power is from the noncentral t. Solving for clusters gives the smallest
J, with J*P a whole number of clusters, whose MDES is at most --effect.
--attrition is the share of people lost within clusters (the analysed
cluster size is n(1 - attrition)); whole clusters are assumed to stay.

Example: schools of 60 pupils, ICC 0.15, a school-level covariate explaining
half the school-level variance: schools needed for an effect of 0.25:

	evalkit power cluster --icc 0.15 --cluster-size 60 --r2-cluster 0.5 --effect 0.25 --power 0.8
`

func powerCluster(e *env, args []string) error {
	var c powerCommon
	var d power.Cluster
	fs := newFlagSet(e, "power cluster", powerClusterUsage)
	c.register(fs)
	fs.Float64Var(&d.Effect, "effect", 0, "effect in standard-deviation units (leave out to solve for the MDES)")
	fs.Float64Var(&d.ICC, "icc", 0, "intraclass correlation, in [0, 1) (required)")
	fs.Float64Var(&d.ClusterSize, "cluster-size", 0, "mean units recruited per cluster (required)")
	fs.Float64Var(&d.Clusters, "clusters", 0, "clusters in total, J (leave out to solve for it)")
	fs.Float64Var(&d.TreatedShare, "treated-share", power.DefaultTreatedShare, "share P of clusters treated")
	fs.Float64Var(&d.R2Individual, "r2-individual", 0, "share of individual-level variance explained by covariates")
	fs.Float64Var(&d.R2Cluster, "r2-cluster", 0, "share of cluster-level variance explained by covariates")
	fs.IntVar(&d.ClusterCovariates, "cluster-covariates", 0, "number g of cluster-level covariates")
	fs.Float64Var(&d.ClusterSizeCV, "cluster-size-cv", 0, "coefficient of variation of cluster sizes")
	if err := c.parse(fs, args); err != nil {
		return err
	}
	if !c.set["icc"] {
		return usageErrorf("--icc is required (see -h)")
	}
	if !c.set["cluster-size"] {
		return usageErrorf("--cluster-size is required (see -h)")
	}
	if c.set["ratio"] {
		return usageErrorf("--ratio does not apply to clusters: use --treated-share")
	}
	if err := powerUnknowns(!c.set["power"], !c.set["clusters"], !c.set["effect"], "--effect"); err != nil {
		return err
	}
	if c.set["effect"] && d.Effect == 0 {
		return powerDataError(fmt.Errorf("an effect of 0 cannot be detected: the power is alpha whatever the number of clusters"))
	}
	if c.set["clusters"] && d.Clusters == 0 {
		return powerDataError(fmt.Errorf("0 clusters"))
	}
	if c.set["power"] && c.power == 0 {
		return powerDataError(fmt.Errorf("power 0 is outside (0, 1)"))
	}
	if c.set["treated-share"] && d.TreatedShare == 0 {
		return powerDataError(fmt.Errorf("treated share 0 is outside (0, 1)"))
	}
	d.Alpha, d.Power, d.Attrition = c.alpha, c.power, c.attrition
	d.Alternative = c.alternative()
	res, err := d.Solve()
	if err != nil {
		return powerDataError(err)
	}
	return c.output(e, res)
}
