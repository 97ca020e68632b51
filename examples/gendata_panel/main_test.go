package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/qed"
)

// TestCommittedPanelIsReproduced checks that the generator writes the
// committed examples/navigators_panel.csv byte for byte.
func TestCommittedPanelIsReproduced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "panel.csv")
	if err := write(path, panel()); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want, err := os.ReadFile("../navigators_panel.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("examples/navigators_panel.csv differs from what the generator writes (run go run ./examples/gendata_panel)")
	}
}

// ExamplePanel_DiD is the README's evalkit did on the example panel.
func ExamplePanel_DiD() {
	tb, err := table.ReadFile("../navigators_panel.csv")
	if err != nil {
		panic(err)
	}
	p, err := qed.ReadPanel(tb, qed.PanelColumns{Unit: "school", Time: "term", Outcome: "attendance", FirstTreated: "first_term"})
	if err != nil {
		panic(err)
	}
	r, err := p.DiD(qed.DiDOptions{})
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		panic(err)
	}
	for _, l := range strings.Split(b.String(), "\n")[:7] {
		fmt.Println(l)
	}
	// Output:
	// Difference in differences: attendance, 40 units over 10 periods (398 rows, 0 without an outcome)
	// Cohorts first treated in period 4 (10 units), 6 (8 units), 8 (10 units); never treated: 12 units
	// Method: Callaway and Sant'Anna (2021), ATT(g,t) against the never treated, base period g-1; standard errors from the influence functions, clustered on unit; normal intervals
	//
	//                         estimate  se      95% CI            df  p
	//   simple ATT            0.6426    0.174   [0.3016, 0.9836]  NA  0.000221
	//   dynamic ATT (e >= 0)  0.7866    0.1897  [0.4148, 1.158]   NA  3.373e-05
}
