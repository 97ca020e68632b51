package main

import (
	"flag"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
)

// randomiseCmd allocates units to arms and writes the allocation and its
// manifest.
type randomiseCmd struct{}

func (*randomiseCmd) name() string { return "randomise" }
func (*randomiseCmd) summary() string {
	return "allocate units to arms reproducibly, with an audit manifest"
}

var randomiseUsage = usage("randomise")

// randomiseConfig holds the settings of one randomisation, parsed from
// flags.
type randomiseConfig struct {
	in, out     string
	table       *table.Options
	settings    rct.Settings
	force, json bool
	flags       map[string]string // every flag's value, for the manifest
}

// randomiseFlags defines the flags of a randomisation on fs. Every flag
// but --force and --json is a setting, which rct.ParseSettings reads from
// the flags' values.
type randomiseFlags struct {
	in, id, out, seed *string
	force, json       *bool
	table             *table.Options
}

func newRandomiseFlags(fs *flag.FlagSet) *randomiseFlags {
	f := &randomiseFlags{
		in:    fs.String("in", "", "input CSV or .xlsx `file`, one row per unit"),
		id:    fs.String("id", "", "`column` of unit ids (unique, non-empty)"),
		out:   fs.String("out", "", "output `file`, CSV or .xlsx (for a spreadsheet); the manifest is FILE.manifest.json"),
		table: tableFlags(fs),
	}
	fs.String("arms", "control,treatment", "arm `names`, comma-separated")
	fs.String("ratio", "", "allocation `ratio` as weights in the order of --arms, e.g. 2:1 (default equal)")
	fs.String("block", "", "stratify by these `columns` (comma-separated)")
	fs.String("cluster", "", "randomise whole clusters given by this `column`")
	fs.String("method", "complete", "`method`: complete, simple, blocks or minimise")
	fs.String("block-sizes", "", "block `sizes` for --method blocks, e.g. 4,6 (multiples of the ratio's sum)")
	fs.String("factors", "", "minimisation factor `columns` for --method minimise")
	fs.Float64("minimise-prob", rct.DefaultMinimiseProb, "`probability` of the preferred arm under minimise")
	f.seed = fs.String("seed", "", "generator seed, an integer from 0 to 2^64-1 (required)")
	f.force = fs.Bool("force", false, "overwrite an existing output and manifest")
	f.json = fs.Bool("json", false, "print the result as one JSON object")
	return f
}

// config checks the flags and returns the settings; problems are usage
// errors. The flags but --force and --json are the settings, as the
// manifest records them.
func (f *randomiseFlags) config(fs *flag.FlagSet) (*randomiseConfig, error) {
	if err := required([2]string{"in", *f.in}, [2]string{"id", *f.id}, [2]string{"seed", *f.seed}, [2]string{"out", *f.out}); err != nil {
		return nil, err
	}
	c := &randomiseConfig{in: *f.in, out: *f.out, table: f.table, force: *f.force, json: *f.json, flags: map[string]string{}}
	fs.VisitAll(func(fl *flag.Flag) {
		if fl.Name != "force" && fl.Name != "json" {
			c.flags[fl.Name] = fl.Value.String()
		}
	})
	s, err := rct.ParseSettings(c.flags)
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	c.settings = s
	return c, nil
}

func (c *randomiseCmd) run(e *env, args []string) error {
	if len(args) > 0 && args[0] == "verify" {
		return randomiseVerify(e, args[1:])
	}
	fs := newFlagSet(e, "randomise", randomiseUsage)
	f := newRandomiseFlags(fs)
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	cfg, err := f.config(fs)
	if err != nil {
		return err
	}
	res, err := randomiseWrite(cfg)
	if err != nil {
		return err
	}
	if cfg.json {
		return writeJSON(e.stdout, res)
	}
	return res.WriteText(e.stdout)
}
