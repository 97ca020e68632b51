package main

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"
)

var updateAnalyseCACE = flag.Bool("update-analyse-cace", false, "rewrite the golden files of evalkit analyse --received and --subgroup")

// analyseCACEGoldenCases run evalkit analyse with --received, --subgroup
// and on outcomes with attrition (lee_bounds), with and without --json,
// compared with testdata/analyse_cace/NAME.txt and NAME.json. The numbers
// are checked against R in rct/analysis (compliance_test.go,
// subgroup_test.go, attrition_test.go).
var analyseCACEGoldenCases = []struct {
	name string
	args string
}{
	{"schools_cace", "analyse_cace/schools.csv --outcome y --received received --covariates x --block town --cluster school"},
	{"custody_cace", "analyse_cace/custody.csv --outcome wellbeing --received received --covariates prior --block suite"},
	{"subgroup_region", "analyse_subgroup/subgroup.csv --outcome y --subgroup region --covariates x --block site --cluster ward"},
	{"subgroup_tiny", "analyse_subgroup/subgroup.csv --outcome reoffended --subgroup tiny"},
	{"lee", "analyse_lee/lee.csv --outcome y2"},
}

func TestAnalyseCACEGolden(t *testing.T) {
	for _, c := range analyseCACEGoldenCases {
		for _, asJSON := range []bool{false, true} {
			f := strings.Fields(c.args)
			args := append([]string{"analyse", "--in", "../../testdata/" + f[0]}, f[1:]...)
			golden := c.name + ".txt"
			if asJSON {
				args = append(args, "--json")
				golden = c.name + ".json"
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != 0 || stderr != "" {
				t.Errorf("%s: exit %d, stderr %q", golden, code, stderr)
				continue
			}
			if asJSON {
				checkAnalyseGoldenJSON(t, filepath.Join("analyse_cace", golden), stdout, *updateAnalyseCACE)
				checkAnalyseJSON(t, golden, stdout)
				checkCACEKeys(t, golden, stdout)
			} else {
				checkGoldenText(t, filepath.Join("analyse_cace", golden), stdout, *updateAnalyseCACE)
			}
		}
	}
}

// checkCACEKeys checks the contract's keys of cace, subgroups and
// interaction_p where their flags were given.
func checkCACEKeys(t *testing.T, name, out string) {
	t.Helper()
	var v struct {
		Comparisons []struct {
			Cace      map[string]any   `json:"cace"`
			Subgroups []map[string]any `json:"subgroups"`
			LeeBounds map[string]any   `json:"lee_bounds"`
			// InteractionP is nil when the key is absent, "null" when
			// the test is undefined.
			InteractionP json.RawMessage `json:"interaction_p"`
		} `json:"comparisons"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, c := range v.Comparisons {
		switch {
		case strings.Contains(name, "cace"):
			for _, k := range []string{"estimate", "se", "df", "ci_low", "ci_high", "p_value", "compliance_treatment", "compliance_control"} {
				if _, ok := c.Cace[k]; !ok {
					t.Errorf("%s: cace without %q", name, k)
				}
			}
		case strings.Contains(name, "subgroup"):
			if len(c.Subgroups) == 0 || c.InteractionP == nil {
				t.Errorf("%s: no subgroups or interaction_p", name)
			}
			for _, g := range c.Subgroups {
				for _, k := range []string{"level", "n", "estimate", "se", "ci_low", "ci_high", "p_value"} {
					if _, ok := g[k]; !ok {
						t.Errorf("%s: subgroup without %q", name, k)
					}
				}
			}
		case name == "lee.json":
			for _, k := range []string{"lower", "upper", "trim_share", "trimmed_arm", "attrition"} {
				if _, ok := c.LeeBounds[k]; !ok {
					t.Errorf("%s: lee_bounds without %q", name, k)
				}
			}
		}
	}
}

// A received value that is not 0/1 exits 1 naming the file, row and
// column; so does an arm in which no one received the intervention.
func TestAnalyseCACEErrors(t *testing.T) {
	for _, tc := range []struct {
		file, want string
	}{
		{"bad_received.csv", `evalkit: analyse: bad_received.csv: row 8, column "received": "2": received must be 1 (the unit received the intervention), 0 (it did not) or missing` + "\n"},
		{"no_takeup.csv", `evalkit: analyse: no_takeup.csv: no one in arm "navigator" received the intervention (column "received" is 0 in all 9 of its rows analysed), so the complier average causal effect is not identified: check that column` + "\n"},
	} {
		stdout, stderr, code := runCmd(t, "analyse", "--in", "../../testdata/analyse_cace/"+tc.file, "--outcome", "wellbeing", "--received", "received")
		if code != 1 || stdout != "" || stderr != tc.want {
			t.Errorf("%s: exit %d, stdout %q, stderr %q, want %q", tc.file, code, stdout, stderr, tc.want)
		}
	}
}
