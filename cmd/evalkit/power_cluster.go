package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/evalkit/evalkit/rct/power"
)

var powerClusterUsage = usage("power_cluster")

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
	from := fs.String("from", "", "take --icc, --cluster-size, --cluster-size-cv and the R2s from an evalkit icc --json `file`")
	if err := c.parse(fs, args); err != nil {
		return err
	}
	if *from != "" {
		if err := powerClusterFrom(*from, &d, c.set); err != nil {
			return err
		}
	} else if !c.set["icc"] {
		return usageErrorf("--icc is required (see -h)")
	} else if !c.set["cluster-size"] {
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

// powerClusterFrom fills d from the ICC file at path (power.PilotICC); a
// flag given that contradicts the file is a usage error.
func powerClusterFrom(path string, d *power.Cluster, set map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := power.ReadPilotICC(f)
	if err == nil {
		err = p.Apply(d, set)
	}
	if errors.Is(err, power.ErrConflict) {
		return usageErrorf("--from %s: %v", path, powerDataError(err))
	} else if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
