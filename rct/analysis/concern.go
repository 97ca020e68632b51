package analysis

// WarningsOf returns the warnings of r that concern comparison c alone:
// those made while c was estimated and no other comparison (few_clusters,
// not_converged, one_arm_block of c's rows).
func (r *Result) WarningsOf(c Comparison) []string {
	var out []string
	for i, w := range r.Warnings {
		if i < len(r.warningOf) && r.warningOf[i] != "" && r.warningOf[i] == c.Treatment {
			out = append(out, w)
		}
	}
	return out
}

// CommonWarnings returns the warnings of r that concern every comparison:
// those about the data or the design, those made in more than one
// comparison, and any a caller added to Warnings.
func (r *Result) CommonWarnings() []string {
	var out []string
	for i, w := range r.Warnings {
		if i >= len(r.warningOf) || r.warningOf[i] == "" {
			out = append(out, w)
		}
	}
	return out
}
