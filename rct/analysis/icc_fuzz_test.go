package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/internal/table"
)

// FuzzICC reads arbitrary CSV text and estimates the ICC of y by g, with
// the covariate x when covariate is set: it must never panic, and a result
// must marshal to valid JSON and print.
func FuzzICC(f *testing.F) {
	f.Add("y,g,x\n1,a,1\n2,a,2\n4,b,1\n6,b,3\n2,c,2\n3,c,1\n", true)
	f.Add("y,g,x\n1,a,u\n3,a,v\n1,b,u\n3,b,v\n0,c,u\n4,c,w\n", true)
	f.Add("y,g,x\n1,a,1\n3,a,1\n1,b,1\n3,b,1\n", false)
	f.Add("y,g,x\n1,a,1\nNA,a,2\n4,b,\n6,,3\n2,c,2\nyes,c,1\n", false)
	f.Add("y,g,x\n1e308,a,1\n-1e308,a,2\n1e-300,b,1\n0,b,3\n", true)
	f.Add("y,g,x\n1,a,1\n1,a,2\n2,b,1\n2,b,3\n", true)
	f.Fuzz(func(t *testing.T, csv string, covariate bool) {
		tb, err := table.ReadFrom(strings.NewReader(csv))
		if err != nil {
			return
		}
		c := ICCColumns{Outcome: "y", Cluster: "g"}
		if covariate {
			c.Covariates = []string{"x"}
		}
		r, err := ICC(tb, c, 0)
		if err != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil || !json.Valid(b) {
			t.Fatalf("JSON %q: %v", b, err)
		}
		if r.N < 2 || r.Clusters < 2 || r.N+r.NMissing != tb.Rows() {
			t.Fatalf("%d rows (%d missing) in %d clusters, of %d", r.N, r.NMissing, r.Clusters, tb.Rows())
		}
		if err := r.WriteText(&strings.Builder{}); err != nil {
			t.Fatal(err)
		}
	})
}
