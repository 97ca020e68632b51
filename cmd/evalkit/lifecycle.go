package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/evalkit/evalkit/internal/yamlbound"
	"github.com/evalkit/evalkit/lifecycle"
)

// lifecycleCmd shows and moves interventions through the research life
// cycle's gates.
type lifecycleCmd struct{}

func (*lifecycleCmd) name() string { return "lifecycle" }
func (*lifecycleCmd) summary() string {
	return "the portfolio by gate: status, advance, report"
}

var lifecycleUsage = usage("lifecycle")

func (c *lifecycleCmd) run(e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlagSet(e, "lifecycle", lifecycleUsage)
		if err := parseFlags(fs, args, false); err != nil {
			return err
		}
		return usageErrorf("say status, advance or report (see -h)")
	}
	switch args[0] {
	case "status":
		return lifecycleStatus(e, args[1:])
	case "advance":
		return lifecycleAdvance(e, args[1:])
	case "report":
		return lifecycleReport(e, args[1:])
	}
	return usageErrorf("unknown subcommand %q: say status, advance or report (see -h)", args[0])
}

// lifecycleRead reads and parses the portfolio, naming the file (and the
// line) in any error, and checks its links, which readiness counts.
func lifecycleRead(path string) (*lifecycle.Portfolio, error) {
	src, err := yamlbound.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, err := lifecycle.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	p.LinkChecks = p.CheckLinks(lifecycle.LinkDir(filepath.Dir(path)))
	return p, nil
}

func lifecycleInFlag(fsIn string) error {
	if fsIn == "" {
		return usageErrorf("--in is required (see -h)")
	}
	return nil
}

// lifecycleDate reads --date, today when empty.
func lifecycleDate(s string) (time.Time, error) {
	if s == "" {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, usageErrorf("--date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// lifecycleNotReady adds the way out to a refusal.
func lifecycleNotReady(err error) error {
	var nr *lifecycle.NotReadyError
	if errors.As(err, &nr) {
		return fmt.Errorf("%w; give --override REASON to move it on anyway", err)
	}
	return err
}
