package pool

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// analysisJSON is the part of `evalkit analyse --json` that pooling reads
// (spec/cli.md, "evalkit analyse"); nil marks a key that is missing or null.
type analysisJSON struct {
	Type        *string               `json:"type"`
	Level       *float64              `json:"level"`
	Comparisons *[]analysisComparison `json:"comparisons"`
}

// analysisComparison is one comparison of analysisJSON.
type analysisComparison struct {
	Treatment string   `json:"treatment"`
	Control   string   `json:"control"`
	Method    string   `json:"method"`
	Estimate  *float64 `json:"estimate"`
	SE        *float64 `json:"se"`
	CILow     *float64 `json:"ci_low"`
	CIHigh    *float64 `json:"ci_high"`
}

// decodeJSON decodes data into v, with errors that name the file and the
// line, and the key of a value of the wrong kind.
func decodeJSON(file string, data []byte, v any) error {
	err := json.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	line := func(off int64) int {
		off = min(max(off, 0), int64(len(data)))
		return 1 + bytes.Count(data[:off], []byte("\n"))
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%s: line %d: not valid JSON: %v", file, line(syn.Offset), syn)
	case errors.As(err, &typ):
		key := typ.Field
		if key == "" {
			key = "the top level"
		}
		return fmt.Errorf("%s: line %d: %s holds a JSON %s, where %s belongs", file, line(typ.Offset), key, typ.Value, jsonKind(typ.Type))
	}
	return fmt.Errorf("%s: %w", file, err)
}

// jsonKind names the JSON value that a Go type decodes.
func jsonKind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	}
	return "a value"
}
