package main

import (
	"flag"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/rct"
)

// randomiseCmd allocates units to arms and writes the allocation and its
// manifest.
type randomiseCmd struct{}

func (*randomiseCmd) name() string { return "randomise" }
func (*randomiseCmd) summary() string {
	return "allocate units to arms reproducibly, with an audit manifest"
}

const randomiseUsage = `
Usage: evalkit randomise --in units.csv --id COL --arms control,treatment --seed N --out FILE [flags]
       evalkit randomise verify --manifest FILE.manifest.json

Allocates the units (rows) of a CSV file to arms and writes FILE: every input
column as written, then arm (and block_seq, block_size for --method blocks).
Beside it, FILE.manifest.json records the release, every flag, the seed and
the SHA-256 of input and output; "verify" re-derives the allocation from it
and exits 0 only when the output is reproduced byte for byte.

Methods: complete (exact counts per stratum; the default), simple
(independent draws), blocks (permuted blocks in file order within strata),
minimise (Pocock-Simon over --factors in file order, within strata).
Strata are the combinations of the --block columns, named by their values
joined with "/". Complete and simple draw units in sorted order of id, so
the allocation does not depend on the order of the rows.

Example: custody navigator referrals randomised within suite and age band:

	evalkit randomise --in examples/units.csv --id unit_id --block suite,age_band \
	    --arms control,treatment --seed 20230401 --out allocation.csv
`

// randomiseConfig holds the settings of one randomisation, parsed from
// flags (or from a manifest's flags).
type randomiseConfig struct {
	in, id, out    string
	arms           []string
	ratio          []int
	block, factors []string
	cluster        string
	seed           uint64
	opt            rct.Options
	force, json    bool
	flags          map[string]string // every flag's value, for the manifest
}

// randomiseFlags defines the flags of a randomisation on fs.
type randomiseFlags struct {
	in, id, out, arms, ratio, block, cluster, method, blockSizes, factors, seed *string
	prob                                                                        *float64
	force, json                                                                 *bool
}

func newRandomiseFlags(fs *flag.FlagSet) *randomiseFlags {
	return &randomiseFlags{
		in:         fs.String("in", "", "input CSV `file`, one row per unit"),
		id:         fs.String("id", "", "`column` of unit ids (unique, non-empty)"),
		out:        fs.String("out", "", "output CSV `file`; the manifest is FILE.manifest.json"),
		arms:       fs.String("arms", "control,treatment", "arm `names`, comma-separated"),
		ratio:      fs.String("ratio", "", "allocation `ratio` as weights in the order of --arms, e.g. 2:1 (default equal)"),
		block:      fs.String("block", "", "stratify by these `columns` (comma-separated)"),
		cluster:    fs.String("cluster", "", "randomise whole clusters given by this `column`"),
		method:     fs.String("method", "complete", "`method`: complete, simple, blocks or minimise"),
		blockSizes: fs.String("block-sizes", "", "block `sizes` for --method blocks, e.g. 4,6 (multiples of the ratio's sum)"),
		factors:    fs.String("factors", "", "minimisation factor `columns` for --method minimise"),
		prob:       fs.Float64("minimise-prob", randomiseDefaultProb, "`probability` of the preferred arm under minimise"),
		seed:       fs.String("seed", "", "generator seed, an integer from 0 to 2^64-1 (required)"),
		force:      fs.Bool("force", false, "overwrite an existing output and manifest"),
		json:       fs.Bool("json", false, "print the result as one JSON object"),
	}
}

// splitList splits a comma-separated list, trimming spaces; "" gives nil.
func splitRandomiseList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// config checks the flags and returns the settings; problems are usage
// errors.
// randomiseDefaultProb is --minimise-prob's default.
const randomiseDefaultProb = 0.8

func (f *randomiseFlags) config(fs *flag.FlagSet) (*randomiseConfig, error) {
	if err := required([2]string{"in", *f.in}, [2]string{"id", *f.id}, [2]string{"seed", *f.seed}, [2]string{"out", *f.out}); err != nil {
		return nil, err
	}
	c := &randomiseConfig{in: *f.in, id: *f.id, out: *f.out, cluster: *f.cluster, force: *f.force, json: *f.json}
	seed, err := strconv.ParseUint(strings.TrimSpace(*f.seed), 10, 64)
	if err != nil {
		return nil, usageErrorf("--seed %q is not an integer from 0 to 18446744073709551615", *f.seed)
	}
	c.seed = seed
	c.arms = splitRandomiseList(*f.arms)
	if len(c.arms) < 2 {
		return nil, usageErrorf("--arms needs at least two arm names, comma-separated")
	}
	for i, a := range c.arms {
		if a == "" {
			return nil, usageErrorf("--arms %q has an empty name", *f.arms)
		}
		for _, b := range c.arms[:i] {
			if a == b {
				return nil, usageErrorf("--arms names %q twice", a)
			}
		}
	}
	sum := 0
	if *f.ratio != "" {
		parts := strings.Split(*f.ratio, ":")
		if len(parts) != len(c.arms) {
			return nil, usageErrorf("--ratio %q has %d weights for %d arms", *f.ratio, len(parts), len(c.arms))
		}
		for _, p := range parts {
			w, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || w < 1 || w > 1<<20 {
				return nil, usageErrorf("--ratio %q: each weight must be a whole number from 1 to 1048576", *f.ratio)
			}
			c.ratio = append(c.ratio, w)
			sum += w
		}
	} else {
		sum = len(c.arms)
	}
	m, err := rct.ParseMethod(*f.method)
	if err != nil {
		return nil, usageErrorf("--method %q: want complete, simple, blocks or minimise", *f.method)
	}
	c.opt.Method = m
	c.block = splitRandomiseList(*f.block)
	c.factors = splitRandomiseList(*f.factors)
	switch {
	case m == rct.Blocks && *f.blockSizes == "":
		return nil, usageErrorf("--method blocks needs --block-sizes")
	case m != rct.Blocks && *f.blockSizes != "":
		return nil, usageErrorf("--block-sizes applies only to --method blocks")
	case m == rct.Minimise && len(c.factors) == 0:
		return nil, usageErrorf("--method minimise needs --factors")
	case m != rct.Minimise && len(c.factors) > 0:
		return nil, usageErrorf("--factors applies only to --method minimise")
	case m == rct.Minimise && c.cluster != "":
		return nil, usageErrorf("--method minimise cannot randomise clusters; use complete, simple or blocks with --cluster")
	case !(*f.prob > 0 && *f.prob <= 1):
		return nil, usageErrorf("--minimise-prob %v is not in (0, 1]", *f.prob)
	case m != rct.Minimise && *f.prob != randomiseDefaultProb:
		return nil, usageErrorf("--minimise-prob applies only to --method minimise")
	}
	for _, s := range splitRandomiseList(*f.blockSizes) {
		b, err := strconv.Atoi(s)
		if err != nil || b < 1 || b > 1<<24 {
			return nil, usageErrorf("--block-sizes %q: %q is not a positive whole number", *f.blockSizes, s)
		}
		if b%sum != 0 {
			return nil, usageErrorf("--block-sizes: %d is not a multiple of the ratio's sum %d", b, sum)
		}
		c.opt.BlockSizes = append(c.opt.BlockSizes, b)
	}
	c.opt.MinimiseProb = *f.prob
	c.flags = map[string]string{}
	fs.VisitAll(func(fl *flag.Flag) {
		if fl.Name != "force" && fl.Name != "json" {
			c.flags[fl.Name] = fl.Value.String()
		}
	})
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
		return writeJSON(e.stdout, res.jsonOut())
	}
	return res.writeTable(e.stdout)
}
