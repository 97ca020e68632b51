package power

import (
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/internal/jsonenc"
)

// MarshalJSON returns the object that evalkit power simulate --json
// prints, with null for what is undefined.
func (r UnitsSimulationResult) MarshalJSON() ([]byte, error) {
	type plain UnitsSimulationResult
	return jsonenc.Marshal(plain(r))
}

// analysisCall returns the R call of a method, as AnalysisMethod lists
// them, for the summary.
func analysisCall(method string, blocked bool) string {
	block := ""
	if blocked {
		block = " + factor(block)"
	}
	switch method {
	case methodOLSCR2:
		return `lm_robust(y ~ treat` + block + `, clusters = cluster, se_type = "CR2") with Bell-McCaffrey df`
	case methodOLSHC2:
		return `lm_robust(y ~ treat` + block + `, se_type = "HC2")`
	}
	return `Welch's t-test, t.test(y ~ treat)`
}

// Summary describes the simulated power in words and numbers, as evalkit
// power simulate prints it without --json.
func (r UnitsSimulationResult) Summary() Summary {
	s := Summary{Title: fmt.Sprintf("Power by simulation (%s randomisation, analysed by %s), two-sided, alpha = %s", r.Method, r.AnalysisMethod, num(r.Alpha)),
		Solved: "power"}
	s.add("effect (SD units)", num(r.Effect))
	s.add("ICC", num(r.ICC))
	s.add("R2 (unit level)", num(r.R2))
	s.add("power", num(r.Power))
	s.add("  95% interval (Wilson)", num(r.PowerCILow)+" to "+num(r.PowerCIHigh))
	s.add("simulated trials", fmt.Sprint(r.Sims))
	s.add("  failed analyses", fmt.Sprint(r.Failed))
	s.add("seed", fmt.Sprint(r.Seed))
	s.add("units", fmt.Sprint(r.NUnits))
	if r.NClusters != nil {
		s.add("clusters", fmt.Sprint(*r.NClusters))
	}
	if r.NStrata != nil {
		s.add("strata", fmt.Sprint(*r.NStrata))
	}
	outcome := "The outcome is y = d*treat + e, e ~ N(0, 1 - R2) for each unit"
	if r.NClusters != nil {
		outcome = "The outcome is y = d*treat + u + e, u ~ N(0, ICC) shared by a cluster's units and e ~ N(0, (1 - ICC)(1 - R2)) for each unit"
	}
	s.Assumptions = []string{
		fmt.Sprintf("Each simulated trial allocates the %d units of %s to %s as evalkit randomise --method %s would with these settings, from its own stream of the seed.",
			r.NUnits, r.file, strings.Join(r.Arms, " and "), r.Method),
		outcome + ": d is in standard deviations of the outcome before adjustment; covariates are not simulated, only the unit-level variance they would explain.",
		"Each trial is analysed as evalkit analyse would: " + analysisCall(r.AnalysisMethod, r.NStrata != nil) + ".",
		fmt.Sprintf("Power is the share of analysed trials with p < %s; its interval is Wilson's 95%% score interval, which reflects only the Monte Carlo error of %d trials.", num(r.Alpha), r.Sims-r.Failed),
	}
	if r.FirstFailure != nil {
		s.Assumptions = append(s.Assumptions, fmt.Sprintf("%d of the %d trials could not be analysed and are left out of the power; the first: %s.", r.Failed, r.Sims, *r.FirstFailure))
	}
	return s
}
