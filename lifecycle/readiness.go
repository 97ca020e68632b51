package lifecycle

// Standing is where an intervention stands: its gate and what it still
// lacks to pass it.
type Standing struct {
	Name string
	Gate int
	// Ready is true when nothing is missing: at gates 1 to 3 the
	// intervention may move on; at gate 4 its decision is recorded.
	Ready bool
	// Missing lists the gate's required evidence keys whose status is not
	// done or not_needed (absent keys included), in the gate's order; at
	// gate 4 it ends with "decision" while no decision is recorded.
	Missing []string
	// Decision is the decision recorded at gate 4, or "".
	Decision Decision
}

// Missing returns the evidence keys that gate requires and the
// intervention has not settled (done or not_needed), in the gate's order.
// At gate 4 "decision" is missing until a decision is recorded. The result
// is empty, not nil, when nothing is missing.
func (p *Portfolio) Missing(iv *Intervention, gate int) []string {
	missing := []string{}
	g, ok := p.Gate(gate)
	if !ok {
		return missing
	}
	for _, key := range g.Requires {
		if e, ok := iv.EvidenceFor(key); !ok || !e.Status.Settled() {
			missing = append(missing, key)
		}
	}
	if gate == GateDecision && iv.Decision == "" {
		missing = append(missing, "decision")
	}
	return missing
}

// Standing returns where the intervention stands at its current gate.
func (p *Portfolio) Standing(iv *Intervention) Standing {
	m := p.Missing(iv, iv.Gate)
	return Standing{Name: iv.Name, Gate: iv.Gate, Ready: len(m) == 0, Missing: m, Decision: iv.Decision}
}

// Status returns the standing of every intervention, in file order.
func (p *Portfolio) Status() []Standing {
	out := make([]Standing, len(p.Interventions))
	for i := range p.Interventions {
		out[i] = p.Standing(&p.Interventions[i])
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
