package rct

import (
	"fmt"
	"slices"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// Method is a randomisation method. Its zero value is Complete.
type Method int

const (
	// Complete gives each stratum exact counts per arm (CompleteCounts),
	// the randomisation units drawn in sorted order of id.
	Complete Method = iota
	// Simple draws each randomisation unit's arm independently with
	// probabilities w_j / sum w, units in sorted order of id.
	Simple
	// Blocks deals permuted blocks to each stratum's units in input order,
	// each block's size drawn uniformly from Options.BlockSizes.
	Blocks
	// Minimise is Pocock-Simon minimisation over Options.Factors, units in
	// input order within each stratum.
	Minimise
)

var methodNames = []string{"complete", "simple", "blocks", "minimise"}

func (m Method) String() string {
	if m >= 0 && int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// ParseMethod returns the method of the given name: complete, simple,
// blocks, or minimise (also spelt minimize).
func ParseMethod(s string) (Method, error) {
	if s == "minimize" {
		return Minimise, nil
	}
	for i, n := range methodNames {
		if s == n {
			return Method(i), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown method %q (want %s)", ErrDesign, table.Clip(s), strings.Join(methodNames, ", "))
}

// Options are a randomisation method and its settings.
type Options struct {
	// Method is the method; the zero value is Complete.
	Method Method
	// BlockSizes lists the sizes a block may have (Blocks only); each must
	// be a multiple of the ratio's sum.
	BlockSizes []int
	// Factors are the minimisation factors (Minimise only).
	Factors []Column
	// MinimiseProb is the probability of taking the preferred arm
	// (Minimise only), in (0, 1]; 0 means 0.8.
	MinimiseProb float64
}

// Allocation is the result of a randomisation.
type Allocation struct {
	// Method is the method used.
	Method Method
	// Arms names the arms; Arm values index it.
	Arms []string
	// Arm holds each unit's (row's) arm.
	Arm []int
	// BlockSeq and BlockSize hold each unit's block number within its
	// stratum (from 1) and that block's size; nil unless Method is Blocks.
	BlockSeq, BlockSize []int
	// Counts holds the number of units (rows) in each arm.
	Counts []int
	// Strata holds the counts of each stratum, in the layout's order.
	Strata []StratumCounts
}

// StratumCounts are the counts of units (rows) by arm in one stratum.
type StratumCounts struct {
	// Stratum is the stratum's name (Stratum.Name).
	Stratum string
	// N is the number of units in the stratum.
	N int
	// Counts holds the number of units in each arm.
	Counts []int
}

// Randomise lays out the design and allocates its units to arms with the
// generator NewRand(seed). See Layout.Randomise.
func Randomise(d *Design, opt Options, seed uint64) (*Allocation, error) {
	return randomise(d, opt, seed, nil)
}

// randomise is Randomise, with the scan of d's columns (scanDesign) that
// RandomiseUnits has made, or nil.
func randomise(d *Design, opt Options, seed uint64, sc *scan) (*Allocation, error) {
	L, err := d.layScanned(false, opt.Method == Blocks || opt.Method == Minimise, sc)
	if err != nil {
		return nil, err
	}
	return L.Randomise(opt, NewRand(seed))
}

// Randomise allocates the layout's units to arms, drawing from r, strata
// in the layout's (sorted) order. Complete and Simple draw each stratum's
// randomisation units in sorted order of id, so the allocation does not
// depend on the order of the input rows; Blocks and Minimise are
// sequential and take units in input order within each stratum.
//
// Errors: ErrTooFewUnits (Complete, a stratum with fewer randomisation
// units than arms), ErrBlockSize, and ErrDesign for options that do not
// apply (Minimise with clusters, no block sizes or factors, a probability
// outside (0, 1]).
func (L *Layout) Randomise(opt Options, r *Rand) (*Allocation, error) {
	d := L.Design
	w := d.weights()
	n := d.ID.len()
	a := &Allocation{Method: opt.Method, Arms: d.Arms}
	if len(L.spare) == n {
		a.Arm, L.spare = L.spare, nil
		clear(a.Arm)
	} else {
		a.Arm = make([]int, n)
	}
	// Without clusters the randomisation units are the rows (GroupOf is
	// the identity), and their arms are the rows'.
	garm := a.Arm
	if L.Design.Cluster.has() {
		garm = make([]int, L.NGroups)
	}
	var err error
	// Complete without clusters knows each stratum's counts as it deals
	// them: count need not read every unit's arm again.
	var dealt [][]int
	switch opt.Method {
	case Complete:
		if !L.Design.Cluster.has() {
			dealt = make([][]int, len(L.Strata))
		}
		err = L.complete(garm, w, r, dealt)
	case Simple:
		L.simple(garm, w, r)
	case Blocks:
		err = L.blocks(a, garm, w, opt.BlockSizes, r)
	case Minimise:
		err = L.minimise(garm, w, opt, r)
	default:
		err = fmt.Errorf("%w: unknown method %v", ErrDesign, opt.Method)
	}
	if err != nil {
		return nil, err
	}
	if L.Design.Cluster.has() {
		for i, g := range L.GroupOf {
			a.Arm[i] = garm[g]
		}
	}
	if a.BlockSeq != nil && L.Design.Cluster.has() {
		seq, size := a.BlockSeq, a.BlockSize
		a.BlockSeq, a.BlockSize = make([]int, n), make([]int, n)
		for i, g := range L.GroupOf {
			a.BlockSeq[i], a.BlockSize[i] = seq[g], size[g]
		}
	}
	a.count(L, dealt)
	return a, nil
}

// count sets the allocation's counts, overall and by stratum: those of
// each stratum s from dealt[s] when dealt is not nil, else from its rows'
// arms.
func (a *Allocation) count(L *Layout, dealt [][]int) {
	k := len(a.Arms)
	a.Counts = make([]int, k)
	a.Strata = make([]StratumCounts, len(L.Strata))
	for s := range L.Strata {
		st := &L.Strata[s]
		c := StratumCounts{Stratum: st.Name(), N: len(st.Rows), Counts: make([]int, k)}
		if dealt != nil {
			copy(c.Counts, dealt[s])
		} else {
			for _, i := range st.Rows {
				c.Counts[a.Arm[i]]++
			}
		}
		for j, x := range c.Counts {
			a.Counts[j] += x
		}
		a.Strata[s] = c
	}
}

// complete deals each stratum's arms (completeAssignInto) to its
// randomisation units in sorted order of id, recording in dealt[s], when
// dealt is not nil, how many units of stratum s each arm has.
func (L *Layout) complete(garm []int, w []int, r *Rand, dealt [][]int) error {
	k := len(w)
	counts, perm := make([]int, k), make([]int, k)
	var buf []int
	for s := range L.Strata {
		st := &L.Strata[s]
		if len(st.Groups) < k {
			return &StratumError{Stratum: st.Name(), N: len(st.Groups), Err: ErrTooFewUnits}
		}
		buf = buf[:0]
		buf = append(buf, make([]int, len(st.Groups))...)
		completeAssignInto(buf, w, r, counts, perm)
		for i, g := range st.Groups {
			garm[g] = buf[i]
		}
		if dealt != nil {
			dealt[s] = slices.Clone(counts)
		}
	}
	return nil
}

// weightedArm maps u in [0, sum w) to the arm whose cumulative weight
// interval holds it.
func weightedArm(u int, w []int) int {
	for j, x := range w {
		if u < x {
			return j
		}
		u -= x
	}
	panic("rct: draw beyond the weights")
}

func (L *Layout) simple(garm []int, w []int, r *Rand) {
	W := 0
	for _, x := range w {
		W += x
	}
	for s := range L.Strata {
		for _, g := range L.Strata[s].Groups {
			garm[g] = weightedArm(int(r.Uint64n(uint64(W))), w)
		}
	}
}
