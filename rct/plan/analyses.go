package plan

import (
	"slices"
	"strconv"

	"github.com/evalkit/evalkit/rct/analysis"
)

// Analysis is one of a plan's analyses: the trial's columns it reads and
// how it analyses them, as analysis.Read, Data.Allocated and
// analysis.Analyse take them.
type Analysis struct {
	Columns analysis.Columns
	Plan    analysis.Plan
}

// Outcomes returns the primary outcome, then the secondary ones in order.
func (p *Plan) Outcomes() []Outcome {
	return append([]Outcome{p.Primary}, p.Secondary...)
}

// Analyses returns the analyses the plan specifies, one for each of
// Outcomes: the plan's covariates, subgroup and received columns, the
// design's id column and its first arm as the control, and the plan's
// settings. The model applies to the outcomes it is for (negbin and
// poisson to counts, multilevel to the others), and so does the exposure
// (to counts). Block and cluster are the allocation's (Data.Allocated).
func (p *Plan) Analyses() ([]Analysis, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	model, _ := analysis.ParseModel(p.Model)
	adjust, _ := analysis.ParseAdjustment(p.Adjust)
	se, _ := analysis.ParseSE(p.SE)
	var out []Analysis
	for _, o := range p.Outcomes() {
		t, _ := analysis.ParseType(o.Type)
		a := Analysis{
			Columns: analysis.Columns{Arm: "arm", Outcome: o.Outcome, Covariates: slices.Clone(p.Covariates),
				ID: p.Design.ID, Received: p.Received, Subgroup: p.Subgroup},
			Plan: analysis.Plan{Control: p.Design.Arms[0], Type: t, Level: p.Level, Adjust: adjust, SE: se},
		}
		if t == analysis.Count {
			a.Columns.Exposure, a.Plan.Model = p.Exposure, model
		} else if model == analysis.Multilevel {
			a.Plan.Model = model
		}
		a.Plan.AutoPermutations = p.Permutations == "auto"
		if !a.Plan.AutoPermutations && p.Permutations != "" {
			a.Plan.Permutations, _ = strconv.Atoi(string(p.Permutations))
		}
		if p.Seed != nil {
			a.Plan.Seed = *p.Seed
		}
		out = append(out, a)
	}
	return out, nil
}

// differences names the settings in which analysis b differs from a, by
// the names of Keys (outcome, type, covariates, ...), and by the column's
// role for the design's columns (arm, block, cluster, id, control).
func differences(a, b Analysis) []string {
	ca, cb, pa, pb := a.Columns, b.Columns, defaults(a.Plan), defaults(b.Plan)
	var out []string
	for _, d := range []struct {
		name string
		same bool
	}{
		{"outcome", ca.Outcome == cb.Outcome},
		{"type", pa.Type == pb.Type},
		{"covariates", slices.Equal(ca.Covariates, cb.Covariates)},
		{"model", pa.Model == pb.Model},
		{"level", pa.Level == pb.Level},
		{"adjust", pa.Adjust == pb.Adjust},
		{"se", pa.SE == pb.SE},
		{"permutations", pa.Permutations == pb.Permutations && pa.AutoPermutations == pb.AutoPermutations},
		{"seed", pa.Seed == pb.Seed},
		{"subgroup", ca.Subgroup == cb.Subgroup},
		{"received", ca.Received == cb.Received},
		{"exposure", ca.Exposure == cb.Exposure},
		{"arm", ca.Arm == cb.Arm},
		{"block", ca.Block == cb.Block},
		{"cluster", ca.Cluster == cb.Cluster},
		{"id", ca.ID == cb.ID},
		{"control", pa.Control == pb.Control},
	} {
		if !d.same {
			out = append(out, d.name)
		}
	}
	return out
}

// defaults fills in the zero values of the plan's level and control, as
// analysis.Analyse does.
func defaults(p analysis.Plan) analysis.Plan {
	if p.Level == 0 {
		p.Level = 0.95
	}
	if p.Control == "" {
		p.Control = "control"
	}
	return p
}
