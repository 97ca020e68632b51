package main

// powerCmd solves a trial's power, sample size or minimum detectable effect.
type powerCmd struct{}

func (*powerCmd) name() string { return "power" }
func (*powerCmd) summary() string {
	return "power, sample size or minimum detectable effect (ttest, prop, cluster, counts)"
}

const powerUsage = `
Usage: evalkit power ttest|prop|cluster|counts [flags]

Solves for the one of power, sample size and effect that is left out.

Example: the pupils per arm a t-test needs to detect d = 0.3 with 80% power:

	evalkit power ttest --effect 0.3 --power 0.8
`

func (c *powerCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "power", powerUsage)
	if err := parseFlags(fs, args, true); err != nil {
		return err
	}
	return errNotBuilt
}
