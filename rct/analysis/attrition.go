package analysis

import (
	"fmt"
	"io"
	"math"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/stats"
)

// LeeBounds are Lee's (2009) bounds on a comparison's difference in means
// when outcomes are missing (attrition): the effect among the units whose
// outcome would be observed in either arm, found by trimming the observed
// outcomes of the arm that retains the larger share (stats.LeeBounds).
// Undefined numbers are NaN, with the reason in the comparison's notes.
type LeeBounds struct {
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
	// TrimShare is the share of the trimmed arm's observed outcomes left
	// out, and TrimmedArm its label; nil when the arms retain equal shares
	// and nothing is trimmed.
	TrimShare  float64 `json:"trim_share"`
	TrimmedArm *string `json:"trimmed_arm"`
	// Attrition describes the treatment arm, then the control.
	Attrition []Attrition `json:"attrition"`
}

// Attrition is an arm's loss to follow-up: of its N rows (those analysed
// and those whose outcome is missing), Missing have no outcome, the share
// Share = Missing / N.
type Attrition struct {
	Arm     string  `json:"arm"`
	N       int     `json:"n"`
	Missing int     `json:"missing"`
	Share   float64 `json:"share"`
}

// MarshalJSON returns the bounds' object, with null for NaN.
func (b LeeBounds) MarshalJSON() ([]byte, error) {
	type plain LeeBounds
	return jsonenc.Marshal(plain(b))
}

// leeBounds sets r.LeeBounds for arm tr against the control when the
// outcome is continuous, there are no covariates, and some rows of the two
// arms have an arm but no outcome (attrition). The bounds are of the
// difference in means: blocks and clusters, when given, do not enter them.
// Rows left out for a missing block, cluster or received value, whose
// outcome is known, are not attrition and are in neither count.
func (t *trial) leeBounds(r *Comparison, tr *arm) {
	c := t.control
	if t.typ != Continuous || len(t.d.cov) > 0 {
		return
	}
	mt, mc := t.countRows(t.d.y, tr), t.countRows(t.d.y, c)
	if mt == 0 && mc == 0 {
		return
	}
	nan := math.NaN()
	b := &LeeBounds{Lower: nan, Upper: nan, TrimShare: nan}
	for _, a := range []struct {
		a *arm
		m int
	}{{tr, mt}, {c, mc}} {
		n := len(a.a.y) + a.m
		b.Attrition = append(b.Attrition, Attrition{Arm: a.a.label, N: n, Missing: a.m, Share: float64(a.m) / float64(n)})
	}
	r.LeeBounds = b
	lee, err := stats.LeeBounds(tr.y, c.y, b.Attrition[0].N, b.Attrition[1].N)
	if err != nil {
		r.undefined("lee_bounds", statsError(err))
		return
	}
	b.Lower, b.Upper, b.TrimShare = lee.Lower, lee.Upper, lee.TrimShare
	what := "nothing is trimmed (the arms retain equal shares)"
	if lee.TrimShare > 0 {
		trimmed := c.label
		if lee.TrimTreatment {
			trimmed = tr.label
		}
		b.TrimmedArm = &trimmed
		what = fmt.Sprintf("the observed outcomes of arm %s, which retains the larger share, are trimmed by %s", trimmed, FormatNumber(lee.TrimShare))
	}
	unadjusted := ""
	if t.d.block != nil || t.d.cluster != nil {
		unadjusted = "; the bounds are of the difference in means, without the blocks or clusters"
	}
	r.note("lee_bounds: Lee (2009) bounds on the effect among those whose outcome would be observed in either arm, under monotone attrition: %s of arm %s and %s of arm %s have no outcome; %s%s",
		FormatNumber(b.Attrition[0].Share), tr.label, FormatNumber(b.Attrition[1].Share), c.label, what, unadjusted)
}

// writeLeeBounds prints the bounds as a row of a comparison's table.
func writeLeeBounds(w io.Writer, c Comparison) {
	if b := c.LeeBounds; b != nil {
		fmt.Fprintf(w, "  lee bounds (attrition)\t\t%s\t\t\t\n", formatCI(b.Lower, b.Upper))
	}
}
