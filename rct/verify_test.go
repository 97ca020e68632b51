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

// fieldsChanged begins the difference that an edited manifest gives.
const fieldsChanged = "the manifest's fields have been changed since it was written (fields sha256 "

// reseal sets m's fields digest to that of its fields, as a manifest made
// so, or edited by someone who computed the digest again, holds.
func reseal(m *Manifest) {
	var err error
	if m.FieldsSHA256, err = m.FieldsDigest(); err != nil {
		panic(err)
	}
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
		{"another release", func(_ memFilesTest, m *Manifest) { m.Version = "0.0.9"; reseal(m) }, true, "match",
			[]string{"made by evalkit 0.0.9, checked with " + Version}},
		{"release forged", func(_ memFilesTest, m *Manifest) { m.Version = "0.0.9" }, false, "match",
			[]string{fieldsChanged, "made by evalkit 0.0.9, checked with " + Version}},
		{"time forged", func(_ memFilesTest, m *Manifest) { m.Created = "2001-01-01T00:00:00Z" }, false, "match",
			[]string{fieldsChanged}},
		{"generator forged", func(_ memFilesTest, m *Manifest) { m.Generator = "math/rand"; reseal(m) }, false, "match",
			[]string{"the manifest records generator math/rand"}},
		{"made before fields_sha256", func(_ memFilesTest, m *Manifest) { m.FieldsSHA256 = "" }, true, "match",
			[]string{"note: the manifest has no fields_sha256 (it was made before evalkit recorded one), so its release, time and other fields are not covered"}},
		{"output changed", func(f memFilesTest, _ *Manifest) {
			f["allocation.csv"] = bytes.Replace(f["allocation.csv"], []byte("control"), []byte("treatment"), 1)
		}, false, "differ", []string{"output file allocation.csv has been changed since it was written"}},
		{"output missing", func(f memFilesTest, _ *Manifest) { delete(f, "allocation.csv") }, false, "unread",
			[]string{"output file allocation.csv cannot be read: open allocation.csv: file does not exist"}},
		{"input changed", func(f memFilesTest, _ *Manifest) {
			f["units.csv"] = append(bytes.Clone(f["units.csv"]), "999,north,b1,n99,3,low\n"...)
		}, false, "match", []string{"input units.csv has changed since it was randomised", "re-derived allocation differs from the recorded one",
			"the manifest records n 36, the recorded flags give 37", "the manifest records input rows 36", "the manifest records output rows 36",
			"the manifest records counts control 18, treatment 18, the recorded flags give control 19, treatment 18",
			"the manifest's counts by stratum differ"}},
		{"seed forged", func(_ memFilesTest, m *Manifest) { m.Seed = 12345 }, false, "match",
			[]string{fieldsChanged, "the manifest records seed 12345, the recorded flags give 5"}},
		{"method forged", func(_ memFilesTest, m *Manifest) { m.Method = "simple" }, false, "match",
			[]string{fieldsChanged, "the manifest records method simple, the recorded flags give blocks"}},
		{"counts forged", func(_ memFilesTest, m *Manifest) { m.Counts["control"]++ }, false, "match",
			[]string{fieldsChanged, "the manifest records counts control 19, treatment 18, the recorded flags give control 18, treatment 18"}},
		{"strata forged", func(_ memFilesTest, m *Manifest) { m.Strata[0].N++ }, false, "match",
			[]string{fieldsChanged, "the manifest's counts by stratum differ from those the recorded flags give"}},
		{"flags forged", func(_ memFilesTest, m *Manifest) { m.Flags["seed"] = "6" }, false, "match",
			[]string{fieldsChanged, "re-derived allocation differs", "the manifest records seed 5, the recorded flags give 6"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, m := allocateTest(t)
			tc.change(files, m)
			v, err := Verify(m, files.open, VerifyOptions{})
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
		{"input absolute", func(f memFilesTest, m *Manifest) { m.Input.Path = "/etc/passwd"; f["/etc/passwd"] = f["units.csv"] },
			`input "/etc/passwd": the manifest names a file outside its directory (absolute, or leading out through ".."), which is not read unless allowed; keep the files the manifest names in its directory`, ErrPathOutside},
		{"input above", func(f memFilesTest, m *Manifest) {
			m.Input.Path = "data/../../units.csv"
			f[m.Input.Path] = f["units.csv"]
		},
			`input "data/../../units.csv": the manifest names a file outside its directory`, ErrPathOutside},
		{"output above", func(f memFilesTest, m *Manifest) {
			m.Output.Path = "../allocation.csv"
			f[m.Output.Path] = f["allocation.csv"]
		},
			`output "../allocation.csv": the manifest names a file outside its directory`, ErrPathOutside},
		{"no input path", func(_ memFilesTest, m *Manifest) { m.Input.Path = "" }, "the manifest records no path for the input", nil},
		{"input not a units file", func(f memFilesTest, _ *Manifest) { f["units.csv"] = []byte("unit_id,area\n1,north\n1,south\n") },
			`units.csv: row 3, column "unit_id": "1": duplicate id (first seen at row 2)`, ErrDuplicateID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, m := allocateTest(t)
			tc.change(files, m)
			_, err := Verify(m, files.open, VerifyOptions{})
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q, want %q...", err, tc.want)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
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

// TestVerifyAllowAbsolute: with AllowAbsolute, a manifest may name its
// input by an absolute path or through "..", and verifies.
func TestVerifyAllowAbsolute(t *testing.T) {
	for _, path := range []string{"/data/units.csv", "../units.csv", "sub/../units.csv"} {
		files, m := allocateTest(t)
		m.Input.Path, files[path] = path, files["units.csv"]
		reseal(m)
		v, err := Verify(m, files.open, VerifyOptions{AllowAbsolute: true})
		require.NoError(t, err, path)
		assert.True(t, v.Verified, "%s: %q", path, v.Differences)
		if path == "sub/../units.csv" { // inside: no option needed
			_, err = Verify(m, files.open, VerifyOptions{})
			assert.NoError(t, err)
		}
	}
}

// TestDirOpenerConfines: DirOpener opens files inside its directory, and
// refuses "..", an absolute path and a symbolic link that leads out, unless
// AllowAbsolute.
func TestDirOpenerConfines(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "trial")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(top, "secret.txt"), []byte("secret"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "units.csv"), []byte("units"), 0o644))
	if err := os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "link.csv")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	read := func(o VerifyOptions, p string) (string, error) {
		f, err := DirOpener(dir, o)(p)
		if err != nil {
			return "", err
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		return string(b), err
	}
	got, err := read(VerifyOptions{}, "units.csv")
	require.NoError(t, err)
	assert.Equal(t, "units", got)
	for _, p := range []string{"../secret.txt", filepath.ToSlash(filepath.Join(top, "secret.txt")), "link.csv"} {
		_, err := read(VerifyOptions{}, p)
		assert.Error(t, err, p)
		got, err := read(VerifyOptions{AllowAbsolute: true}, p)
		require.NoError(t, err, p)
		assert.Equal(t, "secret", got, p)
	}
}
