package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The School Navigators effect agrees with R 4.2.2, estimatr 1.0.0:
// lm_robust(attendance ~ treat + attendance_baseline + factor(town),
// clusters = school, se_type = "CR2") gives 2.10981450180 [0.14208710981,
// 4.07754189378], p = 0.03687052045 on 19.91729341026 df.
func Example() {
	if err := run(os.Stdout, filepath.Join(".."), false); err != nil {
		panic(err)
	}
	// Output:
	// Focused deterrence: reoffended (binary)
	//   treatment vs control, risk difference: -0.0678 [-0.162, 0.0275], p = 0.170
	//     risk_ratio 0.827 [0.633, 1.08]
	//     odds_ratio 0.744 [0.491, 1.13]
	// School Navigators: attendance (continuous)
	//   treatment vs control, adjusted difference in means: 2.11 [0.142, 4.08], p = 0.037
	//     adjusted_g 0.343 [0.0231, 0.663]
	//     randomisation p = 0.022
	// Hotspot policing: crimes_after (count)
	//   treatment vs control, rate ratio: 0.755 [0.625, 0.913], p = 0.004
}

// With -json the program prints one JSON object per trial.
func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "..", true); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(b.String()))
	n := 0
	for {
		var v map[string]any
		if err := dec.Decode(&v); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		cs, _ := v["comparisons"].([]any)
		if len(cs) != 1 {
			t.Fatalf("object %d: %d comparisons, want 1", n, len(cs))
		}
		want := []string{"fisher_exact", "ols_cr2", "negbin_glm"}[n]
		if m := cs[0].(map[string]any)["method"]; m != want {
			t.Errorf("object %d: method %v, want %s", n, m, want)
		}
		n++
	}
	if n != len(trials) {
		t.Errorf("%d objects, want %d", n, len(trials))
	}
}
