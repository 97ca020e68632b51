package lifecycle

// StatusReport is where a whole portfolio stands, as evalkit lifecycle
// status shows it. It marshals with encoding/json to exactly the command's
// --json object: the contract's keys (interventions with name, gate, ready
// and missing; by_gate) and the file, the gates and the warnings; WriteText
// prints the command's table.
type StatusReport struct {
	// File is the portfolio's file name, as the caller gave it.
	File string `json:"file"`
	// Interventions are in file order.
	Interventions []InterventionStatus `json:"interventions"`
	// ByGate counts the interventions at each gate, 1 to 4.
	ByGate map[int]int `json:"by_gate"`
	// Gates are the portfolio's four gates; a gate that requires nothing
	// has an empty, not nil, Requires.
	Gates []Gate `json:"gates"`
	// Warnings are, one line each, the Misspellings, then the links of any
	// evidence to the wrong kind of result or to an allocation that does
	// not verify (each LinkProblem's String), then the SampleSizes (each
	// one's String, which begins with SampleSizeCode).
	Warnings []string `json:"warnings"`
	// Misspellings are the evidence keys that look misspelt (see
	// Portfolio.Misspellings), and SampleSizes the linked allocations
	// whose size differs from the power result's; the JSON has them among
	// the Warnings.
	Misspellings []Misspelling        `json:"-"`
	SampleSizes  []SampleSizeMismatch `json:"-"`
}

// InterventionStatus is one intervention's entry in a StatusReport.
type InterventionStatus struct {
	Name string `json:"name"`
	Gate int    `json:"gate"`
	// Ready, Missing and Problems are the intervention's Standing at its
	// gate, counting the links checked; Missing and Problems are empty,
	// not nil, when there are none.
	Ready    bool          `json:"ready"`
	Missing  []string      `json:"missing"`
	Problems []LinkProblem `json:"problems"`
	GateName string        `json:"gate_name"`
	Network  string        `json:"network"`
	Area     string        `json:"area"`
	// Decision is nil (null in JSON) until gate 4's decision is recorded.
	Decision *Decision `json:"decision"`
	// MissingLinks are the Links not found; Links are every link the
	// intervention's evidence has, as CheckLinks found them.
	MissingLinks []Link      `json:"missing_links"`
	Links        []LinkCheck `json:"links"`
	// Line is where the intervention starts in the file.
	Line int `json:"line"`
}

// State is how an intervention stands, in one word.
type State string

// The states of InterventionStatus.State.
const (
	// Waiting is an intervention that misses evidence to pass its gate,
	// or its decision at gate 4.
	Waiting State = "waiting"
	// ReadyToMove is an intervention at gate 1 to 3 with nothing missing.
	ReadyToMove State = "ready"
	// Decided is an intervention whose decision is recorded.
	Decided State = "decided"
)

// State says whether the intervention is decided, ready to move on or
// waiting. A recorded decision comes first, and at gate 4 an intervention
// is never ready to move on: it waits for its decision.
func (s *InterventionStatus) State() State {
	switch {
	case s.Decision != nil:
		return Decided
	case s.Ready && s.Gate < GateDecision:
		return ReadyToMove
	}
	return Waiting
}

// NumReady counts the interventions whose State is ReadyToMove.
func (r *StatusReport) NumReady() int {
	n := 0
	for i := range r.Interventions {
		if r.Interventions[i].State() == ReadyToMove {
			n++
		}
	}
	return n
}

// StatusReport returns where every intervention stands, with the links
// that CheckLinks found (links of interventions not in p are ignored),
// which readiness counts as Standing counts p.LinkChecks: a required key
// whose link has a Problem is missing. file is the portfolio's name,
// reported as it is given.
func (p *Portfolio) StatusReport(file string, links []LinkCheck) *StatusReport {
	r := &StatusReport{
		File:          file,
		Interventions: []InterventionStatus{},
		ByGate:        p.ByGate(),
		Gates:         make([]Gate, len(p.Gates)),
		Warnings:      []string{},
		Misspellings:  p.Misspellings(),
	}
	for i, g := range p.Gates {
		g.Requires = append([]string{}, g.Requires...)
		r.Gates[i] = g
	}
	for _, m := range r.Misspellings {
		r.Warnings = append(r.Warnings, m.String())
	}
	byName := LinksByIntervention(links)
	for i := range p.Interventions {
		iv := &p.Interventions[i]
		s := p.standing(iv, byName[iv.Name])
		g, _ := p.Gate(iv.Gate)
		is := InterventionStatus{Name: iv.Name, Gate: iv.Gate, Ready: s.Ready, Missing: s.Missing, Problems: s.Problems,
			GateName: g.Name, Network: iv.Network, Area: iv.Area,
			MissingLinks: []Link{}, Links: []LinkCheck{}, Line: iv.Line}
		if iv.Decision != "" {
			d := iv.Decision
			is.Decision = &d
		}
		for _, l := range byName[iv.Name] {
			if !l.Found {
				is.MissingLinks = append(is.MissingLinks, l.Link)
			}
			is.Links = append(is.Links, l)
			if l.Problem == WrongKind || l.Problem == NotVerified {
				r.Warnings = append(r.Warnings, l.LinkProblem().String())
			}
		}
		r.SampleSizes = append(r.SampleSizes, sampleSizeMismatches(byName[iv.Name])...)
		r.Interventions = append(r.Interventions, is)
	}
	for _, m := range r.SampleSizes {
		r.Warnings = append(r.Warnings, m.String())
	}
	return r
}

// LinksByIntervention groups link checks by the intervention they belong
// to, each group in the order given.
func LinksByIntervention(links []LinkCheck) map[string][]LinkCheck {
	by := map[string][]LinkCheck{}
	for _, l := range links {
		by[l.Intervention] = append(by[l.Intervention], l)
	}
	return by
}
