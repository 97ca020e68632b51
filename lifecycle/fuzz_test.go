package lifecycle

import (
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzParse checks that any input gives a portfolio or a one-line error,
// never a panic, and that advancing any intervention of a portfolio gives a
// file that reads back with the move made (or an error).
func FuzzParse(f *testing.F) {
	if src, err := os.ReadFile("../testdata/lifecycle/handwritten.yaml"); err == nil {
		f.Add(src)
	}
	f.Add([]byte(lifecycleTestPortfolio))
	f.Add([]byte("interventions:\n  - {name: A, gate: 1, history: []}\n"))
	f.Add([]byte("interventions:\n  - name: A\n    gate: 4\n    history:\n"))
	f.Add([]byte("interventions:\r\n- name: A\r\n  gate: 2\r\n  history:\r\n  - {to: 2}\r\n"))
	f.Add([]byte("interventions: [{name: A, gate: 1}]"))
	f.Add([]byte("gates: [{gate: 1, requires: []}]\ninterventions:\n  - name: 'x'\n    gate: 1 # c\n"))
	d := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse(src)
		if err != nil {
			if p != nil {
				t.Fatal("portfolio and error both returned")
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		_ = p.Status()
		_ = p.MissingLinks(func(string) bool { return false })
		_ = p.StatusReport("fuzz.yaml", p.CheckLinks(fstest.MapFS{}))
		for _, iv := range p.Interventions {
			m := Move{Date: d, Override: "fuzz", Note: iv.Name}
			if iv.Gate == GateDecision {
				m.Decision = Adapt
			}
			next, tr, err := p.Advance(iv.Name, m)
			if err != nil {
				continue // Advance refuses rather than write a file it cannot read back
			}
			if got := next.Intervention(iv.Name); got == nil || got.Gate != tr.To {
				t.Fatalf("%q: advanced file does not read back", iv.Name)
			}
		}
	})
}

// FuzzDescribeLink checks that any file linked to is described or not
// recognised, never a panic.
func FuzzDescribeLink(f *testing.F) {
	for _, name := range []string{"analysis.json", "power.json", "allocation.csv.manifest.json", "unitcost.json"} {
		if data, err := os.ReadFile("../testdata/lifecycle/links/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"outcome": "y", "comparisons": [{"estimate": null}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		kind, summary := DescribeLink(data, "x")
		if (kind == NotAResult) != (summary == "") || strings.Contains(summary, "\n") {
			t.Fatalf("DescribeLink = %q, %q", kind, summary)
		}
	})
}

// FuzzCheckLinks checks that any linked manifest, input, output and power
// result give a link check and a status report, never a panic: a problem
// exactly when there is a detail, on one line, and a missing key for each
// problem of the report.
func FuzzCheckLinks(f *testing.F) {
	files := map[string][]byte{}
	for _, name := range []string{"allocation.csv.manifest.json", "units.csv", "allocation.csv", "power_1440.json"} {
		data, err := os.ReadFile("../testdata/lifecycle/problems/" + name)
		if err != nil {
			f.Fatal(err)
		}
		files[name] = data
	}
	f.Add(files["allocation.csv.manifest.json"], files["units.csv"], files["allocation.csv"], files["power_1440.json"])
	f.Add([]byte(`{"method": "complete", "seed": 1}`), []byte("id\n1\n"), []byte{}, []byte(`{"design": "cluster", "alpha": 0.05, "power": 0.8, "n_total": 1e309}`))
	p, err := Parse([]byte(`interventions:
  - name: A
    gate: 2
    evidence:
      randomisation_plan: {status: done, link: allocation.csv.manifest.json}
      power_analysis: {status: done, link: power.json}
      business_case: {status: done, link: power.json}
`))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, manifest, units, allocation, power []byte) {
		fsys := fstest.MapFS{
			"allocation.csv.manifest.json": {Data: manifest},
			"units.csv":                    {Data: units},
			"allocation.csv":               {Data: allocation},
			"power.json":                   {Data: power},
		}
		checks := p.CheckLinks(fsys)
		for _, c := range checks {
			if (c.Problem == NoProblem) != (c.Detail == "") || strings.Contains(c.Detail, "\n") {
				t.Fatalf("%s: problem %q, detail %q", c.Location(), c.Problem, c.Detail)
			}
		}
		r := p.StatusReport("fuzz.yaml", checks)
		for _, iv := range r.Interventions {
			for _, lp := range iv.Problems {
				if !slices.Contains(iv.Missing, lp.Evidence) {
					t.Fatalf("problem of %s, which is not missing", lp.Evidence)
				}
			}
		}
		if err := r.WriteText(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}
