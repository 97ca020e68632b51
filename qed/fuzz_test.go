package qed

import (
	"math"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/internal/table"
)

// FuzzDiD reads any text as a panel and estimates: errors, never a panic.
func FuzzDiD(f *testing.F) {
	f.Add("u,t,g,y\na,1,2,1\na,2,2,5\nb,1,2,1\nb,2,2,4\nc,1,0,1\nc,2,0,2\nd,1,0,2\nd,2,0,2.5\n", uint8(0))
	f.Add("u,t,g,y\na,1,2,1\na,2,2,5\nb,1,3,1\nb,3,3,4\nc,1,0,1\nc,2,0,2\nc,3,,2\n", uint8(3))
	f.Add("u,t,g,y\na,1,1e308,1\na,2,-0,NaN\nb,1,2,1e308\nb,2,2,-1e308\n", uint8(1))
	f.Fuzz(func(t *testing.T, csv string, perms uint8) {
		tb, err := table.Read(strings.NewReader(csv), "fuzz.csv")
		if err != nil {
			return
		}
		p, err := ReadPanel(tb, PanelColumns{Unit: "u", Time: "t", Outcome: "y", FirstTreated: "g"})
		if err != nil {
			return
		}
		r, err := p.DiD(DiDOptions{Permutations: uint(perms % 8), Seed: 1})
		if err == nil {
			var b strings.Builder
			if err := r.WriteText(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzMatch reads any text as matching data and matches: errors, never a panic.
func FuzzMatch(f *testing.F) {
	f.Add("t,x,z,s,y\n1,1,0,a,1\n0,2,1,a,2\n1,3,1,b,0\n0,2.5,0,b,4\n0,0,1,a,1\n", 0.2, false)
	f.Add("t,x,z,s,y\n1,1,0,a,1\n0,1,0,a,1\n1,1,0,a,1\n0,1,0,a,1\n", 0.0, true)
	f.Fuzz(func(t *testing.T, csv string, caliper float64, ebal bool) {
		tb, err := table.Read(strings.NewReader(csv), "fuzz.csv")
		if err != nil {
			return
		}
		d, err := ReadMatchData(tb, MatchColumns{Treat: "t", Covariates: []string{"x", "z"}, Exact: "s", Outcome: "y"})
		if err != nil {
			return
		}
		opt := MatchOptions{Caliper: Caliper(math.Abs(caliper))}
		if ebal {
			opt = MatchOptions{Method: EBal}
		}
		if r, err := d.Match(opt); err == nil {
			var b strings.Builder
			if err := r.WriteText(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}
