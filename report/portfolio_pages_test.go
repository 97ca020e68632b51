package report

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/evalkit/evalkit/lifecycle"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// portfolioManyGates is a board of n cards at gate 1 and m at gate 3.
func portfolioManyGates(n, m int) []BoardGate {
	gates := portfolioTestGates()
	gates[0].Cards, gates[2].Cards = nil, nil
	for i := range n {
		gates[0].Cards = append(gates[0].Cards, BoardCard{Name: fmt.Sprintf("Scheme %d", i), Missing: []string{"theory_of_change"}})
	}
	for i := range m {
		gates[2].Cards = append(gates[2].Cards, BoardCard{Name: fmt.Sprintf("Trial %d", i), Ready: true})
	}
	return gates
}

// TestPortfolioBoardPages: a board taller than a page is split into
// pages of every gate, each no taller than a page, that hold every card
// once and in order (issue 21, H2).
func TestPortfolioBoardPages(t *testing.T) {
	gates := portfolioManyGates(150, 40)
	pages, err := PortfolioBoardPages("T", gates)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, g := range gates {
		var names []string
		for k, page := range pages {
			if len(page) != len(gates) || page[i].Number != g.Number || page[i].Total != len(g.Cards) {
				t.Fatalf("page %d, gate %d = %+v", k, i, page[i])
			}
			for _, c := range page[i].Cards {
				names = append(names, c.Name)
			}
			if _, _, h := PortfolioBoard("T", page); h > portfolioPageHeight {
				t.Errorf("page %d is %v tall", k, h)
			}
		}
		var want []string
		for _, c := range g.Cards {
			want = append(want, c.Name)
		}
		if strings.Join(names, ",") != strings.Join(want, ",") {
			t.Errorf("gate %d: pages hold %v", g.Number, names)
		}
	}
	if _, err := PortfolioBoardPNG("T", gates); !errors.Is(err, ErrBoardTooLarge) {
		t.Errorf("PortfolioBoardPNG of the whole board = %v", err)
	}
	one, err := PortfolioBoardPages("T", portfolioTestGates())
	if err != nil || len(one) != 1 || one[0][0].Total != 0 {
		t.Errorf("a small board = %v, %v", one, err)
	}
}

// TestPortfolioBoardTooLarge: a board of more pages or interventions than
// the bounds is refused, quickly.
func TestPortfolioBoardTooLarge(t *testing.T) {
	for _, tc := range []struct {
		n, m int
		want string
	}{
		{600, 0, "603 interventions need more than the 5 pages"},
		{1500, 1500, "3003 interventions, more than the 2000 a board shows"},
	} {
		start := time.Now()
		_, err := PortfolioBoardPages("T", portfolioManyGates(tc.n, tc.m))
		if !errors.Is(err, ErrBoardTooLarge) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d and %d cards: %v", tc.n, tc.m, err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%d and %d cards refused in %v", tc.n, tc.m, took)
		}
	}
}

// TestPortfolioCardCapped: a card's text is cut to MaxCardLines and its
// name to MaxCardNameLines.
func TestPortfolioCardCapped(t *testing.T) {
	gates := portfolioTestGates()
	gates[0].Cards[0].Name = strings.Repeat("long name ", 200)
	gates[0].Cards[0].NextStep = strings.Repeat("a step ", 20_000)
	b := &portfolioBoard{title: "T", gates: gates, handler: plot.DefaultTextHandler}
	b.layout(portfolioBoardWidth)
	ct := b.cards[0][0]
	if len(ct.name) != MaxCardNameLines || len(ct.lines) != MaxCardLines || !strings.HasSuffix(ct.lines[MaxCardLines-1].text, " …") {
		t.Fatalf("card of %d name lines and %d lines", len(ct.name), len(ct.lines))
	}
}

// TestRenderPortfolioPages: the report of a portfolio whose board takes
// several pages writes each, and names them; one of 10,000 interventions
// is refused at once.
func TestRenderPortfolioPages(t *testing.T) {
	defer func(h vg.Length) { portfolioPageHeight = h }(portfolioPageHeight)
	portfolioPageHeight = 20 * vg.Inch // pages of 1500 × 3000 pixels, quicker to draw
	var src strings.Builder
	src.WriteString("interventions:\n")
	for i := range 25 {
		fmt.Fprintf(&src, "  - {name: Scheme %d, gate: 1}\n", i)
	}
	p, err := lifecycle.Parse([]byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := RenderPortfolio(p, "many.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.PNG) < 2 || r.PNG["portfolio_board_2.png"] == nil {
		t.Fatalf("files %d", len(r.PNG))
	}
	for name, data := range r.PNG {
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil || img.Bounds().Dy() > 6000 {
			t.Errorf("%s: %v, %v", name, img.Bounds(), err)
		}
	}
	if got := PortfolioWrote("out", r); !strings.HasPrefix(got, "out/report.html, out/portfolio_board.png") ||
		!strings.HasSuffix(got, fmt.Sprintf(" and out/portfolio_board_%d.png", len(r.PNG))) {
		t.Errorf("PortfolioWrote = %q", got)
	}
	if n := strings.Count(string(r.HTML), "<svg"); n != len(r.PNG) {
		t.Errorf("%d boards in the page, want %d", n, len(r.PNG))
	}
}
