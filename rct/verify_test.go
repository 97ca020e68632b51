package rct

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memFilesTest is an Opener over files held in memory.
type memFilesTest map[string][]byte

func (m memFilesTest) open(path string) (io.ReadCloser, error) {
	b, ok := m[path]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// allocateTest randomises testdata/rct/units.csv in blocks and returns the
// files and the manifest, as the command would write them.
func allocateTest(t *testing.T) (memFilesTest, *Manifest) {
	t.Helper()
	in, err := os.ReadFile(filepath.Join("..", "testdata", "rct", "units.csv"))
	require.NoError(t, err)
	s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Method: Blocks, BlockSizes: []int{4}, Seed: 5}
	u, err := ReadUnits(bytes.NewReader(in), "units.csv")
	require.NoError(t, err)
	r, err := RandomiseUnits(u, s)
	require.NoError(t, err)
	var out bytes.Buffer
	sum, err := r.WriteCSV(&out)
	require.NoError(t, err)
	m, err := r.Manifest(ManifestOptions{Input: "units.csv", Output: "allocation.csv", OutputSHA256: sum, Created: time.Unix(0, 0)})
	require.NoError(t, err)
	return memFilesTest{"units.csv": in, "allocation.csv": out.Bytes()}, m
}

func TestVerify(t *testing.T) {
	tests := []struct {
		name     string
		change   func(files memFilesTest, m *Manifest)
		verified bool
		output   string // "match", "differ" or "unread"
		diffs    []string
	}{
		{"unchanged", func(memFilesTest, *Manifest) {}, true, "match", nil},
		{"another release", func(_ memFilesTest, m *Manifest) { m.Version = "0.0.9" }, true, "match",
			[]string{"made by evalkit 0.0.9, checked with " + Version}},
		{"output changed", func(f memFilesTest, _ *Manifest) {
			f["allocation.csv"] = bytes.Replace(f["allocation.csv"], []byte("control"), []byte("treatment"), 1)
		}, false, "differ", []string{"output file allocation.csv has been changed since it was written"}},
		{"output missing", func(f memFilesTest, _ *Manifest) { delete(f, "allocation.csv") }, false, "unread",
			[]string{"output file allocation.csv cannot be read: open allocation.csv: file does not exist"}},
		{"input changed", func(f memFilesTest, _ *Manifest) {
			f["units.csv"] = append(bytes.Clone(f["units.csv"]), "999,north,b1,n99,3,low\n"...)
		}, false, "match", []string{"input units.csv has changed since it was randomised", "re-derived allocation differs from the recorded one",
			"the manifest records n 36, the recorded flags give 37", "the manifest records input rows 36", "the manifest records output rows 36",
			"the manifest records counts map[control:18 treatment:18], the recorded flags give map[control:19 treatment:18]",
			"the manifest's counts by stratum differ"}},
		{"seed forged", func(_ memFilesTest, m *Manifest) { m.Seed = 12345 }, false, "match",
			[]string{"the manifest records seed 12345, the recorded flags give 5"}},
		{"method forged", func(_ memFilesTest, m *Manifest) { m.Method = "simple" }, false, "match",
			[]string{"the manifest records method simple, the recorded flags give blocks"}},
		{"counts forged", func(_ memFilesTest, m *Manifest) { m.Counts["control"]++ }, false, "match",
			[]string{"the manifest records counts map[control:"}},
		{"strata forged", func(_ memFilesTest, m *Manifest) { m.Strata[0].N++ }, false, "match",
			[]string{"the manifest's counts by stratum differ from those the recorded flags give"}},
		{"flags forged", func(_ memFilesTest, m *Manifest) { m.Flags["seed"] = "6" }, false, "match",
			[]string{"re-derived allocation differs", "the manifest records seed 5, the recorded flags give 6"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, m := allocateTest(t)
			tc.change(files, m)
			v, err := Verify(m, files.open)
			require.NoError(t, err)
			assert.Equal(t, tc.verified, v.Verified, "differences %q", v.Differences)
			switch {
			case tc.output == "unread" && v.OutputMatches != nil,
				tc.output == "match" && (v.OutputMatches == nil || !*v.OutputMatches),
				tc.output == "differ" && (v.OutputMatches == nil || *v.OutputMatches):
				t.Errorf("output matches %v, want %s", v.OutputMatches, tc.output)
			}
			require.NotNil(t, v.Differences)
			require.Len(t, v.Differences, len(tc.diffs), "differences %q", v.Differences)
			for i, d := range tc.diffs {
				assert.True(t, strings.HasPrefix(v.Differences[i], d), "difference %d: %q, want %q...", i, v.Differences[i], d)
			}
		})
	}
}

func TestVerifyErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(files memFilesTest, m *Manifest)
		want   string
		is     error
	}{
		{"unknown flag", func(_ memFilesTest, m *Manifest) { m.Flags["bogus"] = "1" }, "the recorded flags are not valid: flag provided but not defined: -bogus", ErrManifestFlags},
		{"bad flag", func(_ memFilesTest, m *Manifest) { m.Flags["ratio"] = "2:1:1" }, `the recorded flags are not valid: --ratio "2:1:1" has 3 weights for 2 arms`, ErrManifestFlags},
		{"input missing", func(f memFilesTest, _ *Manifest) { delete(f, "units.csv") }, "open units.csv: file does not exist", fs.ErrNotExist},
		{"input not a units file", func(f memFilesTest, _ *Manifest) { f["units.csv"] = []byte("unit_id,area\n1,north\n1,south\n") },
			`units.csv: row 3, column "unit_id": "1": duplicate id (first seen at row 2)`, ErrDuplicateID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, m := allocateTest(t)
			tc.change(files, m)
			_, err := Verify(m, files.open)
			require.EqualError(t, err, tc.want)
			assert.ErrorIs(t, err, tc.is)
		})
	}
}

// TestManifestFlagsChecked: a manifest's flags must give the settings that
// were randomised.
func TestManifestFlagsChecked(t *testing.T) {
	u, err := ReadUnits(strings.NewReader("id,area\na,n\nb,n\nc,s\nd,s\n"), "u.csv")
	require.NoError(t, err)
	r, err := RandomiseUnits(u, Settings{ID: "id", Arms: []string{"control", "treatment"}, Seed: 1})
	require.NoError(t, err)
	flags := r.Settings.Flags()
	flags["seed"] = "2"
	_, err = r.Manifest(ManifestOptions{Input: "u.csv", Output: "a.csv", OutputSHA256: "ab12", Flags: flags})
	assert.ErrorIs(t, err, ErrDesign, "flags of another seed")
	flags["seed"] = "01"
	m, err := r.Manifest(ManifestOptions{Input: "u.csv", Output: "a.csv", OutputSHA256: "ab12", Flags: flags})
	require.NoError(t, err)
	assert.Equal(t, "01", m.Flags["seed"], "flags are recorded as written")
	m, err = r.Manifest(ManifestOptions{Input: "u.csv", Output: "a.csv", OutputSHA256: "ab12"})
	require.NoError(t, err)
	assert.Equal(t, "u.csv", m.Flags["in"])
	assert.Equal(t, "a.csv", m.Flags["out"])
	assert.Equal(t, "complete", m.Flags["method"])
}

// Units and randomisations that ReadUnits and RandomiseUnits did not make,
// and a manifest without its paths or digest, are errors, not panics.
func TestZeroValuesAreErrors(t *testing.T) {
	s := Settings{ID: "id", Arms: []string{"control", "treatment"}, Seed: 1}
	_, err := RandomiseUnits(&Units{}, s)
	require.Error(t, err)
	_, err = RandomiseUnits(nil, s)
	require.Error(t, err)
	_, err = (&Randomisation{}).WriteCSV(io.Discard)
	require.Error(t, err)
	_, err = (&Randomisation{}).Manifest(ManifestOptions{Input: "u.csv", Output: "a.csv", OutputSHA256: "ab"})
	require.Error(t, err)

	u, err := ReadUnits(strings.NewReader("id\na\nb\n"), "u.csv")
	require.NoError(t, err)
	r, err := RandomiseUnits(u, s)
	require.NoError(t, err)
	_, err = r.Manifest(ManifestOptions{Input: "u.csv", Output: "a.csv"})
	require.Error(t, err, "no output digest")
}
