package main

var lifecycleStatusUsage = usage("lifecycle_status")

func lifecycleStatus(e *env, args []string) error {
	fs := newFlagSet(e, "lifecycle status", lifecycleStatusUsage)
	in := fs.String("in", "", "the portfolio `file` (YAML)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if err := lifecycleInFlag(*in); err != nil {
		return err
	}
	p, err := lifecycleRead(*in)
	if err != nil {
		return err
	}
	st := p.StatusReport(*in, p.LinkChecks)
	if *asJSON {
		return writeJSON(e.stdout, st)
	}
	return st.WriteText(e.stdout)
}
