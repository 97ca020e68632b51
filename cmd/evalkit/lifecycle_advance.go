package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/lifecycle"
)

var lifecycleAdvanceUsage = usage("lifecycle_advance")

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
	return atomicfile.WriteFile(path, data, true)
}

// lifecycleFlagGiven reports whether the flag was on the command line.
func lifecycleFlagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
