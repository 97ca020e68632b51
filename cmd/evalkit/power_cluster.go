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

// powerClusterJSON is the contract's JSON for evalkit power cluster.
type powerClusterJSON struct {
	Design            string  `json:"design"`
	Solved            string  `json:"solved"`
	Effect            float64 `json:"effect"`
	Power             float64 `json:"power"`
	Alpha             float64 `json:"alpha"`
	Sided             int     `json:"sided"`
	ICC               float64 `json:"icc"`
	ClusterSize       float64 `json:"cluster_size"`
	Clusters          float64 `json:"clusters"`
	ClustersControl   float64 `json:"clusters_control"`
	ClustersTreatment float64 `json:"clusters_treatment"`
	NTotal            float64 `json:"n_total"`
	DesignEffect      float64 `json:"design_effect"`
	DF                float64 `json:"df"`
	TreatedShare      float64 `json:"treated_share"`
	R2Individual      float64 `json:"r2_individual"`
	R2Cluster         float64 `json:"r2_cluster"`
	ClusterCovariates int     `json:"cluster_covariates"`
	ClusterSizeCV     float64 `json:"cluster_size_cv"`
	Attrition         float64 `json:"attrition"`
}

func powerCluster(e *env, args []string) error {
	var c powerCommon
	var d power.Cluster
	fs := newFlagSet(e, "power cluster", powerClusterUsage)
	c.register(fs)
	fs.Float64Var(&d.Effect, "effect", 0, "effect in standard-deviation units (leave out to solve for the MDES)")
	fs.Float64Var(&d.ICC, "icc", 0, "intraclass correlation, in [0, 1) (required)")
	fs.Float64Var(&d.ClusterSize, "cluster-size", 0, "mean units recruited per cluster (required)")
	fs.Float64Var(&d.Clusters, "clusters", 0, "clusters in total, J (leave out to solve for it)")
	fs.Float64Var(&d.TreatedShare, "treated-share", 0.5, "share P of clusters treated")
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
	lo := float64(d.ClusterCovariates) + 3
	lo, hi := powerPlotRange(lo, res.Clusters)
	if err := powerWritePlot(&c, fmt.Sprintf("Cluster-randomised trial, effect %s, ICC %s, %s per cluster", powerFmt(res.Effect), powerFmt(d.ICC), powerFmt(d.ClusterSize)),
		"clusters in total", lo, hi, res.Power, res.Clusters, func(j float64) float64 {
			return res.PowerAt(j, res.Effect)
		}); err != nil {
		return err
	}
	out := powerClusterJSON{Design: "cluster", Solved: res.Solved.String(), Effect: res.Effect, Power: res.Power, Alpha: c.alpha,
		Sided: c.sided, ICC: d.ICC, ClusterSize: d.ClusterSize, Clusters: res.Clusters, ClustersControl: res.ClustersControl,
		ClustersTreatment: res.ClustersTreatment, NTotal: res.NTotal(), DesignEffect: res.DesignEffect, DF: res.DF,
		TreatedShare: res.TreatedShare, R2Individual: d.R2Individual, R2Cluster: d.R2Cluster,
		ClusterCovariates: d.ClusterCovariates, ClusterSizeCV: d.ClusterSizeCV, Attrition: c.attrition}
	if c.json {
		return writeJSON(e.stdout, out)
	}
	s := powerSummary{title: fmt.Sprintf("Cluster-randomised trial (CRA2), %s, alpha = %s", powerSidedWords(res.Alternative), powerFmt(c.alpha)),
		solved: powerSolvedWords(res.Solved, "minimum detectable effect")}
	if res.Solved == power.SolvedN {
		s.solved = "number of clusters"
	}
	s.add("effect (SD units)", powerFmt(res.Effect))
	s.add("power", powerFmt(res.Power))
	s.add("clusters", powerFmt(res.Clusters))
	s.add("  control", powerFmt(res.ClustersControl))
	s.add("  treatment", powerFmt(res.ClustersTreatment))
	s.add("cluster size (mean)", powerFmt(d.ClusterSize))
	s.add("units in total", powerFmt(res.NTotal()))
	s.add("ICC", powerFmt(d.ICC))
	s.add("design effect", powerFmt(res.DesignEffect))
	s.add("degrees of freedom", powerFmt(res.DF))
	s.assumptions = []string{
		"Whole clusters are randomised; outcomes are correlated within a cluster (ICC) and independent between clusters.",
		fmt.Sprintf("A share %s of clusters is treated; covariates explain %s of the variance between clusters (with %d cluster-level covariates) and %s within them.",
			powerFmt(res.TreatedShare), powerFmt(d.R2Cluster), d.ClusterCovariates, powerFmt(d.R2Individual)),
		"The outcome is roughly normal; the analysis is a two-level model (or the cluster means) with J - g - 2 degrees of freedom.",
	}
	if d.ClusterSizeCV > 0 {
		s.assumptions = append(s.assumptions, fmt.Sprintf("Cluster sizes vary with coefficient of variation %s, which inflates the cluster-level variance by 1 + cv^2 (Eldridge et al. 2006).", powerFmt(d.ClusterSizeCV)))
	} else {
		s.assumptions = append(s.assumptions, "Every cluster has the same size.")
	}
	if c.attrition > 0 {
		s.assumptions = append(s.assumptions, fmt.Sprintf("%s%% of people are lost within each cluster at random, so the analysed cluster size is %s; no cluster is lost.", powerFmt(100*c.attrition), powerFmt(d.ClusterSize*(1-c.attrition))))
	} else {
		s.assumptions = append(s.assumptions, "No attrition is assumed.")
	}
	return s.write(e.stdout)
}
