package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/rct/power"
	"github.com/evalkit/evalkit/report"
)

// powerResult is a solved design: it marshals to the --json object, and
// gives the curve to plot and the summary to print.
type powerResult interface {
	PowerCurve() power.PowerCurve
	Summary() power.Summary
}

// output writes the --plot file, then prints res as JSON or as its summary.
func (c *powerCommon) output(e *env, res powerResult) error {
	if c.plot != "" {
		if err := c.writePlot(res.PowerCurve()); err != nil {
			return err
		}
	}
	if c.json {
		return writeJSON(e.stdout, res)
	}
	return res.Summary().WriteText(e.stdout)
}

// plotFormat returns "png" or "svg" from path's extension, else "": the
// formats of --plot in power and unitcost.
func plotFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		return "png"
	case ".svg":
		return "svg"
	}
	return ""
}

// writePlot draws the curve and writes it atomically to c.plot.
func (c *powerCommon) writePlot(curve power.PowerCurve) error {
	if !c.force {
		if err := atomicfile.CheckAbsent(c.plot); err != nil {
			return err
		}
	}
	p, err := report.PowerCurve(curve).Plot()
	if err != nil {
		return err
	}
	wt, err := p.WriterTo(6*vg.Inch, 4*vg.Inch, plotFormat(c.plot))
	if err != nil {
		return fmt.Errorf("--plot %s: %w", c.plot, err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return fmt.Errorf("--plot %s: %w", c.plot, err)
	}
	return atomicfile.WriteFile(c.plot, buf.Bytes(), c.force)
}
