package analysis

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// FuzzAnalyse reads arbitrary CSV text and analyses it with covariates,
// blocks, clusters, randomisation inference and the model (negbin,
// poisson, multilevel) as mask says, and the outcome's type, a received
// column (typ&4) and a subgroup column (typ&8) as typ says: it must never
// panic, and a Result must marshal to valid JSON.
func FuzzAnalyse(f *testing.F) {
	f.Add("arm,y,x,b,g\ncontrol,1,2,A,1\ncontrol,0,3,A,2\ntreatment,1,1,A,3\ntreatment,1,5,B,4\ncontrol,2,2,B,5\ntreatment,3,NA,B,6\n", uint8(15), uint8(0))
	f.Add("arm,y,x,b,g\ncontrol,1.5,1,A,1\ncontrol,2,1,A,1\ntreatment,3,1,A,2\ntreatment,NA,1,B,2\nb,7,1,B,3\n", uint8(7), uint8(1))
	f.Add("arm,y,x,b,g\ncontrol,3,1,A,1\ncontrol,0,2,B,2\ntreatment,5,1,A,3\ntreatment,0,0.5,B,4\n", uint8(3), uint8(3))
	f.Add("arm,y,x,b,g\ncontrol,0,1,A,1\ntreatment,0,1,A,1\n", uint8(12), uint8(2))
	// A text covariate (a factor), with randomisation inference and as a
	// count model's covariate; a factor with one level.
	f.Add("arm,y,x,b,g\ncontrol,1,a,A,1\ncontrol,0,b,A,1\ntreatment,1,a,B,2\ntreatment,4,b,B,2\ncontrol,2,c,A,3\ntreatment,3,c,B,4\ncontrol,2,NA,B,3\n", uint8(9), uint8(0))
	f.Add("arm,y,x,b,g\ncontrol,1,a,A,1\ncontrol,0,b,A,1\ntreatment,1,a,B,2\ntreatment,4,b,B,2\ncontrol,2,c,A,3\ntreatment,3,c,B,4\n", uint8(3), uint8(3))
	f.Add("arm,y,x,b,g\ncontrol,1,a,A,1\ntreatment,0,a,A,2\ncontrol,3,a,B,3\ntreatment,5,a,B,4\n", uint8(1), uint8(1))
	// A binary outcome in words; arm labels that differ in letter case; a
	// column of clusters not given as one; counts without overdispersion.
	f.Add("arm,y,x,b,g\ncontrol,yes,1,A,1\ncontrol, No,2,A,1\ntreatment,TRUE ,3,B,2\ntreatment,false,1,B,2\nNA,maybe,1,B,2\n", uint8(0), uint8(0))
	f.Add("arm,y,x,b,g\ncontrol,yes,1,A,1\nControl,no,2,A,1\ntreatment,yes,3,B,2\n", uint8(1), uint8(2))
	f.Add("arm,y,x,b,g\ncontrol,1,1,A,1\ncontrol,2,2,A,1\ntreatment,3,3,B,2\ntreatment,5,1,B,2\ncontrol,2,1,A,3\ncontrol,0,2,A,3\n", uint8(0), uint8(1))
	f.Add("arm,y,x,b,g\ncontrol,2,1,A,1\ncontrol,2,2,A,2\ntreatment,3,1,B,3\ntreatment,3,2,B,4\n", uint8(1), uint8(3))
	// The multilevel model (mask 32, with a cluster): clusters of one row,
	// a cluster variance of 0, a cluster holding both arms, blocks and
	// randomisation inference.
	f.Add("arm,y,x,b,g\ncontrol,1,2,A,1\ncontrol,2,3,A,1\ntreatment,3,1,A,2\ntreatment,5,5,B,2\ncontrol,2,2,B,3\ntreatment,3,NA,B,4\n", uint8(36), uint8(1))
	f.Add("arm,y,x,b,g\ncontrol,1,2,A,1\ncontrol,3,3,A,1\ntreatment,1,1,A,2\ntreatment,3,5,B,2\ncontrol,1,2,B,3\ncontrol,3,2,B,3\ntreatment,2,1,B,4\n", uint8(47), uint8(0))
	f.Add("arm,y,x,b,g\ncontrol,1,a,A,1\ntreatment,2,b,A,1\ncontrol,3,a,B,2\ntreatment,5,b,B,2\ncontrol,4,a,A,3\ntreatment,7,b,B,3\n", uint8(39), uint8(1))
	f.Add("arm,y,x,b,g\ncontrol,0,1,A,1\ncontrol,1,2,A,1\ntreatment,1,1,B,2\ntreatment,1,2,B,2\n", uint8(36), uint8(0))
	// A received column r (0/1, missing, a stray 2) and a subgroup column
	// s (a level with a single row, a missing value), with attrition.
	f.Add("arm,y,x,b,g,r,s\ncontrol,1,2,A,1,0,m\ncontrol,NA,3,A,2,1,f\ntreatment,1,1,A,3,1,f\ntreatment,4,5,B,4,0,m\ncontrol,2,2,B,5,0,f\ntreatment,3,1,B,6,NA,m\ntreatment,5,2,A,7,1,x\ncontrol,2,4,B,8,0,\n", uint8(0), uint8(12))
	f.Add("arm,y,x,b,g,r,s\ncontrol,1,2,A,1,0,m\ncontrol,0,3,A,1,0,f\ntreatment,1,1,A,2,1,f\ntreatment,1,5,B,2,1,m\ncontrol,0,2,B,3,0,f\ntreatment,0,1,B,4,1,m\nb,1,2,A,5,1,m\n", uint8(7), uint8(14))
	f.Add("arm,y,x,b,g,r,s\ncontrol,3,2,A,1,0,m\ncontrol,0,3,A,2,0,f\ntreatment,5,1,A,3,0,f\ntreatment,0,5,B,4,0,m\n", uint8(0), uint8(7))
	f.Add("arm,y,x,b,g,r,s\ncontrol,3,2,A,1,2,m\ncontrol,,3,A,2,0,f\ntreatment,5,1,A,3,1,A\ntreatment,NA,5,B,4,1,A\ntreatment,2,5,B,4,1,B\n", uint8(2), uint8(13))
	f.Add("arm,y,x,b,g,r,s\ncontrol,3,2,A,1,0,A\ncontrol,4,3,A,2,1,A\ntreatment,5,1,B,3,1,B\ntreatment,NA,5,B,4,1,B\ncontrol,1,1,B,5,0,B\ntreatment,6,2,A,6,0,A\n", uint8(6), uint8(9))
	f.Add("arm,y,x,b,g,r,s\ncontrol,3,2,A,1,0,A\ncontrol,4,3,A,1,1,B\ntreatment,5,1,B,3,1,B\ntreatment,4,5,B,3,1,A\ncontrol,1,1,B,5,0,B\ntreatment,6,2,A,6,0,A\n", uint8(36), uint8(13))
	f.Fuzz(func(t *testing.T, csv string, mask, typ uint8) {
		c := Columns{Outcome: "y"}
		if mask&1 != 0 {
			c.Covariates = []string{"x"}
		}
		if mask&2 != 0 {
			c.Block = "b"
		}
		if mask&4 != 0 {
			c.Cluster = "g"
		}
		if typ&4 != 0 {
			c.Received = "r"
		}
		if typ&8 != 0 {
			c.Subgroup = "s"
		}
		p := Plan{Type: Type(typ % 4), Model: Model(mask >> 4 % 3)}
		if mask&8 != 0 {
			p.Permutations, p.Seed = 30, 1
		}
		d, err := ReadCSV(strings.NewReader(csv), c)
		if err != nil {
			return
		}
		res, err := Analyse(d, p)
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
		for _, cmp := range res.Comparisons {
			if (cmp.Cace != nil) != (c.Received != "") {
				t.Fatalf("cace %v with received column %q", cmp.Cace, c.Received)
			}
			if (cmp.InteractionP != nil) != (c.Subgroup != "") || (cmp.Subgroups != nil) != (c.Subgroup != "") {
				t.Fatalf("subgroups %v, interaction_p %v with subgroup column %q", cmp.Subgroups, cmp.InteractionP, c.Subgroup)
			}
			if b := cmp.LeeBounds; b != nil && !(b.Lower <= b.Upper) && !math.IsNaN(b.Lower) {
				t.Fatalf("lee bounds [%v, %v]", b.Lower, b.Upper)
			}
		}
	})
}
