package rct

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRandomiseFile: RandomiseFile gives what ReadUnits and RandomiseUnits
// give, one after the other: the digest, the allocation and the file
// written, or the error; for a file that streams (1 MiB and more) and for
// smaller ones.
func TestRandomiseFile(t *testing.T) {
	dir := t.TempDir()
	s := Settings{ID: "unit_id", Block: []string{"area"}, Arms: []string{"control", "treatment"}, Seed: 3}
	big := bigUnitsText(40000)
	if len(big) < 1<<20 {
		t.Fatalf("the big file has %d bytes, too few to stream", len(big))
	}
	for k, text := range []string{big, bigUnitsText(100), "unit_id,area\n1,a\n1,b\n", "unit_id,area\n", "unit_id\n1\n", `unit_id,area` + "\n\"1,a\n"} {
		path := filepath.Join(dir, "units.csv")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		open := func() *os.File {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		}
		want, werr := func() (*Randomisation, error) {
			u, err := ReadUnits(open(), "units.csv")
			if err != nil {
				return nil, err
			}
			return RandomiseUnits(u, s)
		}()
		got, err := RandomiseFile(open(), "units.csv", s)
		if werr != nil || err != nil {
			if err == nil || werr == nil || err.Error() != werr.Error() {
				t.Fatalf("file %d: RandomiseFile's error %v, ReadUnits and RandomiseUnits' %v", k, err, werr)
			}
			continue
		}
		if got.Units.SHA256 != want.Units.SHA256 || !slices.Equal(got.Allocation.Arm, want.Allocation.Arm) {
			t.Fatalf("file %d: digest %s, arms %v; want %s, %v", k, got.Units.SHA256, got.Allocation.Arm[:3], want.Units.SHA256, want.Allocation.Arm[:3])
		}
		var gb, wb bytes.Buffer
		gsum, gerr := got.WriteCSV(&gb)
		wsum, werr := want.WriteCSV(&wb)
		if gerr != nil || werr != nil || gsum != wsum || gb.String() != wb.String() || !strings.HasPrefix(gb.String(), "unit_id,area") {
			t.Fatalf("file %d: written %s (%v), want %s (%v)", k, gsum, gerr, wsum, werr)
		}
	}
}
