package main

// randomiseCmd allocates units to arms and writes the allocation and its
// manifest.
type randomiseCmd struct{}

func (*randomiseCmd) name() string { return "randomise" }
func (*randomiseCmd) summary() string {
	return "allocate units to arms reproducibly, with an audit manifest"
}

const randomiseUsage = `
Usage: evalkit randomise --in units.csv --id COL --arms control,treatment --seed N --out FILE [flags]

Example: hotspots randomised within areas:

	evalkit randomise --in examples/units.csv --id unit_id --block area \
	    --arms control,treatment --seed 20230401 --out allocation.csv
`

func (c *randomiseCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "randomise", randomiseUsage)
	if err := parseFlags(fs, args, true); err != nil {
		return err
	}
	return errNotBuilt
}
