package lifecycle

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// lifecycleSink keeps benchmark results alive.
var lifecycleSink any

// lifecycleBenchPortfolio writes a portfolio of n interventions with
// comments, evidence and history, as a large programme's file would be.
func lifecycleBenchPortfolio(n int) []byte {
	var b strings.Builder
	b.WriteString("# generated for benchmarks\ninterventions:\n")
	for i := range n {
		fmt.Fprintf(&b, "  # intervention %d\n  - name: Intervention %d\n    network: Network %d\n    gate: %d\n", i, i, i%6, 1+i%4)
		b.WriteString("    evidence:\n      literature_review: {status: done, date: 2023-01-01}\n      theory_of_change: done\n")
		b.WriteString("      business_case: {status: in_progress, note: drafting, link: cases/x.pdf}\n")
		b.WriteString("    history:\n      - {date: 2022-10-01, from: 1, to: 1, note: entered}\n")
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		src := lifecycleBenchPortfolio(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				p, err := Parse(src)
				if err != nil {
					b.Fatal(err)
				}
				lifecycleSink = p
			}
		})
	}
}

func BenchmarkStatus(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		p, err := Parse(lifecycleBenchPortfolio(n))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				lifecycleSink = p.Status()
			}
		})
	}
}

// BenchmarkAdvance moves the last intervention, which includes reading
// the edited file back to check it.
func BenchmarkAdvance(b *testing.B) {
	d := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{10, 100, 1000, 10000} {
		p, err := Parse(lifecycleBenchPortfolio(n))
		if err != nil {
			b.Fatal(err)
		}
		name := p.Interventions[n-2].Name // at gate 3 (n is even)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				next, _, err := p.Advance(name, Move{Date: d, Override: "benchmark"})
				if err != nil {
					b.Fatal(err)
				}
				lifecycleSink = next
			}
		})
	}
}

// BenchmarkCheckLinks checks a portfolio whose n interventions each link
// the same analysis, power and unit-cost results.
func BenchmarkCheckLinks(b *testing.B) {
	fsys := fstest.MapFS{
		"analysis.json": {Data: []byte(linkTestAnalysis)},
		"power.json":    {Data: []byte(linkTestPower)},
		"costs.json":    {Data: []byte(linkTestUnitCost)},
	}
	for _, n := range []int{100, 1000, 10000} {
		var src strings.Builder
		src.WriteString("interventions:\n")
		for i := range n {
			fmt.Fprintf(&src, "  - name: Scheme %d\n    gate: 2\n    evidence:\n      analysis: {status: done, link: analysis.json}\n      power_analysis: {status: done, link: power.json}\n      cost_per_person: {status: done, link: costs.json}\n", i)
		}
		p, err := Parse([]byte(src.String()))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				lifecycleSink = p.CheckLinks(fsys)
			}
		})
	}
}
