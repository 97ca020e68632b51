package lifecycle

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes the report as the table evalkit lifecycle status
// prints for a person: the interventions gate by gate, each waiting (with
// the keys missing, and beside a key kept missing by its link, the link's
// problem), ready or decided; then the evalkit results linked as evidence,
// the links not found, the keys that look misspelt, the links to the wrong
// kind of result, the allocations that do not verify and the sample sizes
// that disagree, each section only when it has lines.
func (r *StatusReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Portfolio %s: %d interventions\n", r.File, len(r.Interventions))
	for _, g := range r.Gates {
		fmt.Fprintf(&b, "\nGate %d: %s\n", g.Number, g.Name)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		n := 0
		for i := range r.Interventions {
			if iv := &r.Interventions[i]; iv.Gate == g.Number {
				n++
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", iv.Name, iv.State(), iv.what())
			}
		}
		if n == 0 {
			fmt.Fprintln(tw, "  (none)")
		}
		tw.Flush()
	}
	fmt.Fprintf(&b, "\nReady to move on: %d of %d.\n", r.NumReady(), len(r.Interventions))
	var results, missing, wrong, unverified []string
	for _, iv := range r.Interventions {
		for _, l := range iv.Links {
			if l.Found && l.Kind != NotAResult {
				results = append(results, fmt.Sprintf("%s, %s (%s): %s", l.Intervention, l.Evidence, l.Path, l.Summary))
			}
			switch l.Problem {
			case LinkNotFound:
				missing = append(missing, l.Location()+": "+l.Path)
			case WrongKind:
				wrong = append(wrong, l.LinkProblem().String())
			case NotVerified:
				unverified = append(unverified, l.LinkProblem().String())
			}
		}
	}
	var misspelt, sizes []string
	for _, m := range r.Misspellings {
		misspelt = append(misspelt, m.String())
	}
	for _, m := range r.SampleSizes {
		sizes = append(sizes, m.Text())
	}
	for _, s := range []struct {
		title string
		lines []string
	}{
		{"evalkit results linked as evidence:", results},
		{"Links not found (relative to the portfolio's folder):", missing},
		{"Evidence keys that look misspelt (the gate's key stays missing):", misspelt},
		{"Links to the wrong kind of result:", wrong},
		{"Allocations that do not verify (as evalkit randomise verify checks them):", unverified},
		{"Sample sizes that disagree (the power result's n_total, the allocation's n):", sizes},
	} {
		if len(s.lines) > 0 {
			fmt.Fprintf(&b, "\n%s\n  %s\n", s.title, strings.Join(s.lines, "\n  "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// what is the last column of the intervention's row: its decision, ready
// to move on, or what is missing, a key kept missing by its link followed
// by the link's problem.
func (s *InterventionStatus) what() string {
	switch s.State() {
	case Decided:
		return "decision: " + string(*s.Decision)
	case ReadyToMove:
		return "ready to move on"
	}
	keys := make([]string, len(s.Missing))
	for i, key := range s.Missing {
		keys[i] = key
		for _, p := range s.Problems {
			if p.Evidence == key {
				keys[i] += " (" + p.Problem.label() + ")"
				break
			}
		}
	}
	return "missing " + strings.Join(keys, ", ")
}
