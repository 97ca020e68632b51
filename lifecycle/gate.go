package lifecycle

import "strings"

// The four gates of the research life cycle.
const (
	// GatePlanning is gate 1: literature review and experimental planning.
	GatePlanning = 1
	// GateCapability is gate 2: business capability review and process
	// evaluation ahead of a full trial.
	GateCapability = 2
	// GateTrial is gate 3: a feasible research project, the randomised
	// trial in progress.
	GateTrial = 3
	// GateDecision is gate 4: the result and the decision (adopt, adapt,
	// scale or stop). It is the last gate.
	GateDecision = 4
)

// Gate is one stage of the life cycle and the evidence needed to pass it.
// It marshals to an entry of the gates list of evalkit lifecycle status
// --json.
type Gate struct {
	// Number is 1 to 4.
	Number int `json:"gate"`
	// Name says what happens at the gate.
	Name string `json:"name"`
	// Requires lists the evidence keys that must be done (or not needed)
	// before an intervention moves past this gate.
	Requires []string `json:"requires"`
}

// DefaultGates returns the gates and the evidence they require when a
// portfolio does not say otherwise. The defaults follow common practice for
// trials of public-service interventions [1, 2, 3]:
//
//	gate 1  literature_review, theory_of_change, outcome_measures,
//	        preliminary_power
//	gate 2  business_case, process_evaluation (not_needed where the
//	        intervention does not yet run), data_ethics_review,
//	        randomisation_plan, analysis_plan (pre-registered),
//	        power_analysis (adequate power for the planned trial)
//	gate 3  trial_complete, analysis (effect size with its interval),
//	        participant_flow, cost_per_person
//	gate 4  nothing more: the gate is closed by recording a decision
//
// [1] Skivington, K. et al. (2021). A new framework for developing and
// evaluating complex interventions. BMJ 374:n2061.
// [2] Schulz, K. F., Altman, D. G. and Moher, D. (2010). CONSORT 2010
// statement: updated guidelines for reporting parallel group randomised
// trials. BMJ 340:c332.
// [3] Sherman, L. W. (2013). The rise of evidence-based policing:
// targeting, testing, and tracking. Crime and Justice 42(1), 377-451.
func DefaultGates() []Gate {
	return []Gate{
		{GatePlanning, "Literature review and experimental planning",
			[]string{"literature_review", "theory_of_change", "outcome_measures", "preliminary_power"}},
		{GateCapability, "Business capability review and process evaluation ahead of a full trial",
			[]string{"business_case", "process_evaluation", "data_ethics_review", "randomisation_plan", "analysis_plan", "power_analysis"}},
		{GateTrial, "Feasible research project: randomised trial in progress",
			[]string{"trial_complete", "analysis", "participant_flow", "cost_per_person"}},
		{GateDecision, "Result and decision (adopt, adapt, scale or stop)", nil},
	}
}

// validGate reports whether n is one of the four gates.
func validGate(n int) bool { return n >= GatePlanning && n <= GateDecision }

func joinKeys(keys []string) string { return strings.Join(keys, ", ") }
