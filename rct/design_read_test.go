package rct

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// manifestNameTest is where allocatedFilesTest puts the manifest.
const manifestNameTest = "allocation.csv.manifest.json"

// allocatedFilesTest randomises the units CSV under s and returns the
// files as evalkit randomise writes them, in memory: units.csv,
// allocation.csv and its manifest.
func allocatedFilesTest(t testing.TB, units string, s Settings) memFilesTest {
	t.Helper()
	u, err := ReadUnits(strings.NewReader(units), "units.csv")
	require.NoError(t, err)
	r, err := RandomiseUnits(u, s)
	require.NoError(t, err)
	var out bytes.Buffer
	sum, err := r.WriteCSV(&out)
	require.NoError(t, err)
	m, err := r.Manifest(ManifestOptions{Input: "units.csv", Output: "allocation.csv", OutputSHA256: sum, Created: time.Unix(0, 0)})
	require.NoError(t, err)
	data, err := m.Marshal()
	require.NoError(t, err)
	return memFilesTest{"units.csv": []byte(units), "allocation.csv": out.Bytes(), manifestNameTest: data}
}

// allocatedTest is allocatedFilesTest read back by ReadDesign.
func allocatedTest(t testing.TB, units string, s Settings) *AllocatedDesign {
	t.Helper()
	d, err := ReadDesign(manifestNameTest, allocatedFilesTest(t, units, s).open)
	require.NoError(t, err)
	return d
}

func unitsFileTest(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "rct", "units.csv"))
	require.NoError(t, err)
	return string(b)
}

// TestReadDesign reads back each method's allocation of
// testdata/rct/units.csv and compares every unit with the allocation
// file's own columns and the randomisation's layout.
func TestReadDesign(t *testing.T) {
	units := unitsFileTest(t)
	arms := []string{"control", "treatment"}
	tests := []struct {
		name string
		s    Settings
	}{
		{"complete", Settings{ID: "unit_id", Arms: arms, Block: []string{"area", "beat"}, Seed: 1}},
		{"cluster", Settings{ID: "unit_id", Arms: []string{"control", "letter", "visit"}, Ratio: []int{2, 1, 1}, Block: []string{"area"}, Cluster: "school", Seed: 2}},
		{"blocks", Settings{ID: "unit_id", Arms: arms, Block: []string{"area"}, Method: Blocks, BlockSizes: []int{2, 4}, Seed: 3}},
		{"simple", Settings{ID: "unit_id", Arms: arms, Method: Simple, Seed: 4}},
		{"minimise", Settings{ID: "unit_id", Arms: arms, Method: Minimise, Factors: []string{"area", "risk"}, MinimiseProb: 0.9, Seed: 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := allocatedFilesTest(t, units, tc.s)
			d, err := ReadDesign(manifestNameTest, files.open)
			require.NoError(t, err)
			sum := sha256.Sum256(files[manifestNameTest])
			assert.Equal(t, hex.EncodeToString(sum[:]), d.ManifestSHA256)
			assert.True(t, d.Settings.equal(tc.s), "settings %+v, want %+v", d.Settings, tc.s)
			assert.Equal(t, tc.s.Method.String(), d.Manifest.Method)
			assert.True(t, d.Verification.Verified)
			require.Equal(t, 36, d.N())

			alloc, err := ReadUnits(bytes.NewReader(files["allocation.csv"]), "allocation.csv")
			require.NoError(t, err)
			col := func(name string) []string {
				v, err := alloc.Column(name)
				require.NoError(t, err)
				return v
			}
			assert.Equal(t, col("unit_id"), d.ID)
			assert.Equal(t, col("arm"), d.Arm)
			if tc.s.Cluster != "" {
				assert.Equal(t, col("school"), d.Cluster)
			} else {
				assert.Nil(t, d.Cluster)
			}
			for i, id := range d.ID {
				// The stratum's name as the manifest records it.
				want := "all"
				if len(tc.s.Block) > 0 {
					key := []string{}
					for _, b := range tc.s.Block {
						key = append(key, col(b)[i])
					}
					want = strings.Join(key, "/")
				}
				assert.Equal(t, want, d.Stratum[i], "unit %s", id)
				k, ok := d.Index(id)
				assert.True(t, ok && k == i, "Index(%q) = %d, %v", id, k, ok)
			}
			if tc.s.Method == Blocks {
				seq := col("block_seq")
				require.Len(t, d.BlockSeq, 36)
				for i, b := range d.BlockSeq {
					assert.Equal(t, seq[i], strconv.Itoa(b), "block_seq of unit %d", i)
				}
			} else {
				assert.Nil(t, d.BlockSeq)
			}
			// The strata names are the manifest's.
			names := map[string]bool{}
			for _, st := range d.Manifest.Strata {
				names[st.Stratum] = true
			}
			for _, s := range d.Stratum {
				assert.True(t, names[s] || len(tc.s.Block) == 0, "stratum %q not in the manifest", s)
			}
			_, ok := d.Index("no such id")
			assert.False(t, ok)
		})
	}
}

// TestReadDesignTampered: an allocation file changed after it was written
// (one arm, on disk in a temporary directory) does not verify, and
// ReadDesign says so, wrapping ErrNotVerified.
func TestReadDesignTampered(t *testing.T) {
	s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Method: Blocks, BlockSizes: []int{4}, Seed: 5}
	files := allocatedFilesTest(t, unitsFileTest(t), s)
	dir := filepath.Join(t.TempDir(), "trial")
	require.NoError(t, os.Mkdir(dir, 0o755))
	for name, b := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	open := func(p string) (io.ReadCloser, error) { return os.Open(p) }
	manifest := filepath.Join(dir, manifestNameTest)
	d, err := ReadDesign(manifest, open)
	require.NoError(t, err)
	require.Equal(t, 36, d.N())

	// One arm changed: the first control becomes treatment.
	b := files["allocation.csv"]
	i := bytes.Index(b, []byte(",control,"))
	require.Positive(t, i)
	tampered := append(append(bytes.Clone(b[:i]), ",treatment,"...), b[i+len(",control,"):]...)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "allocation.csv"), tampered, 0o644))
	_, err = ReadDesign(manifest, open)
	require.ErrorIs(t, err, ErrNotVerified)
	assert.Contains(t, err.Error(), manifestNameTest+": the allocation does not verify against its manifest: output file allocation.csv has been changed since it was written")
}

func TestReadDesignErrors(t *testing.T) {
	s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Method: Blocks, BlockSizes: []int{2}, Seed: 7}
	tests := []struct {
		name   string
		change func(f memFilesTest)
		want   string
		is     error
	}{
		{"no manifest", func(f memFilesTest) { delete(f, manifestNameTest) }, "open " + manifestNameTest + ": file does not exist", fs.ErrNotExist},
		{"not a manifest", func(f memFilesTest) { f[manifestNameTest] = []byte(`{"method": 1}`) }, manifestNameTest + ": not an evalkit manifest: json: cannot unmarshal", nil},
		{"no allocation", func(f memFilesTest) { delete(f, "allocation.csv") }, manifestNameTest + ": the allocation file: open allocation.csv: file does not exist", fs.ErrNotExist},
		{"no input", func(f memFilesTest) { delete(f, "units.csv") }, manifestNameTest + ": open units.csv: file does not exist", fs.ErrNotExist},
		{"bad flags", func(f memFilesTest) {
			f[manifestNameTest] = bytes.Replace(f[manifestNameTest], []byte(`"block-sizes": "2"`), []byte(`"block-sizes": "3"`), 1)
		}, manifestNameTest + ": the recorded flags are not valid: --block-sizes: 3 is not a multiple of the ratio's sum 2", ErrManifestFlags},
		{"forged seed", func(f memFilesTest) {
			f[manifestNameTest] = bytes.Replace(f[manifestNameTest], []byte(`"seed": 7`), []byte(`"seed": 8`), 1)
		}, manifestNameTest + ": the allocation does not verify against its manifest: " + fieldsChanged, ErrNotVerified},
		{"input outside", func(f memFilesTest) {
			f[manifestNameTest] = bytes.Replace(f[manifestNameTest], []byte(`"path": "units.csv"`), []byte(`"path": "/etc/passwd"`), 1)
			f["/etc/passwd"] = f["units.csv"] // read, were it not refused
		}, manifestNameTest + `: input "/etc/passwd": the manifest names a file outside its directory`, ErrPathOutside},
		{"output outside", func(f memFilesTest) {
			f[manifestNameTest] = bytes.Replace(f[manifestNameTest], []byte(`"path": "allocation.csv"`), []byte(`"path": "../allocation.csv"`), 1)
			f["../allocation.csv"] = f["allocation.csv"]
		}, manifestNameTest + `: output "../allocation.csv": the manifest names a file outside its directory`, ErrPathOutside},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := allocatedFilesTest(t, unitsCSVTest(10, 1), s)
			tc.change(files)
			_, err := ReadDesign(manifestNameTest, files.open)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q, want %q...", err, tc.want)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
		})
	}
}

// TestReadAllocationErrors: an allocation file that the settings cannot
// read (which verification keeps from ReadDesign) is an error naming the
// row and column.
func TestReadAllocationErrors(t *testing.T) {
	s := Settings{ID: "id", Arms: []string{"control", "treatment"}, Method: Blocks, BlockSizes: []int{2}, Seed: 1}
	tests := []struct{ name, csv, want string }{
		{"no arm", "id,block_seq\na,1\n", `column "arm"`},
		{"unknown arm", "id,arm,block_seq\na,control,1\nb,placebo,1\n", `a.csv: row 3, column "arm": "placebo": not one of the arms control, treatment`},
		{"bad block", "id,arm,block_seq\na,control,0\n", `a.csv: row 2, column "block_seq": "0": not a block number (a whole number from 1)`},
		{"no block_seq", "id,arm\na,control\n", `column "block_seq"`},
		{"duplicate id", "id,arm,block_seq\na,control,1\na,treatment,1\n", `a.csv: row 3, column "id": "a": duplicate id (first seen at row 2)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readAllocation(s, []byte(tc.csv), "a.csv")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
