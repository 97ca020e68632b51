package power

import (
	"math"
	"strings"
	"testing"
)

// FuzzReadPilotICC: any text is read as an icc result or refused, never a
// panic; what is read has finite icc, cluster size and cv (JSON has no
// NaN or Inf), and R2s that are NaN only when absent.
func FuzzReadPilotICC(f *testing.F) {
	f.Add(`{"icc":0.1,"mean_cluster_size":20,"cluster_size_cv":0.3,"r2_individual":0.2,"r2_cluster":null}`)
	f.Add(`{"icc":null,"mean_cluster_size":1,"cluster_size_cv":0}`)
	f.Add(`{"icc":1e999}`)
	f.Add(`[[[[`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, text string) {
		p, err := ReadPilotICC(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, v := range []float64{p.ICC, p.MeanClusterSize, p.ClusterSizeCV} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%q read as %+v", text, p)
			}
		}
	})
}
