package main

// unitcostCmd is the Unit Cost Calculator.
type unitcostCmd struct{}

func (*unitcostCmd) name() string    { return "unitcost" }
func (*unitcostCmd) summary() string { return "cost per person reached and per outcome" }

const unitcostUsage = `
Usage: evalkit unitcost --costs costs.csv --reach reach.csv [flags]

Example: the programme's 2023-24 interventions:

	evalkit unitcost --costs examples/costs_2023_24.csv --reach examples/reach_2023_24.csv
`

func (c *unitcostCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "unitcost", unitcostUsage)
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	return errNotBuilt
}
