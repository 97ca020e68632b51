package plan

import "strconv"

// Plan is a trial's statistical analysis plan, as its YAML file holds it.
// The analysis settings are the names and values of evalkit analyse's
// flags (Keys); empty means the flag's default.
type Plan struct {
	// Version is the evalkit release that wrote the plan.
	Version string `yaml:"evalkit_version"`
	// Design is the randomisation the trial follows.
	Design Design `yaml:"design"`
	// Power is the power calculation the trial was sized by; nil for none.
	Power *Power `yaml:"power,omitempty"`
	// Primary is the primary outcome, Secondary the secondary ones.
	Primary   Outcome   `yaml:"primary"`
	Secondary []Outcome `yaml:"secondary,omitempty"`
	// Covariates are adjusted for in every outcome's analysis.
	Covariates []string `yaml:"covariates,omitempty"`
	// Model is the count model (negbin, poisson) or multilevel.
	Model string `yaml:"model,omitempty"`
	// Level is the confidence level of the intervals.
	Level float64 `yaml:"level"`
	// Adjust is the multiplicity adjustment (holm, bh) and SE the robust
	// standard error without clusters (hc0 to hc3).
	Adjust string `yaml:"adjust,omitempty"`
	SE     string `yaml:"se,omitempty"`
	// Permutations is the number of re-randomisations, or auto; Seed
	// seeds them.
	Permutations Permutations `yaml:"permutations,omitempty"`
	Seed         *uint64      `yaml:"seed,omitempty"`
	// Subgroup, Received and Exposure are the columns of analyse's
	// --subgroup, --received and --exposure.
	Subgroup string `yaml:"subgroup,omitempty"`
	Received string `yaml:"received,omitempty"`
	Exposure string `yaml:"exposure,omitempty"`
}

// Permutations is a number of re-randomisations, as text, or auto.
type Permutations string

// MarshalYAML writes a number of re-randomisations as a YAML number, and
// auto as text.
func (b Permutations) MarshalYAML() (any, error) {
	if n, err := strconv.Atoi(string(b)); err == nil {
		return n, nil
	}
	return string(b), nil
}

// Outcome is an outcome column and its type: continuous, binary, count,
// or empty (or auto) for binary when every value is 0 or 1, else
// continuous.
type Outcome struct {
	Outcome string `yaml:"outcome"`
	Type    string `yaml:"type,omitempty"`
}

// Design is the randomisation a plan's trial follows, as its manifest
// records it.
type Design struct {
	// Manifest is the manifest's path relative to the plan's folder
	// (slash-separated), or absolute; SHA256 the digest of its bytes.
	Manifest string `yaml:"manifest"`
	SHA256   string `yaml:"sha256"`
	// Method is the randomisation method and Seed its seed.
	Method string `yaml:"method"`
	Seed   uint64 `yaml:"seed"`
	// ID is the column of unit ids; Arms the arms, the control first;
	// Ratio their weights (empty for equal).
	ID    string   `yaml:"id"`
	Arms  []string `yaml:"arms"`
	Ratio string   `yaml:"ratio,omitempty"`
	// Block lists the stratifying columns and Strata counts the strata;
	// Cluster is the cluster column, empty for none.
	Block   []string `yaml:"block,omitempty"`
	Strata  int      `yaml:"strata,omitempty"`
	Cluster string   `yaml:"cluster,omitempty"`
	// BlockSizes are the permuted blocks' sizes; Factors the minimisation
	// factors.
	BlockSizes []int    `yaml:"block_sizes,omitempty"`
	Factors    []string `yaml:"factors,omitempty"`
	// N is the number of units allocated and Counts those of each arm.
	N      int            `yaml:"units"`
	Counts map[string]int `yaml:"counts,omitempty"`
}

// Power is a power calculation, as evalkit power --json printed it: the
// file, its digest, and the values a plan reports. Numbers that the
// design does not have are nil.
type Power struct {
	// File is the result's path relative to the plan's folder, or
	// absolute; SHA256 the digest of its bytes.
	File   string `yaml:"file" json:"-"`
	SHA256 string `yaml:"sha256" json:"-"`
	// Design is ttest, prop, cluster, counts or simulate; Solved the
	// quantity solved for (power, n or effect: then Effect is the MDES).
	Design string `yaml:"design" json:"design"`
	Solved string `yaml:"solved,omitempty" json:"solved"`
	// Effect is in standard-deviation units (ttest, cluster, simulate),
	// Cohen's h for prop.
	Effect *float64 `yaml:"effect,omitempty" json:"effect"`
	Power  *float64 `yaml:"power,omitempty" json:"power"`
	Alpha  *float64 `yaml:"alpha,omitempty" json:"alpha"`
	Sided  *int     `yaml:"sided,omitempty" json:"sided"`
	// The sample: units in total and by arm, or clusters and their size.
	NTotal      *float64 `yaml:"n_total,omitempty" json:"n_total"`
	NControl    *float64 `yaml:"n_control,omitempty" json:"n_control"`
	NTreatment  *float64 `yaml:"n_treatment,omitempty" json:"n_treatment"`
	Clusters    *float64 `yaml:"clusters,omitempty" json:"clusters"`
	ClusterSize *float64 `yaml:"cluster_size,omitempty" json:"cluster_size"`
	ICC         *float64 `yaml:"icc,omitempty" json:"icc"`
	// The assumptions of proportions and counts.
	PControl    *float64 `yaml:"p_control,omitempty" json:"p_control"`
	PTreatment  *float64 `yaml:"p_treatment,omitempty" json:"p_treatment"`
	MeanControl *float64 `yaml:"mean_control,omitempty" json:"mean_control"`
	RateRatio   *float64 `yaml:"rate_ratio,omitempty" json:"rate_ratio"`
}

// Key is a key of a plan's analysis settings, which plan init takes as a
// flag of the same name, with what it holds; a plan cannot do without a
// Required one.
type Key struct {
	Name, Doc string
	Required  bool
}

// Keys are the analysis settings, in the order a plan writes them: the
// outcomes, then the names of evalkit analyse's flags.
var Keys = []Key{
	{Name: "outcome", Doc: "the primary outcome column", Required: true},
	{Name: "secondary", Doc: "the secondary outcome columns, COL,... (each type detected; edit the plan to give one)"},
	{Name: "type", Doc: "the primary outcome's type: continuous, binary or count (default: binary when every value is 0 or 1, else continuous)"},
	{Name: "covariates", Doc: "the columns every outcome's analysis adjusts for, COL,..."},
	{Name: "model", Doc: "the count model, negbin or poisson; or multilevel, a mixed model of a continuous outcome of a cluster trial"},
	{Name: "level", Doc: "the confidence level of the intervals (default 0.95)"},
	{Name: "adjust", Doc: "the multiplicity adjustment of p_adjusted: holm (default) or bh"},
	{Name: "se", Doc: "the robust standard error without clusters: hc0, hc1, hc2 (default) or hc3"},
	{Name: "permutations", Doc: "re-randomise B times for a randomisation-inference p-value, or auto"},
	{Name: "seed", Doc: "the seed of the re-randomisations"},
	{Name: "subgroup", Doc: "the subgroup column of the subgroup analysis"},
	{Name: "received", Doc: "the column (0/1) of whether each unit received the intervention, for the complier average causal effect"},
	{Name: "exposure", Doc: "the exposure column of a count outcome"},
}
