package unitcost

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// DefaultGrantFunder is the funder whose cost lines are the grant's unless
// CheckGrant is told otherwise.
const DefaultGrantFunder = "VRU core grant"

// Grant is a grant whose conditions a costs sheet is checked against.
type Grant struct {
	// Amount is the grant awarded; it must be positive.
	Amount Pence
	// Year is the grant's (financial) year, as ParseYear reads it: 2023
	// for 2023-24. Only lines of this year count.
	Year int
	// Funder is the funder column's name for the grant's lines; empty
	// means DefaultGrantFunder.
	Funder string
}

// The conditions' names, in the order CheckGrant gives them.
const (
	ConditionInterventions = "interventions"
	ConditionEvaluation    = "evaluation"
	ConditionMatchFunding  = "match_funding"
)

// The grant's conditions, in per cent: at least 30% of the grant invested
// in interventions, and at least 10% of that intervention spending on
// evaluating them (Home Office, VRU grant guidance, as the Thames Valley
// VRU's Response Strategy 2023-2024 sets them out under "Our resourcing
// and accompanying ministerial priorities").
const (
	interventionsPercent = 30
	evaluationPercent    = 10
)

// matchFundingPercent is the share of the grant to be match funded in each
// year of the three-year programme (the same source): 10% in 2022-23, 15%
// in 2023-24 and 20% in 2024-25.
var matchFundingPercent = map[int]int64{2022: 10, 2023: 15, 2024: 20}

// MatchFundingRate returns the share of the grant that must be match
// funded in the (financial) year: 0.10 for 2022 (2022-23), 0.15 for 2023
// and 0.20 for 2024. Other years are an error wrapping ErrOptions.
func MatchFundingRate(year int) (float64, error) {
	p, ok := matchFundingPercent[year]
	if !ok {
		return 0, fmt.Errorf("%w: the grant's match-funding requirement is known for 2022-23 to 2024-25, not %s", ErrOptions, FinancialYear(year))
	}
	return float64(p) / 100, nil
}

// FinancialYear writes the financial year that starts in year y, such as
// 2023-24 for 2023.
func FinancialYear(y int) string { return fmt.Sprintf("%d-%02d", y, (y+1)%100) }

// Condition is one of the grant's conditions, met when Actual is at least
// Required:
//
//	interventions   Required = 0.30 × grant
//	                Actual   = the grant's lines of the year whose purpose is intervention
//	evaluation      Required = 0.10 × the interventions' Actual
//	                Actual   = the grant's lines of the year whose purpose is evaluation
//	match_funding   Required = rate(year) × grant (MatchFundingRate)
//	                Actual   = every line of the year not paid by the grant,
//	                           in kind and volunteer time included
//
// Amounts are taken as written, neither deflated nor discounted, and Met
// is decided exactly, in whole pence.
type Condition struct {
	// Condition is the condition's name: interventions, evaluation or
	// match_funding.
	Condition string `json:"condition"`
	// Rule says the condition in words, such as "at least 30% of the grant".
	Rule string `json:"rule"`
	// RequiredShare is the share of Base that is required, such as 0.3.
	RequiredShare float64 `json:"required_share"`
	// Required and Actual are in pounds.
	Required float64 `json:"required"`
	Actual   float64 `json:"actual"`
	// Share is Actual / Base, the figure a strategy quotes ("49% invested
	// in pilot interventions"); NaN when Base is 0.
	Share float64 `json:"share"`
	// Met reports whether Actual is at least Required.
	Met bool `json:"met"`

	base, actual Pence // for WriteText's exact share
}

// GrantCheck is a costs sheet checked against a grant's conditions.
type GrantCheck struct {
	// Grant is the grant checked, its funder filled in.
	Grant Grant
	// GrantLines is the sum of the grant's lines of the year, and
	// ByPurpose the same split by purpose.
	GrantLines Pence
	ByPurpose  map[Purpose]Pence
	// Conditions are interventions, evaluation and match_funding, in that
	// order.
	Conditions []Condition
	// Warnings are what the reader should know, in plain sentences: no
	// line paid by the grant, lines that spend more than the grant.
	Warnings []string
}

// AllMet reports whether every condition is met.
func (g *GrantCheck) AllMet() bool {
	for _, c := range g.Conditions {
		if !c.Met {
			return false
		}
	}
	return true
}

// CheckGrant checks the cost lines against the grant's conditions (see
// Condition). The grant's lines are those of the grant's year whose funder
// is the grant's funder (exactly as written); lines of other years are
// left out.
//
// Errors: a grant that is not positive, a year without a known
// match-funding rate, a line with a negative amount (naming its row), and
// sums beyond the range of Pence.
func CheckGrant(costs []Line, g Grant) (*GrantCheck, error) {
	if g.Funder == "" {
		g.Funder = DefaultGrantFunder
	}
	if g.Amount <= 0 {
		return nil, fmt.Errorf("%w: a grant of %s; give the amount awarded, more than 0", ErrOptions, g.Amount)
	}
	if _, err := MatchFundingRate(g.Year); err != nil {
		return nil, err
	}
	res := &GrantCheck{Grant: g, ByPurpose: map[Purpose]Pence{}}
	var match Pence
	otherFunders := map[string]bool{}
	for i := range costs {
		l := &costs[i]
		if l.Amount < 0 {
			return nil, rowErrorf(ucSource(l.Source, "cost line", i), "amount", l.Amount.String(), ErrNegative, "a cost cannot be negative")
		}
		if l.Year != g.Year {
			continue
		}
		var err error
		if l.Funder == g.Funder {
			if res.GrantLines, err = addPence(res.GrantLines, l.Amount); err == nil {
				res.ByPurpose[l.Purpose] += l.Amount // at most GrantLines, which fitted
			}
		} else {
			otherFunders[orUnspecified(l.Funder)] = true
			match, err = addPence(match, l.Amount)
		}
		if err != nil {
			who := "other funders"
			if l.Funder == g.Funder {
				who = strconv.Quote(table.Clip(g.Funder))
			}
			return nil, sumOverflowError(ucSource(l.Source, "cost line", i), fmt.Sprintf("the amounts of %s paid by %s", FinancialYear(g.Year), who))
		}
	}
	iv := res.ByPurpose[PurposeIntervention]
	res.Conditions = []Condition{
		newCondition(ConditionInterventions, "of the grant", interventionsPercent, g.Amount, iv),
		newCondition(ConditionEvaluation, "of the grant's intervention lines", evaluationPercent, iv, res.ByPurpose[PurposeEvaluation]),
		newCondition(ConditionMatchFunding, "of the grant, from other funders", matchFundingPercent[g.Year], g.Amount, match),
	}
	year := FinancialYear(g.Year)
	if res.GrantLines == 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("no cost line of %s is paid by %q (the funders of that year: %s)", year, g.Funder, funderList(otherFunders)))
	}
	if res.GrantLines > g.Amount {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the grant's lines of %s total %s, more than the grant of %s", year, FormatPounds(res.GrantLines.Pounds()), FormatPounds(g.Amount.Pounds())))
	}
	return res, nil
}

// newCondition returns the condition that actual is at least percent% of
// base, decided exactly: 100 actual >= percent base, in pence.
func newCondition(name, of string, percent int64, base, actual Pence) Condition {
	required := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(int64(base)), big.NewInt(percent)), big.NewInt(100*100))
	req, _ := required.Float64()
	c := Condition{Condition: name, Rule: fmt.Sprintf("at least %d%% %s", percent, of), RequiredShare: float64(percent) / 100,
		Required: req, Actual: actual.Pounds(), Share: math.NaN(), base: base, actual: actual}
	if base > 0 {
		c.Share = float64(actual) / float64(base)
	}
	lhs := new(big.Int).Mul(big.NewInt(int64(actual)), big.NewInt(100))
	c.Met = lhs.Cmp(new(big.Int).Mul(big.NewInt(int64(base)), big.NewInt(percent))) >= 0
	return c
}

func orUnspecified(f string) string {
	if f == "" {
		return Unspecified
	}
	return f
}

func funderList(m map[string]bool) string {
	if len(m) == 0 {
		return "none"
	}
	fs := make([]string, 0, len(m))
	for f := range m {
		fs = append(fs, fmt.Sprintf("%q", f))
	}
	sort.Strings(fs)
	return strings.Join(fs, ", ")
}
