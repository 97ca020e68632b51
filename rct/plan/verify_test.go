package plan

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// verifyFS holds the committed school plan, its lock, its power result
// and its manifest, laid out as they are in testdata.
func verifyFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, path := range map[string]string{
		"plan/school_plan.yaml":                      planDir + "school_plan.yaml",
		"plan/school_plan.yaml.lock.json":            planDir + "school_plan.yaml.lock.json",
		"plan/school_power.json":                     planDir + "school_power.json",
		"design/school_allocation.csv.manifest.json": designDir + "school_allocation.csv.manifest.json",
	} {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// TestVerify: the digests a plan and its lock record are checked against
// the files.
func TestVerify(t *testing.T) {
	f, err := Read(planDir+"school_plan.yaml", os.ReadFile)
	require.NoError(t, err)
	for _, tc := range []struct {
		name, want string
		change     func(fstest.MapFS)
		problem    string // the start of the error, "" for none
	}{
		{"agrees", f.SHA256, func(fstest.MapFS) {}, ""},
		{"no lock", "", func(m fstest.MapFS) { delete(m, "plan/school_plan.yaml.lock.json") }, ""},
		{"other digest", strings.Repeat("a", 64), func(fstest.MapFS) {}, "plan/school_plan.yaml has changed (sha256 then aaaa"},
		{"plan edited after its lock", "", func(m fstest.MapFS) {
			m["plan/school_plan.yaml"].Data = append(m["plan/school_plan.yaml"].Data, '\n')
		}, "plan/school_plan.yaml differs from its lock plan/school_plan.yaml.lock.json (locked "},
		{"lock not a lock", "", func(m fstest.MapFS) { m["plan/school_plan.yaml.lock.json"].Data = []byte("{}") }, "plan/school_plan.yaml.lock.json: not an evalkit plan lock"},
		{"manifest changed", "", func(m fstest.MapFS) {
			m["design/school_allocation.csv.manifest.json"].Data = append(m["design/school_allocation.csv.manifest.json"].Data, ' ')
		}, "../design/school_allocation.csv.manifest.json has changed since plan/school_plan.yaml recorded it (sha256 then 788de1b7"},
		{"power not there", "", func(m fstest.MapFS) { delete(m, "plan/school_power.json") }, "plan/school_plan.yaml records school_power.json, which is not there"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := verifyFS(t)
			tc.change(fsys)
			p, err := Verify(fsys, "plan/school_plan.yaml", tc.want)
			require.NotNil(t, p)
			assert.Equal(t, "attendance", p.Primary.Outcome)
			if tc.problem == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrDigest)
			assert.True(t, strings.HasPrefix(err.Error(), tc.problem), "error %q, want it to start %q", err, tc.problem)
		})
	}
	fsys := verifyFS(t)
	fsys["notes.yaml"] = &fstest.MapFile{Data: []byte("title: notes\n")}
	p, err := Verify(fsys, "notes.yaml", "")
	assert.Nil(t, p)
	assert.Error(t, err)
	assert.NotErrorIs(t, err, ErrDigest)
}
