package lifecycle

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemsDir holds a real allocation (allocation.csv and its manifest,
// which verify), a tampered one and two power results: see its README.
const problemsDir = "../testdata/lifecycle/problems"

// problemsFS is problemsDir as a map, so that a test can add or change
// files.
func problemsFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"units.csv", "allocation.csv", "allocation.csv.manifest.json", "tampered.csv", "tampered.csv.manifest.json", "power.json"} {
		data, err := os.ReadFile(filepath.Join(problemsDir, name))
		require.NoError(t, err)
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// TestCheckLinksVerifies checks that a linked allocation manifest is
// verified as evalkit randomise verify does, under any evidence key.
func TestCheckLinksVerifies(t *testing.T) {
	fsys := problemsFS(t)
	summary := `{"method": "complete", "seed": 1, "n": 320, "counts": {"control": 160, "navigator": 160}, "output": "allocation.csv", "manifest": "allocation.csv.manifest.json"}`
	fsys["results/allocation.json"] = &fstest.MapFile{Data: []byte(summary)}
	fsys["moved/allocation.csv.manifest.json"] = fsys["allocation.csv.manifest.json"]
	for _, tc := range []struct {
		name, evidence string
		problem        Problem
		detail         string // the start of the detail
	}{
		{"verifies", "randomisation_plan: {status: done, link: allocation.csv.manifest.json}", NoProblem, ""},
		{"tampered output", "randomisation_plan: {status: done, link: tampered.csv.manifest.json}", NotVerified,
			"tampered.csv.manifest.json does not verify: output file tampered.csv has been changed since it was written (sha256 822fa11a"},
		{"tampered, under any key", "business_case: {status: done, link: tampered.csv.manifest.json}", NotVerified,
			"tampered.csv.manifest.json does not verify: output file tampered.csv"},
		{"input not beside it", "randomisation_plan: {status: done, link: moved/allocation.csv.manifest.json}", NotVerified,
			"moved/allocation.csv.manifest.json does not verify: cannot open units.csv: file does not exist"},
		{"summary, not a manifest", "randomisation_plan: {status: done, link: results/allocation.json}", NotVerified,
			"results/allocation.json cannot be verified: not an evalkit manifest"},
		{"summary where any file will do", "business_case: {status: done, link: results/allocation.json}", NoProblem, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := linkTestPortfolio(t, tc.evidence).CheckLinks(fsys)
			require.Len(t, got, 1)
			assert.True(t, got[0].Found)
			assert.Equal(t, Allocation, got[0].Kind)
			assert.Equal(t, tc.problem, got[0].Problem)
			assert.True(t, strings.HasPrefix(got[0].Detail, tc.detail), "detail %q, want it to start %q", got[0].Detail, tc.detail)
			assert.Equal(t, tc.problem == NoProblem, got[0].Detail == "", "a detail exactly with a problem")
		})
	}
}

// TestCheckLinksSizes checks the sample sizes read from a manifest and a
// power result.
func TestCheckLinksSizes(t *testing.T) {
	fsys := problemsFS(t)
	fsys["ttest.json"] = &fstest.MapFile{Data: []byte(`{"design": "ttest", "alpha": 0.05, "power": 0.8, "n_control": 64, "n_treatment": 65, "n_total": 129}`)}
	fsys["solved.json"] = &fstest.MapFile{Data: []byte(`{"design": "ttest", "alpha": 0.05, "power": 0.8, "n_total": null}`)}
	for _, tc := range []struct {
		name, link string
		want       *SampleSize
	}{
		{"cluster allocation", "allocation.csv.manifest.json", &SampleSize{Units: 320, Clustered: true, Arms: 2}},
		{"cluster power", "power.json", &SampleSize{Units: 320, Clusters: 16, ClusterSize: 20, Arms: 2}},
		{"two-arm power", "ttest.json", &SampleSize{Units: 129, Arms: 2}},
		{"n_total undefined", "solved.json", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := linkTestPortfolio(t, "business_case: {status: done, link: "+tc.link+"}").CheckLinks(fsys)
			require.Len(t, got, 1)
			assert.Equal(t, tc.want, got[0].Size)
		})
	}
}

// countingFS counts the files opened.
type countingFS struct {
	fs.FS
	opened map[string]int
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.opened[name]++
	return c.FS.Open(name)
}

// TestCheckLinksVerifiesOnce checks that a manifest linked by two
// interventions is verified once, and found to stand for both.
func TestCheckLinksVerifiesOnce(t *testing.T) {
	p, err := Parse([]byte(`interventions:
  - {name: A, gate: 2, evidence: {randomisation_plan: {status: done, link: allocation.csv.manifest.json}}}
  - {name: B, gate: 2, evidence: {randomisation_plan: {status: done, link: ./allocation.csv.manifest.json}}}
`))
	require.NoError(t, err)
	fsys := countingFS{problemsFS(t), map[string]int{}}
	got := p.CheckLinks(fsys)
	require.Len(t, got, 2)
	for _, c := range got {
		assert.Equal(t, NoProblem, c.Problem, c.Location())
	}
	assert.Equal(t, 1, fsys.opened["units.csv"], "the input read once")
}

// TestManifestFile checks where a manifest's recorded files are looked
// for.
func TestManifestFile(t *testing.T) {
	for _, tc := range []struct{ name, recorded, want string }{
		{"allocation.csv.manifest.json", "units.csv", "units.csv"},
		{"results/a.manifest.json", "units.csv", "results/units.csv"},
		{"results/a.manifest.json", "../data/units.csv", "data/units.csv"},
		{"../results/a.manifest.json", "units.csv", "../results/units.csv"},
		{"results/a.manifest.json", "/srv/trial/units.csv", "/srv/trial/units.csv"},
	} {
		assert.Equal(t, tc.want, manifestFile(tc.name, tc.recorded), "%s, %s", tc.name, tc.recorded)
	}
}
