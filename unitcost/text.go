package unitcost

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/texttable"
)

// TextOptions says how WriteText describes a result's basis and which of
// its parts it shows.
type TextOptions struct {
	// PriceYear and BaseYear are the years as the user wrote them, such
	// as 2024-25; when empty, the result's years are shown as numbers.
	PriceYear, BaseYear string
	// Deflators names the deflator series, such as its file's name.
	Deflators string
	// Sensitivity shows the one-way sensitivity table (when the result
	// has one).
	Sensitivity bool
}

// WriteText writes the result as tables for a person, as evalkit unitcost
// prints it: a line on the basis of the costs (prices and discounting),
// then the cost per person of each intervention and in total, the costs by
// category, by funder and by group, the outcomes (when costed), the
// sensitivity analysis (when o.Sensitivity is set) and the warnings.
// Money is shown by FormatPounds and an undefined quantity as "-".
func (r *Result) WriteText(w io.Writer, o TextOptions) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Unit costs, %s.\n", r.basis(o))
	t := r.Total

	main := texttable.Table{Align: "lrrrr", Rows: [][]string{{"Intervention", "Total cost", "People", "Per person"}}}
	for _, iv := range r.Interventions {
		main.Add(iv.Name, FormatPounds(iv.TotalCost), strconv.FormatInt(iv.People, 10), FormatPounds(iv.CostPerPerson))
	}
	main.Add("Total", FormatPounds(t.TotalCost), strconv.FormatInt(t.People, 10), FormatPounds(t.CostPerPerson))
	main.Write(&b)

	cats := texttable.Table{Title: "By category", Align: "lrrrrr", Rows: [][]string{{"Intervention"}}}
	for _, c := range Categories {
		cats.Rows[0] = append(cats.Rows[0], c.String())
	}
	catRow := func(name string, m map[Category]float64) {
		row := []string{name}
		for _, c := range Categories {
			row = append(row, FormatPounds(m[c]))
		}
		cats.Add(row...)
	}
	for _, iv := range r.Interventions {
		catRow(iv.Name, iv.ByCategory)
	}
	catRow("Total", t.ByCategory)
	cats.Write(&b)

	funders := texttable.Table{Title: "By funder", Align: "llr", Rows: [][]string{{"Intervention", "Funder", "Cost"}}}
	for _, iv := range r.Interventions {
		for _, f := range Funders(iv.ByFunder) {
			funders.Add(iv.Name, f, FormatPounds(iv.ByFunder[f]))
		}
	}
	for _, f := range Funders(t.ByFunder) {
		funders.Add("Total", f, FormatPounds(t.ByFunder[f]))
	}
	funders.Write(&b)

	groups := texttable.Table{Title: "By group (cost shared by headcount)", Align: "llrr", Rows: [][]string{{"Intervention", "Group", "People", "Cost"}}}
	for _, iv := range r.Interventions {
		for _, g := range iv.Groups {
			groups.Add(iv.Name, g.Group, strconv.FormatInt(g.People, 10), FormatPounds(g.Cost))
		}
	}
	if len(groups.Rows) > 1 {
		groups.Write(&b)
	}

	outcomes := texttable.Table{Title: "Outcomes", Align: "llrrrrr", Rows: [][]string{{"Intervention", "Outcome", "Count", "Per outcome", "Benefit", "NPV", "BCR"}}}
	for _, iv := range r.Interventions {
		for _, oc := range iv.Outcomes {
			outcomes.Add(iv.Name, oc.Outcome, strconv.FormatFloat(oc.Count, 'g', -1, 64), FormatPounds(oc.CostPerOutcome),
				FormatPounds(oc.Benefit), FormatPounds(oc.NPV), FormatRatio(oc.BCR))
		}
	}
	if len(outcomes.Rows) > 1 {
		outcomes.Write(&b)
	}

	if o.Sensitivity && r.Sensitivity > 0 {
		pct := strconv.FormatFloat(100*r.Sensitivity, 'g', 10, 64)
		sens := texttable.Table{Title: fmt.Sprintf("Sensitivity of cost per person, each input alone -%s%% and +%s%%", pct, pct),
			Align: "llrr", Rows: [][]string{{"Intervention", "Input", "-" + pct + "%", "+" + pct + "%"}}}
		for _, iv := range r.Interventions {
			for _, s := range iv.Sensitivity {
				sens.Add(iv.Name, s.Input, FormatPounds(s.Down), FormatPounds(s.Up))
			}
		}
		sens.Write(&b)
	}
	WriteWarnings(&b, r.Warnings)
	_, err := w.Write(b.Bytes())
	return err
}

// basis describes the prices and discounting in words.
func (r *Result) basis(o TextOptions) string {
	s := "amounts as written (no deflators)"
	if r.PriceYear != 0 {
		s = fmt.Sprintf("in %s prices (%s)", textYear(o.PriceYear, r.PriceYear), o.Deflators)
	}
	if r.DiscountRate > 0 {
		return s + fmt.Sprintf(", discounted at %s%% a year to %s", strconv.FormatFloat(100*r.DiscountRate, 'g', 10, 64), textYear(o.BaseYear, r.BaseYear))
	}
	return s + ", not discounted"
}

// textYear is the year as written, or else as a number.
func textYear(written string, y int) string {
	if s := strings.TrimSpace(written); s != "" {
		return s
	}
	return strconv.Itoa(y)
}

// FormatRatio formats a ratio such as a benefit-cost ratio to two decimal
// places, and an undefined one (NaN or ±Inf) as "-".
func FormatRatio(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// WriteWarnings writes a blank line, "Warnings" and each warning as a list
// item, or nothing when there are none, as the tables of evalkit end.
func WriteWarnings(w io.Writer, warnings []string) {
	if len(warnings) == 0 {
		return
	}
	fmt.Fprintln(w, "\nWarnings")
	for _, s := range warnings {
		fmt.Fprintf(w, "- %s\n", s)
	}
}
