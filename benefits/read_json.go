package benefits

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/unitcost"
)

// maxJSON bounds the size of a JSON file read: 64 MiB, far more than any
// analysis or cost result.
const maxJSON = 64 << 20

// ReadAnalysis reads the object that evalkit analyse --json prints into an
// analysis.Result holding what EffectOf needs: Outcome, Type, Level,
// Warnings and, for each comparison, treatment, control, method, estimate,
// se, ci_low, ci_high, p_value, df and notes (null numbers as NaN). Arms,
// effect sizes, tests and balance are not read. Errors name the file
// (name) and the line and column of a syntax error, or the key at fault
// (such as comparisons[0].method), and wrap ErrJSON.
func ReadAnalysis(r io.Reader, name string) (*analysis.Result, error) {
	var in struct {
		Outcome     string   `json:"outcome"`
		Type        *string  `json:"type"`
		Level       *float64 `json:"level"`
		Warnings    []string `json:"warnings"`
		Comparisons []struct {
			Treatment *string  `json:"treatment"`
			Control   *string  `json:"control"`
			Method    *string  `json:"method"`
			Estimate  *float64 `json:"estimate"`
			SE        *float64 `json:"se"`
			CILow     *float64 `json:"ci_low"`
			CIHigh    *float64 `json:"ci_high"`
			P         *float64 `json:"p_value"`
			DF        *float64 `json:"df"`
			Notes     []string `json:"notes"`
		} `json:"comparisons"`
	}
	if err := decodeJSON(r, name, &in); err != nil {
		return nil, err
	}
	bad := func(path, format string, a ...any) error {
		return &JSONError{File: name, Path: path, Err: fmt.Errorf("%w: "+format, append([]any{ErrJSON}, a...)...)}
	}
	if in.Type == nil || in.Level == nil || in.Comparisons == nil {
		return nil, &JSONError{File: name, Err: fmt.Errorf("%w: not an analysis (evalkit analyse --json): it lacks type, level or comparisons", ErrJSON)}
	}
	res := &analysis.Result{Outcome: in.Outcome, Level: *in.Level, Warnings: in.Warnings}
	t, err := analysis.ParseType(*in.Type)
	if err != nil || t == analysis.Auto {
		return nil, bad("type", "%q is not an outcome type (continuous, binary or count)", table.Clip(*in.Type))
	}
	res.Type = t
	if !(res.Level > 0 && res.Level < 1) {
		return nil, bad("level", "%v is not a confidence level between 0 and 1", res.Level)
	}
	for i, c := range in.Comparisons {
		path := fmt.Sprintf("comparisons[%d]", i)
		if c.Treatment == nil || c.Control == nil || c.Method == nil {
			return nil, bad(path, "a comparison needs treatment, control and method")
		}
		m, err := analysis.ParseMethod(*c.Method)
		if err != nil {
			return nil, bad(path+".method", "unknown method %q", table.Clip(*c.Method))
		}
		res.Comparisons = append(res.Comparisons, analysis.Comparison{Treatment: *c.Treatment, Control: *c.Control, Method: m,
			Estimate: orNaN(c.Estimate), SE: orNaN(c.SE), CILow: orNaN(c.CILow), CIHigh: orNaN(c.CIHigh), PValue: orNaN(c.P),
			DF: orNaN(c.DF), RIPValue: math.NaN(), PHolm: math.NaN(), Notes: c.Notes})
	}
	return res, nil
}

// ReadCost reads the yearly cost of an intervention from the object that
// evalkit unitcost --json prints: its total_cost, in the prices of its
// price_year (0 when null: the amounts as written). With intervention
// empty, the result must hold exactly one intervention. Errors name the
// file and wrap ErrJSON (not a cost result) or ErrCost (no such
// intervention, or its cost is null).
func ReadCost(r io.Reader, name, intervention string) (*Cost, error) {
	var in struct {
		PriceYear     *int `json:"price_year"`
		Interventions []struct {
			Intervention string   `json:"intervention"`
			TotalCost    *float64 `json:"total_cost"`
		} `json:"interventions"`
	}
	if err := decodeJSON(r, name, &in); err != nil {
		return nil, err
	}
	if in.Interventions == nil {
		return nil, &JSONError{File: name, Err: fmt.Errorf("%w: not a cost result (evalkit unitcost --json): it has no interventions", ErrJSON)}
	}
	names := make([]string, len(in.Interventions))
	for i, iv := range in.Interventions {
		names[i] = iv.Intervention
		if iv.Intervention != intervention && (intervention != "" || len(in.Interventions) != 1) {
			continue
		}
		c := Cost{Intervention: iv.Intervention, Amount: orNaN(iv.TotalCost)}
		if in.PriceYear != nil {
			c.PriceYear = *in.PriceYear
		}
		if err := c.check(); err != nil {
			return nil, &JSONError{File: name, Path: fmt.Sprintf("interventions[%d].total_cost", i), Err: err}
		}
		return &c, nil
	}
	if intervention == "" {
		return nil, fmt.Errorf("%s: %w: it costs %d interventions (%s): choose one", name, ErrCost, len(names), strings.Join(names, ", "))
	}
	return nil, fmt.Errorf("%s: %w: no intervention %q; it costs %s", name, ErrCost, table.Clip(intervention), strings.Join(names, ", "))
}

// Cost is an intervention's cost for one year, which recurs every year of
// the appraisal.
type Cost struct {
	// Intervention names the intervention.
	Intervention string
	// Amount is the year's cost in pounds, in the prices of PriceYear.
	Amount float64
	// PriceYear is the year whose prices Amount is in; 0 when the amounts
	// were taken as written.
	PriceYear int
}

// CostOf returns the cost of the intervention in a unitcost result: its
// TotalCost, in the result's PriceYear. An intervention that the result
// does not hold is an error wrapping ErrCost.
func CostOf(res *unitcost.Result, intervention string) (Cost, error) {
	var names []string
	for _, iv := range res.Interventions {
		if iv.Name == intervention {
			c := Cost{Intervention: iv.Name, Amount: iv.TotalCost, PriceYear: res.PriceYear}
			return c, c.check()
		}
		names = append(names, iv.Name)
	}
	return Cost{}, fmt.Errorf("%w: no intervention %q; the result costs %s", ErrCost, table.Clip(intervention), strings.Join(names, ", "))
}

// check returns an error wrapping ErrCost for a cost that is not a number,
// 0 or more.
func (c Cost) check() error {
	if !(c.Amount >= 0) || math.IsInf(c.Amount, 0) {
		return fmt.Errorf("%w: the cost of %q is %v, not an amount of 0 or more", ErrCost, table.Clip(c.Intervention), c.Amount)
	}
	return nil
}

// decodeJSON reads one JSON object from r into v, naming the file and the
// line and column of a syntax error.
func decodeJSON(r io.Reader, name string, v any) error {
	b, err := io.ReadAll(io.LimitReader(r, maxJSON+1))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxJSON {
		return &JSONError{File: name, Err: fmt.Errorf("%w: more than %d MiB", ErrJSON, maxJSON>>20)}
	}
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return &JSONError{File: name, Err: fmt.Errorf("%w: not a JSON object", ErrJSON)}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	err = dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return &JSONError{File: name, Err: fmt.Errorf("%w: more than one JSON value", ErrJSON)}
		}
		return nil
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineColumn(b, syn.Offset-1) // Offset counts the bytes read, the bad one included
		return &JSONError{File: name, Line: line, Column: col, Err: fmt.Errorf("%w: %v", ErrJSON, syn)}
	case errors.As(err, &typ):
		return &JSONError{File: name, Path: typ.Field, Err: fmt.Errorf("%w: a JSON %s where a %s belongs", ErrJSON, typ.Value, typ.Type)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := lineColumn(b, int64(len(b)))
		return &JSONError{File: name, Line: line, Column: col, Err: fmt.Errorf("%w: the JSON ends too soon", ErrJSON)}
	}
	return &JSONError{File: name, Err: fmt.Errorf("%w: %v", ErrJSON, err)}
}

// lineColumn returns the line and column (from 1, in bytes) of the byte
// at offset, as a text editor counts them.
func lineColumn(b []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(b)))
	before := b[:offset]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = 1 + len(before) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, col
}

func orNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}
