package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/evalkit/evalkit/lifecycle"
)

var lifecycleStatusUsage = usage("lifecycle_status")

func lifecycleStatus(e *env, args []string) error {
	fs := newFlagSet(e, "lifecycle status", lifecycleStatusUsage)
	in := fs.String("in", "", "the portfolio `file` (YAML)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if err := lifecycleInFlag(*in); err != nil {
		return err
	}
	p, err := lifecycleRead(*in)
	if err != nil {
		return err
	}
	st := p.StatusReport(*in, p.CheckLinks(lifecycle.LinkDir(filepath.Dir(*in))))
	if *asJSON {
		return writeJSON(e.stdout, st)
	}
	return lifecycleStatusTable(e, st)
}

// lifecycleStatusTable prints the portfolio gate by gate for a person.
func lifecycleStatusTable(e *env, st *lifecycle.StatusReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Portfolio %s: %d interventions\n", st.File, len(st.Interventions))
	for _, g := range st.Gates {
		fmt.Fprintf(&b, "\nGate %d: %s\n", g.Number, g.Name)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		n := 0
		for i := range st.Interventions {
			iv := &st.Interventions[i]
			if iv.Gate != g.Number {
				continue
			}
			n++
			what := "missing " + strings.Join(iv.Missing, ", ")
			switch iv.State() {
			case lifecycle.Decided:
				what = "decision: " + string(*iv.Decision)
			case lifecycle.ReadyToMove:
				what = "ready to move on"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", iv.Name, iv.State(), what)
		}
		if n == 0 {
			fmt.Fprintln(tw, "  (none)")
		}
		tw.Flush()
	}
	fmt.Fprintf(&b, "\nReady to move on: %d of %d.\n", st.NumReady(), len(st.Interventions))
	var results, warnings []lifecycle.LinkCheck
	var missing []lifecycle.Link
	for _, iv := range st.Interventions {
		missing = append(missing, iv.MissingLinks...)
		for _, l := range iv.Links {
			if l.Found && l.Kind != lifecycle.NotAResult {
				results = append(results, l)
			}
			if l.Warning != "" {
				warnings = append(warnings, l)
			}
		}
	}
	if len(results) > 0 {
		fmt.Fprintf(&b, "\nevalkit results linked as evidence:\n")
		for _, l := range results {
			fmt.Fprintf(&b, "  %s, %s (%s): %s\n", l.Intervention, l.Evidence, l.Path, l.Summary)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(&b, "\nLinks not found (relative to the portfolio's folder):\n")
		for _, l := range missing {
			fmt.Fprintf(&b, "  %s: %s\n", l.Location(), l.Path)
		}
	}
	if len(st.Misspellings) > 0 {
		fmt.Fprintf(&b, "\nEvidence keys that look misspelt (the gate's key stays missing):\n")
		for _, m := range st.Misspellings {
			fmt.Fprintf(&b, "  %s\n", m)
		}
	}
	if len(warnings) > 0 {
		fmt.Fprintf(&b, "\nLinks to the wrong kind of result:\n")
		for _, l := range warnings {
			fmt.Fprintf(&b, "  %s: %s\n", l.Location(), l.Warning)
		}
	}
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}
