// Command lifecycle shows how a head of research uses package lifecycle
// from Go: read the programme's portfolio, see what each intervention needs
// to pass its gate and which evidence links point nowhere (as evalkit
// lifecycle status does), pick the ones closest to moving on, and prepare a
// move (here only printed, not written back).
//
//	go run ./examples/lifecycle -in examples/portfolio.yaml
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/evalkit/evalkit/lifecycle"
)

func main() {
	in := flag.String("in", "examples/portfolio.yaml", "the portfolio file")
	flag.Parse()
	src, err := os.ReadFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	p, err := lifecycle.Parse(src)
	if err != nil {
		log.Fatalf("%s: %v", *in, err)
	}
	// Evidence links are relative to the portfolio's folder.
	if err := review(os.Stdout, p, lifecycle.LinkDir(filepath.Dir(*in)), time.Now()); err != nil {
		log.Fatal(err)
	}
}

// review prints the portfolio by gate, the evidence links not found in
// folder, the interventions nearest to their next gate, and the history
// entry that an override would write.
func review(w io.Writer, p *lifecycle.Portfolio, folder fs.FS, today time.Time) error {
	fmt.Fprintf(w, "%s\n\n", p.Title)
	// What evalkit lifecycle status --json prints: json.Marshal(st).
	st := p.StatusReport("portfolio.yaml", p.CheckLinks(folder))
	for _, g := range st.Gates {
		fmt.Fprintf(w, "Gate %d, %s: %d\n", g.Number, g.Name, st.ByGate[g.Number])
	}
	fmt.Fprintf(w, "Ready to move on: %d of %d\n", st.NumReady(), len(st.Interventions))
	fmt.Fprintf(w, "\nEvidence links not found:\n")
	for _, iv := range st.Interventions {
		for _, l := range iv.MissingLinks {
			fmt.Fprintf(w, "  %s: %s\n", l.Location(), l.Path)
		}
	}

	// Nearest to moving on: the smallest share of the gate's evidence
	// still missing, counting work in progress as half done.
	type near struct {
		s              lifecycle.Standing
		required, busy int
		score          float64
	}
	var all []near
	for i := range p.Interventions {
		iv := &p.Interventions[i]
		n := near{s: p.Standing(iv)}
		g, _ := p.Gate(iv.Gate)
		n.required = max(len(g.Requires), 1)
		for _, key := range n.s.Missing {
			if e, ok := iv.EvidenceFor(key); ok && e.Status == lifecycle.InProgress {
				n.busy++
			}
		}
		n.score = (float64(len(n.s.Missing)) - 0.5*float64(n.busy)) / float64(n.required)
		all = append(all, n)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score < all[j].score })
	fmt.Fprintf(w, "\nNearest to their next gate:\n")
	for _, n := range all[:min(4, len(all))] {
		fmt.Fprintf(w, "  %-26s gate %d: %d of %d missing, %d in progress\n",
			n.s.Name, n.s.Gate, len(n.s.Missing), n.required, n.busy)
	}

	// Evidence in progress at gate 3, with its notes.
	fmt.Fprintf(w, "\nTrials in progress:\n")
	for _, iv := range p.Interventions {
		if iv.Gate != lifecycle.GateTrial {
			continue
		}
		for _, e := range iv.Evidence {
			if e.Status == lifecycle.InProgress {
				fmt.Fprintf(w, "  %s, %s: %s\n", iv.Name, e.Key, e.Note)
			}
		}
	}

	// A move the board might approve: refused without an override, and
	// with one, the file to write back (the caller would write it
	// atomically over the portfolio).
	const name = "Hospital Navigators"
	if _, _, err := p.Advance(name, lifecycle.Move{Date: today}); err != nil {
		fmt.Fprintf(w, "\nAdvance %s: %v\n", name, err)
	}
	next, t, err := p.Advance(name, lifecycle.Move{
		Date:     today,
		Note:     "board approved a trial for 2024-25",
		Override: "Oxford Brookes review stands in for the process evaluation",
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "With an override, %s moves from gate %d to %d; the file grows by %d bytes.\n",
		name, t.From, t.To, len(next.Bytes())-len(p.Bytes()))
	return nil
}
