package analysis

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteText prints the result for a person, as evalkit icc does without
// --json: the ICC with its interval, the variances, the clusters' sizes,
// the covariates' R² when there are covariates, then the notes and
// warnings.
func (r *ICCResult) WriteText(w io.Writer) error {
	var b strings.Builder
	level := strconv.FormatFloat(100*r.Level, 'g', 6, 64) + "%"
	fmt.Fprintf(&b, "ICC of %s, clusters in column %s: %d clusters, %d rows", r.Outcome, r.Cluster, r.Clusters, r.N)
	if r.NMissing > 0 {
		fmt.Fprintf(&b, " (%d left out for missing values)", r.NMissing)
	}
	fmt.Fprintln(&b)
	if len(r.Covariates) > 0 {
		fmt.Fprintf(&b, "covariates: %s\n", strings.Join(r.Covariates, ", "))
	}
	fmt.Fprintln(&b)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  icc\t%s\t%s CI %s (Searle)\n", FormatNumber(r.ICC), level, formatCI(r.ICCCILow, r.ICCCIHigh))
	fmt.Fprintf(tw, "  var_cluster\t%s\t\n  var_residual\t%s\t\n", FormatNumber(r.VarCluster), FormatNumber(r.VarResidual))
	fmt.Fprintf(tw, "  mean cluster size\t%s\t\n  cluster size cv\t%s\t\n", FormatNumber(r.MeanClusterSize), FormatNumber(r.ClusterSizeCV))
	if len(r.Covariates) > 0 {
		fmt.Fprintf(tw, "  r2_individual\t%s\t\n  r2_cluster\t%s\t\n", FormatNumber(r.R2Individual), FormatNumber(r.R2Cluster))
	}
	tw.Flush()
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(&b)
		for _, v := range r.Warnings {
			fmt.Fprintf(&b, "warning: %s\n", v)
		}
	}
	_, err := io.WriteString(w, trimLines(b.String()))
	return err
}
