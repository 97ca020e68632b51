package lifecycle

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// writeTransition records t in the intervention's text: the gate's new
// value, the decision, and the history entry. go-yaml's printer re-spaces
// comments and quotes, so the edits are made in the original text at the
// positions the syntax tree gives, and nothing else is touched.
func writeTransition(src *yamlSource, iv *Intervention, t Transition) {
	if t.To != t.From {
		src.replace(yamlUnwrap(iv.gate.Value).GetToken(), strconv.Itoa(t.To))
	}
	if t.Decision != "" {
		writeDecision(src, iv, t.Decision)
	}
	writeHistoryEntry(src, iv, t)
}

// flowMapping returns the intervention's mapping when it is written in
// flow style ({name: ..., gate: 1}).
func flowMapping(iv *Intervention) *ast.MappingNode {
	if m, ok := iv.node.(*ast.MappingNode); ok && m.IsFlowStyle {
		return m
	}
	return nil
}

func writeDecision(src *yamlSource, iv *Intervention, d Decision) {
	text := yamlQuote(string(d))
	if iv.dec != nil {
		v := yamlUnwrap(iv.dec.Value)
		if v != nil && v.Type() != ast.NullType {
			src.replace(v.GetToken(), text)
			return
		}
		src.insert(src.offset(iv.dec.Start.Position)+1, " "+text)
		return
	}
	if flowMapping(iv) != nil {
		tk := yamlUnwrap(iv.gate.Value).GetToken()
		src.insert(src.offset(tk.Position)+scalarLen(src.src[src.offset(tk.Position):]), ", decision: "+text)
		return
	}
	indent := strings.Repeat(" ", yamlColumn(iv.gate.Key)-1)
	src.insertLines(yamlLastLine(iv.gate), []string{indent + "decision: " + text})
}

// historyFields are the entry's key-value pairs in the order written.
func historyFields(t Transition) [][2]string {
	f := [][2]string{{"date", t.Date}, {"from", strconv.Itoa(t.From)}, {"to", strconv.Itoa(t.To)}}
	if t.Note != "" {
		f = append(f, [2]string{"note", yamlQuote(t.Note)})
	}
	if t.Override != "" {
		f = append(f, [2]string{"override", yamlQuote(t.Override)})
	}
	if len(t.Missing) > 0 {
		keys := make([]string, len(t.Missing))
		for i, k := range t.Missing {
			keys[i] = yamlQuote(k)
		}
		f = append(f, [2]string{"missing", "[" + strings.Join(keys, ", ") + "]"})
	}
	if t.Decision != "" {
		f = append(f, [2]string{"decision", yamlQuote(string(t.Decision))})
	}
	return f
}

// historyFlow is the entry as a flow mapping: {date: ..., from: 1, ...}.
func historyFlow(t Transition) string {
	parts := []string{}
	for _, kv := range historyFields(t) {
		parts = append(parts, kv[0]+": "+kv[1])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// historyBlock is the entry as block lines, the dash at column dash and
// the keys at column keys (counting from 0).
func historyBlock(t Transition, dash, keys int) []string {
	var lines []string
	for i, kv := range historyFields(t) {
		prefix := strings.Repeat(" ", keys)
		if i == 0 {
			prefix = strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", max(keys-dash-1, 1))
		}
		lines = append(lines, prefix+kv[0]+": "+kv[1])
	}
	return lines
}

func writeHistoryEntry(src *yamlSource, iv *Intervention, t Transition) {
	if iv.history == nil {
		if m := flowMapping(iv); m != nil {
			src.insert(src.offset(m.End.Position), ", history: ["+historyFlow(t)+"]")
			return
		}
		kvs, _ := yamlMapping(iv.node)
		col := yamlColumn(kvs[0].Key) - 1
		lines := append([]string{strings.Repeat(" ", col) + "history:"}, historyBlock(t, col+2, col+4)...)
		after := yamlLastLine(iv.node)
		if src.afterLine(after) == len(src.src) && !bytes.HasSuffix(src.src, []byte("\n")) {
			// At the end of a file without a final newline, adding one
			// would change a block scalar (notes: |) written last; put the
			// history after the gate instead.
			after = yamlLastLine(iv.gate)
		}
		src.insertLines(after, lines)
		return
	}
	switch v := yamlUnwrap(iv.history.Value).(type) {
	case *ast.SequenceNode:
		if v.IsFlowStyle {
			sep := ", "
			if len(v.Values) == 0 {
				sep = ""
			}
			src.insert(src.offset(v.End.Position), sep+historyFlow(t))
			return
		}
		dash := yamlColumn(v) - 1
		if len(v.Entries) > 0 && v.Entries[0].Start != nil {
			dash = v.Entries[0].Start.Position.Column - 1
		}
		last := yamlUnwrap(v.Values[len(v.Values)-1])
		if m, ok := last.(*ast.MappingNode); ok && m.IsFlowStyle || !isMapping(last) {
			src.insertLines(yamlLastLine(v), []string{strings.Repeat(" ", dash) + "- " + historyFlow(t)})
			return
		}
		kvs, _ := yamlMapping(last)
		src.insertLines(yamlLastLine(v), historyBlock(t, dash, yamlColumn(kvs[0].Key)-1))
	default: // null: "history:" with nothing, or ~
		tk := v.GetToken()
		keyLine := yamlLine(iv.history.Key)
		if tk != nil && tk.Position != nil && tk.Position.Line == keyLine && tk.Value != "" &&
			strings.HasPrefix(string(src.src[src.offset(tk.Position):]), tk.Value) {
			src.replace(tk, "["+historyFlow(t)+"]")
			return
		}
		col := yamlColumn(iv.history.Key) - 1
		src.insertLines(keyLine, historyBlock(t, col+2, col+4))
	}
}

func isMapping(n ast.Node) bool {
	_, ok := yamlMapping(n)
	return ok
}
