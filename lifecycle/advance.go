package lifecycle

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Move asks for an intervention to change gate, or to record its decision
// at gate 4.
type Move struct {
	// To is the gate to move to; 0 means the next gate (or, at gate 4, the
	// same gate, to record a decision).
	To int
	// Date is the day of the move, written YYYY-MM-DD. It is required.
	Date time.Time
	// Note is written into the history entry when not empty.
	Note string
	// Override, when not empty, is the reason for moving on although
	// evidence is missing. It is recorded with what was missing.
	Override string
	// Decision is recorded on a move to gate 4, or at gate 4.
	Decision Decision
}

// Advance moves the intervention called name as m asks and returns the
// portfolio as it is after the move, whose Bytes are the file to write
// back, and the history entry appended. The receiver is not changed.
//
// The file's text changes in exactly three places: the gate's value, the
// decision (on gate 4), and one entry appended to the history (which is
// created when the intervention has none). Every other byte, comment,
// unknown key and the order of keys stay as they were. A forward move
// needs every gate it passes to be ready (see Missing, which counts
// p.LinkChecks); otherwise Advance returns a *NotReadyError (ErrNotReady)
// unless m.Override gives a reason. Moving back to an earlier gate needs no
// evidence. The portfolio returned keeps p's LinkChecks, at the lines of
// the edited file.
//
// Special cases:
//
//	unknown name            ErrNoIntervention
//	m.To outside 1 to 4     ErrUnknownGate
//	m.To is the current gate (but for a decision at gate 4),
//	a decision away from gate 4,
//	no date                 ErrBadMove
func (p *Portfolio) Advance(name string, m Move) (*Portfolio, Transition, error) {
	iv := p.Intervention(name)
	if iv == nil {
		return nil, Transition{}, p.noIntervention(name)
	}
	t, err := p.transition(iv, m)
	if err != nil {
		return nil, t, err
	}
	src := newYAMLSource(p.src)
	writeTransition(src, iv, t)
	out := src.apply()
	next, err := Parse(out)
	if err != nil {
		return nil, t, fmt.Errorf("editing %q would break the file (%v); it is left as it was", name, err)
	}
	next.bom, next.crlf = p.bom, p.crlf
	got := next.Intervention(name)
	if got == nil || got.Gate != t.To || len(got.History) != len(iv.History)+1 ||
		!reflect.DeepEqual(got.History[len(iv.History)], t) ||
		(t.Decision != "" && got.Decision != t.Decision) ||
		!sameApartFrom(p.src, out, p.index(name)) {
		return nil, t, fmt.Errorf("editing %q did not give the expected file; it is left as it was", name)
	}
	next.LinkChecks = next.relines(p.LinkChecks)
	return next, t, nil
}

// relines returns a copy of checks made for another version of the file,
// each at the line of its evidence in p; a check whose evidence p does not
// have is dropped.
func (p *Portfolio) relines(checks []LinkCheck) []LinkCheck {
	var out []LinkCheck
	for _, c := range checks {
		if iv := p.Intervention(c.Intervention); iv != nil {
			if e, ok := iv.EvidenceFor(c.Evidence); ok {
				c.Line = e.Line
				out = append(out, c)
			}
		}
	}
	return out
}

// transition checks m against the intervention and its evidence.
func (p *Portfolio) transition(iv *Intervention, m Move) (Transition, error) {
	t := Transition{From: iv.Gate, To: m.To, Note: m.Note, Override: m.Override, Decision: m.Decision}
	if m.Date.IsZero() {
		return t, fmt.Errorf("%w: a move needs a date", ErrBadMove)
	}
	t.Date = m.Date.Format(time.DateOnly)
	if t.To == 0 {
		t.To = min(iv.Gate+1, GateDecision)
	}
	if !validGate(t.To) {
		return t, fmt.Errorf("%w %d (gates are 1 to 4)", ErrUnknownGate, t.To)
	}
	if m.Decision != "" {
		if _, err := ParseDecision(string(m.Decision)); err != nil {
			return t, err
		}
		if t.To != GateDecision {
			return t, fmt.Errorf("%w: a decision is recorded at gate 4, not gate %d", ErrBadMove, t.To)
		}
	}
	if t.To == iv.Gate && m.Decision == "" {
		if t.To == GateDecision {
			return t, fmt.Errorf("%w: %s is at gate 4, the last; give a decision to record", ErrBadMove, iv.Name)
		}
		return t, fmt.Errorf("%w: %s is already at gate %d", ErrBadMove, iv.Name, t.To)
	}
	for g := iv.Gate; g < t.To; g++ {
		missing, problems := p.missing(iv, g, p.LinkChecks)
		if len(missing) > 0 && m.Override == "" {
			return t, &NotReadyError{Intervention: iv.Name, Gate: g, Missing: missing, Problems: problems}
		}
		t.Missing = append(t.Missing, missing...)
	}
	if m.Override == "" {
		t.Missing = nil
	}
	return t, nil
}

// index is the position of the intervention called name in the list.
func (p *Portfolio) index(name string) int {
	for i := range p.Interventions {
		if p.Interventions[i].Name == name {
			return i
		}
	}
	return -1
}

// noIntervention names the intervention asked for and, when only the case
// differs, the one meant.
func (p *Portfolio) noIntervention(name string) error {
	for _, iv := range p.Interventions {
		if strings.EqualFold(iv.Name, name) {
			return fmt.Errorf("%w %q (did you mean %q?)", ErrNoIntervention, name, iv.Name)
		}
	}
	return fmt.Errorf("%w %q", ErrNoIntervention, name)
}
