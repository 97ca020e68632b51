package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/evalkit/evalkit/lifecycle"
)

const lifecycleStatusUsage = `
Usage: evalkit lifecycle status --in portfolio.yaml [--json]

Lists every intervention with its gate, whether it is ready to pass it, the
evidence still missing, and evidence links (paths relative to the
portfolio's folder) that point at files that are not there.

Example:

	evalkit lifecycle status --in examples/portfolio.yaml --json
`

// lifecycleStatusJSON is the JSON of lifecycle status: the contract's keys
// (interventions: name, gate, ready, missing; by_gate), and more.
type lifecycleStatusJSON struct {
	File          string                      `json:"file"`
	Interventions []lifecycleInterventionJSON `json:"interventions"`
	ByGate        map[string]int              `json:"by_gate"`
	Gates         []lifecycleGateJSON         `json:"gates"`
	Warnings      []string                    `json:"warnings"`
}

type lifecycleInterventionJSON struct {
	Name         string              `json:"name"`
	Gate         int                 `json:"gate"`
	Ready        bool                `json:"ready"`
	Missing      []string            `json:"missing"`
	GateName     string              `json:"gate_name"`
	Network      string              `json:"network"`
	Area         string              `json:"area"`
	Decision     *string             `json:"decision"`
	MissingLinks []lifecycleLinkJSON `json:"missing_links"`
	Links        []lifecycleLinkJSON `json:"links"`
	Line         int                 `json:"line"`
}

// lifecycleLinkJSON is an evidence link; missing_links has only the first
// three keys.
type lifecycleLinkJSON struct {
	Evidence string  `json:"evidence"`
	Link     string  `json:"link"`
	Line     int     `json:"line"`
	Found    *bool   `json:"found,omitempty"`
	Kind     *string `json:"kind,omitempty"`
	Summary  *string `json:"summary,omitempty"`
}

type lifecycleGateJSON struct {
	Gate     int      `json:"gate"`
	Name     string   `json:"name"`
	Requires []string `json:"requires"`
}

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
	links := lifecycleCheckLinks(p, *in)
	if *asJSON {
		return writeJSON(e.stdout, lifecycleStatusOf(p, *in, links))
	}
	return lifecycleStatusTable(e, p, *in, links)
}

func lifecycleStatusOf(p *lifecycle.Portfolio, path string, links map[string][]lifecycleLinkInfo) lifecycleStatusJSON {
	out := lifecycleStatusJSON{File: path, Interventions: []lifecycleInterventionJSON{}, ByGate: map[string]int{}, Warnings: []string{}}
	for g, n := range p.ByGate() {
		out.ByGate[strconv.Itoa(g)] = n
	}
	for _, g := range p.Gates {
		req := g.Requires
		if req == nil {
			req = []string{}
		}
		out.Gates = append(out.Gates, lifecycleGateJSON{Gate: g.Number, Name: g.Name, Requires: req})
	}
	for _, m := range p.Misspellings() {
		out.Warnings = append(out.Warnings, lifecycleMisspelling(m))
	}
	for i := range p.Interventions {
		iv := &p.Interventions[i]
		s := p.Standing(iv)
		g, _ := p.Gate(iv.Gate)
		j := lifecycleInterventionJSON{Name: s.Name, Gate: s.Gate, Ready: s.Ready, Missing: s.Missing,
			GateName: g.Name, Network: iv.Network, Area: iv.Area, MissingLinks: []lifecycleLinkJSON{}, Links: []lifecycleLinkJSON{}, Line: iv.Line}
		if iv.Decision != "" {
			d := string(iv.Decision)
			j.Decision = &d
		}
		for _, l := range links[iv.Name] {
			base := lifecycleLinkJSON{Evidence: l.Evidence, Link: l.Path, Line: l.Line}
			if !l.Found {
				j.MissingLinks = append(j.MissingLinks, base)
			}
			found := l.Found
			base.Found = &found
			if l.Kind != lifecycle.NotAResult {
				kind, summary := string(l.Kind), l.Summary
				base.Kind, base.Summary = &kind, &summary
			}
			j.Links = append(j.Links, base)
			if l.Warning != "" {
				out.Warnings = append(out.Warnings, fmt.Sprintf("line %d: %s, %s: %s", l.Line, iv.Name, l.Evidence, l.Warning))
			}
		}
		out.Interventions = append(out.Interventions, j)
	}
	return out
}

// lifecycleStatusTable prints the portfolio gate by gate for a person.
func lifecycleStatusTable(e *env, p *lifecycle.Portfolio, path string, links map[string][]lifecycleLinkInfo) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Portfolio %s: %d interventions\n", path, len(p.Interventions))
	ready := 0
	for _, g := range p.Gates {
		fmt.Fprintf(&b, "\nGate %d: %s\n", g.Number, g.Name)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		n := 0
		for i := range p.Interventions {
			iv := &p.Interventions[i]
			if iv.Gate != g.Number {
				continue
			}
			n++
			s := p.Standing(iv)
			state, what := "waiting", "missing "+strings.Join(s.Missing, ", ")
			switch {
			case iv.Decision != "":
				state, what = "decided", "decision: "+string(iv.Decision)
			case s.Ready && g.Number < lifecycle.GateDecision:
				state, what = "ready", "ready to move on"
				ready++
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", iv.Name, state, what)
		}
		if n == 0 {
			fmt.Fprintln(tw, "  (none)")
		}
		tw.Flush()
	}
	fmt.Fprintf(&b, "\nReady to move on: %d of %d.\n", ready, len(p.Interventions))
	var missing, results, warnings []lifecycleLinkInfo
	for _, iv := range p.Interventions {
		for _, l := range links[iv.Name] {
			switch {
			case !l.Found:
				missing = append(missing, l)
			case l.Kind != lifecycle.NotAResult:
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
			fmt.Fprintf(&b, "  line %d: %s, %s: %s\n", l.Line, l.Intervention, l.Evidence, l.Path)
		}
	}
	if ms := p.Misspellings(); len(ms) > 0 {
		fmt.Fprintf(&b, "\nEvidence keys that look misspelt (the gate's key stays missing):\n")
		for _, m := range ms {
			fmt.Fprintf(&b, "  %s\n", lifecycleMisspelling(m))
		}
	}
	if len(warnings) > 0 {
		fmt.Fprintf(&b, "\nLinks to the wrong kind of result:\n")
		for _, l := range warnings {
			fmt.Fprintf(&b, "  line %d: %s, %s: %s\n", l.Line, l.Intervention, l.Evidence, l.Warning)
		}
	}
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}

func lifecycleMisspelling(m lifecycle.Misspelling) string {
	return fmt.Sprintf("line %d: %s: evidence %s looks like a misspelling of %s", m.Line, m.Intervention, m.Key, m.Suggest)
}
