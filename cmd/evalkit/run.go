package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/internal/texttable"
)

// env is what a subcommand may use of the world: its output streams, and
// whether stderr is a terminal (progress is drawn only then).
type env struct {
	stdout, stderr io.Writer
	terminal       bool
}

// command is one subcommand: a small type holding its flag set.
type command interface {
	// name is the word that selects the command.
	name() string
	// summary is the line shown by "evalkit help".
	summary() string
	// run parses args (after the command's name) and does the work.
	run(e *env, args []string) error
}

// commands lists the subcommands in the order "evalkit help" shows them.
func commands() []command {
	return []command{
		&powerCmd{},
		&randomiseCmd{},
		&planCmd{},
		&analyseCmd{},
		&poolCmd{},
		&iccCmd{},
		&didCmd{},
		&matchCmd{},
		&unitcostCmd{},
		&benefitsCmd{},
		&lifecycleCmd{},
		&helpCmd{},
	}
}

// run is the whole program. It writes at most one error line to stderr,
// "evalkit: COMMAND: ...", and returns an error whose exit status exitCode
// gives. A panic below it is reported as a bug, never as a stack trace.
func run(args []string, stdout, stderr io.Writer) error {
	defer atomicfile.RemoveOnInterrupt(stderr)()
	return dispatch(commands(), args, stdout, stderr)
}

// dispatch runs the command named by args[0] among cmds.
func dispatch(cmds []command, args []string, stdout, stderr io.Writer) (err error) {
	e := &env{stdout: texttable.EscapeWriter(stdout), stderr: stderr, terminal: isTerminal(stderr)} // no escape sequence from a file drives the terminal
	if len(args) == 0 {
		(&helpCmd{}).run(&env{stdout: stderr}, nil)
		return &reported{err: usageErrorf("no command given"), code: exitUsage}
	}
	name := canonical(args[0])
	args = args[1:]
	defer func() {
		if p := recover(); p != nil {
			err = printError(e, name, fmt.Errorf("internal error (a bug in evalkit %s; please report it with the command you ran): %v", version, p), exitData)
			if os.Getenv("EVALKIT_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
		}
	}()
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version", "version":
		fmt.Fprintf(stdout, "evalkit %s\n", version)
		return nil
	}
	for _, c := range cmds {
		if c.name() == name {
			if err := c.run(e, args); err != nil {
				if errors.Is(err, errHelp) {
					return nil
				}
				return printError(e, name, err, exitCode(err))
			}
			return nil
		}
	}
	return printError(e, "", usageErrorf("unknown command %q; run \"evalkit help\" for the list", name), exitUsage)
}

// canonical returns the command a name selects: analyze and randomize
// are analyse and randomise.
func canonical(name string) string {
	return cmp.Or(map[string]string{"analyze": "analyse", "randomize": "randomise"}[name], name)
}

// printError writes the error line and returns the error with its status.
func printError(e *env, name string, err error, code int) error {
	var r *reported
	if errors.As(err, &r) {
		return err
	}
	prefix := "evalkit: "
	if name != "" {
		prefix += name + ": "
	}
	msg := texttable.Escape(strings.ReplaceAll(err.Error(), "\n", " ")) // no escape sequence reaches the terminal
	fmt.Fprintln(e.stderr, prefix+msg)
	return &reported{err: err, code: code}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
