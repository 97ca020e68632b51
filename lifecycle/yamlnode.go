package lifecycle

import (
	"fmt"
	"strconv"

	"github.com/goccy/go-yaml/ast"
)

// Helpers that read goccy/go-yaml's syntax tree. Every error they return
// is a *ParseError naming the node's line.

// yamlUnwrap looks through anchors (&a) and tags (!!str) to the value.
func yamlUnwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

// yamlLine is the line a node starts on, or 0.
func yamlLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

func yamlErrorf(n ast.Node, format string, a ...any) error {
	return &ParseError{Line: yamlLine(n), Err: fmt.Errorf(format, a...)}
}

// yamlMapping returns a mapping's key-value pairs; ok is false when n is
// not a mapping.
func yamlMapping(n ast.Node) (kvs []*ast.MappingValueNode, ok bool) {
	switch v := yamlUnwrap(n).(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	}
	return nil, false
}

// yamlSequence returns a sequence's items; a null value is an empty
// sequence. ok is false when n is neither.
func yamlSequence(n ast.Node) (items []ast.Node, ok bool) {
	switch v := yamlUnwrap(n).(type) {
	case *ast.SequenceNode:
		return v.Values, true
	case *ast.NullNode, nil:
		return nil, true
	}
	return nil, false
}

// yamlKey returns the text of a mapping key.
func yamlKey(kv *ast.MappingValueNode) string {
	if s, ok := yamlScalar(kv.Key); ok {
		return s
	}
	return kv.Key.String()
}

// yamlScalar returns the text of a scalar, "" for null; ok is false for a
// mapping, a sequence or an alias.
func yamlScalar(n ast.Node) (string, bool) {
	switch v := yamlUnwrap(n).(type) {
	case nil, *ast.NullNode:
		return "", true
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.MappingKeyNode:
		return yamlScalar(v.Value)
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	}
	return "", false
}

// yamlText reads a scalar field such as name or note.
func yamlText(kv *ast.MappingValueNode) (string, error) {
	s, ok := yamlScalar(kv.Value)
	if !ok {
		return "", yamlErrorf(kv.Value, "%w: %s must be text, not %s", ErrShape, yamlKey(kv), nodeKind(kv.Value))
	}
	return s, nil
}

// yamlInt reads a whole number; err wraps ErrGateNotNumber.
func yamlInt(n ast.Node) (int, error) {
	v, ok := yamlUnwrap(n).(*ast.IntegerNode)
	if !ok {
		s, _ := yamlScalar(n)
		if _, err := strconv.Atoi(s); err == nil {
			return 0, yamlErrorf(n, "%w: %q is quoted; write it without quotes", ErrGateNotNumber, s)
		}
		return 0, yamlErrorf(n, "%w: %q", ErrGateNotNumber, s)
	}
	var x int64
	switch iv := v.GetValue().(type) {
	case int64:
		x = iv
	case uint64:
		if iv > 1<<31 {
			return 0, yamlErrorf(n, "%w: %s is too large", ErrUnknownGate, v.GetToken().Value)
		}
		x = int64(iv)
	default:
		i, err := strconv.ParseInt(v.GetToken().Value, 0, 64)
		if err != nil {
			return 0, yamlErrorf(n, "%w: %q", ErrGateNotNumber, v.GetToken().Value)
		}
		x = i
	}
	if x < -1<<31 || x > 1<<31 {
		return 0, yamlErrorf(n, "%w: %d", ErrUnknownGate, x)
	}
	return int(x), nil
}

// nodeKind names a node's type, with its article, for an error message.
func nodeKind(n ast.Node) string {
	switch yamlUnwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.AliasNode:
		return "an alias (aliases are not read here)"
	case *ast.CommentGroupNode, *ast.CommentNode:
		return "only comments"
	case nil, *ast.NullNode:
		return "an empty value"
	}
	return "text"
}
