package plan

import (
	"errors"
	"fmt"

	"github.com/evalkit/evalkit/internal/yamlbound"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"
)

// Parse reads a plan from its YAML and checks it (Check). A key that is
// not a plan's (a misspelt setting would otherwise be ignored), a key
// given twice and a value of the wrong kind are errors naming the line
// and column:
//
//	line 12, column 1: unknown field "covariate"
//
// A file beyond yamlbound's bounds (more than 16 MiB, nesting deeper than
// 64, a second document) is refused before it is parsed, with a
// *yamlbound.Error.
func Parse(data []byte) (plan *Plan, err error) {
	defer func() {
		// goccy/go-yaml v1.19 panics on some malformed YAML (a tagged
		// scalar where a list belongs, testdata/fuzz/FuzzParse); no input
		// may reach a panic.
		if r := recover(); r != nil {
			plan, err = nil, fmt.Errorf("not a plan: YAML that cannot be read (%v)", r)
		}
	}()
	if err := yamlbound.Check(data); err != nil {
		return nil, err
	}
	var p Plan
	if err := yaml.UnmarshalWithOptions(data, &p, yaml.DisallowUnknownField()); err != nil {
		return nil, yamlError(err)
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	return &p, nil
}

// yamlError returns goccy/go-yaml's error in one line, with its place.
func yamlError(err error) error {
	var e interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if !errors.As(err, &e) {
		return fmt.Errorf("not a plan: %s", yamlbound.Message(err.Error(), 0))
	}
	msg := yamlbound.Message(e.GetMessage(), 0)
	if tk := e.GetToken(); tk != nil && tk.Position != nil {
		return fmt.Errorf("line %d, column %d: %s", tk.Position.Line, tk.Position.Column, msg)
	}
	return fmt.Errorf("%s", msg)
}
