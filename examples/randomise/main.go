// Command randomise is what a head of research might write to allocate the
// Custody Navigators referrals in examples/units.csv: complete
// randomisation 1:1 within custody suite and age band, reproducible from
// the seed, with each arm's counts and the balance of the baseline
// characteristics.
//
//	go run ./examples/randomise -in examples/units.csv -seed 20230401
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/evalkit/evalkit/rct"
)

func main() {
	in := flag.String("in", "examples/units.csv", "the referrals, one row per person")
	seed := flag.Uint64("seed", 20230401, "the trial's randomisation seed")
	flag.Parse()
	if err := allocate(os.Stdout, *in, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "randomise:", err)
		os.Exit(1)
	}
}

// allocate randomises the referrals in path and prints the counts by
// stratum and the balance of age band, sex and prior arrests.
func allocate(w io.Writer, path string, seed uint64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	units, err := rct.ReadUnits(f, filepath.Base(path))
	f.Close()
	if err != nil {
		return err
	}
	settings := rct.Settings{
		ID:    "unit_id",
		Block: []string{"suite", "age_band"},
		Arms:  []string{"usual_care", "navigator"},
		Seed:  seed,
	}
	r, err := rct.RandomiseUnits(units, settings)
	if err != nil {
		return err
	}
	alloc := r.Allocation
	fmt.Fprintf(w, "%d referrals, seed %d: %d usual care, %d navigator\n", len(alloc.Arm), seed, alloc.Counts[0], alloc.Counts[1])
	for _, s := range alloc.Strata {
		fmt.Fprintf(w, "  %-28s %3d: %3d / %3d\n", s.Stratum, s.N, s.Counts[0], s.Counts[1])
	}
	prior, _, err := units.Float("prior_arrests")
	if err != nil {
		return err
	}
	sex, err := units.Column("sex")
	if err != nil {
		return err
	}
	arm := make([]string, len(alloc.Arm))
	for i, a := range alloc.Arm {
		arm[i] = alloc.Arms[a]
	}
	rows := rct.BalanceNumeric("prior_arrests", prior, arm, alloc.Arms, "usual_care")
	rows = append(rows, rct.BalanceCategorical("sex", sex, arm, alloc.Arms, "usual_care")...)
	fmt.Fprintln(w, "Balance (navigator minus usual care):")
	for _, r := range rows {
		name := r.Covariate
		if r.Level != "" {
			name += "=" + r.Level
		}
		kind := "standardised difference"
		if r.Level != "" {
			kind = "difference in shares"
		}
		fmt.Fprintf(w, "  %-16s %+.3f (%s)\n", name, r.Diff, kind)
	}
	return nil
}
