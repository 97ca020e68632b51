package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evalkit/evalkit/unitcost"
)

// unitcostBasis describes the prices and discounting in words.
func unitcostBasis(c *unitcostCmd, res *unitcost.Result) string {
	s := "amounts as written (no deflators)"
	if res.PriceYear != 0 {
		s = fmt.Sprintf("in %s prices (%s)", strings.TrimSpace(c.priceYear), filepath.Base(c.deflators))
	}
	if res.DiscountRate > 0 {
		return s + fmt.Sprintf(", discounted at %s%% a year to %s", strconv.FormatFloat(100*res.DiscountRate, 'g', 10, 64), strings.TrimSpace(c.baseYear))
	}
	return s + ", not discounted"
}

// writeUnitcostTable writes the result as tables for a person.
func writeUnitcostTable(w io.Writer, res *unitcost.Result, basis string, sensitivity bool) {
	fmt.Fprintf(w, "Unit costs, %s.\n", basis)
	t := res.Total

	main := ucTable{title: "", align: "lrrrr", rows: [][]string{{"Intervention", "Total cost", "People", "Per person"}}}
	for _, iv := range res.Interventions {
		main.add(iv.Name, unitcost.FormatPounds(iv.TotalCost), strconv.FormatInt(iv.People, 10), unitcost.FormatPounds(iv.CostPerPerson))
	}
	main.add("Total", unitcost.FormatPounds(t.TotalCost), strconv.FormatInt(t.People, 10), unitcost.FormatPounds(t.CostPerPerson))
	main.write(w)

	cats := ucTable{title: "By category", align: "lrrrrr", rows: [][]string{{"Intervention"}}}
	for _, c := range unitcost.Categories {
		cats.rows[0] = append(cats.rows[0], c.String())
	}
	catRow := func(name string, m map[unitcost.Category]float64) {
		row := []string{name}
		for _, c := range unitcost.Categories {
			row = append(row, unitcost.FormatPounds(m[c]))
		}
		cats.add(row...)
	}
	for _, iv := range res.Interventions {
		catRow(iv.Name, iv.ByCategory)
	}
	catRow("Total", t.ByCategory)
	cats.write(w)

	funders := ucTable{title: "By funder", align: "llr", rows: [][]string{{"Intervention", "Funder", "Cost"}}}
	for _, iv := range res.Interventions {
		for _, f := range unitcost.Funders(iv.ByFunder) {
			funders.add(iv.Name, f, unitcost.FormatPounds(iv.ByFunder[f]))
		}
	}
	for _, f := range unitcost.Funders(t.ByFunder) {
		funders.add("Total", f, unitcost.FormatPounds(t.ByFunder[f]))
	}
	funders.write(w)

	groups := ucTable{title: "By group (cost shared by headcount)", align: "llrr", rows: [][]string{{"Intervention", "Group", "People", "Cost"}}}
	for _, iv := range res.Interventions {
		for _, g := range iv.Groups {
			groups.add(iv.Name, g.Group, strconv.FormatInt(g.People, 10), unitcost.FormatPounds(g.Cost))
		}
	}
	if len(groups.rows) > 1 {
		groups.write(w)
	}

	outcomes := ucTable{title: "Outcomes", align: "llrrrrr", rows: [][]string{{"Intervention", "Outcome", "Count", "Per outcome", "Benefit", "NPV", "BCR"}}}
	for _, iv := range res.Interventions {
		for _, o := range iv.Outcomes {
			bcr := "-"
			if !math.IsNaN(o.BCR) {
				bcr = strconv.FormatFloat(o.BCR, 'f', 2, 64)
			}
			outcomes.add(iv.Name, o.Outcome, strconv.FormatFloat(o.Count, 'g', -1, 64), unitcost.FormatPounds(o.CostPerOutcome), unitcost.FormatPounds(o.Benefit), unitcost.FormatPounds(o.NPV), bcr)
		}
	}
	if len(outcomes.rows) > 1 {
		outcomes.write(w)
	}

	if sensitivity && res.Sensitivity > 0 {
		pct := strconv.FormatFloat(100*res.Sensitivity, 'g', 10, 64)
		sens := ucTable{title: fmt.Sprintf("Sensitivity of cost per person, each input alone -%s%% and +%s%%", pct, pct),
			align: "llrr", rows: [][]string{{"Intervention", "Input", "-" + pct + "%", "+" + pct + "%"}}}
		for _, iv := range res.Interventions {
			for _, s := range iv.Sensitivity {
				sens.add(iv.Name, s.Input, unitcost.FormatPounds(s.Down), unitcost.FormatPounds(s.Up))
			}
		}
		sens.write(w)
	}

	if len(res.Warnings) > 0 {
		fmt.Fprintln(w, "\nWarnings")
		for _, s := range res.Warnings {
			fmt.Fprintf(w, "- %s\n", s)
		}
	}
}

// ucTable is a table of text cells, each column as wide as its widest cell,
// aligned left (l) or right (r).
type ucTable struct {
	title string
	align string
	rows  [][]string
}

func (t *ucTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *ucTable) write(w io.Writer) {
	width := make([]int, len(t.align))
	for _, r := range t.rows {
		for j, c := range r {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	fmt.Fprintln(w)
	if t.title != "" {
		fmt.Fprintln(w, t.title)
	}
	for _, r := range t.rows {
		var b strings.Builder
		for j, c := range r {
			if j > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if t.align[j] == 'r' {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
