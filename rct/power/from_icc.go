package power

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ErrConflict is wrapped by PilotICC.Apply's error for a value given to
// the design that differs from the pilot's.
var ErrConflict = errors.New("power: a value given contradicts the ICC file")

// PilotICC is what a cluster trial's plan takes from the ICC of a pilot or
// baseline data set, the object evalkit icc --json prints: its icc,
// mean_cluster_size, cluster_size_cv and, when the ICC was estimated with
// covariates, r2_individual and r2_cluster.
type PilotICC struct {
	ICC, MeanClusterSize, ClusterSizeCV float64
	// R2Individual and R2Cluster are NaN when the file has none (null or
	// no key: no covariates).
	R2Individual, R2Cluster float64
}

// ReadPilotICC reads the JSON object of evalkit icc --json from r. Its
// icc, mean_cluster_size and cluster_size_cv must be numbers; a null
// icc (an ICC that could not be estimated) is an error.
func ReadPilotICC(r io.Reader) (PilotICC, error) {
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return PilotICC{}, fmt.Errorf("not the JSON object of evalkit icc --json: %v", err)
	}
	v := map[string]*float64{}
	for _, k := range []string{"icc", "mean_cluster_size", "cluster_size_cv", "r2_individual", "r2_cluster"} {
		var f *float64
		if m, ok := raw[k]; ok {
			if err := json.Unmarshal(m, &f); err != nil {
				return PilotICC{}, fmt.Errorf("key %q: want a number or null, not %s", k, m)
			}
		}
		v[k] = f
	}
	p := PilotICC{R2Individual: math.NaN(), R2Cluster: math.NaN()}
	for _, k := range []string{"icc", "mean_cluster_size", "cluster_size_cv"} {
		if v[k] == nil {
			return PilotICC{}, fmt.Errorf("no number for key %q (the JSON of evalkit icc --json has one)", k)
		}
	}
	p.ICC, p.MeanClusterSize, p.ClusterSizeCV = *v["icc"], *v["mean_cluster_size"], *v["cluster_size_cv"]
	if v["r2_individual"] != nil {
		p.R2Individual = *v["r2_individual"]
	}
	if v["r2_cluster"] != nil {
		p.R2Cluster = *v["r2_cluster"]
	}
	return p, nil
}

// Apply sets c's ICC, ClusterSize (to the pilot's mean cluster size),
// ClusterSizeCV and, when the pilot has them, R2Individual and R2Cluster.
// given names the fields the caller set on purpose, by the names of
// evalkit power cluster's flags ("icc", "cluster-size", "cluster-size-cv",
// "r2-individual", "r2-cluster"): such a field keeps its value when it
// equals the pilot's, and any other value is an error wrapping
// ErrConflict. An R² below 0 (covariates that explain nothing) is an
// error, as Solve's would be, naming the file's key.
func (p PilotICC) Apply(c *Cluster, given map[string]bool) error {
	for _, f := range []struct {
		key, file string
		dst       *float64
		v         float64
	}{
		{"icc", "icc", &c.ICC, p.ICC},
		{"cluster-size", "mean_cluster_size", &c.ClusterSize, p.MeanClusterSize},
		{"cluster-size-cv", "cluster_size_cv", &c.ClusterSizeCV, p.ClusterSizeCV},
		{"r2-individual", "r2_individual", &c.R2Individual, p.R2Individual},
		{"r2-cluster", "r2_cluster", &c.R2Cluster, p.R2Cluster},
	} {
		switch {
		case math.IsNaN(f.v):
			continue
		case given[f.key] && *f.dst != f.v:
			return fmt.Errorf("%w: --%s %s, where the file's %s is %s", ErrConflict, f.key, strconv.FormatFloat(*f.dst, 'g', -1, 64), f.file, strconv.FormatFloat(f.v, 'g', -1, 64))
		case f.v < 0 && strings.HasPrefix(f.key, "r2"):
			return fmt.Errorf("the file's %s is %s, below 0: the covariates explain none of that variance; estimate the ICC without them", f.file, strconv.FormatFloat(f.v, 'g', -1, 64))
		}
		*f.dst = f.v
	}
	return nil
}
