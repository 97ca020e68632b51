package plan

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadWithLock: the committed plan is read with its lock, unchanged;
// its manifest is found relative to its folder.
func TestReadWithLock(t *testing.T) {
	f, err := Read(planDir+"school_plan.yaml", os.ReadFile)
	require.NoError(t, err)
	require.NotNil(t, f.Lock)
	assert.Equal(t, "school_plan.yaml", f.Lock.Plan)
	assert.Equal(t, f.SHA256, f.Lock.SHA256)
	assert.False(t, f.Changed())
	assert.NoError(t, f.Check(false))
	assert.Equal(t, designDir+"school_allocation.csv.manifest.json", f.Manifest())
	info := f.Info()
	assert.Equal(t, planDir+"school_plan.yaml", info.File)
	require.NotNil(t, info.LockedAt)
	assert.Equal(t, f.Lock.LockedAt, *info.LockedAt)
	assert.Empty(t, f.warnings())
}

// TestLockAndChange: a new lock reads back as written; a plan edited after
// it is changed, refused by Check unless allowed, and warned about.
func TestLockAndChange(t *testing.T) {
	dir := copyFiles(t, planDir, "custody_plan.yaml")
	path := filepath.Join(dir, "custody_plan.yaml")
	f, err := Read(path, os.ReadFile)
	require.NoError(t, err)
	assert.Nil(t, f.Lock)
	assert.Nil(t, f.Info().LockedAt)
	assert.Contains(t, f.warnings()[0], "plan_unlocked: "+path+" has no lock (custody_plan.yaml.lock.json)")

	now := time.Date(2026, 3, 1, 9, 30, 15, 999, time.FixedZone("CET", 3600))
	lock := f.NewLock(now)
	b, err := lock.Marshal()
	require.NoError(t, err)
	assert.Equal(t, `{
  "plan": "custody_plan.yaml",
  "sha256": "`+f.SHA256+`",
  "locked_at": "2026-03-01T08:30:15Z",
  "evalkit_version": "0.1.0"
}
`, string(b))
	require.NoError(t, os.WriteFile(LockPath(path), b, 0o644))

	src, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, append(src, []byte("# an afterthought\n")...), 0o644))
	f, err = Read(path, os.ReadFile)
	require.NoError(t, err)
	assert.True(t, f.Changed())
	assert.True(t, f.Info().Changed)
	err = f.Check(false)
	require.ErrorIs(t, err, ErrChanged)
	assert.Contains(t, err.Error(), path+" differs from its lock "+LockPath(path)+" (locked 2026-03-01T08:30:15Z with sha256 "+lock.SHA256)
	assert.NoError(t, f.Check(true))
	assert.Contains(t, f.warnings()[0], "plan_changed: "+path+" differs from its lock custody_plan.yaml.lock.json of 2026-03-01T08:30:15Z")
}

// TestReadErrors: errors name the plan or its lock.
func TestReadErrors(t *testing.T) {
	dir := copyFiles(t, planDir, "custody_plan.yaml")
	path := filepath.Join(dir, "custody_plan.yaml")
	require.NoError(t, os.WriteFile(LockPath(path), []byte(`{"plan": "custody_plan.yaml", "sha256": "ab", "locked_at": "2026-03-01T08:30:15Z", "by": "me"}`), 0o644))
	_, err := Read(path, os.ReadFile)
	assert.EqualError(t, err, LockPath(path)+": not an evalkit plan lock (keys plan, sha256, locked_at, evalkit_version)")

	require.NoError(t, os.WriteFile(path, []byte("primary: {outcome: y}\n"), 0o644))
	_, err = Read(path, os.ReadFile)
	assert.EqualError(t, err, path+": the design needs its manifest and sha256")

	_, err = Read(filepath.Join(dir, "none.yaml"), os.ReadFile)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// TestFlags: the primary analysis as evalkit analyse's flags, each only
// where analyse takes it.
func TestFlags(t *testing.T) {
	f, err := Read(planDir+"custody_plan.yaml", os.ReadFile)
	require.NoError(t, err)
	assert.Equal(t, []string{"--design", designDir + "custody_minimise.csv.manifest.json", "--outcome", "wellbeing",
		"--type", "continuous", "--covariates", "prior_arrests", "--level", "0.95", "--adjust", "holm",
		"--permutations", "500", "--seed", "2", "--subgroup", "sex"}, f.Flags())

	f.Plan.Model, f.Plan.Exposure, f.Plan.Primary.Type = "poisson", "weeks", "auto"
	assert.NotContains(t, f.Flags(), "--model")
	assert.NotContains(t, f.Flags(), "--exposure")
	assert.NotContains(t, f.Flags(), "--type")
	f.Plan.Primary.Type = "count"
	assert.Subset(t, f.Flags(), []string{"--model", "poisson", "--exposure", "weeks", "--type", "count"})
}
