package rct

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Record is a randomisation as evalkit randomise reports it once written:
// the allocation, its output file and digest, and its manifest's path.
type Record struct {
	*Randomisation
	Output, OutputSHA256, Manifest string
}

// MarshalJSON returns the contract's object of evalkit randomise --json:
// method, seed, n, counts, strata, output and manifest, with the inputs'
// and output's digests.
func (r *Record) MarshalJSON() ([]byte, error) {
	a := r.Allocation
	strata := a.ManifestStrata()
	if strata == nil {
		strata = []ManifestStratum{}
	}
	return json.Marshal(struct {
		Method       string            `json:"method"`
		Seed         uint64            `json:"seed"`
		N            int               `json:"n"`
		Counts       map[string]int    `json:"counts"`
		Strata       []ManifestStratum `json:"strata"`
		Output       string            `json:"output"`
		Manifest     string            `json:"manifest"`
		InputSHA256  string            `json:"input_sha256"`
		OutputSHA256 string            `json:"output_sha256"`
	}{a.Method.String(), r.Settings.Seed, r.Units.Rows(), ArmCounts(a.Arms, a.Counts), strata, r.Output, r.Manifest, r.Units.SHA256, r.OutputSHA256})
}

// shownStrata is how many strata the table shows.
const shownStrata = 30

// WriteText prints the record as evalkit randomise does without --json:
// the units, method, seed and files, then the counts of each stratum (the
// first 30) by arm, and the totals.
func (r *Record) WriteText(w io.Writer) error {
	a, rows := r.Allocation, r.Units.Rows()
	fmt.Fprintf(w, "Randomised %d units by %s randomisation (seed %d) into %s\nManifest: %s\n\n", rows, a.Method, r.Settings.Seed, r.Output, r.Manifest)
	shown := a.Strata
	if len(shown) > shownStrata {
		shown = shown[:shownStrata]
	}
	nameW := len("stratum")
	for _, s := range shown {
		nameW = max(nameW, len(s.Stratum))
	}
	numW := make([]int, len(a.Arms)+1)
	numW[0] = max(len("n"), len(strconv.Itoa(rows)))
	for j, arm := range a.Arms {
		numW[j+1] = max(len(arm), len(strconv.Itoa(a.Counts[j])))
	}
	var b strings.Builder
	line := func(name string, n int, counts []int) {
		fmt.Fprintf(&b, "%-*s  %*d", nameW, name, numW[0], n)
		for j, c := range counts {
			fmt.Fprintf(&b, "  %*d", numW[j+1], c)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%-*s  %*s", nameW, "stratum", numW[0], "n")
	for j, arm := range a.Arms {
		fmt.Fprintf(&b, "  %*s", numW[j+1], arm)
	}
	b.WriteByte('\n')
	for _, s := range shown {
		line(s.Stratum, s.N, s.Counts)
	}
	if len(a.Strata) > len(shown) {
		fmt.Fprintf(&b, "(%d more strata: see the manifest)\n", len(a.Strata)-len(shown))
	}
	line("total", rows, a.Counts)
	_, err := io.WriteString(w, b.String())
	return err
}
