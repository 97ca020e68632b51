package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/plot/vg"

	"github.com/evalkit/evalkit/rct/power"
	powerplot "github.com/evalkit/evalkit/report"
)

// powerSummary is the readable output: a title, the solved quantity, a
// table of values and the assumptions in words.
type powerSummary struct {
	title       string
	solved      string
	rows        [][2]string
	assumptions []string
}

func (s *powerSummary) add(name, value string) { s.rows = append(s.rows, [2]string{name, value}) }

// addArms adds the sample-size rows that ttest, prop and counts share; the
// exact analysed control arm only when n was solved (exact is not NaN).
func (s *powerSummary) addArms(exact, nc, nt, total float64) {
	if !math.IsNaN(exact) {
		s.add("n control, analysed (exact)", powerFmt(exact))
	}
	s.add("n control", powerFmt(nc))
	s.add("n treatment", powerFmt(nt))
	s.add("n total", powerFmt(total))
}

func (s *powerSummary) write(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nSolved for: %s\n\n", s.title, s.solved)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range s.rows {
		fmt.Fprintf(tw, "  %s\t%s\n", r[0], r[1])
	}
	tw.Flush()
	b.WriteString("\nAssumptions:\n")
	for _, a := range s.assumptions {
		b.WriteString(powerWrap("  - ", a, 78))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// powerWrap wraps text at width, the first line after prefix and the rest
// indented to match.
func powerWrap(prefix, text string, width int) string {
	var b strings.Builder
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > width && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

// powerPlotFormat returns "png" or "svg" from path's extension, else "".
func powerPlotFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		return "png"
	case ".svg":
		return "svg"
	}
	return ""
}

// powerCurvePoints is how many points a --plot curve has.
const powerCurvePoints = 200

// powerWritePlot draws power against x from lo to hi with f, marking mark
// and the target power, and writes it atomically to c.plot.
func powerWritePlot(c *powerCommon, title, xlabel string, lo, hi, target, mark float64, f func(x float64) float64) error {
	if c.plot == "" {
		return nil
	}
	if !c.force {
		if err := checkAbsent(c.plot); err != nil {
			return err
		}
	}
	pts, err := power.Curve(powerCurvePoints, lo, hi, func(x float64) (float64, error) { return f(x), nil })
	if err != nil {
		return err
	}
	curve := powerplot.PowerCurve{Title: title, XLabel: xlabel, Target: target, Mark: mark}
	for _, p := range pts {
		if math.IsNaN(p.Y) {
			continue // too few units left for the test
		}
		curve.X = append(curve.X, p.X)
		curve.Power = append(curve.Power, p.Y)
	}
	p, err := curve.Plot()
	if err != nil {
		return err
	}
	wt, err := p.WriterTo(6*vg.Inch, 4*vg.Inch, powerPlotFormat(c.plot))
	if err != nil {
		return fmt.Errorf("--plot %s: %w", c.plot, err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return fmt.Errorf("--plot %s: %w", c.plot, err)
	}
	return writeFileAtomic(c.plot, buf.Bytes(), c.force)
}

// powerPlotRange returns the x range of a curve around a solution x0: from
// lo to twice x0, at least lo + 10.
func powerPlotRange(lo, x0 float64) (float64, float64) {
	hi := 2 * x0
	if hi < lo+10 {
		hi = lo + 10
	}
	return lo, hi
}
