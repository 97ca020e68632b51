// Command analysis is how a head of research might analyse two of the
// programme's trials in Go with evalkit's stats package: the focused
// deterrence trial's re-offending (a binary outcome), and the School
// Navigators cluster trial's attendance (a continuous outcome, schools
// randomised within town, adjusted for the baseline with CR2 errors).
//
//	go run ./examples/analysis -dir examples
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strconv"

	"github.com/evalkit/evalkit/stats"
)

func main() {
	dir := flag.String("dir", "examples", "folder holding the example data")
	flag.Parse()
	if err := run(os.Stdout, *dir); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, dir string) error {
	if err := reoffending(w, filepath.Join(dir, "focused_deterrence.csv")); err != nil {
		return err
	}
	return attendance(w, filepath.Join(dir, "school_navigators.csv"))
}

// reoffending compares the share re-offending between the arms.
func reoffending(w io.Writer, path string) error {
	rows, err := readRows(path)
	if err != nil {
		return err
	}
	var x, nx, y, ny int // events and people, treatment and control
	for _, r := range rows {
		if r["reoffended"] == "NA" {
			continue
		}
		event := r["reoffended"] == "1"
		if r["arm"] == "treatment" {
			nx++
			if event {
				x++
			}
		} else {
			ny++
			if event {
				y++
			}
		}
	}
	rd, err := stats.RiskDifference(x, nx, y, ny, 0.95)
	if err != nil {
		return err
	}
	fisher, err := stats.FisherExact(x, nx, y, ny, stats.TwoSided)
	if err != nil {
		return err
	}
	rr, err := stats.RiskRatio(x, nx, y, ny, 0.95)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Focused deterrence: re-offended %d/%d treated, %d/%d control\n", x, nx, y, ny)
	fmt.Fprintf(w, "  risk difference %.3f [%.3f, %.3f], Fisher p = %.3f\n", rd.Diff, rd.Low, rd.High, fisher.P)
	fmt.Fprintf(w, "  risk ratio %.3f [%.3f, %.3f]\n", rr.Estimate, rr.Low, rr.High)
	return nil
}

// attendance estimates the School Navigators' effect on attendance, first
// unadjusted (Welch, Hedges' g), then adjusted for the baseline with town
// fixed effects and CR2 errors clustered by school.
func attendance(w io.Writer, path string) error {
	rows, err := readRows(path)
	if err != nil {
		return err
	}
	var treated, control, y, treat, base []float64
	var town, school []int
	towns, schools := map[string]int{}, map[string]int{}
	for _, r := range rows {
		if r["attendance"] == "" {
			continue
		}
		v, err1 := strconv.ParseFloat(r["attendance"], 64)
		b, err2 := strconv.ParseFloat(r["attendance_baseline"], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%s: pupil %s: attendance is not a number", path, r["pupil_id"])
		}
		t := 0.0
		if r["arm"] == "treatment" {
			t = 1
			treated = append(treated, v)
		} else {
			control = append(control, v)
		}
		y, treat, base = append(y, v), append(treat, t), append(base, b)
		town = append(town, code(towns, r["town"]))
		school = append(school, code(schools, r["school"]))
	}
	welch, err := stats.WelchT(treated, control, 0.95, stats.TwoSided)
	if err != nil {
		return err
	}
	g, err := stats.HedgesG(treated, control, 0.95, stats.TwoSided)
	if err != nil {
		return err
	}
	fit, err := stats.OLS(y, []string{"treatment", "baseline"}, [][]float64{treat, base},
		stats.OLSOptions{Cov: stats.CR2, Block: town, Cluster: school})
	if err != nil {
		return err
	}
	c := fit.Coefficients[0]
	fmt.Fprintf(w, "School Navigators: %d pupils in %d schools\n", len(y), len(schools))
	fmt.Fprintf(w, "  unadjusted difference %.2f points [%.2f, %.2f], Hedges' g %.3f [%.3f, %.3f]\n",
		welch.Estimate, welch.CILow, welch.CIHigh, g.Value, g.CILow, g.CIHigh)
	fmt.Fprintf(w, "  adjusted (CR2, %.1f df) %.2f points [%.2f, %.2f], p = %.3f\n", c.DF, c.Estimate, c.CILow, c.CIHigh, c.P)
	return nil
}

// code returns the number standing for label, numbering labels as they come.
func code(codes map[string]int, label string) int {
	c, ok := codes[label]
	if !ok {
		c = len(codes)
		codes[label] = c
	}
	return c
}

// readRows reads a CSV file as one map from column to text per row.
func readRows(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	rows := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		r := make(map[string]string, len(rec))
		for j, h := range recs[0] {
			r[h] = rec[j]
		}
		rows = append(rows, r)
	}
	return rows, nil
}
