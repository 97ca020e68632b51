package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Headline says comparison c of r in one plain sentence for a board: who,
// by how much and in which direction, with the interval, the p-value, the
// adjusted p-value when there are several comparisons, and the
// randomisation p-value where it was computed, such as
//
//	Pupils in schools with a navigator attended 2.1 percentage points more
//	(95% CI 0.1 to 4.1; p = 0.037; randomisation p = 0.022).
//
// Plan.Label is the sentence's subject and verb for the treatment arm
// (above, "Pupils in schools with a navigator attended") and Plan.Unit the
// outcome's unit ("percentage points"), or for a count what it counts
// ("crimes": "19% fewer crimes"), or for a binary outcome what follows
// "more likely" ("to re-offend"). Without a label the sentence names the
// outcome and the arms: "Mean attendance was 2.1 higher in navigator than
// in control (...)". With several treatment arms a labelled sentence starts
// with "navigator vs control: ". With Plan.Better the sentence ends by
// saying whether the interval lies wholly on the better side of no effect
// ("better than control"), wholly on the worse side, or neither.
//
// Differences are printed to two significant figures (whole numbers from
// 10 up), a binary outcome's risk difference in percentage points, and a
// rate ratio RR as the percentage change 100 |RR - 1| with "more" or
// "fewer"; each bound of the interval is printed on the estimate's side
// of no effect, and named when it lies on the other ("95% CI 0.5 less to
// 4.7 more"). p-values are printed to two significant figures, below
// 0.001 as "p < 0.001".
//
// Special cases:
//
//	estimate undefined (or a ratio not > 0)  → "The effect of ... could not be estimated."
//	interval or p-value undefined            → "95% CI undefined", "p undefined"
func (r *Result) Headline(c Comparison) string {
	p := r.Plan
	w := r.headlineWords(c)
	if !w.defined(c.Estimate) {
		return fmt.Sprintf("The effect of %s against %s on %s could not be estimated.", c.Treatment, c.Control, r.Outcome)
	}
	est, lo, hi := w.signed(c.Estimate), w.signed(c.CILow), w.signed(c.CIHigh)
	up := est >= 0
	mag := math.Abs(est)
	dec := headlineDecimals(mag)
	var body string
	switch {
	case p.Label == "" && w.ratio && p.Unit != "":
		body = fmt.Sprintf("There were %s%% %s %s in %s than in %s", headlineFixed(mag, dec), w.word(up), p.Unit, c.Treatment, c.Control)
	case p.Label == "":
		body = fmt.Sprintf("%s was %s%s %s in %s than in %s", w.subject, headlineFixed(mag, dec), w.unit, w.word(up), c.Treatment, c.Control)
	case w.ratio:
		body = fmt.Sprintf("%s %s%% %s%s", p.Label, headlineFixed(mag, dec), w.word(up), headlineSpaced(p.Unit))
	case r.Type == Binary:
		body = fmt.Sprintf("%s %s percentage points %s likely%s", p.Label, headlineFixed(mag, dec), w.word(up), headlineSpaced(p.Unit))
	default:
		body = fmt.Sprintf("%s %s%s %s", p.Label, headlineFixed(mag, dec), headlineSpaced(p.Unit), w.word(up))
	}
	if p.Label != "" && len(r.Comparisons) > 1 {
		body = c.Treatment + " vs " + c.Control + ": " + body
	}

	var parts []string
	finite := !math.IsNaN(lo+hi) && !math.IsInf(lo+hi, 0) && w.defined(c.CILow) && w.defined(c.CIHigh)
	level := strconv.FormatFloat(100*r.Level, 'g', 6, 64)
	if finite {
		parts = append(parts, level+"% CI "+w.interval(lo, hi, up, dec))
	} else {
		parts = append(parts, level+"% CI undefined")
	}
	if s := headlinePart("p", c.PValue); s != "" {
		parts = append(parts, s)
	} else {
		parts = append(parts, "p undefined")
	}
	if s := headlinePart(adjWords[p.Adjust]+" p", c.PAdjusted); s != "" && len(r.Comparisons) > 1 {
		parts = append(parts, s)
	}
	if s := headlinePart("randomisation p", c.RIPValue); s != "" && c.RIDraws != nil {
		parts = append(parts, s)
	}
	body += " (" + strings.Join(parts, "; ") + ")"
	if p.Better != Unstated && finite {
		body += ": " + headlineVerdict(p.Better, lo, hi, c.Control)
	}
	return body + "."
}

// adjWords names an adjustment in a headline.
var adjWords = map[Adjustment]string{Holm: "Holm-adjusted", BH: "Benjamini-Hochberg-adjusted"}

// headlineWords are the words and the scale of a comparison's headline.
type headlineWords struct {
	// subject names the quantity compared in a sentence without a label,
	// such as "Mean attendance"; unit follows the number there.
	subject, unit string
	// up and down say the direction, and name an interval's bound on the
	// other side of no effect.
	up, down      string
	ratio, binary bool
}

// headlineWords returns the words of c's headline: a rate ratio's
// percentage change, a binary outcome's risk difference in percentage
// points, or a difference in the outcome's units.
func (r *Result) headlineWords(c Comparison) headlineWords {
	labelled := r.Plan.Label != ""
	w := headlineWords{up: "higher", down: "lower", ratio: c.Method.Ratio(), binary: r.Type == Binary}
	switch {
	case w.ratio:
		w.subject, w.unit = "The rate of "+r.Outcome, "%"
		if labelled || r.Plan.Unit != "" {
			w.up, w.down = "more", "fewer"
		}
	case w.binary:
		w.subject, w.unit = "The risk of "+r.Outcome, " percentage points"
		if labelled {
			w.up, w.down = "more", "less"
		}
	default:
		w.subject, w.unit = "Mean "+r.Outcome, headlineSpaced(r.Plan.Unit)
		if labelled {
			w.up, w.down = "more", "less"
		}
	}
	return w
}

// defined reports whether v can be put on the headline's scale.
func (w headlineWords) defined(v float64) bool {
	if w.ratio {
		return v > 0 && !math.IsInf(v, 1)
	}
	return !math.IsNaN(v) && !math.IsInf(v, 0)
}

// signed puts v on the headline's scale, positive for an increase: the
// percentage change of a ratio, percentage points of a risk, else v.
func (w headlineWords) signed(v float64) float64 {
	switch {
	case w.ratio:
		return 100 * (v - 1)
	case w.binary:
		return 100 * v
	}
	return v
}

// word is the direction's word: up or down.
func (w headlineWords) word(up bool) string {
	if up {
		return w.up
	}
	return w.down
}

// interval prints the interval [lo, hi] (on the signed scale) as sizes in
// the estimate's direction, "a to b", naming a bound on the other side.
func (w headlineWords) interval(lo, hi float64, up bool, dec int) string {
	a, b := lo, hi
	if !up {
		a, b = -hi, -lo
	}
	pct := ""
	if w.ratio {
		pct = "%"
	}
	if a >= 0 {
		return headlineBound(a, dec) + pct + " to " + headlineBound(b, dec) + pct
	}
	other, same := w.down, w.up
	if !up {
		other, same = w.up, w.down
	}
	return headlineBound(-a, dec) + pct + " " + other + " to " + headlineBound(b, dec) + pct + " " + same
}

// headlineVerdict says on which side of no effect the interval [lo, hi]
// (on the signed scale) lies, given the better direction.
func headlineVerdict(b Better, lo, hi float64, control string) string {
	good, bad := lo > 0, hi < 0
	if b == Lower {
		good, bad = bad, good
	}
	switch {
	case good:
		return "better than " + control
	case bad:
		return "worse than " + control
	}
	return "no clear difference from " + control
}

// headlineDecimals is the decimals that show m to two significant
// figures, none from 10 up.
func headlineDecimals(m float64) int {
	if !(m > 0) || math.IsInf(m, 0) {
		return 0
	}
	// m rounded to two figures first: 9.999 is "10", not "10.0".
	step := math.Pow(10, math.Floor(math.Log10(m))-1)
	m = math.Round(m/step) * step
	if m >= 10 {
		return 0
	}
	return min(1-int(math.Floor(math.Log10(m))), 12)
}

// headlineFixed prints v with dec decimals.
func headlineFixed(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// headlineBound prints an interval's bound with the estimate's decimals,
// or with one significant figure when those would show it as 0.
func headlineBound(v float64, dec int) string {
	s := headlineFixed(v, dec)
	if v != 0 && strings.Trim(s, "-0.") == "" {
		s = headlineFixed(v, min(-int(math.Floor(math.Log10(math.Abs(v)))), 12))
	}
	return s
}

// FormatP prints a p-value as a headline does: to two significant
// figures ("0.037"), below 0.001 as "< 0.001", and "" when it is
// undefined.
func FormatP(p float64) string {
	switch {
	case !(p >= 0 && p <= 1):
		return ""
	case p < 0.001:
		return "< 0.001"
	}
	return headlineFixed(p, headlineDecimals(p))
}

// headlinePart names a p-value in a headline: "p = 0.037", "p < 0.001";
// "" when it is undefined.
func headlinePart(name string, p float64) string {
	s := FormatP(p)
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "<"):
		return name + " " + s
	}
	return name + " = " + s
}

// setHeadlines fills in every comparison's Headline.
func (r *Result) setHeadlines() {
	for i := range r.Comparisons {
		r.Comparisons[i].Headline = r.Headline(r.Comparisons[i])
	}
}

// headlineSpaced returns s after a space, or "" for "".
func headlineSpaced(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}
