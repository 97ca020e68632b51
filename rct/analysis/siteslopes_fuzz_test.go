package analysis

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzSiteSlopes reads arbitrary CSV text and analyses it by the
// multilevel model with site slopes, with covariates and blocks as mask
// says: it must never panic, and a Result must marshal to valid JSON.
func FuzzSiteSlopes(f *testing.F) {
	f.Add("arm,y,x,b,g\ncontrol,1,2,A,1\ntreatment,2,3,A,1\ncontrol,3,1,A,2\ntreatment,5,5,B,2\ncontrol,2,2,B,3\ntreatment,3,NA,B,3\ncontrol,4,1,A,1\n", uint8(3))
	f.Add("arm,y,x,b,g\ncontrol,1,a,A,1\ntreatment,2,b,A,1\ncontrol,3,a,B,2\ntreatment,5,b,B,2\ncontrol,4,a,A,3\ntreatment,7,b,B,3\ncontrol,2,c,B,1\n", uint8(1))
	f.Add("arm,y,x,b,g\ncontrol,1,1,A,1\ncontrol,2,2,A,1\ntreatment,3,3,B,2\ntreatment,5,1,B,2\ncontrol,2,1,A,3\ncontrol,0,2,A,3\n", uint8(0))
	f.Add("arm,y,x,b,g\ncontrol,1,1,A,1\ntreatment,1,2,A,1\ncontrol,1,1,A,2\ntreatment,1,2,B,2\nb,1,1,B,2\nb,2,1,B,1\n", uint8(2))
	f.Fuzz(func(t *testing.T, csv string, mask uint8) {
		c := Columns{Outcome: "y", Cluster: "g"}
		if mask&1 != 0 {
			c.Covariates = []string{"x"}
		}
		if mask&2 != 0 {
			c.Block = "b"
		}
		d, err := ReadCSV(strings.NewReader(csv), c)
		if err != nil {
			return
		}
		res, err := Analyse(d, Plan{Type: Continuous, Model: Multilevel, SiteSlopes: true})
		if err != nil {
			return
		}
		b, err := json.Marshal(res)
		if err != nil || !json.Valid(b) {
			t.Fatalf("JSON %q: %v", b, err)
		}
		if len(res.Comparisons) != len(res.Arms)-1 {
			t.Fatalf("%d comparisons for %d arms", len(res.Comparisons), len(res.Arms))
		}
	})
}
