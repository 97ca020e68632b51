// Command analysis is how a head of research might analyse the programme's
// trials in Go with evalkit's rct/analysis package, exactly as evalkit
// analyse does: the focused deterrence trial's re-offending (a binary
// outcome), the School Navigators cluster trial's attendance (schools
// randomised within town, adjusted for the baseline with CR2 errors and a
// randomisation-inference p-value), and the hotspot trial's crimes (a count
// per week of follow-up).
//
//	go run ./examples/analysis -dir examples
//	go run ./examples/analysis -dir examples -json   # what evalkit analyse --json prints
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/evalkit/evalkit/rct/analysis"
)

// trials are the example trials and how each was randomised.
var trials = []struct {
	title, file string
	cols        analysis.Columns
	plan        analysis.Plan
}{
	{"Focused deterrence", "focused_deterrence.csv", analysis.Columns{Outcome: "reoffended"}, analysis.Plan{}},
	{"School Navigators", "school_navigators.csv",
		analysis.Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"},
		analysis.Plan{Permutations: 2000, Seed: 1}},
	{"Hotspot policing", "hotspots.csv",
		analysis.Columns{Outcome: "crimes_after", Exposure: "weeks", Covariates: []string{"crimes_before"}, Block: "area"},
		analysis.Plan{Type: analysis.Count}},
}

func main() {
	dir := flag.String("dir", "examples", "folder holding the example data")
	asJSON := flag.Bool("json", false, "print each trial's result as evalkit analyse --json does")
	flag.Parse()
	if err := run(os.Stdout, *dir, *asJSON); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, dir string, asJSON bool) error {
	for _, t := range trials {
		res, err := analyseFile(filepath.Join(dir, t.file), t.cols, t.plan)
		if err != nil {
			return err
		}
		if asJSON {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(res); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(w, "%s: %s (%s)\n", t.title, res.Outcome, res.Type)
		for _, c := range res.Comparisons {
			fmt.Fprintf(w, "  %s vs %s, %s: %.3g [%.3g, %.3g], p = %.3f\n", c.Treatment, c.Control,
				c.Method.Measure(res.Type), c.Estimate, c.CILow, c.CIHigh, c.PValue)
			for _, e := range c.EffectSizes {
				fmt.Fprintf(w, "    %s %.3g [%.3g, %.3g]\n", e.Measure, e.Value, e.CILow, e.CIHigh)
			}
			if c.RIPValue == c.RIPValue {
				fmt.Fprintf(w, "    randomisation p = %.3f\n", c.RIPValue)
			}
		}
	}
	return nil
}

// analyseFile reads a trial's CSV file and analyses it.
func analyseFile(path string, cols analysis.Columns, plan analysis.Plan) (*analysis.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := analysis.ReadCSV(f, cols)
	if err != nil {
		return nil, err
	}
	return analysis.Analyse(d, plan)
}
