package frame_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/frame"
	"github.com/evalkit/evalkit/rct"
)

var custody = rct.Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Ratio: []int{1, 1},
	Block: []string{"suite", "age_band"}, Method: rct.Complete, Seed: 20230401}

// allocate randomises u under custody and returns the allocation file.
func allocate(t *testing.T, u *rct.Units) string {
	t.Helper()
	r, err := rct.RandomiseUnits(u, custody)
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = r.WriteCSV(&b)
	require.NoError(t, err)
	return b.String()
}

// A dataframe read with type detection off allocates exactly as the file:
// the same allocation file, and the same input hash.
func TestUnitsAgreesWithFile(t *testing.T) {
	f, err := os.Open("../examples/units.csv")
	require.NoError(t, err)
	defer f.Close()
	want, err := rct.ReadUnits(f, "units.csv")
	require.NoError(t, err)

	df := readGota(t, "../examples/units.csv", dataframe.DetectTypes(false), dataframe.NaNValues(nil))
	got, err := frame.Units(df, "units.csv", custody)
	require.NoError(t, err)
	assert.Equal(t, want.SHA256, got.SHA256)
	assert.Equal(t, allocate(t, want), allocate(t, got))
}

// With type detection on, the ids 00001, 00002, ... are numbers: refused,
// with the reason.
func TestUnitsRefusesDetectedIDs(t *testing.T) {
	df := readGota(t, "../examples/units.csv")
	_, err := frame.Units(df, "units.csv", custody)
	require.Error(t, err)
	assert.True(t, errors.Is(err, frame.ErrNotText))
	assert.Contains(t, err.Error(), `column "unit_id"`)
}
