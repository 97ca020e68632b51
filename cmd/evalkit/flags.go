package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
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
		return usageErrorf("%v (see -h)", err)
	}
	if !allowArgs && fs.NArg() > 0 {
		return usageErrorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	return nil
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
