package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/internal/yamlbound"
	"github.com/evalkit/evalkit/rct/plan"
)

// planCmd writes, locks and renders a trial's pre-specified analysis plan.
type planCmd struct{}

func (*planCmd) name() string    { return "plan" }
func (*planCmd) summary() string { return "the pre-specified analysis plan: init, lock, render" }

// planFlags are each subcommand's flags beyond --force; init's settings are plan.Keys.
var planFlags = map[string][]plan.Key{
	"init": append([]plan.Key{{Name: "design", Doc: "the randomise `manifest` of the trial's allocation", Required: true},
		{Name: "power", Doc: "the evalkit power --json `file` the trial was sized by"}, {Name: "out", Doc: "the plan `file` to write, YAML", Required: true}}, plan.Keys...),
	"lock": {{Name: "in", Doc: "the plan `file`", Required: true}}, "render": {{Name: "in", Doc: "the plan `file`", Required: true}, {Name: "out", Doc: "the `file` to write, .md or .html", Required: true}},
}

func (*planCmd) run(e *env, args []string) error {
	if len(args) == 0 || planFlags[args[0]] == nil {
		return cmp.Or(parseFlags(newFlagSet(e, "plan", usage("plan")), args, false), usageErrorf("say init, lock or render (see -h)"))
	}
	sub, set := args[0], map[string]string{}
	fs := newFlagSet(e, "plan "+sub, usage("plan_"+sub))
	for _, f := range planFlags[sub] {
		fs.Func(f.Name, f.Doc, func(v string) error { set[f.Name] = v; return nil })
	}
	force := fs.Bool("force", false, "overwrite the file written")
	if err := parseFlags(fs, args[1:], false); err != nil {
		return err
	}
	for _, f := range planFlags[sub] {
		if err := required([2]string{f.Name, set[f.Name]}); err != nil && f.Required {
			return err
		}
	}
	b, err := planMake(sub, set)
	if err == nil {
		err = atomicfile.WriteFile(set["out"], b, *force)
	}
	if err == nil {
		_, err = fmt.Fprintf(e.stdout, "wrote %s\n", set["out"])
	}
	return err
}

// planMake returns the bytes sub writes to set["out"] (lock: plan.LockPath).
func planMake(sub string, set map[string]string) ([]byte, error) {
	if sub == "init" {
		p, err := plan.Init(set["design"], set["power"], filepath.Dir(set["out"]), os.ReadFile, set)
		if errors.Is(err, plan.ErrSetting) {
			return nil, usageErrorf("%v", err)
		} else if err != nil {
			return nil, err
		}
		return p.Marshal()
	}
	f, err := plan.Read(set["in"], yamlbound.ReadFile)
	if err != nil {
		return nil, err
	}
	if sub == "lock" {
		set["out"] = plan.LockPath(f.Path)
		return f.NewLock(time.Now()).Marshal()
	}
	return plan.Render(f, set["out"])
}

// analysePlan reads --plan, refusing a plan changed since its lock unless --allow-changed-plan,
// and parses analyse's flags again after the plan's: the flags given are an analysis beside it.
func analysePlan(fs *flag.FlagSet, o *analyseOptions, args []string) (err error) {
	if o.planFile == "" {
		return nil
	} else if o.planned, err = plan.Read(o.planFile, yamlbound.ReadFile); err == nil {
		err = o.planned.Check(o.allowChangedPlan)
	}
	if err == nil {
		err = fs.Parse(append(o.planned.Flags(), args...))
	}
	return err
}
