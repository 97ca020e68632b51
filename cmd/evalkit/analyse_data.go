package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// analyseArm holds one arm's usable rows.
type analyseArm struct {
	label string
	// y holds the outcomes of the rows used, in file order.
	y []float64
	// exposure holds, for a count, each used row's exposure (1 per unit
	// without --exposure).
	exposure []float64
	// nMissing counts the arm's rows left out for a missing value.
	nMissing int
	// rows holds the file's data row (from 0) of each used row.
	rows []int
}

// analyseData is a trial's outcome split by arm.
type analyseData struct {
	// typ is the outcome's type, given or detected.
	typ string
	// control is the control arm; treatments are the others in sorted
	// label order.
	control    *analyseArm
	treatments []*analyseArm
	// nMissingArm counts rows whose arm is missing (they belong to no arm).
	nMissingArm int
	// design holds the covariates, blocks and clusters (analyse_design.go);
	// nil without them.
	design *analyseDesign
}

// readAnalyseData reads the trial, converts the columns in use and checks
// them; errors name the file, row and column.
func readAnalyseData(o *analyseOptions) (*analyseData, error) {
	t, err := table.ReadFile(o.in)
	if err != nil {
		return nil, err
	}
	arms, err := t.Column(o.arm)
	if err != nil {
		return nil, err
	}
	ytext, err := t.Column(o.outcome)
	if err != nil {
		return nil, err
	}
	y, _, err := t.Float(o.outcome)
	if err != nil {
		return nil, err
	}
	var etext []string
	var ex []float64
	if o.exposure != "" {
		if etext, err = t.Column(o.exposure); err != nil {
			return nil, err
		}
		if ex, _, err = t.Float(o.exposure); err != nil {
			return nil, err
		}
	}
	rowErr := func(i int, col, val string, msg string) error {
		return &table.ParseError{File: t.Name, Row: i + 2, Column: col, Value: val, Err: errors.New(msg)}
	}

	d := &analyseData{typ: o.typ}
	if d.typ == "" {
		d.typ = "binary"
		for i, v := range y {
			if !table.IsMissing(arms[i]) && !math.IsNaN(v) && v != 0 && v != 1 {
				d.typ = "continuous"
				break
			}
		}
	}
	byLabel := map[string]*analyseArm{}
	for i, lab := range arms {
		if table.IsMissing(lab) {
			d.nMissingArm++
			continue
		}
		a := byLabel[lab]
		if a == nil {
			a = &analyseArm{label: lab}
			byLabel[lab] = a
		}
		v := y[i]
		e := 1.0
		if ex != nil {
			e = ex[i]
		}
		if math.IsNaN(v) || math.IsNaN(e) {
			a.nMissing++
			continue
		}
		switch d.typ {
		case "binary":
			if v != 0 && v != 1 {
				return nil, rowErr(i, o.outcome, ytext[i], "a binary outcome must be 0 or 1")
			}
		case "count":
			if v < 0 {
				return nil, rowErr(i, o.outcome, ytext[i], "a count cannot be negative")
			}
			if v != math.Trunc(v) || v > 1<<53 {
				return nil, rowErr(i, o.outcome, ytext[i], "a count must be a whole number")
			}
			if !(e > 0) || math.IsInf(e, 0) {
				return nil, rowErr(i, o.exposure, etext[i], "exposure must be positive")
			}
		}
		a.y = append(a.y, v)
		a.rows = append(a.rows, i)
		if d.typ == "count" {
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
		return nil, fmt.Errorf("%s: column %q has no arm labels", t.Name, o.arm)
	case len(labels) == 1:
		return nil, fmt.Errorf("%s: column %q has a single arm, %q; a comparison needs a control and a treatment arm", t.Name, o.arm, labels[0])
	case byLabel[o.control] == nil:
		return nil, fmt.Errorf("%s: no control arm %q in column %q (its labels are %s); name the control with --control", t.Name, o.control, o.arm, strings.Join(labels, ", "))
	}
	d.control = byLabel[o.control]
	for _, l := range labels {
		if l != o.control {
			d.treatments = append(d.treatments, byLabel[l])
		}
	}
	if err := readAnalyseDesign(o, t, d); err != nil {
		return nil, err
	}
	return d, nil
}
