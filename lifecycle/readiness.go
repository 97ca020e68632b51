package lifecycle

// Standing is where an intervention stands: its gate and what it still
// lacks to pass it.
type Standing struct {
	Name string
	Gate int
	// Ready is true when nothing is missing: at gates 1 to 3 the
	// intervention may move on; at gate 4 its decision is recorded.
	Ready bool
	// Missing lists the gate's required evidence keys that are not in
	// place (see Portfolio.Missing), in the gate's order; at gate 4 it
	// ends with "decision" while no decision is recorded.
	Missing []string
	// Problems are the links that keep settled evidence missing, in the
	// gate's order: each one's evidence is in Missing although its status
	// is done or not_needed. (A link of evidence missing for its status
	// is not listed here, whatever its problem.) Empty, not nil, when
	// there are none.
	Problems []LinkProblem
	// Decision is the decision recorded at gate 4, or "".
	Decision Decision
}

// Missing returns the evidence keys that gate requires and that are not
// in place, in the gate's order: keys absent or not settled (done or
// not_needed) and, when p.LinkChecks are set, settled keys whose link has
// a Problem (not there, the wrong kind of result, an allocation that does
// not verify, a plan whose digests disagree). At gate 4 "decision" is missing until a decision is
// recorded. The result is empty, not nil, when nothing is missing.
func (p *Portfolio) Missing(iv *Intervention, gate int) []string {
	missing, _ := p.missing(iv, gate, p.LinkChecks)
	return missing
}

// missing is Missing counting the link checks given, and the problems
// among them that keep a key missing.
func (p *Portfolio) missing(iv *Intervention, gate int, checks []LinkCheck) ([]string, []LinkProblem) {
	missing, problems := []string{}, []LinkProblem{}
	g, ok := p.Gate(gate)
	if !ok {
		return missing, problems
	}
	bad := map[string][]LinkProblem{} // by evidence key
	for _, c := range checks {
		if c.Problem != NoProblem && c.Intervention == iv.Name {
			bad[c.Evidence] = append(bad[c.Evidence], c.LinkProblem())
		}
	}
	for _, key := range g.Requires {
		e, ok := iv.EvidenceFor(key)
		if !ok || !e.Status.Settled() {
			missing = append(missing, key)
		} else if len(bad[key]) > 0 {
			missing = append(missing, key)
			problems = append(problems, bad[key]...)
		}
	}
	if gate == GateDecision && iv.Decision == "" {
		missing = append(missing, "decision")
	}
	return missing, problems
}

// Standing returns where the intervention stands at its current gate,
// counting p.LinkChecks.
func (p *Portfolio) Standing(iv *Intervention) Standing {
	return p.standing(iv, p.LinkChecks)
}

// standing is Standing counting the link checks given.
func (p *Portfolio) standing(iv *Intervention, checks []LinkCheck) Standing {
	m, problems := p.missing(iv, iv.Gate, checks)
	return Standing{Name: iv.Name, Gate: iv.Gate, Ready: len(m) == 0, Missing: m, Problems: problems, Decision: iv.Decision}
}

// Status returns the standing of every intervention, in file order.
func (p *Portfolio) Status() []Standing {
	byName := LinksByIntervention(p.LinkChecks)
	out := make([]Standing, len(p.Interventions))
	for i := range p.Interventions {
		iv := &p.Interventions[i]
		out[i] = p.standing(iv, byName[iv.Name])
	}
	return out
}

// ByGate counts the interventions at each gate, every gate 1 to 4 present.
func (p *Portfolio) ByGate() map[int]int {
	counts := make(map[int]int, len(p.Gates))
	for _, g := range p.Gates {
		counts[g.Number] = 0
	}
	for _, iv := range p.Interventions {
		counts[iv.Gate]++
	}
	return counts
}
