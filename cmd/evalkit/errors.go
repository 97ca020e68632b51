package main

import (
	"errors"
	"fmt"
)

// Exit statuses of the contract: 1 for bad data, 2 for bad usage.
const (
	exitData  = 1
	exitUsage = 2
)

// usageError is an error in how the command was called (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// reported wraps an error whose line has already been written to stderr,
// keeping its exit status.
type reported struct {
	err  error
	code int
}

func (r *reported) Error() string { return r.err.Error() }
func (r *reported) Unwrap() error { return r.err }

// errNotBuilt is returned by a subcommand whose library part is not built.
var errNotBuilt = errors.New("not built yet in this release")

// exitCode maps the error returned by run to the process's exit status.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var r *reported
	if errors.As(err, &r) {
		return r.code
	}
	var u *usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitData
}
