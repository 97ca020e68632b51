package main

import (
	"fmt"
	"strings"
)

// helpCmd prints the list of commands, or one command's usage.
type helpCmd struct{}

func (*helpCmd) name() string    { return "help" }
func (*helpCmd) summary() string { return "show this list, or a command's usage: evalkit help COMMAND" }

const helpIntro = `evalkit designs, randomises, analyses and costs controlled trials of
violence-reduction interventions, and tracks them through the research life cycle.

Usage:

	evalkit COMMAND [flags]

Commands:
`

const helpOutro = `
Run "evalkit COMMAND -h" for a command's flags and a worked example;
analyze and randomize are analyse and randomise. Every table file may be
CSV or .xlsx (see --encoding, --delimiter and --sheet). Limits: a CSV field 1 MiB,
10,000 columns and 4 GiB; a workbook 4,096 sheets, 10,000 columns, 2^25 cells
and 1 GiB (and 32 MiB + 100x its size) unpacked; a portfolio or plan 16 MiB,
nested 64 deep.
Errors are one line on stderr; the exit status is 1 for bad data, 2 for bad usage.
`

func (*helpCmd) run(e *env, args []string) error {
	if len(args) > 0 {
		for _, c := range commands() {
			if c.name() == canonical(args[0]) && c.name() != "help" {
				return c.run(e, []string{"-h"})
			}
		}
		return usageErrorf("unknown command %q", args[0])
	}
	var b strings.Builder
	b.WriteString(helpIntro)
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name(), c.summary())
	}
	b.WriteString(helpOutro)
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}
