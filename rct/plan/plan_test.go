package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The trials and plans of testdata/design and testdata/plan (see their
// READMEs).
const (
	designDir = "../../testdata/design/"
	planDir   = "../../testdata/plan/"
)

// schoolSettings are the settings testdata/plan/school_plan.yaml was made
// with.
var schoolSettings = map[string]string{"outcome": "attendance", "type": "continuous", "covariates": "attendance_baseline"}

// TestInitWritesTheCommittedPlan: Init and Marshal give the committed plan
// byte for byte (paths relative to the plan's folder, the manifest's and
// the power result's digests), and Parse reads it back as it was.
func TestInitWritesTheCommittedPlan(t *testing.T) {
	p, err := Init(designDir+"school_allocation.csv.manifest.json", planDir+"school_power.json", planDir, os.ReadFile, schoolSettings)
	require.NoError(t, err)
	got, err := p.Marshal()
	require.NoError(t, err)
	want, err := os.ReadFile(planDir + "school_plan.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	back, err := Parse(got)
	require.NoError(t, err)
	assert.Equal(t, p, back)
	assert.Equal(t, "../design/school_allocation.csv.manifest.json", back.Design.Manifest)
	assert.Equal(t, []string{"town"}, back.Design.Block)
	assert.Equal(t, "school", back.Design.Cluster)
	assert.Equal(t, map[string]int{"control": 51, "treatment": 49}, back.Design.Counts)
	require.NotNil(t, back.Power)
	assert.Equal(t, "cluster", back.Power.Design)
	assert.InDelta(t, 0.624756104386467, *back.Power.Effect, 1e-15)
}

// TestMarshalRoundTrip: every setting survives Marshal and Parse.
func TestMarshalRoundTrip(t *testing.T) {
	p, err := Init(designDir+"custody_blocks.csv.manifest.json", "", t.TempDir(), os.ReadFile, map[string]string{
		"outcome": "wellbeing", "secondary": "rearrested, arrests", "type": "continuous", "covariates": "prior_arrests,sex",
		"level": "0.9", "adjust": "bh", "se": "hc3", "permutations": "auto", "seed": "12", "subgroup": "sex", "received": "took_part",
	})
	require.NoError(t, err)
	p.Secondary[1].Type = "count"
	p.Model, p.Exposure = "poisson", "weeks"
	b, err := p.Marshal()
	require.NoError(t, err)
	back, err := Parse(b)
	require.NoError(t, err)
	assert.Equal(t, p, back)
	assert.Equal(t, []Outcome{{"rearrested", ""}, {"arrests", "count"}}, back.Secondary)
	assert.Contains(t, string(b), "permutations: auto # re-randomise")
	assert.Contains(t, string(b), "block_sizes:\n    - 2\n    - 4\n")
}

// TestParseErrors: a plan that cannot be followed is refused, naming what
// is wrong (and where, for YAML that is not a plan's).
func TestParseErrors(t *testing.T) {
	good, err := os.ReadFile(planDir + "school_plan.yaml")
	require.NoError(t, err)
	for _, tc := range []struct{ name, old, new, want string }{
		{"misspelt key", "covariates:", "covariate:", `line 39, column 1: unknown field "covariate"`},
		{"key twice", "level: 0.95", "level: 0.95\nlevel: 0.9", `line 42, column 1: mapping key "level" already defined at [41:1]`},
		{"not a number", "level: 0.95", "level: high", "cannot unmarshal string into Go struct field"},
		{"level", "level: 0.95", "level: 95", "level 95: want a number between 0 and 1"},
		{"type", "type: continuous", "type: ordinal", `outcome "attendance": type "ordinal": want continuous, binary or count`},
		{"no outcome", "outcome: attendance", "outcome: ''", "no primary outcome"},
		{"outcome twice", "adjust: holm", "adjust: holm\nsecondary: [{outcome: attendance}]", `outcome "attendance" is named twice`},
		{"covariate is an outcome", "- attendance_baseline", "- attendance", `covariate "attendance" is an outcome`},
		{"covariate twice", "- attendance_baseline", "- attendance_baseline\n  - attendance_baseline", `covariate "attendance_baseline" is named twice`},
		{"model", "adjust: holm", "adjust: holm\nmodel: logit", `model "logit": want negbin, poisson or multilevel`},
		{"count model without a count", "adjust: holm", "adjust: holm\nmodel: poisson", "model poisson is for count outcomes"},
		{"exposure without a count", "adjust: holm", "adjust: holm\nexposure: weeks", "exposure is for count outcomes"},
		{"count with a cluster", "type: continuous", "type: count", `outcome "attendance" is a count`},
		{"se with a cluster", "adjust: holm", "adjust: holm\nse: hc3", "se is for designs without clusters"},
		{"adjust", "adjust: holm", "adjust: bonferroni", `adjust "bonferroni": want holm or bh`},
		{"permutations without a seed", "adjust: holm", "adjust: holm\npermutations: 100", "permutations and seed go together"},
		{"permutations", "adjust: holm", "adjust: holm\npermutations: many\nseed: 1", `permutations "many": want a whole number of re-randomisations from 1 to 10000000, or auto`},
		{"too many permutations", "adjust: holm", "adjust: holm\npermutations: 20000000\nseed: 1", `permutations "20000000": more re-randomisations than the most allowed (10000000); auto draws until`},
		{"multilevel of a binary outcome", "type: continuous", "type: binary\nmodel: multilevel", `the multilevel model is for continuous outcomes, and "attendance" is binary`},
		{"no manifest", "manifest: ../design/school_allocation.csv.manifest.json", "manifest: ''", "the design needs its manifest and sha256"},
		{"one arm", "    - treatment\n", "", "at least two arms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := replaceOnce(t, string(good), tc.old, tc.new)
			_, err := Parse([]byte(src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
	_, err = Parse([]byte("- a\n- b\n"))
	assert.ErrorContains(t, err, "line 1, column 1")
}

// TestSet: plan init's flags set the settings; an unknown one, a level or
// seed that is not a number are errors wrapping ErrSetting.
func TestSet(t *testing.T) {
	var p Plan
	require.NoError(t, p.Set("secondary", " a , b"))
	assert.Equal(t, []Outcome{{Outcome: "a"}, {Outcome: "b"}}, p.Secondary)
	require.NoError(t, p.Set("seed", "18446744073709551615"))
	assert.Equal(t, uint64(18446744073709551615), *p.Seed)
	for _, c := range [][2]string{{"level", "x"}, {"seed", "-1"}, {"colour", "red"}} {
		assert.ErrorIs(t, p.Set(c[0], c[1]), ErrSetting, c[0])
	}
	for _, k := range Keys {
		assert.NoError(t, p.Set(k.Name, "1"), k.Name)
	}
}

// replaceOnce replaces old, which must be in s, by new.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Contains(t, s, old)
	return strings.Replace(s, old, new, 1)
}

// copyFiles copies the named files of dir into a new temporary folder.
func copyFiles(t *testing.T, dir string, names ...string) string {
	t.Helper()
	tmp := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(tmp, n), b, 0o644))
	}
	return tmp
}
