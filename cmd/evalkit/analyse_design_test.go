package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const designData = "../../testdata/design/"

// analyseDesignGoldenCases are trials analysed by their manifests
// (testdata/design/README.md), compared with testdata/analyse_design/NAME.txt
// and NAME.json.
var analyseDesignGoldenCases = []struct{ name, args string }{
	{"blocks_ri", "custody_blocks_trial.csv --outcome wellbeing --design custody_blocks.csv.manifest.json --permutations 2000 --seed 1"},
	{"minimise_ri", "custody_minimise_trial.csv --outcome wellbeing --design custody_minimise.csv.manifest.json --covariates suite,sex --permutations 500 --seed 2"},
	{"blocks_auto", "custody_blocks_trial.csv --outcome rearrested --design custody_blocks.csv.manifest.json --permutations auto --seed 4"},
	{"school_auto", "school_trial.csv --outcome attendance --covariates attendance_baseline --design school_allocation.csv.manifest.json --permutations auto --seed 3"},
}

func analyseDesignArgs(line string) []string {
	f := strings.Fields(line)
	args := []string{"analyse", "--in", designData + f[0]}
	for i := 1; i < len(f); i++ {
		args = append(args, f[i])
		if f[i] == "--design" {
			args = append(args, designData+f[i+1])
			i++
		}
	}
	return args
}

func TestAnalyseDesignGolden(t *testing.T) {
	for _, c := range analyseDesignGoldenCases {
		for _, asJSON := range []bool{false, true} {
			args, golden := analyseDesignArgs(c.args), c.name+".txt"
			if asJSON {
				args, golden = append(args, "--json"), c.name+".json"
			}
			stdout, stderr, code := runCmd(t, args...)
			require.Equal(t, 0, code, "%s: %s", golden, stderr)
			require.Empty(t, stderr)
			if asJSON {
				checkAnalyseGoldenJSON(t, filepath.Join("analyse_design", golden), stdout, *updateAnalyse2)
				checkAnalyseJSON(t, golden, stdout)
			} else {
				checkGoldenText(t, filepath.Join("analyse_design", golden), stdout, *updateAnalyse2)
			}
		}
	}
}

// TestAnalyseDesignErrors: a contradicting flag is bad usage naming the
// manifest (exit 2); a tampered allocation, an arm that is not the
// allocation's, or a trial file without the id column stops with exit 1.
func TestAnalyseDesignErrors(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"custody_units.csv", "custody_blocks.csv", "custody_blocks.csv.manifest.json", "custody_blocks_trial.csv"} {
		b, err := os.ReadFile(designData + f)
		require.NoError(t, err)
		if f == "custody_blocks_trial.csv" {
			b = []byte(strings.Replace(string(b), "C003,Loddon,M,2,navigator", "C003,Loddon,M,2,control", 1))
			f = "mismatch.csv"
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), b, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "noid.csv"), []byte("arm,wellbeing\ncontrol,1\nnavigator,2\n"), 0o644))
	manifest := designData + "custody_blocks.csv.manifest.json"
	trial := designData + "custody_blocks_trial.csv"
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"contradicting block", []string{"--in", trial, "--design", manifest, "--block", "sex"}, exitUsage, `block "sex" contradicts the design in ` + manifest},
		{"contradicting control", []string{"--in", trial, "--design", manifest, "--control", "navigator"}, exitUsage, `control "navigator" contradicts`},
		{"contradicting cluster", []string{"--in", trial, "--design", manifest, "--cluster", "suite"}, exitUsage, `cluster "suite" contradicts`},
		{"se with the design's cluster", []string{"--in", designData + "school_trial.csv", "--design", designData + "school_allocation.csv.manifest.json", "--se", "hc3"}, exitUsage,
			"--se is for models without a cluster (the cluster of " + designData + "school_allocation.csv.manifest.json)"},
		{"count with the design's cluster", []string{"--in", designData + "school_trial.csv", "--design", designData + "school_allocation.csv.manifest.json", "--type", "count"}, exitUsage,
			"the cluster of " + designData + "school_allocation.csv.manifest.json is not defined for a count outcome"},
		{"multilevel without a cluster in the design", []string{"--in", trial, "--design", manifest, "--model", "multilevel"}, exitUsage, "--model multilevel needs --cluster"},
		{"allow-mismatch alone", []string{"--in", trial, "--allow-mismatch"}, exitUsage, "--allow-mismatch is for --design"},
		{"mismatch", []string{"--in", filepath.Join(dir, "mismatch.csv"), "--design", filepath.Join(dir, "custody_blocks.csv.manifest.json")}, exitData,
			`mismatch.csv: row 4, column "arm": "control": arms differ from the allocation: the allocation gave id C003 arm "navigator" (1 row in all; --allow-mismatch analyses them as allocated)`},
		{"no id column", []string{"--in", filepath.Join(dir, "noid.csv"), "--design", manifest}, exitData, `noid.csv: no column "person_id"`},
		{"missing manifest", []string{"--in", trial, "--design", filepath.Join(dir, "none.json")}, exitData, "none.json"},
	} {
		args := append([]string{"analyse", "--outcome", "wellbeing"}, c.args...)
		stdout, stderr, code := runCmd(t, args...)
		require.Equal(t, c.code, code, "%s: %s", c.name, stderr)
		oneErrorLine(t, stderr, "evalkit: analyse: ")
		require.Contains(t, stderr, c.want, c.name)
		require.Empty(t, stdout, c.name)
	}
	// The design's cluster serves the multilevel model.
	stdout, stderr, code := runCmd(t, "analyse", "--in", designData+"school_trial.csv", "--outcome", "attendance",
		"--design", designData+"school_allocation.csv.manifest.json", "--model", "multilevel")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "mixed_reml")

	// Allowed, the mismatch is counted and warned of.
	stdout, _, code = runCmd(t, "analyse", "--outcome", "wellbeing", "--in", filepath.Join(dir, "mismatch.csv"),
		"--design", filepath.Join(dir, "custody_blocks.csv.manifest.json"), "--allow-mismatch")
	require.Equal(t, 0, code)
	require.Contains(t, stdout, "warning: arm_mismatch: the arm of 1 row differs from the allocation")

	// Tampered: one arm changed in the allocation.
	alloc := filepath.Join(dir, "custody_blocks.csv")
	b, err := os.ReadFile(alloc)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(alloc, []byte(strings.Replace(string(b), "C002,Newbury,M,1,control", "C002,Newbury,M,1,navigator", 1)), 0o644))
	stdout, stderr, code = runCmd(t, "analyse", "--outcome", "wellbeing", "--in", trial, "--design", filepath.Join(dir, "custody_blocks.csv.manifest.json"))
	require.Equal(t, exitData, code)
	oneErrorLine(t, stderr, "evalkit: analyse: ")
	require.Contains(t, stderr, "does not verify")
	require.Empty(t, stdout)
}

// TestAnalyseDesignOutsidePaths: a manifest naming files outside its
// folder (here through "..") is refused, naming --allow-absolute, and read
// with it; --allow-absolute without --design is bad usage.
func TestAnalyseDesignOutsidePaths(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"custody_units.csv", "custody_blocks.csv", "custody_blocks_trial.csv"} {
		data, err := os.ReadFile(designData + f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
	}
	data, err := os.ReadFile(designData + "custody_blocks.csv.manifest.json")
	require.NoError(t, err)
	data = []byte(strings.NewReplacer(`"path": "custody_units.csv"`, `"path": "../custody_units.csv"`,
		`"path": "custody_blocks.csv"`, `"path": "../custody_blocks.csv"`).Replace(string(data)))
	require.Equal(t, 2, strings.Count(string(data), `"../custody_`), "the manifest's paths are rewritten")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "m"), 0o755))
	manifest := filepath.Join(dir, "m", "custody_blocks.csv.manifest.json")
	require.NoError(t, os.WriteFile(manifest, data, 0o644))

	args := []string{"analyse", "--in", filepath.Join(dir, "custody_blocks_trial.csv"), "--outcome", "wellbeing", "--design", manifest}
	_, stderr, code := runCmd(t, args...)
	require.Equal(t, 1, code, stderr)
	require.Contains(t, stderr, "outside its directory")
	require.Contains(t, stderr, "--allow-absolute")
	stdout, stderr, code := runCmd(t, append(args, "--allow-absolute")...)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "navigator vs control")

	_, stderr, code = runCmd(t, "analyse", "--in", designData+"custody_blocks_trial.csv", "--outcome", "wellbeing", "--allow-absolute")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "--allow-absolute is for --design")
}
