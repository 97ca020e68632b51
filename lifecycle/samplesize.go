package lifecycle

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/evalkit/evalkit/rct"
)

// SampleSize is the number of units that a linked power result plans to
// recruit, or that a linked allocation manifest allocated, so that the two
// can be compared (see SampleSizeMismatch).
type SampleSize struct {
	// Units is a power result's n_total, the units recruited: for the
	// two-arm designs (ttest, prop, counts) n_control + n_treatment, each
	// already raised for the expected attrition; for a cluster design
	// clusters × cluster_size, cluster_size being the mean units
	// recruited per cluster. For a manifest it is n, the rows allocated
	// (the units within clusters when it randomised clusters).
	Units float64
	// Clusters and ClusterSize are a cluster power result's clusters and
	// cluster_size; 0 for the other designs and for a manifest.
	Clusters, ClusterSize float64
	// Clustered is true for a manifest that randomised whole clusters
	// (evalkit randomise --cluster).
	Clustered bool
	// Arms is a manifest's number of arms; 2 for a power result.
	Arms int
}

// powerSize reads a power result's sample size, or nil when its n_total
// is not a finite positive number.
func powerSize(doc map[string]json.RawMessage) *SampleSize {
	num := func(key string) float64 {
		var f float64
		if json.Unmarshal(doc[key], &f) != nil || !(f > 0) || math.IsInf(f, 0) {
			return 0
		}
		return f
	}
	s := &SampleSize{Units: num("n_total"), Arms: 2}
	if s.Units == 0 {
		return nil
	}
	var design string
	if json.Unmarshal(doc["design"], &design) == nil && design == "cluster" {
		s.Clusters, s.ClusterSize = num("clusters"), num("cluster_size")
	}
	return s
}

// manifestSize is what an allocation manifest allocated.
func manifestSize(m *rct.Manifest) *SampleSize {
	return &SampleSize{Units: float64(m.N), Clustered: m.Flags["cluster"] != "", Arms: len(m.Counts)}
}

// SampleSizeMismatch is a linked allocation whose size differs from that
// of the power result that planned it. The numbers compared count units
// (pupils, people, places): the power result's n_total, rounded to a whole
// number, against the manifest's n. For a cluster power result and an
// allocation that did not randomise clusters (one row a cluster, such as a
// list of schools) they count clusters: the power result's clusters
// against the manifest's n.
type SampleSizeMismatch struct {
	// Allocation and Power are the two links compared.
	Allocation, Power LinkCheck
	// Planned and Allocated are the numbers compared; ByCluster is true
	// when they count clusters.
	Planned, Allocated float64
	ByCluster          bool
}

// SampleSizeCode begins every SampleSizeMismatch's String, so that
// scripts can find the warning among evalkit lifecycle status's warnings.
const SampleSizeCode = "sample_size_mismatch"

// String is the warning in evalkit lifecycle status --json: SampleSizeCode
// and Text.
func (m SampleSizeMismatch) String() string { return SampleSizeCode + ": " + m.Text() }

// Text says where the allocation is linked and what differs:
//
//	line 37: Focused deterrence, randomisation_plan: allocation.csv.manifest.json allocates 320 units, power_analysis (power_1440.json) plans 1440 (60 clusters of 24)
//	line 9: Schools, randomisation_plan: schools.csv.manifest.json allocates 12 units, each on its own (no --cluster), power_analysis (power.json) plans 16 clusters
func (m SampleSizeMismatch) Text() string {
	a, p := m.Allocation, m.Power
	s := fmt.Sprintf("%s: %s allocates %s units", a.Location(), a.Path, sizeNumber(m.Allocated))
	if m.ByCluster {
		return s + fmt.Sprintf(", each on its own (no --cluster), %s (%s) plans %s clusters", p.Evidence, p.Path, sizeNumber(m.Planned))
	}
	s += fmt.Sprintf(", %s (%s) plans %s", p.Evidence, p.Path, sizeNumber(m.Planned))
	if p.Size.Clusters > 0 {
		s += fmt.Sprintf(" (%s clusters of %s)", sizeNumber(p.Size.Clusters), sizeNumber(p.Size.ClusterSize))
	}
	return s
}

func sizeNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// plannedBy lists the evidence keys whose power result plans an
// allocation, the one to compare with first.
var plannedBy = []string{"power_analysis", "preliminary_power"}

// sampleSizeMismatches compares every allocation manifest that one
// intervention's links hold under evidence expecting an allocation with
// the power result linked as power_analysis or, when there is none, as
// preliminary_power. Links with a problem are not compared, nor an
// allocation of more than two arms (a power result plans two).
func sampleSizeMismatches(links []LinkCheck) []SampleSizeMismatch {
	var power *LinkCheck
	for _, key := range plannedBy {
		for i := range links {
			l := &links[i]
			if power == nil && l.Evidence == key && l.Kind == PowerResult && l.Problem == NoProblem && l.Size != nil {
				power = l
			}
		}
	}
	if power == nil {
		return nil
	}
	var out []SampleSizeMismatch
	for _, a := range links {
		if ExpectedKind(a.Evidence) != Allocation || a.Kind != Allocation || a.Problem != NoProblem || a.Size == nil || a.Size.Arms != 2 {
			continue
		}
		m := SampleSizeMismatch{Allocation: a, Power: *power, Planned: math.Round(power.Size.Units), Allocated: a.Size.Units}
		if power.Size.Clusters > 0 && !a.Size.Clustered {
			m.Planned, m.ByCluster = power.Size.Clusters, true
		}
		if m.Planned != m.Allocated {
			out = append(out, m)
		}
	}
	return out
}
