package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// The board's bounds. A board of 10,000 interventions was drawn as one
// PNG of 1500 × 285,356 pixels (50 s, 2.8 GB): the board is now drawn in
// pages of bounded height, a card's text is cut to a bounded number of
// lines, and a portfolio that would need more pages is refused.
const (
	// MaxBoardInterventions is the most interventions a board is drawn
	// for: 2,000, about a second of laying out text.
	MaxBoardInterventions = 2000
	// MaxBoardPages is the most pages a board is drawn on: 5, at most
	// 1500 × 6000 pixels each (36 MB while drawn), the first
	// portfolio_board.png and the next portfolio_board_2.png and on.
	MaxBoardPages = 5
	// MaxCardLines is the most lines of text on a card below its name,
	// and MaxCardNameLines the most lines of its name; longer text ends
	// in "…".
	MaxCardLines     = 30
	MaxCardNameLines = 4
)

// portfolioPageHeight is a page's greatest height: 40 inches, 6000
// pixels at PNGDPI.
var portfolioPageHeight = 40 * vg.Inch

// ErrBoardTooLarge is returned for a portfolio whose board would pass
// MaxBoardInterventions or MaxBoardPages.
var ErrBoardTooLarge = errors.New("report: the portfolio is too large to draw as a board")

// PortfolioBoardPages splits the board into pages no taller than 40
// inches: each page has every gate's column, and holds the next of each
// gate's cards, in order, that fit (at least one while any is left). The
// gates' Total is set to their number of cards on all pages. A board that
// fits on one page is one page holding gates as they are.
func PortfolioBoardPages(title string, gates []BoardGate) ([][]BoardGate, error) {
	total := 0
	for _, g := range gates {
		total += len(g.Cards)
	}
	if err := checkBoardInterventions(total); err != nil {
		return nil, err
	}
	b := &portfolioBoard{title: title, gates: gates, handler: plot.DefaultTextHandler}
	b.layout(portfolioBoardWidth)
	if b.height <= portfolioPageHeight {
		return [][]BoardGate{gates}, nil
	}
	room := portfolioPageHeight - (b.height - b.tallest)
	next := make([]int, len(gates))
	var pages [][]BoardGate
	for left := total; left > 0; {
		if len(pages) == MaxBoardPages {
			return nil, fmt.Errorf("%w: %d interventions need more than the %d pages of %.0f inches a board is drawn on; see evalkit lifecycle status", ErrBoardTooLarge, total, MaxBoardPages, float64(portfolioPageHeight/vg.Inch))
		}
		page := make([]BoardGate, len(gates))
		for i, g := range gates {
			page[i] = BoardGate{Number: g.Number, Name: g.Name, Total: len(g.Cards)}
			used := vg.Length(0)
			for ; next[i] < len(g.Cards); next[i]++ {
				h := b.cards[i][next[i]].height() + portfolioGap
				if len(page[i].Cards) > 0 && used+h > room {
					break
				}
				page[i].Cards = append(page[i].Cards, g.Cards[next[i]])
				used += h
				left--
			}
		}
		pages = append(pages, page)
	}
	return pages, nil
}

func checkBoardInterventions(n int) error {
	if n > MaxBoardInterventions {
		return fmt.Errorf("%w: %d interventions, more than the %d a board shows; see evalkit lifecycle status", ErrBoardTooLarge, n, MaxBoardInterventions)
	}
	return nil
}

// PortfolioBoardTitle is page k's title (counting from 0) of n: the title
// itself on a board of one page, and "title (board 2 of 3)" otherwise.
func PortfolioBoardTitle(title string, k, n int) string {
	if n == 1 {
		return title
	}
	return fmt.Sprintf("%s (board %d of %d)", title, k+1, n)
}

// PortfolioBoardFile is page k's file name (counting from 0):
// portfolio_board.png, then portfolio_board_2.png and on.
func PortfolioBoardFile(k int) string {
	if k == 0 {
		return "portfolio_board.png"
	}
	return fmt.Sprintf("portfolio_board_%d.png", k+1)
}

// PortfolioWrote names the files of a portfolio's report in dir, as
// evalkit lifecycle report says it wrote them: "dir/report.html and
// dir/portfolio_board.png", and the board's other pages when it has them.
func PortfolioWrote(dir string, r *Rendered) string {
	names := []string{filepath.Join(dir, "report.html")}
	for k := range len(r.PNG) {
		names = append(names, filepath.Join(dir, PortfolioBoardFile(k)))
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// capLines cuts lines to at most n, the last of them ending in "…" when
// any were cut.
func capLines(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n:n]
	lines[n-1] += " …"
	return lines
}
