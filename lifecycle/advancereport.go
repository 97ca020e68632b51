package lifecycle

import (
	"fmt"
	"strings"
)

// AdvanceReport is a move that Advance made, as evalkit lifecycle advance
// reports it. It marshals with encoding/json to exactly the command's
// --json object.
type AdvanceReport struct {
	// File is the portfolio's file name, as the caller gave it.
	File         string `json:"file"`
	Intervention string `json:"intervention"`
	Date         string `json:"date"`
	From         int    `json:"from"`
	To           int    `json:"to"`
	// Note, Override and Decision are nil (null in JSON) when not given.
	Note     *string `json:"note"`
	Override *string `json:"override"`
	// Missing is what an override passed over; empty, not nil, without
	// one.
	Missing  []string  `json:"missing"`
	Decision *Decision `json:"decision"`
}

// NewAdvanceReport describes the move t, which Advance returned for the
// intervention called name in the portfolio file.
func NewAdvanceReport(file, name string, t Transition) AdvanceReport {
	r := AdvanceReport{File: file, Intervention: name, Date: t.Date, From: t.From, To: t.To,
		Missing: append([]string{}, t.Missing...)}
	if t.Note != "" {
		r.Note = &t.Note
	}
	if t.Override != "" {
		r.Override = &t.Override
	}
	if t.Decision != "" {
		r.Decision = &t.Decision
	}
	return r
}

// String says what the move did in one line, as evalkit lifecycle
// advance prints it (before saying where the history was written):
//
//	Schools Navigators: gate 2 -> 3 on 2023-06-14
//	Hospital Navigators: gate 2 -> 3 on 2023-06-14, overriding missing business_case (pilot starts in July)
//	Focused deterrence: decision scale recorded at gate 4 on 2024-03-20
func (r AdvanceReport) String() string {
	var b strings.Builder
	decision := ""
	if r.Decision != nil {
		decision = string(*r.Decision)
	}
	if r.From == r.To {
		fmt.Fprintf(&b, "%s: decision %s recorded at gate %d on %s", r.Intervention, decision, r.To, r.Date)
	} else {
		fmt.Fprintf(&b, "%s: gate %d -> %d on %s", r.Intervention, r.From, r.To, r.Date)
		if decision != "" {
			fmt.Fprintf(&b, ", decision %s", decision)
		}
	}
	override := ""
	if r.Override != nil {
		override = *r.Override
	}
	switch {
	case len(r.Missing) > 0:
		fmt.Fprintf(&b, ", overriding missing %s (%s)", joinKeys(r.Missing), override)
	case override != "":
		fmt.Fprintf(&b, ", override recorded (%s)", override)
	}
	return b.String()
}
