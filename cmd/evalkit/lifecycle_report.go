package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/evalkit/evalkit/lifecycle"
	plots "github.com/evalkit/evalkit/report"
)

const lifecycleReportUsage = `
Usage: evalkit lifecycle report --in portfolio.yaml --out DIR [--force]

Draws the portfolio by gate: DIR/report.html (one self-contained page that
opens offline, the board inline as SVG, and a table per gate) and
DIR/portfolio_board.png (the board: a column per gate, a card per
intervention with what it is missing). An existing DIR is an error unless
--force is given.

Example:

	evalkit lifecycle report --in examples/portfolio.yaml --out portfolio-report
`

func lifecycleReport(e *env, args []string) error {
	fset := newFlagSet(e, "lifecycle report", lifecycleReportUsage)
	in := fset.String("in", "", "the portfolio `file` (YAML)")
	out := fset.String("out", "", "the `folder` to write report.html and portfolio_board.png in")
	force := fset.Bool("force", false, "write into an existing folder, replacing its report files")
	if err := parseFlags(fset, args, false); err != nil {
		return err
	}
	if err := lifecycleInFlag(*in); err != nil {
		return err
	}
	if *out == "" {
		return usageErrorf("--out is required (see -h)")
	}
	p, err := lifecycleRead(*in)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(*out); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s exists and is not a folder", *out)
		}
		if !*force {
			return fmt.Errorf("%s %w", *out, errExists)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	title := p.Title
	if title == "" {
		title = "Research life cycle: " + filepath.Base(*in)
	}
	gates := lifecycleBoard(p, lifecycleCheckLinks(p, *in))
	var html bytes.Buffer
	if err := plots.WritePortfolioHTML(&html, title, gates); err != nil {
		return err
	}
	png, err := plots.PortfolioBoardPNG(title, gates)
	if err != nil {
		return err
	}
	files := map[string][]byte{"report.html": html.Bytes(), "portfolio_board.png": png}
	if err := writeDirAtomic(*out, files, nil, *force); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "wrote %s and %s\n",
		filepath.Join(*out, "report.html"), filepath.Join(*out, "portfolio_board.png"))
	return err
}

// lifecycleBoard turns the portfolio into the board's columns, the
// interventions in file order within each gate.
func lifecycleBoard(p *lifecycle.Portfolio, links map[string][]lifecycleLinkInfo) []plots.BoardGate {
	var gates []plots.BoardGate
	for _, g := range p.Gates {
		col := plots.BoardGate{Number: g.Number, Name: g.Name}
		for i := range p.Interventions {
			iv := &p.Interventions[i]
			if iv.Gate != g.Number {
				continue
			}
			s := p.Standing(iv)
			c := plots.BoardCard{Name: iv.Name, Network: iv.Network, Area: iv.Area, Ready: s.Ready,
				Missing: s.Missing, Decision: string(iv.Decision)}
			for _, l := range links[iv.Name] {
				switch {
				case !l.Found:
					c.MissingLinks = append(c.MissingLinks, l.Evidence)
				case l.Kind != lifecycle.NotAResult:
					c.Results = append(c.Results, l.Evidence+": "+l.Summary)
				}
			}
			if n := len(iv.History); n > 0 {
				h := iv.History[n-1]
				c.LastMove = fmt.Sprintf("%s: gate %d to %d", h.Date, h.From, h.To)
				if h.Override != "" {
					c.LastMove += " (override: " + h.Override + ")"
				}
			}
			col.Cards = append(col.Cards, c)
		}
		gates = append(gates, col)
	}
	return gates
}
