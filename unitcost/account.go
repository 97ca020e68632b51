package unitcost

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/evalkit/evalkit/internal/table"
)

// ucAccount gathers one intervention's lines (or all of them, for the
// total) as exact sums of pence by year.
type ucAccount struct {
	name     string
	nominal  Pence
	years    map[int]Pence
	category [5]map[int]Pence
	funders  map[string]map[int]Pence

	hasReach bool
	people   int64
	groups   []Group
	groupIdx map[string]int

	outcomes   []OutcomeCost
	outcomeIdx map[string]int
	unvalued   []bool // some row of the outcome has no value
	valued     []bool // some row of the outcome has a value
}

func newUCAccount(name string) *ucAccount {
	a := &ucAccount{name: name, years: map[int]Pence{}, funders: map[string]map[int]Pence{}}
	for c := range a.category {
		a.category[c] = map[int]Pence{}
	}
	return a
}

func (a *ucAccount) add(c Category, funder string, year int, p Pence) error {
	var err error
	if a.nominal, err = addPence(a.nominal, p); err != nil {
		return err
	}
	a.years[year] += p // each is at most the nominal total, which fitted
	a.category[c][year] += p
	f := a.funders[funder]
	if f == nil {
		f = map[int]Pence{}
		a.funders[funder] = f
	}
	f[year] += p
	return nil
}

func (a *ucAccount) addReach(group string, people int64) {
	a.hasReach = true
	a.people += people
	if a.groupIdx == nil {
		a.groupIdx = map[string]int{}
	}
	k, ok := a.groupIdx[group]
	if !ok {
		k = len(a.groups)
		a.groupIdx[group] = k
		a.groups = append(a.groups, Group{Group: group})
	}
	a.groups[k].People += people
}

// addOutcome adds a row of outcomes whose benefit is worth f per pound.
func (a *ucAccount) addOutcome(o *Outcome, f float64) {
	if a.outcomeIdx == nil {
		a.outcomeIdx = map[string]int{}
	}
	k, ok := a.outcomeIdx[o.Outcome]
	if !ok {
		k = len(a.outcomes)
		a.outcomeIdx[o.Outcome] = k
		a.outcomes = append(a.outcomes, OutcomeCost{Outcome: o.Outcome})
		a.unvalued = append(a.unvalued, false)
		a.valued = append(a.valued, false)
	}
	oc := &a.outcomes[k]
	oc.Count += o.Count
	if o.Valued {
		oc.Benefit += o.Count * o.Value.Pounds() * f
		a.valued[k] = true
	} else {
		a.unvalued[k] = true
	}
}

func (a *ucAccount) byCategory(b *ucBasis) map[Category]float64 {
	m := make(map[Category]float64, len(Categories))
	for _, c := range Categories {
		m[c] = b.value(a.category[c])
	}
	return m
}

func (a *ucAccount) byFunder(b *ucBasis) map[string]float64 {
	m := make(map[string]float64, len(a.funders))
	for f, ys := range a.funders {
		m[f] = b.value(ys)
	}
	return m
}

func (a *ucAccount) result(b *ucBasis, share float64, warnings *[]string) Intervention {
	iv := Intervention{
		Name:          a.name,
		NominalCost:   a.nominal,
		TotalCost:     b.value(a.years),
		People:        a.people,
		CostPerPerson: math.NaN(),
		ByCategory:    a.byCategory(b),
		ByFunder:      a.byFunder(b),
	}
	if w := b.overflowWarning(strconv.Quote(table.Clip(a.name)), a.years, iv.TotalCost); w != "" {
		*warnings = append(*warnings, w)
	}
	switch {
	case !a.hasReach:
		*warnings = append(*warnings, fmt.Sprintf("%q has cost lines but no reach: its cost per person is undefined (null)", table.Clip(a.name)))
	case a.people == 0:
		*warnings = append(*warnings, fmt.Sprintf("%q reached 0 people: its cost per person is undefined (null)", table.Clip(a.name)))
	default:
		iv.CostPerPerson = iv.TotalCost / float64(a.people)
	}
	for _, g := range a.groups {
		g.Cost = math.NaN()
		if a.people > 0 {
			g.Cost = iv.TotalCost * float64(g.People) / float64(a.people)
		}
		iv.Groups = append(iv.Groups, g)
	}
	for k, oc := range a.outcomes {
		oc.CostPerOutcome, oc.NPV, oc.BCR = math.NaN(), math.NaN(), math.NaN()
		if oc.Count > 0 {
			oc.CostPerOutcome = iv.TotalCost / oc.Count
		} else {
			*warnings = append(*warnings, fmt.Sprintf("%q: outcome %q has a count of 0: its cost per outcome is undefined (null)", table.Clip(a.name), table.Clip(oc.Outcome)))
		}
		if a.unvalued[k] {
			oc.Benefit = math.NaN()
			if a.valued[k] {
				*warnings = append(*warnings, fmt.Sprintf("%q: outcome %q has a value on some rows only: its benefit is undefined (null)", table.Clip(a.name), table.Clip(oc.Outcome)))
			}
		} else {
			oc.NPV = oc.Benefit - iv.TotalCost
			if iv.TotalCost > 0 {
				oc.BCR = oc.Benefit / iv.TotalCost
			}
		}
		iv.Outcomes = append(iv.Outcomes, oc)
	}
	if share > 0 && a.people > 0 {
		iv.Sensitivity = a.sensitivity(b, share, iv)
	}
	return iv
}

func (a *ucAccount) total(b *ucBasis) Total {
	return Total{
		NominalCost:   a.nominal,
		TotalCost:     b.value(a.years),
		ByCategory:    a.byCategory(b),
		ByFunder:      a.byFunder(b),
		CostPerPerson: math.NaN(),
	}
}

// sensitivity varies each input alone by ±share and returns the cost per
// person at each end, widest spread first (ties in input order).
func (a *ucAccount) sensitivity(b *ucBasis, share float64, iv Intervention) []Sensitivity {
	n := float64(a.people)
	t := iv.TotalCost
	var out []Sensitivity
	for _, c := range Categories {
		if len(a.category[c]) == 0 {
			continue
		}
		d := share * iv.ByCategory[c]
		out = append(out, Sensitivity{Input: c.String(), Down: (t - d) / n, Up: (t + d) / n})
	}
	out = append(out, Sensitivity{Input: "people", Down: t / (n * (1 - share)), Up: t / (n * (1 + share))})
	if r := b.opt.DiscountRate; r > 0 {
		out = append(out, Sensitivity{Input: "discount_rate",
			Down: b.valueAt(a.years, r*(1-share)) / n,
			Up:   b.valueAt(a.years, r*(1+share)) / n})
	}
	for i := range out {
		out[i].Spread = math.Abs(out[i].Up - out[i].Down)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Spread > out[j].Spread })
	return out
}
