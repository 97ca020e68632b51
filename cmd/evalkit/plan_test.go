package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updatePlan = flag.Bool("update-plan", false, "rewrite the golden files of evalkit plan and analyse --plan in testdata/plan")

// planData holds the committed plans (testdata/plan/README.md).
const planData = "../../testdata/plan/"

// planTrialDir copies the School Navigators allocation, its units and
// manifest, its trial and its power result into a new folder, so that a
// plan made there records them beside it.
func planTrialDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{designData + "school_units.csv", designData + "school_allocation.csv", designData + "school_allocation.csv.manifest.json",
		designData + "school_trial.csv", planData + "school_power.json"} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644))
	}
	return dir
}

// comparisonsJSON returns each comparison of an analyse --json output as
// its keys' raw JSON, prespecified taken out (and checked to be want).
func comparisonsJSON(t *testing.T, out string, want *bool) []map[string]string {
	t.Helper()
	var v struct {
		Comparisons []map[string]json.RawMessage `json:"comparisons"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	var cs []map[string]string
	for _, c := range v.Comparisons {
		if want != nil {
			assert.Equal(t, map[bool]string{true: "true", false: "false"}[*want], string(c["prespecified"]))
		}
		delete(c, "prespecified")
		m := map[string]string{}
		for k, raw := range c {
			m[k] = string(raw)
		}
		cs = append(cs, m)
	}
	return cs
}

// TestPlanFlow: plan init, then lock, then analyse --plan gives exactly the
// numbers of the same analysis asked for by its flags; a covariate beyond
// the plan adds a comparison that is not pre-specified and changes none
// that is; an edited plan is refused unless --allow-changed-plan, which is
// recorded.
func TestPlanFlow(t *testing.T) {
	dir := planTrialDir(t)
	plan, trial := filepath.Join(dir, "plan.yaml"), filepath.Join(dir, "school_trial.csv")
	stdout, stderr, code := runCmd(t, "plan", "init", "--design", filepath.Join(dir, "school_allocation.csv.manifest.json"),
		"--power", filepath.Join(dir, "school_power.json"), "--outcome", "attendance", "--type", "continuous",
		"--permutations", "200", "--seed", "5", "--out", plan)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "wrote "+plan+"\n", stdout)
	written, err := os.ReadFile(plan)
	require.NoError(t, err)
	checkGoldenText(t, "plan/init_school.yaml", string(written), *updatePlan)

	before := time.Now().UTC().Truncate(time.Second)
	stdout, stderr, code = runCmd(t, "plan", "lock", "--in", plan)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "wrote "+plan+".lock.json\n", stdout)
	var lock struct {
		Plan, SHA256, Version string
		LockedAt              time.Time `json:"locked_at"`
	}
	b, err := os.ReadFile(plan + ".lock.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &lock))
	sum := sha256.Sum256(written)
	assert.Equal(t, hex.EncodeToString(sum[:]), lock.SHA256)
	assert.Equal(t, "plan.yaml", lock.Plan)
	assert.False(t, lock.LockedAt.Before(before))
	assert.False(t, lock.LockedAt.After(time.Now()))

	planned, stderr, code := runCmd(t, "analyse", "--in", trial, "--plan", plan, "--json")
	require.Equal(t, 0, code, stderr)
	byFlags, stderr, code := runCmd(t, "analyse", "--in", trial, "--design", filepath.Join(dir, "school_allocation.csv.manifest.json"),
		"--outcome", "attendance", "--type", "continuous", "--permutations", "200", "--seed", "5", "--json")
	require.Equal(t, 0, code, stderr)
	yes := true
	assert.Equal(t, comparisonsJSON(t, byFlags, nil), comparisonsJSON(t, planned, &yes))
	assert.Equal(t, strings.Split(byFlags, `"design"`)[0], strings.Replace(strings.Split(planned, `"design"`)[0], `,
      "prespecified": true`, "", 1), "arms, comparisons, balance and warnings are the flags' own")
	assert.Contains(t, planned, `"plan": {
    "file": "`+plan+`",
    "sha256": "`+lock.SHA256+`",
    "locked_at": "`+lock.LockedAt.Format(time.RFC3339)+`",
    "changed": false
  }`)

	extra, stderr, code := runCmd(t, "analyse", "--in", trial, "--plan", plan, "--covariates", "attendance_baseline", "--json")
	require.Equal(t, 0, code, stderr)
	cs := comparisonsJSON(t, extra, nil)
	require.Len(t, cs, 2)
	assert.Equal(t, comparisonsJSON(t, planned, nil)[0], cs[0], "the pre-specified comparison is unchanged")
	assert.NotEqual(t, cs[0]["estimate"], cs[1]["estimate"])
	assert.Contains(t, cs[1]["notes"], "not pre-specified: the plan's analysis of attendance differs in covariates")
	assert.Contains(t, extra, `"prespecified": true`)
	assert.Contains(t, extra, `"prespecified": false`)

	require.NoError(t, os.WriteFile(plan, []byte(strings.Replace(string(written), "level: 0.95", "level: 0.9", 1)), 0o644))
	stdout, stderr, code = runCmd(t, "analyse", "--in", trial, "--plan", plan, "--json")
	assert.Equal(t, exitData, code)
	assert.Empty(t, stdout)
	oneErrorLine(t, stderr, "evalkit: analyse: "+plan+" differs from its lock "+plan+".lock.json (locked ")
	assert.Contains(t, stderr, "--allow-changed-plan")

	changed, stderr, code := runCmd(t, "analyse", "--in", trial, "--plan", plan, "--allow-changed-plan", "--json")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, changed, `"changed": true`)
	assert.Contains(t, changed, `"plan_changed: `+plan+` differs from its lock plan.yaml.lock.json of `)
	assert.Contains(t, changed, `"level": 0.9,`)
}

// planGoldenCases are the commands whose output is compared with
// testdata/plan/NAME: stdout, or with a file written the file.
var planGoldenCases = []struct {
	name, out string
	args      []string
}{
	{"school_plan.md", "plan.md", []string{"plan", "render", "--in", planData + "school_plan.yaml"}},
	{"school_plan.html", "plan.html", []string{"plan", "render", "--in", planData + "school_plan.yaml"}},
	{"custody_plan.md", "plan.md", []string{"plan", "render", "--in", planData + "custody_plan.yaml"}},
	{"custody_plan.html", "plan.html", []string{"plan", "render", "--in", planData + "custody_plan.yaml"}},
	{"analyse_school.json", "", []string{"analyse", "--in", designData + "school_trial.csv", "--plan", planData + "school_plan.yaml", "--json"}},
	{"analyse_school.txt", "", []string{"analyse", "--in", designData + "school_trial.csv", "--plan", planData + "school_plan.yaml"}},
	{"analyse_custody.json", "", []string{"analyse", "--in", designData + "custody_minimise_trial.csv", "--plan", planData + "custody_plan.yaml", "--json"}},
	{"analyse_custody.txt", "", []string{"analyse", "--in", designData + "custody_minimise_trial.csv", "--plan", planData + "custody_plan.yaml"}},
	{"analyse_custody_extra.txt", "", []string{"analyse", "--in", designData + "custody_minimise_trial.csv", "--plan", planData + "custody_plan.yaml",
		"--covariates", "prior_arrests,suite,sex"}},
}

func TestPlanGolden(t *testing.T) {
	for _, c := range planGoldenCases {
		t.Run(c.name, func(t *testing.T) {
			args := c.args
			if c.out != "" {
				args = append(args, "--out", filepath.Join(t.TempDir(), c.out))
			}
			stdout, stderr, code := runCmd(t, args...)
			require.Equal(t, 0, code, stderr)
			require.Empty(t, stderr)
			got := stdout
			if c.out != "" {
				assert.Equal(t, "wrote "+args[len(args)-1]+"\n", stdout)
				b, err := os.ReadFile(args[len(args)-1])
				require.NoError(t, err)
				got = string(b)
			}
			if strings.HasSuffix(c.name, ".json") {
				checkAnalyseGoldenJSON(t, filepath.Join("plan", c.name), got, *updatePlan)
				checkAnalyseJSON(t, c.name, got)
				return
			}
			checkGoldenText(t, filepath.Join("plan", c.name), got, *updatePlan)
		})
	}
}

// TestPlanErrors: bad usage exits 2 and bad data 1, with one line on
// stderr; nothing is overwritten without --force.
func TestPlanErrors(t *testing.T) {
	dir := planTrialDir(t)
	manifest := filepath.Join(dir, "school_allocation.csv.manifest.json")
	existing := filepath.Join(dir, "school_power.json")
	init := []string{"plan", "init", "--design", manifest, "--outcome", "attendance"}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no subcommand", []string{"plan"}, exitUsage, "evalkit: plan: say init, lock or render (see -h)"},
		{"unknown subcommand", []string{"plan", "sign"}, exitUsage, `evalkit: plan: unexpected argument "sign" (see -h)`},
		{"init without --design", []string{"plan", "init", "--outcome", "y", "--out", "p.yaml"}, exitUsage, "evalkit: plan: --design is required (see -h)"},
		{"init without --outcome", []string{"plan", "init", "--design", manifest, "--out", "p.yaml"}, exitUsage, "evalkit: plan: --outcome is required (see -h)"},
		{"init bad type", append(init, "--type", "ordinal", "--out", filepath.Join(dir, "p.yaml")), exitUsage, `evalkit: plan: outcome "attendance": type "ordinal": want continuous, binary or count`},
		{"init se with clusters", append(init, "--se", "hc3", "--out", filepath.Join(dir, "p.yaml")), exitUsage, "evalkit: plan: se is for designs without clusters"},
		{"init seed without permutations", append(init, "--seed", "1", "--out", filepath.Join(dir, "p.yaml")), exitUsage, "evalkit: plan: permutations and seed go together"},
		{"init over a file", append(init, "--out", existing), exitData, "evalkit: plan: " + existing},
		{"init from a tampered manifest", []string{"plan", "init", "--design", designData + "../lifecycle/problems/tampered.csv.manifest.json", "--outcome", "y", "--out", filepath.Join(dir, "p.yaml")}, exitData, "evalkit: plan: tampered.csv.manifest.json: "},
		{"init from a file that is not power", append(init, "--power", manifest, "--out", filepath.Join(dir, "p.yaml")), exitData, "evalkit: plan: school_allocation.csv.manifest.json: not an evalkit power --json result"},
		{"lock without --in", []string{"plan", "lock"}, exitUsage, "evalkit: plan: --in is required (see -h)"},
		{"lock a file that is not a plan", []string{"plan", "lock", "--in", manifest}, exitData, "evalkit: plan: " + manifest + ": line "},
		{"render without --out", []string{"plan", "render", "--in", planData + "school_plan.yaml"}, exitUsage, "evalkit: plan: --out is required (see -h)"},
		{"render as PDF", []string{"plan", "render", "--in", planData + "school_plan.yaml", "--out", filepath.Join(dir, "plan.pdf")}, exitData, "evalkit: plan: " + filepath.Join(dir, "plan.pdf") + ": render as .md or .html"},
		{"analyse a plan that is not there", []string{"analyse", "--in", "x.csv", "--plan", filepath.Join(dir, "none.yaml")}, exitData, "evalkit: analyse: open " + filepath.Join(dir, "none.yaml")},
		{"analyse with a design", []string{"analyse", "--in", designData + "school_trial.csv", "--plan", planData + "school_plan.yaml", "--design", designData + "school_allocation.csv.manifest.json"},
			exitUsage, "evalkit: analyse: --design: the plan " + planData + "school_plan.yaml names the design"},
		{"allow a changed plan without one", []string{"analyse", "--in", designData + "school_trial.csv", "--outcome", "attendance", "--allow-changed-plan"},
			exitUsage, "evalkit: analyse: --allow-changed-plan is for --plan"},
		{"analyse with a contradicting flag", []string{"analyse", "--in", designData + "school_trial.csv", "--plan", planData + "school_plan.yaml", "--cluster", "town"},
			exitUsage, `evalkit: analyse: cluster "town" contradicts the design in ../../testdata/design/school_allocation.csv.manifest.json`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			assert.Equal(t, tc.code, code, stderr)
			assert.Empty(t, stdout)
			oneErrorLine(t, stderr, tc.want)
		})
	}
	b, err := os.ReadFile(existing)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"design": "cluster"`, "--out was not overwritten")

	plan := filepath.Join(dir, "plan.yaml")
	_, stderr, code := runCmd(t, append(init, "--out", plan)...)
	require.Equal(t, 0, code, stderr)
	_, stderr, code = runCmd(t, "plan", "lock", "--in", plan)
	require.Equal(t, 0, code, stderr)
	_, stderr, code = runCmd(t, "plan", "lock", "--in", plan)
	assert.Equal(t, exitData, code)
	oneErrorLine(t, stderr, "evalkit: plan: "+plan+".lock.json already exists; give --force to overwrite it")
	_, stderr, code = runCmd(t, "plan", "lock", "--in", plan, "--force")
	assert.Equal(t, 0, code, stderr)
}
