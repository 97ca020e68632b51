package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
	plots "github.com/evalkit/evalkit/report"
	"github.com/evalkit/evalkit/unitcost"
)

// unitcostCmd is the Unit Cost Calculator.
type unitcostCmd struct {
	costs, reach, outcomes, deflators string
	priceYear, baseYear               string
	discountRate                      string
	sensitivity                       float64
	sensitivitySet                    bool
	json, force                       bool
	plot, report                      string
	grant, year, grantFunder          string
	table                             *table.Options
}

func (*unitcostCmd) name() string    { return "unitcost" }
func (*unitcostCmd) summary() string { return "cost per person reached and per outcome" }

var unitcostUsage = usage("unitcost")

func (c *unitcostCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "unitcost", unitcostUsage)
	fs.StringVar(&c.costs, "costs", "", "cost lines `FILE` (CSV or .xlsx), required")
	fs.StringVar(&c.reach, "reach", "", "people reached by group, `FILE` (CSV or .xlsx), required")
	fs.StringVar(&c.outcomes, "outcomes", "", "outcomes and their values, `FILE` (CSV or .xlsx)")
	c.table = tableFlags(fs)
	fs.StringVar(&c.priceYear, "price-year", "", "express costs in the prices of `YEAR` (needs --deflators)")
	fs.StringVar(&c.deflators, "deflators", "", "price index by year, `FILE` (CSV: year,index)")
	fs.StringVar(&c.discountRate, "discount-rate", "", "yearly discount `RATE`, such as 0.035 (needs --base-year; no default)")
	fs.StringVar(&c.baseYear, "base-year", "", "discount to `YEAR`")
	fs.Float64Var(&c.sensitivity, "sensitivity", unitcost.DefaultSensitivity, "vary each input by this `SHARE` either way (0 for none)")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	fs.StringVar(&c.plot, "plot", "", "draw cost per person by category to `FILE` (.png or .svg)")
	fs.StringVar(&c.report, "report", "", "write a cost report (report.html and its charts as PNG) to `DIR`")
	fs.BoolVar(&c.force, "force", false, "overwrite the --plot file or the --report folder")
	fs.StringVar(&c.grant, "grant", "", "check the sheet against the conditions of a grant of `AMOUNT` pounds (needs --year)")
	fs.StringVar(&c.year, "year", "", "the grant's financial `YEAR`, such as 2023-24")
	fs.StringVar(&c.grantFunder, "grant-funder", unitcost.DefaultGrantFunder, "the funder `NAME` of the grant's lines")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if c.grant != "" || c.year != "" {
		return c.checkGrant(e)
	}
	fs.Visit(func(f *flag.Flag) { c.sensitivitySet = c.sensitivitySet || f.Name == "sensitivity" })
	opt, err := c.options()
	if err != nil {
		return err
	}
	var lines []unitcost.Line
	var reach []unitcost.Reach
	var outcomes []unitcost.Outcome
	if err := errors.Join(readInto(&lines, c.costs, c.table, unitcost.ReadCosts), readInto(&reach, c.reach, c.table, unitcost.ReadReach),
		readInto(&outcomes, c.outcomes, c.table, unitcost.ReadOutcomes), readInto(&opt.Deflators, c.deflators, c.table, unitcost.ReadDeflators)); err != nil {
		return err
	}
	if _, ok := opt.Deflators[opt.PriceYear]; c.deflators != "" && !ok {
		return fmt.Errorf("%s: no index for the price year %d", filepath.Base(c.deflators), opt.PriceYear)
	}
	res, err := unitcost.Calculate(lines, reach, outcomes, opt)
	if err != nil {
		return err
	}
	if c.plot != "" {
		p, err := plots.CostPerPerson(res)
		if err != nil {
			return fmt.Errorf("--plot: %w", err)
		}
		w, h := plots.CostPerPersonSize(res)
		if err := writePlotFile(c.plot, p, w, h, c.force); err != nil {
			return err
		}
	}
	if c.report != "" {
		if err := c.writeReport(res); err != nil {
			return err
		}
	}
	if c.json {
		return writeJSON(e.stdout, res.JSON())
	}
	return res.WriteText(e.stdout, unitcost.TextOptions{PriceYear: c.priceYear, BaseYear: c.baseYear,
		Deflators: filepath.Base(c.deflators), Sensitivity: c.sensitivitySet})
}

// options checks the flags and turns them into the library's options.
func (c *unitcostCmd) options() (unitcost.Options, error) {
	var opt unitcost.Options
	if c.costs == "" || c.reach == "" {
		return opt, usageErrorf("--costs and --reach are required (see -h)")
	}
	if (c.priceYear == "") != (c.deflators == "") {
		return opt, usageErrorf("--price-year and --deflators go together: give both for real terms, or neither")
	}
	if c.priceYear != "" {
		y, err := unitcost.ParseYear(c.priceYear)
		if err != nil {
			return opt, usageErrorf("--price-year %q: %v", c.priceYear, err)
		}
		opt.PriceYear = y
	}
	if (c.discountRate == "") != (c.baseYear == "") {
		return opt, usageErrorf("--discount-rate and --base-year go together: give both to discount (the Green Book rate is 0.035), or neither")
	}
	if c.discountRate != "" {
		r, err := strconv.ParseFloat(strings.TrimSpace(c.discountRate), 64)
		switch {
		case err != nil && strings.HasSuffix(c.discountRate, "%"):
			return opt, usageErrorf("--discount-rate %q: write the rate as a share, 0.035 for 3.5%%", c.discountRate)
		case err != nil || r < 0 || r != r:
			return opt, usageErrorf("--discount-rate %q: not a rate of 0 or more, such as 0.035", c.discountRate)
		case r >= 1:
			return opt, usageErrorf("--discount-rate %v: a rate of 100%% or more; write 3.5%% as 0.035", r)
		}
		y, err := unitcost.ParseYear(c.baseYear)
		if err != nil {
			return opt, usageErrorf("--base-year %q: %v", c.baseYear, err)
		}
		opt.DiscountRate, opt.BaseYear = r, y
	}
	if s := c.sensitivity; !(s >= 0 && s < 1) {
		return opt, usageErrorf("--sensitivity %v: give a share from 0 to below 1, such as 0.1 for ±10%%", s)
	}
	opt.Sensitivity = c.sensitivity
	if err := checkReportDir(c.report, c.force); err != nil {
		return opt, err
	}
	return opt, checkPlotFlag(c.plot, c.force)
}

// writeReport writes the cost report of res to the --report folder.
func (c *unitcostCmd) writeReport(res *unitcost.Result) error {
	sum, err := rct.FileSHA256(openFile, c.costs)
	if err != nil {
		return err
	}
	r, err := plots.RenderCosts(res, plots.Provenance{DataFile: c.costs, DataSHA256: sum, Version: version, Date: time.Now()})
	if err == nil {
		err = atomicfile.WriteDir(filepath.Clean(c.report), r.Files(), c.force)
	}
	if err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}

// checkGrant runs --grant: the costs sheet alone against the grant's
// conditions.
func (c *unitcostCmd) checkGrant(e *env) error {
	switch {
	case c.grant == "" || c.year == "" || c.costs == "":
		return usageErrorf("--grant, --year and --costs go together: the grant's amount, its financial year and the sheet to check (see -h)")
	case c.reach != "" || c.outcomes != "" || c.deflators != "" || c.discountRate != "" || c.plot != "":
		return usageErrorf("--grant checks the costs sheet alone, at its amounts as written: leave out --reach, --outcomes, --deflators, --discount-rate and --plot")
	}
	amount, err := unitcost.ParsePounds(c.grant)
	if err != nil {
		return usageErrorf("--grant %q: %v", c.grant, err)
	}
	year, err := unitcost.ParseYear(c.year)
	if err != nil {
		return usageErrorf("--year %q: %v", c.year, err)
	}
	var lines []unitcost.Line
	if err := readInto(&lines, c.costs, c.table, unitcost.ReadCosts); err != nil {
		return err
	}
	g, err := unitcost.CheckGrant(lines, unitcost.Grant{Amount: amount, Year: year, Funder: c.grantFunder})
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(e.stdout, g.JSON())
	}
	return g.WriteText(e.stdout)
}

// readInto opens path and reads it with read into *into, unless path is
// empty; read names the file by its base name in errors, as
// internal/table does, and reads a table with the command's options o.
func readInto[T any](into *T, path string, o *table.Options, read func(io.Reader, string) (T, error)) error {
	if path == "" {
		return nil
	}
	f, err := o.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	*into, err = read(f, filepath.Base(path))
	return err
}

// checkPlotFlag checks a --plot file's name (.png or .svg) and, without
// force, that it does not exist yet.
func checkPlotFlag(path string, force bool) error {
	if path == "" {
		return nil
	}
	if plotFormat(path) == "" {
		return usageErrorf("--plot %q: the file name must end in .png or .svg", path)
	}
	if !force {
		return atomicfile.CheckAbsent(path)
	}
	return nil
}

// writePlotFile draws p at w by h in the format of path's extension and
// writes it atomically.
func writePlotFile(path string, p *plot.Plot, w, h vg.Length, force bool) error {
	wt, err := p.WriterTo(w, h, plotFormat(path))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if _, err := wt.WriteTo(&b); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, b.Bytes(), force)
}
