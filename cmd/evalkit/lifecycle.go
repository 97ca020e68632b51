package main

// lifecycleCmd shows and moves interventions through the research life
// cycle's gates.
type lifecycleCmd struct{}

func (*lifecycleCmd) name() string { return "lifecycle" }
func (*lifecycleCmd) summary() string {
	return "the portfolio by gate: status, advance, report"
}

const lifecycleUsage = `
Usage: evalkit lifecycle status|advance|report --in portfolio.yaml [flags]

Example: where each intervention stands and what it is missing:

	evalkit lifecycle status --in examples/portfolio.yaml
`

func (c *lifecycleCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "lifecycle", lifecycleUsage)
	if err := parseFlags(fs, args, true); err != nil {
		return err
	}
	return errNotBuilt
}
