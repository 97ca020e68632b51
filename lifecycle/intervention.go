package lifecycle

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// readIntervention reads one entry of the interventions list.
func readIntervention(item ast.Node) (Intervention, error) {
	iv := Intervention{Line: yamlLine(item), node: yamlUnwrap(item)}
	kvs, ok := yamlMapping(item)
	if !ok {
		return iv, yamlErrorf(item, "%w: an intervention must be a mapping with name and gate, not %s", ErrShape, nodeKind(item))
	}
	if len(kvs) > 0 {
		iv.Line = yamlLine(kvs[0].Key)
	}
	seen := map[string]int{}
	for _, kv := range kvs {
		key := yamlKey(kv)
		var err error
		switch key {
		case "name", "network", "area", "gate", "decision", "evidence", "history":
			if first, dup := seen[key]; dup {
				return iv, yamlErrorf(kv.Key, "%w key %s (first at line %d)", ErrDuplicate, key, first)
			}
			seen[key] = yamlLine(kv.Key)
		}
		switch key {
		case "name":
			iv.Name, err = yamlText(kv)
		case "network":
			iv.Network, err = yamlText(kv)
		case "area":
			iv.Area, err = yamlText(kv)
		case "gate":
			iv.gate = kv
			if iv.Gate, err = yamlInt(kv.Value); err == nil && !validGate(iv.Gate) {
				err = yamlErrorf(kv.Value, "%w %d (gates are 1 to 4)", ErrUnknownGate, iv.Gate)
			}
		case "decision":
			iv.dec = kv
			var s string
			if s, err = yamlText(kv); err == nil && s != "" {
				if iv.Decision, err = ParseDecision(s); err != nil {
					err = &ParseError{Line: yamlLine(kv.Value), Err: err}
				}
			}
		case "evidence":
			iv.Evidence, err = readEvidence(kv.Value)
		case "history":
			iv.history = kv
			iv.History, err = readHistory(kv.Value)
		}
		if err != nil {
			return iv, err
		}
	}
	if iv.Name == "" {
		return iv, &ParseError{Line: iv.Line, Err: fmt.Errorf("%w: an intervention needs a name", ErrShape)}
	}
	if iv.gate == nil {
		return iv, &ParseError{Line: iv.Line, Err: fmt.Errorf("%w: intervention %q needs a gate (1 to 4)", ErrShape, iv.Name)}
	}
	return iv, nil
}

// readEvidence reads an evidence mapping in file order.
func readEvidence(n ast.Node) ([]Evidence, error) {
	if _, null := yamlUnwrap(n).(*ast.NullNode); null || n == nil {
		return nil, nil
	}
	kvs, ok := yamlMapping(n)
	if !ok {
		return nil, yamlErrorf(n, "%w: evidence must be a mapping of key to status, not %s", ErrShape, nodeKind(n))
	}
	var out []Evidence
	seen := map[string]int{}
	for _, kv := range kvs {
		e := Evidence{Key: yamlKey(kv), Status: Todo, Line: yamlLine(kv.Key)}
		if first, dup := seen[e.Key]; dup {
			return nil, yamlErrorf(kv.Key, "%w evidence %s (first at line %d)", ErrDuplicate, e.Key, first)
		}
		seen[e.Key] = e.Line
		if s, ok := yamlScalar(kv.Value); ok {
			if s != "" {
				st, err := parseStatus(s)
				if err != nil {
					return nil, &ParseError{Line: yamlLine(kv.Value), Err: err}
				}
				e.Status = st
			}
			out = append(out, e)
			continue
		}
		fields, ok := yamlMapping(kv.Value)
		if !ok {
			return nil, yamlErrorf(kv.Value, "%w: evidence %s must be a status or a mapping of status, date, note and link", ErrShape, e.Key)
		}
		for _, f := range fields {
			var err error
			switch yamlKey(f) {
			case "status":
				var s string
				if s, err = yamlText(f); err == nil {
					if e.Status, err = parseStatus(s); err != nil {
						err = &ParseError{Line: yamlLine(f.Value), Err: err}
					}
				}
			case "date":
				e.Date, err = yamlText(f)
			case "note":
				e.Note, err = yamlText(f)
			case "link":
				e.Link, err = yamlText(f)
			}
			if err != nil {
				return nil, err
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// readHistory reads the history list; entries' fields are taken as
// written, and a from or to that is not a number is read as 0.
func readHistory(n ast.Node) ([]Transition, error) {
	items, ok := yamlSequence(n)
	if !ok {
		return nil, yamlErrorf(n, "%w: history must be a list, not %s", ErrShape, nodeKind(n))
	}
	var out []Transition
	for _, item := range items {
		kvs, ok := yamlMapping(item)
		if !ok {
			return nil, yamlErrorf(item, "%w: a history entry must be a mapping of date, from, to and note", ErrShape)
		}
		var t Transition
		for _, kv := range kvs {
			s, _ := yamlScalar(kv.Value)
			switch yamlKey(kv) {
			case "date":
				t.Date = s
			case "from":
				t.From, _ = yamlInt(kv.Value)
			case "to":
				t.To, _ = yamlInt(kv.Value)
			case "note":
				t.Note = s
			case "override":
				t.Override = s
			case "decision":
				t.Decision = Decision(s)
			case "missing":
				t.Missing, _ = readKeyList(kv.Value)
			}
		}
		out = append(out, t)
	}
	return out, nil
}
