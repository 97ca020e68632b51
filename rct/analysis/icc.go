package analysis

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/stats"
)

// ICCColumns names the columns of a pilot or baseline data set whose
// intraclass correlation is wanted: the outcome, the clusters and the
// covariates (nil for none; a text covariate is a factor, as in Analyse).
type ICCColumns struct {
	Outcome, Cluster string
	Covariates       []string
}

// ICCResult is the intraclass correlation of a data set for planning a
// cluster trial, what evalkit icc prints; it marshals to the contract's
// object (docs: spec/cli.md, "Additions: multilevel analysis of cluster
// trials") with null for every undefined number.
type ICCResult struct {
	Outcome    string   `json:"outcome"`
	Cluster    string   `json:"cluster"`
	Covariates []string `json:"covariates"`
	// Level is the confidence level of the interval.
	Level float64 `json:"level"`
	// ICC is σ_u²/(σ_u² + σ²) of lmer(outcome ~ 1 + (1 | cluster), REML =
	// TRUE), always without covariates, and ICCCILow, ICCCIHigh Searle's
	// interval from the one-way analysis of variance by cluster.
	ICC       float64 `json:"icc"`
	ICCCILow  float64 `json:"icc_ci_low"`
	ICCCIHigh float64 `json:"icc_ci_high"`
	// VarCluster and VarResidual are σ_u² and σ² of that model or, with
	// covariates, of lmer(outcome ~ covariates + (1 | cluster)).
	VarCluster  float64 `json:"var_cluster"`
	VarResidual float64 `json:"var_residual"`
	// Clusters is J, N the rows used and NMissing those left out for a
	// missing outcome, cluster or covariate.
	Clusters int `json:"clusters"`
	N        int `json:"n"`
	NMissing int `json:"n_missing"`
	// MeanClusterSize is N/J and ClusterSizeCV the SD of the clusters'
	// sizes (divisor J − 1) over their mean.
	MeanClusterSize float64 `json:"mean_cluster_size"`
	ClusterSizeCV   float64 `json:"cluster_size_cv"`
	// R2Individual = 1 − σ²(with)/σ²(without) and R2Cluster = 1 −
	// σ_u²(with)/σ_u²(without), not truncated (below 0 when the covariates
	// explain nothing); NaN without covariates.
	R2Individual float64 `json:"r2_individual"`
	R2Cluster    float64 `json:"r2_cluster"`
	// Warnings start with a stable code (singular_fit); Notes say how a
	// number was computed or why it is undefined.
	Warnings []string `json:"warnings"`
	Notes    []string `json:"notes"`
}

// MarshalJSON returns the contract's object, with null for NaN and ±Inf.
func (r ICCResult) MarshalJSON() ([]byte, error) {
	type plain ICCResult
	return jsonenc.Marshal(plain(r))
}

// ICC estimates the intraclass correlation of the outcome in src's
// clusters for planning (PowerUp's planning ICC, without covariates),
//
//	icc = σ_u² / (σ_u² + σ²)   of   lmer(outcome ~ 1 + (1 | cluster), REML = TRUE)
//
// with Searle's interval [1] from the one-way analysis of variance of the
// outcome by cluster, F = MS(between)/MS(within) on J − 1 and N − J df,
// with Donner's n0 = (N − Σ n_j²/N)/(J − 1) for unequal sizes [2]
// (stats.SearleICCInterval), not truncated at 0; and with covariates, the
// shares of each level's variance they explain,
//
//	r2_individual = 1 − σ²(with) / σ²(without)
//	r2_cluster    = 1 − σ_u²(with) / σ_u²(without)
//
// σ(with) from lmer(outcome ~ covariates + (1 | cluster)). level is the
// interval's confidence level, 0 for 0.95.
//
// src is read by Read's rules: a missing value is empty, NA, NaN, ., null;
// any other text in the outcome is an error naming its row and column; a
// row with a missing outcome, cluster or covariate is left out and counted.
// It is an error when fewer than two clusters remain, every cluster has a
// single row, the outcome does not vary within clusters, or a covariate is
// constant or collinear. A fit at or next to σ_u = 0 is warned of
// (singular_fit).
//
// [1] Searle, S. R. (1971). Linear Models. Wiley, section 9.7.
//
// [2] Donner, A. (1986). A review of inference procedures for the
// intraclass correlation coefficient in the one-way random effects model.
// International Statistical Review 54(1), 67-82.
func ICC(src Source, c ICCColumns, level float64) (*ICCResult, error) {
	if level == 0 {
		level = 0.95
	}
	if !(level > 0 && level < 1) {
		return nil, fmt.Errorf("analysis: confidence level %g: want a number between 0 and 1, such as 0.95", level)
	}
	d, s, err := readICC(src, c)
	if err != nil {
		return nil, err
	}
	nan := math.NaN()
	r := &ICCResult{Outcome: c.Outcome, Cluster: c.Cluster, Covariates: append([]string{}, c.Covariates...), Level: level,
		N: len(s.y), NMissing: len(d.y) - len(s.y), R2Individual: nan, R2Cluster: nan, Warnings: []string{}, Notes: []string{}}
	fail := func(model string, err error) error {
		if name, what, ok := s.covariateFault(d, err, "the covariates before it"); ok {
			return fmt.Errorf("%s: covariate %q %s; leave it out of the covariates", d.file, table.Clip(name), what)
		}
		return fmt.Errorf("%s: the model %s of %q by cluster %q: %v", d.file, model, table.Clip(c.Outcome), table.Clip(c.Cluster), statsError(err))
	}
	fit0, err := stats.LMM(s.y, nil, nil, s.cluster, stats.LMMOptions{Level: level})
	if err != nil {
		return nil, fail("without covariates", err)
	}
	r.ICC, r.VarCluster, r.VarResidual = fit0.ICC(), fit0.VarGroup, fit0.VarResidual
	r.note("icc: of lmer(%s ~ 1 + (1 | %s), REML = TRUE), without covariates", c.Outcome, c.Cluster)
	if fit0.Singular {
		r.warn("singular_fit: the model without covariates is singular: the clusters' variance is at or next to 0 (var_cluster %s), which the data cannot tell from 0; it is no evidence that the ICC of a trial would be 0", FormatNumber(fit0.VarGroup))
	}
	for _, n := range s.factorNotes(d) {
		r.note("covariates: %s", n)
	}
	if len(s.cov) > 0 {
		fit, err := stats.LMM(s.y, s.covNames, s.cov, s.cluster, stats.LMMOptions{Level: level})
		if err != nil {
			return nil, fail("with covariates", err)
		}
		r.VarCluster, r.VarResidual = fit.VarGroup, fit.VarResidual
		r.R2Individual = 1 - fit.VarResidual/fit0.VarResidual
		r.note("var_cluster, var_residual: of the model with the covariates")
		if fit0.VarGroup > 0 {
			r.R2Cluster = 1 - fit.VarGroup/fit0.VarGroup
		} else {
			r.note("r2_cluster: undefined: the clusters' variance without covariates is 0")
		}
		if fit.Singular && !fit0.Singular {
			r.warn("singular_fit: the model with the covariates is singular: they leave a clusters' variance at or next to 0 (var_cluster %s)", FormatNumber(fit.VarGroup))
		}
	}
	a, err := stats.ClusterANOVA(s.y, s.cluster, nil)
	if err == nil {
		r.ICCCILow, r.ICCCIHigh, err = stats.SearleICCInterval(a.F, a.DF1, a.DF2, a.N0, level)
	}
	if err != nil {
		r.ICCCILow, r.ICCCIHigh = nan, nan
		r.note("icc_ci_low, icc_ci_high: undefined: %s", statsError(err))
	} else {
		r.note("icc_ci_low, icc_ci_high: Searle's interval, F = %s on %g and %g df, n0 = %s", FormatNumber(a.F), a.DF1, a.DF2, FormatNumber(a.N0))
	}
	r.Clusters, r.MeanClusterSize, r.ClusterSizeCV = clusterSizes(s.cluster)
	return r, nil
}

// clusterSizes returns the number of clusters, their mean size and the
// coefficient of variation of their sizes, sd (divisor J − 1) over mean.
func clusterSizes(cluster []string) (j int, mean, cv float64) {
	at := map[string]int{}
	var sizes []float64 // in order of first appearance
	for _, c := range cluster {
		k, ok := at[c]
		if !ok {
			k = len(sizes)
			at[c] = k
			sizes = append(sizes, 0)
		}
		sizes[k]++
	}
	mean, sd := stat.MeanStdDev(sizes, nil)
	return len(sizes), mean, sd / mean
}

// readICC reads the columns c names from src and returns them with the
// rows to use, those with an outcome, a cluster and every covariate.
func readICC(src Source, c ICCColumns) (*Data, *subset, error) {
	switch {
	case c.Outcome == "":
		return nil, nil, fmt.Errorf("analysis: no outcome column named")
	case c.Cluster == "":
		return nil, nil, fmt.Errorf("analysis: no cluster column named")
	case c.Outcome == c.Cluster:
		return nil, nil, fmt.Errorf("analysis: the outcome and the cluster are the same column, %q", table.Clip(c.Outcome))
	}
	if err := checkCovariateNames(c.Covariates, "the outcome or the cluster column", c.Outcome, c.Cluster); err != nil {
		return nil, nil, err
	}
	d := &Data{file: "input", cols: Columns{Outcome: c.Outcome, Cluster: c.Cluster, Covariates: c.Covariates}}
	if n, ok := src.(interface{ FileName() string }); ok {
		d.file = n.FileName()
	}
	var err error
	if d.ytext, d.y, err = d.numbers(src, c.Outcome); err != nil {
		return nil, nil, err
	}
	if d.cluster, err = labels(src, c.Cluster); err != nil {
		return nil, nil, err
	}
	n := len(d.y)
	for _, name := range c.Covariates {
		cv, err := d.readCovariate(src, name)
		if err != nil {
			return nil, nil, err
		}
		if m := max(len(cv.x), len(cv.text)); m != n {
			return nil, nil, fmt.Errorf("%s: the columns have different lengths (%d and %d rows)", d.file, n, m)
		}
		d.cov = append(d.cov, cv)
	}
	if len(d.cluster) != n {
		return nil, nil, fmt.Errorf("%s: the columns have different lengths (%d and %d rows)", d.file, n, len(d.cluster))
	}
	s := &subset{}
	t := &trial{d: d}
	for i, v := range d.y {
		if !math.IsNaN(v) && !t.missingDesignAt(i) {
			s.row = append(s.row, i)
			s.y = append(s.y, v)
		}
	}
	if len(s.row) == 0 {
		return nil, nil, fmt.Errorf("%s: no row has an outcome (%q), a cluster (%q) and every covariate", d.file, table.Clip(c.Outcome), table.Clip(c.Cluster))
	}
	s.cluster = rowsOf(d.cluster, s.row)
	if err := s.setCovariates(d); err != nil {
		return nil, nil, err
	}
	if len(s.oneLevel) > 0 {
		return nil, nil, fmt.Errorf("%s: covariate %q is constant; leave it out of the covariates", d.file, table.Clip(d.cov[s.oneLevel[0]].name))
	}
	return d, s, nil
}

// note records how a number was computed or why it is undefined.
func (r *ICCResult) note(format string, a ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, a...))
}

// warn records a warning.
func (r *ICCResult) warn(format string, a ...any) {
	r.Warnings = append(r.Warnings, fmt.Sprintf(format, a...))
}
