package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/evalkit/evalkit/internal/closest"
	"github.com/evalkit/evalkit/internal/table"
)

// newFlagSet returns a flag set for a subcommand whose usage text is the
// given one (a synopsis, a description and a worked example), followed by
// the flags and their defaults.
func newFlagSet(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("evalkit "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() { printUsage(e.stdout, fs, usage) }
	return fs
}

func printUsage(w io.Writer, fs *flag.FlagSet, usage string) {
	fmt.Fprint(w, strings.TrimLeft(usage, "\n"))
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// errHelp is returned by parseFlags when -h was asked for and the usage has
// been printed; the command then stops with status 0.
var errHelp = flag.ErrHelp

// parseFlags parses args, printing the usage on -h. Any other problem is a
// usage error (exit status 2). Arguments left after the flags are an error
// unless the command takes them.
func parseFlags(fs *flag.FlagSet, args []string, allowArgs bool) error {
	// The flag package prints the usage on every error; evalkit prints it
	// only for -h, and a bad flag is one line on stderr.
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return errHelp
		}
		return usageErrorf("%v%s (see -h)", err, suggestFlag(fs, err))
	}
	if !allowArgs && fs.NArg() > 0 {
		return usageErrorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	return nil
}

// suggestFlag names the known flag closest to the one err says is not
// defined, or returns "".
func suggestFlag(fs *flag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if c := closest.Name(strings.TrimLeft(name, "-"), names); ok && c != "" {
		return "; did you mean --" + c + "?"
	}
	return ""
}

// tableFlags registers --encoding, --delimiter and --sheet, which say how
// every table file the command reads is read (internal/table applies them).
func tableFlags(fs *flag.FlagSet) *table.Options {
	o := &table.Options{}
	fs.Var(&o.Encoding, "encoding", "the input files' text `ENCODING`: utf-8, or windows-1252 for a CSV that Excel saved on Windows")
	fs.Var(&o.Delimiter, "delimiter", "the input CSV files' field `SEPARATOR`: , ; tab or |")
	fs.StringVar(&o.Sheet, "sheet", "", "the worksheet `NAME` of .xlsx inputs (default the first)")
	return o
}

// required returns a usage error naming the first of the flags whose value
// is empty; each pair is a flag's name and its value.
func required(flags ...[2]string) error {
	for _, f := range flags {
		if f[1] == "" {
			return usageErrorf("--%s is required (see -h)", f[0])
		}
	}
	return nil
}
