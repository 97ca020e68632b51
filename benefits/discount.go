package benefits

import (
	"fmt"
	"math"
)

// Schedule is a declining schedule of discount rates from HM Treasury's
// Green Book [1]. Its zero value is Standard.
//
// [1] HM Treasury (2022). The Green Book: central government guidance on
// appraisal and evaluation, section A6.2 and its Table 8 (the declining
// long-term discount rate).
type Schedule int

const (
	// Standard is the social time preference rate: 3.5% a year for years
	// 1 to 30, 3% for years 31 to 75 and 2.5% for years 76 to 125.
	Standard Schedule = iota
	// Health is the reduced rate for risk to health and life values:
	// 1.5% a year for years 1 to 30, 1.29% for years 31 to 75 and 1.07%
	// for years 76 to 125.
	Health
)

// MaxYears is the longest appraisal period: the Green Book's rates change
// again after year 125 (to 2% and 0.86%), which evalkit does not hold.
const MaxYears = 125

// rates are each schedule's yearly rates for years 1-30, 31-75 and 76-125.
var rates = [...][3]float64{Standard: {0.035, 0.03, 0.025}, Health: {0.015, 0.0129, 0.0107}}

var scheduleNames = [...]string{"standard", "health"}

// String returns the schedule's name: standard or health.
func (s Schedule) String() string {
	if s < 0 || int(s) >= len(scheduleNames) {
		return fmt.Sprintf("Schedule(%d)", int(s))
	}
	return scheduleNames[s]
}

// ParseSchedule returns the schedule called s: standard or health.
func ParseSchedule(s string) (Schedule, error) {
	for i, n := range scheduleNames {
		if s == n {
			return Schedule(i), nil
		}
	}
	return 0, fmt.Errorf("%w: discount schedule %q; use standard (3.5%%) or health (1.5%%)", ErrOptions, s)
}

// Rates returns the schedule's yearly rates for years 1-30, 31-75 and
// 76-125.
func (s Schedule) Rates() [3]float64 { return rates[s] }

// DiscountFactor returns the Green Book's declining discount factor of a
// value in year t (year 0 being now) under schedule s, with r1, r2 and r3
// the schedule's rates:
//
//	D(t) = (1 + r1)^-t                                for t <= 30
//	D(t) = D(30) (1 + r2)^-(t - 30)                   for 30 < t <= 75
//	D(t) = D(75) (1 + r3)^-(t - 75)                   for 75 < t
//
// so that under Standard D(40) = 1 / (1.035^30 × 1.03^10). It panics if t
// is negative or more than MaxYears.
func DiscountFactor(t int, s Schedule) float64 { return s.factor(t, 1) }

// factor is D(t) with every rate multiplied by scale.
func (s Schedule) factor(t int, scale float64) float64 {
	if t < 0 || t > MaxYears {
		panic(fmt.Sprintf("benefits: discount factor of year %d, outside 0 to %d", t, MaxYears))
	}
	r := rates[s]
	n1 := min(t, 30)
	n2 := min(max(t-30, 0), 45)
	n3 := max(t-75, 0)
	return math.Pow(1+scale*r[0], -float64(n1)) * math.Pow(1+scale*r[1], -float64(n2)) * math.Pow(1+scale*r[2], -float64(n3))
}

// sum returns D(0) + ... + D(years - 1), every rate multiplied by scale:
// the present value of one pound a year for years years, the first now.
func (s Schedule) sum(years int, scale float64) float64 {
	var total float64
	for t := 0; t < years; t++ {
		total += s.factor(t, scale)
	}
	return total
}
