package pool

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/stats"
)

func TestPoolFiles(t *testing.T) {
	dir := t.TempDir()
	north, south := filepath.Join(dir, "north.json"), filepath.Join(dir, "south.json")
	require.NoError(t, os.WriteFile(north, []byte(analysisDoc("count", comparisonKeys("t", "negbin_glm", "0.8", "0.2", "0.5", "1.28"))), 0o644))
	require.NoError(t, os.WriteFile(south, []byte(analysisDoc("count", comparisonKeys("t", "negbin_glm", "0.6", "0.2", "0.4", "0.9"))), 0o644))
	r, err := PoolFiles("", []string{north, south}, "t", stats.PoolOptions{Method: stats.PoolFE})
	require.NoError(t, err)
	assert.Equal(t, []string{"north", "south"}, r.Names)
	assert.True(t, r.Log)
	assert.Equal(t, 2, r.K)

	_, err = PoolFiles("", []string{north, " ", south}, "t", stats.PoolOptions{})
	assert.EqualError(t, err, "analysis file 2 of 3: no file name")
	r, err = PoolFiles("", []string{" " + north, south + " "}, "t", stats.PoolOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"north", "south"}, r.Names)

	r, err = PoolFiles(bcgPath, []string{"ignored.json"}, "", stats.PoolOptions{})
	require.NoError(t, err)
	assert.Equal(t, 13, r.K)

	_, err = PoolFiles(filepath.Join(dir, "none.csv"), nil, "", stats.PoolOptions{})
	assert.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)
	_, err = PoolFiles("", []string{north, filepath.Join(dir, "none.json")}, "", stats.PoolOptions{})
	assert.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)
	// Errors name the file by its base name.
	require.NoError(t, os.WriteFile(south, []byte("{"), 0o644))
	_, err = PoolFiles("", []string{north, south}, "", stats.PoolOptions{})
	assert.EqualError(t, err, "south.json: line 1: not valid JSON: unexpected end of JSON input")
}
