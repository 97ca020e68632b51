package lifecycle

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// yamlSource is a file's text with its line starts, so that positions in
// the syntax tree (line and column, counting characters from 1) can be
// turned into byte offsets and the text edited there, leaving every other
// byte, comment and blank as the person wrote it.
type yamlSource struct {
	src       []byte
	lineStart []int
	newline   string
	edits     []yamlEdit
}

type yamlEdit struct {
	start, end int
	text       string
}

func newYAMLSource(src []byte) *yamlSource {
	s := &yamlSource{src: src, lineStart: []int{0}, newline: "\n"}
	for i, b := range src {
		if b == '\n' {
			s.lineStart = append(s.lineStart, i+1)
		}
	}
	if bytes.Contains(src, []byte("\r\n")) {
		s.newline = "\r\n"
	}
	return s
}

// offset returns the byte offset of a token's first character.
func (s *yamlSource) offset(pos *token.Position) int {
	line := min(max(pos.Line, 1), len(s.lineStart))
	off := s.lineStart[line-1]
	for c := 1; c < pos.Column && off < len(s.src) && s.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(s.src[off:])
		off += size
	}
	return off
}

// afterLine returns the offset just past line's newline, or the end.
func (s *yamlSource) afterLine(line int) int {
	if line < len(s.lineStart) {
		return s.lineStart[line]
	}
	return len(s.src)
}

// replace swaps the text of a scalar token for text.
func (s *yamlSource) replace(tk *token.Token, text string) {
	start := s.offset(tk.Position)
	end := start + len(tk.Value)
	if !bytes.HasPrefix(s.src[start:], []byte(tk.Value)) {
		end = start + scalarLen(s.src[start:])
	}
	s.edits = append(s.edits, yamlEdit{start, end, text})
}

// scalarLen is the length of a scalar written at the start of b, up to a
// comment, a flow indicator or the end of the line.
func scalarLen(b []byte) int {
	n := bytes.IndexAny(b, "\r\n,]}#")
	if n < 0 {
		n = len(b)
	}
	return len(bytes.TrimRight(b[:n], " \t"))
}

// insert puts text at offset off.
func (s *yamlSource) insert(off int, text string) {
	s.edits = append(s.edits, yamlEdit{off, off, text})
}

// insertLines puts whole lines (joined by the file's newline) after line.
func (s *yamlSource) insertLines(line int, lines []string) {
	off := s.afterLine(line)
	text := strings.Join(lines, s.newline) + s.newline
	if off == len(s.src) && len(s.src) > 0 && s.src[len(s.src)-1] != '\n' {
		text = s.newline + strings.TrimSuffix(text, s.newline)
	}
	s.insert(off, text)
}

// apply returns the edited text. Edits must not overlap; edits at one
// offset keep the order they were made in.
func (s *yamlSource) apply() []byte {
	edits := slices.Clone(s.edits)
	slices.SortStableFunc(edits, func(a, b yamlEdit) int { return a.start - b.start })
	var out bytes.Buffer
	prev := 0
	for _, e := range edits {
		out.Write(s.src[prev:e.start])
		out.WriteString(e.text)
		prev = e.end
	}
	out.Write(s.src[prev:])
	return out.Bytes()
}

// yamlLastLine returns the last line holding any of the node's content
// (comments aside), counting the lines of multi-line scalars and the
// closing bracket of flow collections.
func yamlLastLine(n ast.Node) int {
	last := 0
	see := func(tk *token.Token) {
		if tk == nil || tk.Position == nil {
			return
		}
		l := tk.Position.Line + strings.Count(strings.Trim(tk.Origin, " \t\r\n"), "\n")
		last = max(last, l)
	}
	ast.Walk(visitFunc(func(n ast.Node) {
		switch v := n.(type) {
		case *ast.CommentGroupNode, *ast.CommentNode:
			return
		case *ast.MappingNode:
			see(v.End)
		case *ast.SequenceNode:
			see(v.End)
		}
		see(n.GetToken())
	}), n)
	return last
}

type visitFunc func(ast.Node)

func (f visitFunc) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		return nil
	}
	if _, c := n.(*ast.CommentGroupNode); c {
		return nil
	}
	f(n)
	return f
}

// yamlColumn is the column of a node's first character.
func yamlColumn(n ast.Node) int {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Column
	}
	return 1
}
