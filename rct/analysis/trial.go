package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// ErrNoControl is wrapped by Analyse's error for a trial without the plan's
// control arm.
var ErrNoControl = errors.New("no control arm")

// arm holds one arm's usable rows.
type arm struct {
	label string
	// y holds the outcomes of the rows used, in row order.
	y []float64
	// exposure holds, for a count, each used row's exposure (1 per unit
	// without an exposure column).
	exposure []float64
	// nMissing counts the arm's rows left out for a missing value.
	nMissing int
	// rows holds the data row (from 0) of each used row.
	rows []int
}

// trial is a trial's outcome split by arm, with its design.
type trial struct {
	d   *Data
	typ Type
	// control is the control arm; treatments are the others in sorted
	// label order.
	control    *arm
	treatments []*arm
	// nMissingArm counts rows whose arm is missing.
	nMissingArm int
	// design is true with covariates, a block or a cluster.
	design bool
	// warnings are collected while the comparisons are made, each with
	// its code (docs: spec/cli.md, "warnings"), and warningOf holds the
	// treatment arm of the comparison under way (comparing) when each was
	// made, "" for one made outside a comparison or in several.
	warnings, warningOf []string
	comparing           string
	// keep asks start to keep each comparison's subset in subsets, by
	// treatment arm, for randomisation inference.
	keep    bool
	subsets map[*arm]*subset
	// siteSlopes is Plan.SiteSlopes: mixed_reml with a random treatment
	// slope by cluster.
	siteSlopes bool
	// err is a data error found while fitting (a constant or collinear
	// covariate): Analyse stops with it.
	err error
}

// arms returns the control, then the treatments.
func (t *trial) arms() []*arm { return append([]*arm{t.control}, t.treatments...) }

// rowError is a ParseError for data row i.
func (d *Data) rowError(i int, col, val, msg string) error {
	return &table.ParseError{File: d.file, Row: i + 2, Column: col, Value: val, Err: errors.New(msg)}
}

// newTrial detects the outcome's type, splits the rows by arm, checks the
// values for the type and leaves out the rows with a missing value.
func newTrial(d *Data, typ Type, control string) (*trial, error) {
	c := d.cols
	y, typ, words, err := d.outcomeValues(typ)
	if err != nil {
		return nil, err
	}
	t := &trial{d: d, typ: typ, design: len(c.Covariates) > 0 || d.block != nil || d.cluster != nil}
	if d.ex != nil && t.typ != Count {
		return nil, fmt.Errorf("analysis: an exposure column is for counts only")
	}
	byLabel := map[string]*arm{}
	rowsOf, missingCode := armRows(d)
	byCode := make([]*arm, len(d.arm.levels))
	var spellings armSpellings
	for i, k := range d.arm.codes {
		if k < 0 || missingCode[k] {
			t.nMissingArm++
			continue
		}
		a := byCode[k]
		if a == nil {
			lab := d.arm.levels[k]
			if a = byLabel[lab]; a == nil {
				if err := spellings.check(d, lab, i); err != nil {
					return nil, err
				}
				a = &arm{label: lab}
				a.y, a.rows = make([]float64, 0, rowsOf[lab]), make([]int, 0, rowsOf[lab])
				if t.typ == Count {
					a.exposure = make([]float64, 0, rowsOf[lab])
				}
				byLabel[lab] = a
			}
			byCode[k] = a
		}
		v := y[i]
		e := 1.0
		if d.ex != nil {
			e = d.ex[i]
		}
		if math.IsNaN(v) || math.IsNaN(e) {
			a.nMissing++
			continue
		}
		switch t.typ {
		case Binary:
			if v != 0 && v != 1 {
				return nil, d.rowError(i, c.Outcome, d.ytext.at(i), errNotBinary)
			}
		case Count:
			if v < 0 {
				return nil, d.rowError(i, c.Outcome, d.ytext.at(i), "a count cannot be negative")
			}
			if v != math.Trunc(v) {
				return nil, d.rowError(i, c.Outcome, d.ytext.at(i), "a count must be a whole number")
			}
			if v >= 1<<53 {
				return nil, d.rowError(i, c.Outcome, d.ytext.at(i), "a count must be below 2^53 = 9007199254740992, above which a whole number cannot be held exactly (it would be rounded)")
			}
			if !(e > 0) || math.IsInf(e, 0) {
				return nil, d.rowError(i, c.Exposure, d.extext.at(i), "exposure must be positive")
			}
		}
		if t.missingDesignAt(i) {
			a.nMissing++
			continue
		}
		a.y = append(a.y, v)
		a.rows = append(a.rows, i)
		if t.typ == Count {
			a.exposure = append(a.exposure, e)
		}
	}
	labels := make([]string, 0, len(byLabel))
	for l := range byLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	switch {
	case len(labels) == 0:
		return nil, fmt.Errorf("%s: column %q has no arm labels", d.file, table.Clip(c.Arm))
	case len(labels) == 1:
		return nil, fmt.Errorf("%s: column %q has a single arm, %q; a comparison needs a control and a treatment arm", d.file, table.Clip(c.Arm), table.Clip(labels[0]))
	case byLabel[control] == nil:
		const most = 20 // labels listed; each clipped
		shown := slices.Clone(labels[:min(len(labels), most)])
		for i := range shown {
			shown[i] = table.Clip(shown[i])
		}
		if len(labels) > most {
			shown = append(shown, fmt.Sprintf("and %d more", len(labels)-most))
		}
		return nil, fmt.Errorf("%s: %w %q in column %q (its labels are %s)", d.file, ErrNoControl, table.Clip(control), table.Clip(c.Arm), strings.Join(shown, ", "))
	}
	t.control = byLabel[control]
	for _, l := range labels {
		if l != control {
			t.treatments = append(t.treatments, byLabel[l])
		}
	}
	t.dataWarnings(words)
	return t, nil
}

// armRows counts the rows of each arm label that is not missing, so that
// each arm's slices are made once at their size, and reports which of the
// arm's codes are missing labels (missingLabel).
func armRows(d *Data) (rows map[string]int, missing []bool) {
	n := make([]int, len(d.arm.levels))
	for _, k := range d.arm.codes {
		if k >= 0 {
			n[k]++
		}
	}
	rows, missing = map[string]int{}, make([]bool, len(d.arm.levels))
	for k, lab := range d.arm.levels {
		if missing[k] = d.missingLabel(lab); !missing[k] {
			rows[lab] += n[k]
		}
	}
	return rows, missing
}

// dataWarnings records the warnings about the data rather than a
// comparison: possible_cluster, count_as_continuous and outcome_not_01.
func (t *trial) dataWarnings(words binaryWords) {
	for _, c := range t.d.clusterLike {
		t.warn("%s", possibleClusterWarning(c))
	}
	if t.typ == Continuous && countLike(t.arms()) {
		t.warn("%s", countAsContinuousWarning(t.d.cols.Outcome))
	}
	if t.typ == Binary && words.seen() {
		t.warn("%s", outcomeNot01Warning(t.d.cols.Outcome, words))
	}
}

// missingAt reports whether data row i lacks a covariate, block, cluster or
// received value.
func (t *trial) missingDesignAt(i int) bool {
	for j := range t.d.cov {
		if t.d.cov[j].missingAt(i) {
			return true
		}
	}
	return t.d.block != nil && t.d.missingLabel(t.d.block[i]) ||
		t.d.cluster != nil && t.d.missingLabel(t.d.cluster[i]) ||
		t.d.received != nil && math.IsNaN(t.d.received[i])
}

// missingLabel reports whether an arm, block or cluster label is missing:
// one of the missing-value tokens, or, for the labels an allocation gave
// (Allocated), only the empty label of a row the allocation lacks, since
// randomise allocates a stratum or cluster called NA as any other.
func (d *Data) missingLabel(s string) bool {
	if d.design != nil {
		return s == ""
	}
	return table.IsMissing(s)
}

// warn records a warning once.
func (t *trial) warn(format string, a ...any) {
	w := fmt.Sprintf(format, a...)
	for i, v := range t.warnings {
		if v == w {
			if t.warningOf[i] != t.comparing {
				t.warningOf[i] = ""
			}
			return
		}
	}
	t.warnings = append(t.warnings, w)
	t.warningOf = append(t.warningOf, t.comparing)
}
