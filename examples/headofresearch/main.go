// Command headofresearch is a program in a module of its own, as a head of
// research would write one: it analyses the programme's three example
// trials with evalkit's rct/analysis package, reading each from its CSV
// file or from a gota dataframe (package frame), and prints exactly what
// evalkit analyse --json prints for the same trial. CI checks that the
// bytes agree (.ci/run).
//
//	go run . -trial navigators -source gota ../school_navigators.csv
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/go-gota/gota/dataframe"

	"github.com/evalkit/evalkit/frame"
	"github.com/evalkit/evalkit/rct/analysis"
)

// trials are the example trials, as the README's commands analyse them.
var trials = map[string]struct {
	cols analysis.Columns
	plan analysis.Plan
}{
	// evalkit analyse --outcome attendance --covariates attendance_baseline
	//   --block town --cluster school --permutations 2000 --seed 1
	"navigators": {analysis.Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"},
		analysis.Plan{Permutations: 2000, Seed: 1}},
	// evalkit analyse --outcome reoffended
	"deterrence": {analysis.Columns{Outcome: "reoffended"}, analysis.Plan{}},
	// evalkit analyse --outcome crimes_after --type count --exposure weeks
	//   --covariates crimes_before --block area
	"hotspots": {analysis.Columns{Outcome: "crimes_after", Exposure: "weeks", Covariates: []string{"crimes_before"}, Block: "area"},
		analysis.Plan{Type: analysis.Count}},
	// evalkit analyse --outcome crimes_after --type count --exposure weeks
	//   --model poisson --permutations 500 --seed 3
	"hotspots-exact": {analysis.Columns{Outcome: "crimes_after", Exposure: "weeks"},
		analysis.Plan{Type: analysis.Count, Model: analysis.Poisson, Permutations: 500, Seed: 3}},
}

func main() {
	trial := flag.String("trial", "navigators", "the trial: navigators, deterrence, hotspots or hotspots-exact")
	source := flag.String("source", "csv", "read the file as csv or as a gota dataframe (gota)")
	flag.Parse()
	t, ok := trials[*trial]
	if !ok || flag.NArg() != 1 {
		log.Fatalf("usage: headofresearch -trial NAME [-source csv|gota] FILE")
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var d analysis.Data
	switch *source {
	case "csv":
		d, err = analysis.ReadCSV(f, t.cols)
	case "gota":
		df := dataframe.ReadCSV(f, dataframe.DetectTypes(false))
		d, err = analysis.Read(frame.Gota(df), t.cols)
	default:
		err = fmt.Errorf("-source %q: want csv or gota", *source)
	}
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Analyse(d, t.plan)
	if err != nil {
		log.Fatal(err)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		log.Fatal(err)
	}
}
