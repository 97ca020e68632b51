package frame_test

import (
	"fmt"
	"os"

	"github.com/go-gota/gota/dataframe"

	"github.com/evalkit/evalkit/frame"
	"github.com/evalkit/evalkit/rct/analysis"
)

// The focused-deterrence trial held as a gota dataframe.
func ExampleGota() {
	f, err := os.Open("../examples/focused_deterrence.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	df := dataframe.ReadCSV(f, dataframe.DetectTypes(false))
	d, err := analysis.Read(frame.Gota(df), analysis.Columns{Outcome: "reoffended"})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := analysis.Analyse(d, analysis.Plan{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Comparisons[0]
	fmt.Printf("%s vs %s: %s %.4f [%.4f, %.4f]\n", c.Treatment, c.Control, c.Method, c.Estimate, c.CILow, c.CIHigh)
	// Output:
	// treatment vs control: fisher_exact -0.0678 [-0.1615, 0.0275]
}
