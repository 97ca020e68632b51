package power

import "github.com/evalkit/evalkit/stats"

// TwoArms is the part of a solved two-arm design (TTest, Prop, Counts)
// that they share: the test, the power and the units per arm. Its fields
// are those of the designs' --json objects, in their order.
type TwoArms struct {
	// Alpha is the level of the test.
	Alpha float64 `json:"alpha"`
	// Sided is 2 for a two-sided test, 1 for a one-sided one.
	Sided int `json:"sided"`
	// Alternative is the test's alternative.
	Alternative stats.Alternative `json:"-"`
	// Power is the power.
	Power float64 `json:"power"`
	// Ratio is the Ratio used when the sample size was solved, else
	// NTreatment/NControl.
	Ratio float64 `json:"ratio"`
	// Attrition is the share of recruited units expected to be lost.
	Attrition float64 `json:"attrition"`
	// NControl and NTreatment are the units recruited per arm.
	NControl   float64 `json:"n_control"`
	NTreatment float64 `json:"n_treatment"`
	// NTotal is NControl + NTreatment.
	NTotal float64 `json:"n_total"`
	// NControlExact is the real root for the analysed control arm, before
	// attrition and rounding; NaN unless the sample size was solved.
	NControlExact float64 `json:"n_control_exact"`
}

// twoArms returns the shared part of a solved design.
func twoArms(solved Unknown, alpha float64, alt stats.Alternative, power, ratio, attrition, nc, nt, exact float64) TwoArms {
	return TwoArms{Alpha: alpha, Sided: sided(alt), Alternative: alt, Power: power,
		Ratio: resultRatio(solved, ratio, nc, nt), Attrition: attrition,
		NControl: nc, NTreatment: nt, NTotal: nc + nt, NControlExact: exact}
}
