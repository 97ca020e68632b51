package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/evalkit/evalkit/lifecycle"
)

const lifecycleAdvanceUsage = `
Usage: evalkit lifecycle advance --in portfolio.yaml --intervention NAME [flags]

Moves an intervention to its next gate (or --to GATE) and appends the move
to its history. A move forward is refused (exit status 1, naming what is
missing) until the gate's required evidence is done or not needed, unless
--override gives the reason to go on, which the history records with what
was missing. Moving back needs no evidence. At gate 4 a --decision (adopt,
adapt, scale or stop) is recorded as the intervention's decision key and
in the history. The file is rewritten atomically; every other key and
comment stays as it was.

Example: on a copy of the programme's portfolio, Schools Navigators is
refused at gate 2 (its evidence is not done), then moved on with the
board's reason recorded:

	cp examples/portfolio.yaml portfolio.yaml
	evalkit lifecycle advance --in portfolio.yaml \
	    --intervention "Schools Navigators" --date 2023-07-12
	evalkit lifecycle advance --in portfolio.yaml \
	    --intervention "Schools Navigators" --date 2023-07-12 \
	    --override "board accepted the multi-site design" \
	    --note "trial starts in the 2023-24 school year"
`

func lifecycleAdvance(e *env, args []string) error {
	fs := newFlagSet(e, "lifecycle advance", lifecycleAdvanceUsage)
	in := fs.String("in", "", "the portfolio `file` (YAML), rewritten in place")
	name := fs.String("intervention", "", "the intervention's `name`, as written in the file")
	to := fs.Int("to", 0, "the `gate` to move to (default: the next one)")
	date := fs.String("date", "", "the `day` of the move, YYYY-MM-DD (default: today)")
	note := fs.String("note", "", "a `note` for the history")
	override := fs.String("override", "", "move on although evidence is missing, for this `reason`")
	decision := fs.String("decision", "", "at gate 4, the `decision`: adopt, adapt, scale or stop")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if err := lifecycleInFlag(*in); err != nil {
		return err
	}
	if *name == "" {
		return usageErrorf("--intervention is required (see -h)")
	}
	if *to != 0 && (*to < lifecycle.GatePlanning || *to > lifecycle.GateDecision) {
		return usageErrorf("--to %d: gates are 1 to 4", *to)
	}
	if lifecycleFlagGiven(fs, "override") && strings.TrimSpace(*override) == "" {
		return usageErrorf("--override needs a reason")
	}
	m := lifecycle.Move{To: *to, Note: *note, Override: strings.TrimSpace(*override)}
	if *decision != "" {
		d, err := lifecycle.ParseDecision(*decision)
		if err != nil {
			return usageErrorf("--decision: %v", err)
		}
		m.Decision = d
	}
	day, err := lifecycleDate(*date)
	if err != nil {
		return err
	}
	m.Date = day
	p, err := lifecycleRead(*in)
	if err != nil {
		return err
	}
	next, t, err := p.Advance(*name, m)
	if err != nil {
		return lifecycleNotReady(err)
	}
	if err := lifecycleWriteBack(*in, p.Bytes(), next.Bytes()); err != nil {
		return err
	}
	r := lifecycle.NewAdvanceReport(*in, *name, t)
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	_, err = fmt.Fprintf(e.stdout, "%s; history written to %s\n", r, *in)
	return err
}

// lifecycleWriteBack replaces the portfolio at path, which held old, with
// data, atomically (through a symbolic link, keeping the file's mode), and
// refuses when the file changed since it was read (someone saved it
// meanwhile), so that no edit is lost.
func lifecycleWriteBack(path string, old, data []byte) error {
	if now, err := os.ReadFile(path); err != nil {
		return err
	} else if !bytes.Equal(now, old) {
		return fmt.Errorf("%s changed while evalkit was working on it; nothing written, run the command again", path)
	}
	return writeFileAtomic(path, data, true)
}

// lifecycleFlagGiven reports whether the flag was on the command line.
func lifecycleFlagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
