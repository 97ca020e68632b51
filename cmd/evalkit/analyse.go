package main

// analyseCmd estimates a trial's effects.
type analyseCmd struct{}

func (*analyseCmd) name() string { return "analyse" }
func (*analyseCmd) summary() string {
	return "effect sizes, intervals and tests for a trial's outcome"
}

const analyseUsage = `
Usage: evalkit analyse --in trial.csv --outcome COL [flags]

Example: re-offending in the focused-deterrence trial:

	evalkit analyse --in examples/focused_deterrence.csv --outcome reoffended
`

func (c *analyseCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "analyse", analyseUsage)
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	return errNotBuilt
}
