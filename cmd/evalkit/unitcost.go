package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
	plot                              string
	grant, year, grantFunder          string
}

func (*unitcostCmd) name() string    { return "unitcost" }
func (*unitcostCmd) summary() string { return "cost per person reached and per outcome" }

var unitcostUsage = usage("unitcost")

func (c *unitcostCmd) run(e *env, args []string) error {
	fs := newFlagSet(e, "unitcost", unitcostUsage)
	fs.StringVar(&c.costs, "costs", "", "cost lines `FILE` (CSV), required")
	fs.StringVar(&c.reach, "reach", "", "people reached by group, `FILE` (CSV), required")
	fs.StringVar(&c.outcomes, "outcomes", "", "outcomes and their values, `FILE` (CSV)")
	fs.StringVar(&c.priceYear, "price-year", "", "express costs in the prices of `YEAR` (needs --deflators)")
	fs.StringVar(&c.deflators, "deflators", "", "price index by year, `FILE` (CSV: year,index)")
	fs.StringVar(&c.discountRate, "discount-rate", "", "yearly discount `RATE`, such as 0.035 (needs --base-year; no default)")
	fs.StringVar(&c.baseYear, "base-year", "", "discount to `YEAR`")
	fs.Float64Var(&c.sensitivity, "sensitivity", unitcost.DefaultSensitivity, "vary each input by this `SHARE` either way (0 for none)")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	fs.StringVar(&c.plot, "plot", "", "draw cost per person by category to `FILE` (.png or .svg)")
	fs.BoolVar(&c.force, "force", false, "overwrite the --plot file")
	fs.StringVar(&c.grant, "grant", "", "check the sheet against the conditions of a grant of `AMOUNT` pounds (needs --year)")
	fs.StringVar(&c.year, "year", "", "the grant's financial `YEAR`, such as 2023-24")
	fs.StringVar(&c.grantFunder, "grant-funder", unitcost.DefaultGrantFunder, "the funder `NAME` of the grant's lines")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if c.grant != "" || c.year != "" {
		return c.checkGrant(e)
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "sensitivity" {
			c.sensitivitySet = true
		}
	})
	opt, plotFormat, err := c.options()
	if err != nil {
		return err
	}
	lines, err := unitcostRead(c.costs, unitcost.ReadCosts)
	if err != nil {
		return err
	}
	reach, err := unitcostRead(c.reach, unitcost.ReadReach)
	if err != nil {
		return err
	}
	var outcomes []unitcost.Outcome
	if c.outcomes != "" {
		if outcomes, err = unitcostRead(c.outcomes, unitcost.ReadOutcomes); err != nil {
			return err
		}
	}
	if c.deflators != "" {
		if opt.Deflators, err = unitcostRead(c.deflators, unitcost.ReadDeflators); err != nil {
			return err
		}
		if _, ok := opt.Deflators[opt.PriceYear]; !ok {
			return fmt.Errorf("%s: no index for the price year %d", filepath.Base(c.deflators), opt.PriceYear)
		}
	}
	res, err := unitcost.Calculate(lines, reach, outcomes, opt)
	if err != nil {
		return err
	}
	if c.plot != "" {
		if err := c.writePlot(res, plotFormat); err != nil {
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
func (c *unitcostCmd) options() (unitcost.Options, string, error) {
	var opt unitcost.Options
	if c.costs == "" || c.reach == "" {
		return opt, "", usageErrorf("--costs and --reach are required (see -h)")
	}
	if (c.priceYear == "") != (c.deflators == "") {
		return opt, "", usageErrorf("--price-year and --deflators go together: give both for real terms, or neither")
	}
	if c.priceYear != "" {
		y, err := unitcost.ParseYear(c.priceYear)
		if err != nil {
			return opt, "", usageErrorf("--price-year %q: %v", c.priceYear, err)
		}
		opt.PriceYear = y
	}
	if (c.discountRate == "") != (c.baseYear == "") {
		return opt, "", usageErrorf("--discount-rate and --base-year go together: give both to discount (the Green Book rate is 0.035), or neither")
	}
	if c.discountRate != "" {
		r, err := strconv.ParseFloat(strings.TrimSpace(c.discountRate), 64)
		switch {
		case err != nil && strings.HasSuffix(c.discountRate, "%"):
			return opt, "", usageErrorf("--discount-rate %q: write the rate as a share, 0.035 for 3.5%%", c.discountRate)
		case err != nil || r < 0 || r != r:
			return opt, "", usageErrorf("--discount-rate %q: not a rate of 0 or more, such as 0.035", c.discountRate)
		case r >= 1:
			return opt, "", usageErrorf("--discount-rate %v: a rate of 100%% or more; write 3.5%% as 0.035", r)
		}
		y, err := unitcost.ParseYear(c.baseYear)
		if err != nil {
			return opt, "", usageErrorf("--base-year %q: %v", c.baseYear, err)
		}
		opt.DiscountRate, opt.BaseYear = r, y
	}
	if s := c.sensitivity; !(s >= 0 && s < 1) {
		return opt, "", usageErrorf("--sensitivity %v: give a share from 0 to below 1, such as 0.1 for ±10%%", s)
	}
	opt.Sensitivity = c.sensitivity
	format := plotFormat(c.plot)
	if c.plot != "" {
		if format == "" {
			return opt, "", usageErrorf("--plot %q: the file name must end in .png or .svg", c.plot)
		}
		if !c.force {
			if err := checkAbsent(c.plot); err != nil {
				return opt, "", err
			}
		}
	}
	return opt, format, nil
}

// checkGrant runs --grant: the costs sheet alone against the grant's
// conditions.
func (c *unitcostCmd) checkGrant(e *env) error {
	if c.grant == "" || c.year == "" || c.costs == "" {
		return usageErrorf("--grant, --year and --costs go together: the grant's amount, its financial year and the sheet to check (see -h)")
	}
	if c.reach != "" || c.outcomes != "" || c.deflators != "" || c.discountRate != "" || c.plot != "" {
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
	lines, err := unitcostRead(c.costs, unitcost.ReadCosts)
	if err != nil {
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

// unitcostRead opens path and reads it with read, which names the file by
// its base name in errors, as internal/table does.
func unitcostRead[T any](path string, read func(io.Reader, string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return read(f, filepath.Base(path))
}

func (c *unitcostCmd) writePlot(res *unitcost.Result, format string) error {
	p, err := plots.CostPerPerson(res)
	if err != nil {
		return fmt.Errorf("--plot: %w", err)
	}
	w, h := plots.CostPerPersonSize(res)
	wt, err := p.WriterTo(w, h, format)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if _, err := wt.WriteTo(&b); err != nil {
		return err
	}
	return writeFileAtomic(c.plot, b.Bytes(), c.force)
}
