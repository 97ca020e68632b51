package lifecycle

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/internal/yamlbound"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Parse reads a portfolio file. Problems come back as a *ParseError naming
// the line, wrapping one of ErrNotYAML, ErrShape, ErrGateNotNumber,
// ErrUnknownGate, ErrBadStatus, ErrBadDecision or ErrDuplicate. A file
// beyond yamlbound's bounds (more than 16 MiB, nesting deeper than 64, a
// second document) is refused before it is parsed, with ErrShape and
// yamlbound.ErrTooLarge or ErrTooDeep.
//
// Special cases:
//
//	an empty list of interventions is a portfolio with none
//	evidence written as a bare status (key: done) is that status
//	evidence written as a mapping without status is todo
//	a history entry's fields are read as written and not checked
func Parse(src []byte) (p *Portfolio, err error) {
	bom := bytes.HasPrefix(src, []byte(utf8BOM))
	if bom {
		src = src[len(utf8BOM):]
	}
	src, crlf := lfLineEnds(src)
	if err := yamlbound.Check(src); err != nil {
		return nil, boundError(err)
	}
	file, err := parseYAML(src)
	if err != nil {
		return nil, err
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return nil, &ParseError{Line: 1, Err: fmt.Errorf("%w: the file is empty; it needs an interventions list", ErrShape)}
	}
	if len(file.Docs) > 1 {
		line := yamlLine(file.Docs[1].Body) // a document's own GetToken dereferences its body, which may be nil
		if start := file.Docs[1].Start; start != nil && start.Position != nil {
			line = start.Position.Line
		}
		return nil, secondDocument(line)
	}
	body := file.Docs[0].Body
	kvs, ok := yamlMapping(body)
	if !ok {
		return nil, yamlErrorf(body, "%w: the file must be a mapping with an interventions list, not %s", ErrShape, nodeKind(body))
	}
	p = &Portfolio{Gates: DefaultGates(), src: src, bom: bom, crlf: crlf}
	var list *ast.MappingValueNode
	seen := map[string]int{}
	for _, kv := range kvs {
		key := yamlKey(kv)
		if first, dup := seen[key]; dup && (key == "interventions" || key == "gates" || key == "title") {
			return nil, yamlErrorf(kv.Key, "%w key %s (first at line %d)", ErrDuplicate, key, first)
		}
		seen[key] = yamlLine(kv.Key)
		switch key {
		case "title":
			if p.Title, err = yamlText(kv); err != nil {
				return nil, err
			}
		case "gates":
			if err := p.readGates(kv.Value); err != nil {
				return nil, err
			}
		case "interventions":
			list = kv
		}
	}
	if list == nil {
		return nil, yamlErrorf(body, "%w: no interventions list", ErrShape)
	}
	items, ok := yamlSequence(list.Value)
	if !ok {
		return nil, yamlErrorf(list.Value, "%w: interventions must be a list, not %s", ErrShape, nodeKind(list.Value))
	}
	names := map[string]int{}
	for _, item := range items {
		iv, err := readIntervention(item)
		if err != nil {
			return nil, err
		}
		if first, dup := names[iv.Name]; dup {
			return nil, &ParseError{Line: iv.Line, Err: fmt.Errorf("%w intervention name %q (first at line %d)", ErrDuplicate, iv.Name, first)}
		}
		names[iv.Name] = iv.Line
		p.Interventions = append(p.Interventions, iv)
	}
	return p, nil
}

func secondDocument(line int) error {
	return &ParseError{Line: line, Err: fmt.Errorf("%w: a second YAML document starts here; a portfolio is one document", ErrShape)}
}

// boundError is yamlbound's refusal as a *ParseError.
func boundError(err error) error {
	var be *yamlbound.Error
	if !errors.As(err, &be) {
		return &ParseError{Err: fmt.Errorf("%w: %w", ErrShape, err)}
	}
	if errors.Is(be, yamlbound.ErrDocuments) {
		return secondDocument(be.Line)
	}
	return &ParseError{Line: be.Line, Column: be.Column, Err: fmt.Errorf("%w: %w", ErrShape, be.Err)}
}

// parseYAML parses src keeping comments. The parser's own errors (several
// lines, with a source excerpt) become one line naming the line.
func parseYAML(src []byte) (file *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil { // the parser must not take the program down
			file, err = nil, &ParseError{Err: fmt.Errorf("%w (the YAML parser failed: %v)", ErrNotYAML, r)}
		}
	}()
	file, err = parser.ParseBytes(src, parser.ParseComments)
	if err == nil {
		return file, nil
	}
	pe := &ParseError{Err: ErrNotYAML}
	var syn yamlError
	if errors.As(err, &syn) {
		if tk := syn.GetToken(); tk != nil && tk.Position != nil {
			pe.Line, pe.Column = tk.Position.Line, tk.Position.Column
		}
		pe.Err = fmt.Errorf("%w: %s", ErrNotYAML, yamlbound.Message(syn.GetMessage(), pe.Column))
	}
	return nil, pe
}

// yamlError is the interface of goccy/go-yaml's errors.
type yamlError interface {
	error
	GetToken() *token.Token
	GetMessage() string
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readGates applies the file's gates entries to the defaults.
func (p *Portfolio) readGates(n ast.Node) error {
	items, ok := yamlSequence(n)
	if !ok {
		return yamlErrorf(n, "%w: gates must be a list, not %s", ErrShape, nodeKind(n))
	}
	seen := map[int]int{}
	for _, item := range items {
		kvs, ok := yamlMapping(item)
		if !ok {
			return yamlErrorf(item, "%w: a gates entry must be a mapping of gate, name and requires", ErrShape)
		}
		g := Gate{}
		var requires []string
		hasRequires := false
		for _, kv := range kvs {
			var err error
			switch yamlKey(kv) {
			case "gate":
				if g.Number, err = yamlInt(kv.Value); err == nil && !validGate(g.Number) {
					err = yamlErrorf(kv.Value, "%w %d (gates are 1 to 4)", ErrUnknownGate, g.Number)
				}
			case "name":
				g.Name, err = yamlText(kv)
			case "requires":
				hasRequires = true
				requires, err = readKeyList(kv.Value)
			}
			if err != nil {
				return err
			}
		}
		if g.Number == 0 {
			return yamlErrorf(item, "%w: a gates entry needs a gate number", ErrShape)
		}
		if first, dup := seen[g.Number]; dup {
			return yamlErrorf(item, "%w gate %d (first at line %d)", ErrDuplicate, g.Number, first)
		}
		seen[g.Number] = yamlLine(item)
		def := &p.Gates[g.Number-1]
		if g.Name != "" {
			def.Name = g.Name
		}
		if hasRequires {
			def.Requires = requires
		}
	}
	return nil
}

// readKeyList reads a list of evidence keys.
func readKeyList(n ast.Node) ([]string, error) {
	items, ok := yamlSequence(n)
	if !ok {
		return nil, yamlErrorf(n, "%w: requires must be a list of evidence keys", ErrShape)
	}
	keys := []string{}
	for _, item := range items {
		s, ok := yamlScalar(item)
		if !ok || s == "" {
			return nil, yamlErrorf(item, "%w: an evidence key must be a name", ErrShape)
		}
		keys = append(keys, s)
	}
	return keys, nil
}
