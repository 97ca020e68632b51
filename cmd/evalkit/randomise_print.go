package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/rct"
)

// randomiseJSON is the --json output of the contract.
type randomiseJSON struct {
	Method       string                `json:"method"`
	Seed         uint64                `json:"seed"`
	N            int                   `json:"n"`
	Counts       map[string]int        `json:"counts"`
	Strata       []rct.ManifestStratum `json:"strata"`
	Output       string                `json:"output"`
	Manifest     string                `json:"manifest"`
	InputSHA256  string                `json:"input_sha256"`
	OutputSHA256 string                `json:"output_sha256"`
}

func (r *randomiseResult) jsonOut() *randomiseJSON {
	a := r.r.Allocation
	strata := a.ManifestStrata()
	if strata == nil {
		strata = []rct.ManifestStratum{}
	}
	return &randomiseJSON{Method: a.Method.String(), Seed: r.r.Settings.Seed, N: r.r.Units.Rows(), Counts: rct.ArmCounts(a.Arms, a.Counts),
		Strata: strata, Output: r.cfg.out, Manifest: r.manifest, InputSHA256: r.r.Units.SHA256, OutputSHA256: r.outSHA}
}

// randomiseShownStrata is how many strata the table shows.
const randomiseShownStrata = 30

func (r *randomiseResult) writeTable(w io.Writer) error {
	a, rows := r.r.Allocation, r.r.Units.Rows()
	fmt.Fprintf(w, "Randomised %d units by %s randomisation (seed %d) into %s\nManifest: %s\n\n", rows, a.Method, r.r.Settings.Seed, r.cfg.out, r.manifest)
	shown := a.Strata
	if len(shown) > randomiseShownStrata {
		shown = shown[:randomiseShownStrata]
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
