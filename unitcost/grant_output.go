package unitcost

import (
	"bytes"
	"fmt"
	"io"
	"math/big"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/internal/texttable"
)

// GrantCheckJSON is a GrantCheck as evalkit unitcost --grant --json prints
// it. It marshals with encoding/json, an undefined share (NaN) as null;
// money is in pounds.
type GrantCheckJSON struct {
	Grant       float64 `json:"grant"`
	Year        int     `json:"year"`
	GrantFunder string  `json:"grant_funder"`
	// GrantLines is the sum of the grant's lines of the year, and
	// ByPurpose the same by purpose (every purpose, 0 when it has none).
	GrantLines float64             `json:"grant_lines"`
	ByPurpose  map[Purpose]float64 `json:"grant_lines_by_purpose"`
	Conditions []Condition         `json:"conditions"`
	AllMet     bool                `json:"all_met"`
	// Warnings is empty, not nil, when there are none.
	Warnings []string `json:"warnings"`
}

// MarshalJSON returns the object, with null for NaN.
func (j GrantCheckJSON) MarshalJSON() ([]byte, error) {
	type plain GrantCheckJSON
	return jsonenc.Marshal(plain(j))
}

// JSON returns the check in the form that evalkit unitcost --grant --json
// prints.
func (g *GrantCheck) JSON() *GrantCheckJSON {
	j := &GrantCheckJSON{Grant: g.Grant.Amount.Pounds(), Year: g.Grant.Year, GrantFunder: g.Grant.Funder,
		GrantLines: g.GrantLines.Pounds(), ByPurpose: map[Purpose]float64{},
		Conditions: append([]Condition{}, g.Conditions...), AllMet: g.AllMet(), Warnings: append([]string{}, g.Warnings...)}
	for _, p := range Purposes {
		j.ByPurpose[p] = g.ByPurpose[p].Pounds()
	}
	return j
}

// WriteText writes the check for a person: the grant, a table of the
// conditions (rule, required, actual, share and met), the grant's lines by
// purpose and the warnings.
func (g *GrantCheck) WriteText(w io.Writer) error {
	var b bytes.Buffer
	year := FinancialYear(g.Grant.Year)
	fmt.Fprintf(&b, "Grant conditions: %s %s, a grant of %s; the sheet's lines of %s at their amounts as written.\n",
		g.Grant.Funder, year, FormatPounds(g.Grant.Amount.Pounds()), year)
	t := texttable.Table{Align: "llrrrl", Rows: [][]string{{"Condition", "Rule", "Required", "Actual", "Share", "Met"}}}
	for _, c := range g.Conditions {
		met := "no"
		if c.Met {
			met = "yes"
		}
		t.Add(c.Condition, c.Rule, FormatPounds(c.Required), FormatPounds(c.Actual), percentDown(c.actual, c.base), met)
	}
	t.Write(&b)
	p := texttable.Table{Title: fmt.Sprintf("The grant's lines of %s by purpose", year), Align: "lr", Rows: [][]string{{"Purpose", "Amount"}}}
	for _, pp := range Purposes {
		p.Add(pp.String(), FormatPounds(g.ByPurpose[pp].Pounds()))
	}
	p.Add("Total", FormatPounds(g.GrantLines.Pounds()))
	p.Write(&b)
	WriteWarnings(&b, g.Warnings)
	_, err := w.Write(b.Bytes())
	return err
}

// percentDown writes actual / base as a percentage rounded down to one
// decimal place, exactly (9.997% is 9.9%), so that a share short of a
// whole-percent requirement never shows as meeting it; "-" when base is 0.
func percentDown(actual, base Pence) string {
	if base <= 0 {
		return "-"
	}
	q := new(big.Int).Quo(new(big.Int).Mul(big.NewInt(int64(actual)), big.NewInt(1000)), big.NewInt(int64(base)))
	return fmt.Sprintf("%d.%d%%", q.Int64()/10, q.Int64()%10)
}
