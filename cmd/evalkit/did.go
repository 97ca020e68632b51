package main

import (
	"flag"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/qed"
	evreport "github.com/evalkit/evalkit/report"
)

// didCmd estimates a difference in differences on a panel (package qed).
type didCmd struct{}

func (*didCmd) name() string    { return "did" }
func (*didCmd) summary() string { return "difference in differences on a panel of units over periods" }

func (*didCmd) run(e *env, args []string) error {
	c, o := qed.PanelColumns{}, qed.DiDOptions{}
	return qedRun(e, "did", args, "in unit time outcome first-treated", []*string{new(string), &c.Unit, &c.Time, &c.Outcome, &c.FirstTreated}, func(fs *flag.FlagSet) {
		fs.StringVar(&c.Cluster, "cluster", "", "the one-cohort model's CR2 cluster `column` (default: the unit)")
		fs.UintVar(&o.Permutations, "permutations", 0, "permute the cohorts across units `B` times for a randomisation p-value")
		fs.Uint64Var(&o.Seed, "seed", 1, "the permutations' `seed`")
	}, func(t *table.Table) (*qed.DiDResult, error) {
		p, err := qed.ReadPanel(t, c)
		if err != nil {
			return nil, err
		}
		prog := newProgress(e, "permuting cohorts")
		defer prog.Done()
		o.Progress = prog.Update
		return p.DiD(o)
	}, evreport.RenderDiD)
}
