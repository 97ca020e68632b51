package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// designSection describes the randomisation, from the manifest's record.
func designSection(p *Plan) section {
	d := p.Design
	s := section{Title: "Design and randomisation"}
	how := map[string]string{
		"complete": "complete randomisation (exact numbers in each arm)",
		"simple":   "simple randomisation (an independent draw for each unit)",
		"blocks":   "permuted blocks",
		"minimise": "Pocock-Simon minimisation",
	}[d.Method]
	if how == "" {
		how = d.Method + " randomisation"
	}
	if len(d.BlockSizes) > 0 {
		sizes := make([]string, len(d.BlockSizes))
		for i, b := range d.BlockSizes {
			sizes[i] = strconv.Itoa(b)
		}
		how += " of sizes " + list(sizes, "and") + " (in enrolment order)"
	}
	if len(d.Factors) > 0 {
		how += " on " + list(d.Factors, "and")
	}
	if len(d.Block) > 0 {
		how += fmt.Sprintf(" within strata of %s (%d strata)", list(d.Block, "and"), d.Strata)
	}
	if d.Cluster != "" {
		how += ", whole clusters of " + d.Cluster + " together"
	}
	ratio := "in equal shares"
	if d.Ratio != "" {
		ratio = "in the ratio " + d.Ratio
	}
	var counts []string
	for _, a := range d.Arms {
		counts = append(counts, fmt.Sprintf("%d %s", d.Counts[a], a))
	}
	s.say("Units, identified by %s, were allocated to %s %s by %s, with the seed %d: %d units, %s.",
		d.ID, list(d.Arms, "and"), ratio, how, d.Seed, d.N, list(counts, "and"))
	s.say("The allocation verifies against its manifest %s (SHA-256 %s), from which the analysis takes every unit's arm, stratum and cluster: units are analysed as allocated (intention to treat), and a unit whose arm in the trial file differs from its allocation is an error (analyse --allow-mismatch analyses it as allocated, with a warning).", d.Manifest, d.SHA256)
	return s
}

// powerSection gives the power calculation the trial was sized by and its
// minimum detectable effect size.
func powerSection(p *Plan) section {
	s := section{Title: "Sample size and minimum detectable effect size"}
	pw := p.Power
	if pw == nil {
		s.say("No power calculation is recorded in the plan (plan init --power power.json records one).")
		return s
	}
	sided := "two-sided"
	if pw.Sided != nil && *pw.Sided == 1 {
		sided = "one-sided"
	}
	effect := "an effect"
	if pw.Effect != nil {
		effect = "an effect of " + number(*pw.Effect) + " standard deviations"
		if pw.Design == "prop" {
			effect = "an effect of h = " + number(*pw.Effect) + " (Cohen's h)"
		}
	}
	if pw.RateRatio != nil {
		effect = "a rate ratio of " + number(*pw.RateRatio)
	}
	at := fmt.Sprintf("with power %s at a %s alpha of %s", number(*pw.Power), sided, number(*pw.Alpha))
	what := "The trial was sized to detect " + effect + " " + at
	if pw.Solved == "effect" && pw.Effect != nil {
		what = fmt.Sprintf("The trial's minimum detectable effect size (MDES) is %s standard deviations %s", number(*pw.Effect), at)
	}
	s.say("%s (evalkit power %s, %s, SHA-256 %s)%s.", what, pw.Design, pw.File, pw.SHA256, powerSample(pw))
	if pw.NTotal != nil && *pw.NTotal != float64(p.Design.N) {
		s.say("The allocation holds %d units, against %s planned.", p.Design.N, number(*pw.NTotal))
	}
	return s
}

// powerSample describes the sample and the assumptions of a power result.
func powerSample(pw *Power) string {
	var parts []string
	if pw.Clusters != nil && pw.ClusterSize != nil {
		parts = append(parts, fmt.Sprintf("%s clusters of %s units", number(*pw.Clusters), number(*pw.ClusterSize)))
	}
	if pw.NTotal != nil {
		parts = append(parts, number(*pw.NTotal)+" units in all")
	}
	if pw.ICC != nil {
		parts = append(parts, "an intraclass correlation of "+number(*pw.ICC))
	}
	if pw.PControl != nil && pw.PTreatment != nil {
		parts = append(parts, fmt.Sprintf("risks of %s (control) and %s (treatment)", number(*pw.PControl), number(*pw.PTreatment)))
	}
	if pw.MeanControl != nil {
		parts = append(parts, "a control mean of "+number(*pw.MeanControl))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", with " + strings.Join(parts, ", ")
}
