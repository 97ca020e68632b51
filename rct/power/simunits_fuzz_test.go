package power

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/rct"
)

// FuzzUnitsSimulation runs the simulation on any units file and settings:
// it must never panic, and a result must be a share with its interval
// around it. The file's first column is the id, its second (if any) the
// block and its third the cluster.
func FuzzUnitsSimulation(f *testing.F) {
	f.Add("id,town,school\n1,a,s1\n2,a,s1\n3,a,s2\n4,b,s3\n5,b,s4\n6,b,s4\n", true, true, uint8(0), "", 0.5, 0.1, 0.2, uint8(5), uint64(1))
	f.Add("id,b\n1,x\n2,x\n3,y\n4,y\n5,y\n", true, false, uint8(2), "2", 1.0, 0.0, 0.0, uint8(3), uint64(7))
	f.Add("id,b\n1,x\n2,x\n3,y\n", false, false, uint8(3), "", -2.0, 0.0, 0.9, uint8(4), uint64(0))
	f.Add("id\n1\n2\n", false, false, uint8(1), "1:3", 0.0, 0.0, 0.0, uint8(1), uint64(3))
	f.Fuzz(func(t *testing.T, csv string, blocked, clustered bool, method uint8, ratio string, d, icc, r2 float64, sims uint8, seed uint64) {
		u, err := rct.ReadUnits(strings.NewReader(csv), "fuzz.csv")
		if err != nil || len(u.Header) == 0 {
			return
		}
		flags := map[string]string{"id": u.Header[0], "method": []string{"complete", "simple", "blocks", "minimise"}[method%4],
			"ratio": ratio, "seed": "1"}
		switch {
		case method%4 == 2:
			flags["block-sizes"] = "4"
		case method%4 == 3:
			flags["factors"] = u.Header[len(u.Header)-1]
		}
		if blocked && len(u.Header) > 1 {
			flags["block"] = u.Header[1]
		}
		if clustered && len(u.Header) > 2 {
			flags["cluster"] = u.Header[2]
		}
		s, err := rct.ParseSettings(flags)
		if err != nil {
			s = rct.Settings{ID: u.Header[0], Arms: []string{"c", "t"}, Method: rct.Method(method % 5)}
		}
		s.Seed = seed
		res, err := UnitsSimulation{Units: u, Settings: s, Effect: d, ICC: icc, R2: r2, Sims: int(sims % 8)}.Run()
		if err != nil {
			return
		}
		if !(res.PowerCILow <= res.Power && res.Power <= res.PowerCIHigh && res.PowerCILow >= 0 && res.PowerCIHigh <= 1) {
			t.Fatalf("power %v, interval [%v, %v]", res.Power, res.PowerCILow, res.PowerCIHigh)
		}
		if res.Rejections+res.Failed > res.Sims || res.Failed == res.Sims {
			t.Fatalf("%d rejections and %d failures of %d", res.Rejections, res.Failed, res.Sims)
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatal(err)
		}
		res.Summary()
	})
}
