package lifecycle

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sizeCheck is a link check of the intervention "Trial" holding a result
// of the given kind and size.
func sizeCheck(evidence, path string, kind LinkKind, size *SampleSize) LinkCheck {
	return LinkCheck{Link: Link{Intervention: "Trial", Evidence: evidence, Path: path, Line: 7}, Found: true, Kind: kind, Size: size}
}

func TestSampleSizeMismatches(t *testing.T) {
	twoArm := func(n float64) LinkCheck {
		return sizeCheck("power_analysis", "power.json", PowerResult, &SampleSize{Units: n, Arms: 2})
	}
	cluster := func(j, m float64) LinkCheck {
		return sizeCheck("power_analysis", "power.json", PowerResult, &SampleSize{Units: j * m, Clusters: j, ClusterSize: m, Arms: 2})
	}
	alloc := func(n float64, clustered bool, arms int) LinkCheck {
		return sizeCheck("randomisation_plan", "allocation.csv.manifest.json", Allocation, &SampleSize{Units: n, Clustered: clustered, Arms: arms})
	}
	prelim := sizeCheck("preliminary_power", "prelim.json", PowerResult, &SampleSize{Units: 500, Arms: 2})
	tampered := alloc(100, false, 2)
	tampered.Problem = NotVerified
	for _, tc := range []struct {
		name  string
		links []LinkCheck
		want  []string // Text of each mismatch
	}{
		{"two arms agree", []LinkCheck{twoArm(128), alloc(128, false, 2)}, nil},
		{"two arms, fewer allocated", []LinkCheck{twoArm(128), alloc(100, false, 2)},
			[]string{"line 7: Trial, randomisation_plan: allocation.csv.manifest.json allocates 100 units, power_analysis (power.json) plans 128"}},
		{"two arms, more allocated", []LinkCheck{alloc(130, false, 2), twoArm(128)},
			[]string{"line 7: Trial, randomisation_plan: allocation.csv.manifest.json allocates 130 units, power_analysis (power.json) plans 128"}},
		{"pupils in clusters", []LinkCheck{cluster(60, 24), alloc(320, true, 2)},
			[]string{"line 7: Trial, randomisation_plan: allocation.csv.manifest.json allocates 320 units, power_analysis (power.json) plans 1440 (60 clusters of 24)"}},
		{"pupils in clusters agree", []LinkCheck{cluster(16, 20), alloc(320, true, 2)}, nil},
		// 1441 pupils in 49 schools, a mean of 29.41 to two places:
		// n_total 1441.09, 1441 rounded to whole pupils.
		{"mean cluster size", []LinkCheck{cluster(49, 29.41), alloc(1441, true, 2)}, nil},
		{"mean cluster size, one pupil fewer", []LinkCheck{cluster(49, 29.41), alloc(1440, true, 2)},
			[]string{"line 7: Trial, randomisation_plan: allocation.csv.manifest.json allocates 1440 units, power_analysis (power.json) plans 1441 (49 clusters of 29.41)"}},
		{"one row a cluster, agree", []LinkCheck{cluster(16, 20), alloc(16, false, 2)}, nil},
		{"one row a cluster", []LinkCheck{cluster(16, 20), alloc(12, false, 2)},
			[]string{"line 7: Trial, randomisation_plan: allocation.csv.manifest.json allocates 12 units, each on its own (no --cluster), power_analysis (power.json) plans 16 clusters"}},
		{"power_analysis before preliminary_power", []LinkCheck{prelim, twoArm(128), alloc(128, false, 2)}, nil},
		{"preliminary_power without power_analysis", []LinkCheck{prelim, alloc(128, false, 2)},
			[]string{"line 7: Trial, randomisation_plan: allocation.csv.manifest.json allocates 128 units, preliminary_power (prelim.json) plans 500"}},
		{"three arms not compared", []LinkCheck{twoArm(128), alloc(192, false, 3)}, nil},
		{"allocation that does not verify not compared", []LinkCheck{twoArm(128), tampered}, nil},
		{"no power result", []LinkCheck{alloc(128, false, 2)}, nil},
		{"allocation under another key", []LinkCheck{twoArm(128), sizeCheck("business_case", "a.json", Allocation, &SampleSize{Units: 1, Arms: 2})}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range sampleSizeMismatches(tc.links) {
				got = append(got, m.Text())
				assert.Equal(t, SampleSizeCode+": "+m.Text(), m.String())
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestPowerSize(t *testing.T) {
	for _, tc := range []struct {
		name, json string
		want       *SampleSize
	}{
		{"ttest", `{"design": "ttest", "n_total": 129}`, &SampleSize{Units: 129, Arms: 2}},
		{"cluster", `{"design": "cluster", "n_total": 1440, "clusters": 60, "cluster_size": 24}`, &SampleSize{Units: 1440, Clusters: 60, ClusterSize: 24, Arms: 2}},
		{"null", `{"design": "ttest", "n_total": null}`, nil},
		{"text", `{"design": "ttest", "n_total": "129"}`, nil},
		{"negative", `{"design": "ttest", "n_total": -5}`, nil},
		{"absent", `{"design": "ttest"}`, nil},
		{"cluster without clusters", `{"design": "cluster", "n_total": 80}`, &SampleSize{Units: 80, Arms: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(tc.json), &doc))
			assert.Equal(t, tc.want, powerSize(doc))
		})
	}
}
