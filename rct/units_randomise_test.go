package rct

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readUnitsTest reads testdata/rct/name.
func readUnitsTest(t *testing.T, name string) *Units {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "rct", name))
	require.NoError(t, err)
	defer f.Close()
	u, err := ReadUnits(f, name)
	require.NoError(t, err)
	return u
}

var createdTest = regexp.MustCompile(`"created_utc": "[^"]*"`)

// fieldsTest matches a manifest's fields digest, which covers the time and
// the paths, and so differs from run to run (TestVerify checks it).
var fieldsTest = regexp.MustCompile(`"fields_sha256": "[0-9a-f]{64}"`)

// TestRandomiseUnitsGolden writes the allocations and manifests of the
// command's golden tests (cmd/evalkit/testdata/randomise) with the library
// alone: the bytes are the command's.
func TestRandomiseUnitsGolden(t *testing.T) {
	tests := []struct {
		name string
		kv   []string
	}{
		{"complete", []string{"block", "area"}},
		{"complete_json", []string{"block", "area,beat"}},
		{"three_arms", []string{"arms", "control,letter,visit", "ratio", "2:1:1", "block", "area"}},
		{"simple", []string{"method", "simple"}},
		{"blocks", []string{"method", "blocks", "block-sizes", "2,4", "block", "area"}},
		{"minimise", []string{"method", "minimise", "factors", "area,risk", "minimise-prob", "0.9"}},
		{"cluster", []string{"cluster", "school", "block", "area"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The command records how it read the input, as every flag.
			flags := flagsTest(append([]string{"seed", "20230401", "in", "$TMP/units.csv", "out", "$TMP/allocation.csv",
				"encoding", "utf-8", "delimiter", ",", "sheet", ""}, tc.kv...)...)
			s, err := ParseSettings(flags)
			require.NoError(t, err)
			r, err := RandomiseUnits(readUnitsTest(t, "units.csv"), s)
			require.NoError(t, err)
			var out bytes.Buffer
			sum, err := r.WriteCSV(&out)
			require.NoError(t, err)
			golden := filepath.Join("..", "cmd", "evalkit", "testdata", "randomise", tc.name)
			want, err := os.ReadFile(golden + ".csv")
			require.NoError(t, err)
			assert.Equal(t, string(want), out.String(), "allocation differs from %s.csv", golden)
			dir := t.TempDir()
			m, err := r.Manifest(ManifestOptions{Input: filepath.Join(dir, "units.csv"), Output: filepath.Join(dir, "allocation.csv"),
				OutputSHA256: sum, Flags: flags, Created: time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)})
			require.NoError(t, err)
			data, err := m.Marshal()
			require.NoError(t, err)
			wantM, err := os.ReadFile(golden + ".manifest.json")
			require.NoError(t, err)
			got := createdTest.ReplaceAllString(string(data), `"created_utc": "(time)"`)
			got = fieldsTest.ReplaceAllString(got, `"fields_sha256": "(digest)"`)
			assert.Equal(t, string(wantM), got, "manifest differs from %s.manifest.json", golden)
		})
	}
}

// TestRandomiseUnitsErrors: the errors name the file, the row as a
// spreadsheet counts it, and the column, and keep their causes for
// errors.Is.
func TestRandomiseUnitsErrors(t *testing.T) {
	tests := []struct {
		name, file string
		kv         []string
		want       string
		is         error
	}{
		{"duplicate id", "dup_id.csv", nil, `dup_id.csv: row 5, column "unit_id": "002": duplicate id (first seen at row 3)`, ErrDuplicateID},
		{"empty id", "empty_id.csv", nil, `empty_id.csv: row 3, column "unit_id": empty id`, ErrEmptyID},
		{"empty stratum", "empty_stratum.csv", []string{"block", "area"}, `empty_stratum.csv: row 3, column "area": empty stratum value`, ErrEmptyStratum},
		{"unknown column", "units.csv", []string{"block", "region"}, `units.csv: no column "region" (the columns are "unit_id", "area"`, nil},
		{"unknown factor", "units.csv", []string{"method", "minimise", "factors", "area,age"}, `units.csv: no column "age"`, nil},
		{"too few units", "small_stratum.csv", []string{"block", "area", "arms", "a,b,c"}, `small_stratum.csv: stratum "south" (2 units): fewer units than arms`, ErrTooFewUnits},
		{"cluster spans strata", "cluster_spans.csv", []string{"block", "area", "cluster", "school"},
			`cluster_spans.csv: row 4, column "school": "s1": cluster lies in more than one stratum (first seen at row 2)`, ErrClusterSpansStrata},
		{"no rows", "no_rows.csv", nil, `no_rows.csv: no units to randomise (the file has a header and no rows)`, nil},
		{"output column exists", "has_arm.csv", nil, `has_arm.csv: already has a column "arm", which the output adds; rename it`, nil},
		{"settings", "units.csv", []string{"ratio", "2:1:1"}, `--ratio "2:1:1" has 3 weights for 2 arms`, ErrDesign},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseSettings(flagsTest(tc.kv...))
			if err == nil {
				_, err = RandomiseUnits(readUnitsTest(t, tc.file), s)
			}
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q, want %q...", err, tc.want)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
		})
	}
}

// TestRandomiseUnitsMissing: a missing value of the contract (NA, NaN,
// ., null, #N/A, spaces) is not an id, a stratum or a cluster: the error
// names the file, row and column.
func TestRandomiseUnitsMissing(t *testing.T) {
	tests := []struct {
		name, text string
		kv         []string
		want       string
		is         error
	}{
		{"NA id", "unit_id,area\n1,n\nNA,n\n3,s\n4,s\n", nil, `u.csv: row 3, column "unit_id": "NA": a missing value (NA, NaN, ., null or #N/A) as an id: give every unit one`, ErrEmptyID},
		{"null id", "unit_id,area\n1,n\n2,n\nnull,s\n", nil, `u.csv: row 4, column "unit_id": "null": a missing value`, ErrEmptyID},
		{"spaces id", "unit_id,area\n1,n\n  ,n\n", nil, `u.csv: row 3, column "unit_id": "  ": a missing value`, ErrEmptyID},
		{"NA stratum", "unit_id,area\n1,n\n2,NA\n3,s\n4,s\n", []string{"block", "area"}, `u.csv: row 3, column "area": "NA": a missing value (NA, NaN, ., null or #N/A) as a stratum value: fill it in, or leave the unit out`, ErrEmptyStratum},
		{"#N/A in a second stratum column", "unit_id,area,band\n1,n,a\n2,n,#N/A\n", []string{"block", "area,band"}, `u.csv: row 3, column "band": "#N/A": a missing value`, ErrEmptyStratum},
		{"NaN cluster", "unit_id,school\n1,a\n2,NaN\n3,b\n", []string{"cluster", "school"}, `u.csv: row 3, column "school": "NaN": a missing value (NA, NaN, ., null or #N/A) as a cluster`, ErrEmptyCluster},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseSettings(flagsTest(tc.kv...))
			require.NoError(t, err)
			u, err := ReadUnits(strings.NewReader(tc.text), "u.csv")
			require.NoError(t, err)
			_, err = RandomiseUnits(u, s)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q, want %q...", err, tc.want)
			assert.ErrorIs(t, err, tc.is)
		})
	}
}

// TestReadUnits: the command's reading rules (a byte-order mark, CRLF,
// quoted fields, text kept as written) and the digest of the bytes read.
func TestReadUnits(t *testing.T) {
	tests := []struct {
		name, text string
		ids        []string
		sha        string // printf '...' | sha256sum
		err        string
	}{
		{"plain", "id,x\n007,1\n008,2\n", []string{"007", "008"}, "759ddc49d71a31898d10b857a9c0128fba78a5d773863bfe1198d25dceda2907", ""},
		{"bom and crlf", "\uFEFFid,x\r\n007,1\r\n\"0,8\",2\r\n", []string{"007", "0,8"}, "", ""},
		{"ragged row", "id,x\n007\n", nil, "", "u.csv: row 2: has 1 fields, the header has 2"},
		{"empty", "", nil, "", "u.csv: the file is empty"},
		{"duplicate column", "id,id\n1,2\n", nil, "", `u.csv: row 1, column "id": duplicate column name`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := ReadUnits(strings.NewReader(tc.text), "u.csv")
			if tc.err != "" {
				require.Error(t, err)
				assert.True(t, strings.HasPrefix(err.Error(), tc.err), "error %q, want %q...", err, tc.err)
				return
			}
			require.NoError(t, err)
			ids, err := u.Column("id")
			require.NoError(t, err)
			assert.Equal(t, tc.ids, ids)
			assert.Equal(t, len(tc.ids), u.Rows())
			if tc.sha != "" {
				assert.Equal(t, tc.sha, u.SHA256)
			}
		})
	}
}

// Minimisation through RandomiseUnits, which lays out the table's own
// columns, allocates as the design of the columns' strings does.
func TestRandomiseUnitsMinimiseAsStrings(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,area,sex\n")
	r := NewRand(2)
	for i := range 200 {
		fmt.Fprintf(&b, "u%03d,a%d,%c\n", (i*37)%200, r.Intn(3), "MF"[r.Intn(2)])
	}
	u, err := ReadUnits(strings.NewReader(b.String()), "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	s := Settings{ID: "id", Block: []string{"area"}, Arms: []string{"control", "treatment"}, Method: Minimise, Factors: []string{"sex"}, Seed: 9}
	got, err := RandomiseUnits(u, s)
	if err != nil {
		t.Fatal(err)
	}
	d, opt, err := u.Design(s)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Randomise(d, opt, s.Seed)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Allocation.Arm, want.Arm) {
		t.Errorf("arms differ: %v\n%v", got.Allocation.Arm[:20], want.Arm[:20])
	}
}
