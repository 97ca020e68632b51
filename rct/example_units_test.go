package rct_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/evalkit/evalkit/rct"
)

// A units file is read, randomised, written with its manifest and verified,
// all in memory; a program writes the same bytes to files as evalkit
// randomise does.
func ExampleRandomiseUnits() {
	units := "unit_id,area,prior\n007,north,2\n008,north,0\n009,north,1\n010,north,4\n011,south,3\n012,south,0\n"
	u, err := rct.ReadUnits(strings.NewReader(units), "units.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := rct.Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Seed: 20230401}
	r, err := rct.RandomiseUnits(u, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	sum, err := r.WriteCSV(&out)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out.String())

	m, err := r.Manifest(rct.ManifestOptions{Input: "units.csv", Output: "allocation.csv", OutputSHA256: sum, Created: time.Now()})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Method, m.Seed, m.Input.Path, m.Output.Path, m.Counts, m.Flags["block"])
	files := map[string][]byte{"units.csv": []byte(units), "allocation.csv": out.Bytes()}
	open := func(path string) (io.ReadCloser, error) {
		b, ok := files[path]
		if !ok {
			return nil, os.ErrNotExist
		}
		return io.NopCloser(bytes.NewReader(b)), nil
	}
	v, err := rct.Verify(m, open, rct.VerifyOptions{})
	fmt.Println(v.Verified, v.Differences, err)

	// An allocation changed by hand is caught.
	files["allocation.csv"] = bytes.Replace(out.Bytes(), []byte("009,north,1,treatment"), []byte("009,north,1,control"), 1)
	v, _ = rct.Verify(m, open, rct.VerifyOptions{})
	fmt.Println(v.Verified, *v.OutputMatches)
	// Output:
	// unit_id,area,prior,arm
	// 007,north,2,control
	// 008,north,0,control
	// 009,north,1,treatment
	// 010,north,4,treatment
	// 011,south,3,control
	// 012,south,0,treatment
	// complete 20230401 units.csv allocation.csv map[control:3 treatment:3] area
	// true [] <nil>
	// false false
}

func ExampleParseSettings() {
	s, err := rct.ParseSettings(map[string]string{"id": "unit_id", "seed": "7", "arms": "control,letter,visit", "ratio": "2:1:1"})
	fmt.Println(s.Arms, s.Ratio, s.Method, s.Seed, err)
	_, err = rct.ParseSettings(map[string]string{"id": "unit_id", "seed": "7", "method": "blocks", "block-sizes": "3"})
	fmt.Println(err)
	// Output:
	// [control letter visit] [2 1 1] complete 7 <nil>
	// --block-sizes: 3 is not a multiple of the ratio's sum 2
}

// RandomiseFile reads and randomises a units file in one call, as evalkit
// randomise does: the allocation is RandomiseUnits's, and the digest the
// manifest records is the file's.
func ExampleRandomiseFile() {
	units := "unit_id,area\n007,north\n008,north\n009,south\n010,south\n"
	r, err := rct.RandomiseFile(strings.NewReader(units), "units.csv", rct.Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Seed: 20230401})
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	if _, err := r.WriteCSV(&out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out.String())
	fmt.Println(r.Allocation.Counts, r.Units.SHA256) // as sha256sum gives it
	// Output:
	// unit_id,area,arm
	// 007,north,control
	// 008,north,treatment
	// 009,south,control
	// 010,south,treatment
	// [2 2] 1f9d13491e932c39a6ac1b9bcd68d6f6d2eac5be3f43e531b6cb799f56524a96
}
