package yamlbound

import (
	"bytes"
	"fmt"
)

// scanner walks YAML bytes keeping just what goccy/go-yaml's scanner
// (v1.19, scanner/scanner.go) keeps to decide what a character starts: a
// quote, a bracket, "- ", "? " and "|" start something only when no plain
// scalar has begun since the last token; inside a flow collection a
// bracket always does.
type scanner struct {
	src       []byte
	maxDepth  int
	i         int // offset of the next byte
	line, col int // of src[i]; col counts characters from 1
	lineStart bool
	prev      byte // the byte before src[i]

	block        []int // columns of the open block collections, increasing
	seq, mapping int   // flow sequences and mappings open, as goccy counts them
	flowDepth    int   // flow collections open
	flowDash     int   // "- " entries since the last flow bracket or comma
	props        int   // tags and anchors since the last scalar, ':' or ','

	plain      bool // a plain scalar has begun since the last token
	plainCol   int  // the column it began at
	delim      int  // column of the last key, "-" or "?" (goccy's lastDelimColumn)
	quotedCol  int  // column of the quoted scalar just ended, or 0
	afterValue bool // the last token was a mapping's ":"

	blockScalar  bool // inside a literal or folded scalar ...
	scalarParent int  // ... whose lines are indented past this column

	docStarted, docEnded, content bool
}

func (s *scanner) run() error {
	if bytes.HasPrefix(s.src, []byte("\uFEFF")) {
		s.i = 3
	}
	for s.i < len(s.src) {
		var err error
		if s.lineStart {
			s.lineStart = false
			err = s.startLine()
		} else {
			err = s.char()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// advance moves past n bytes.
func (s *scanner) advance(n int) {
	for ; n > 0 && s.i < len(s.src); n-- {
		b := s.src[s.i]
		s.i++
		s.prev = b
		if b == '\n' {
			s.line++
			s.col = 1
			s.lineStart = true
		} else if b&0xC0 != 0x80 {
			s.col++
		}
	}
}

// skipLine moves to the line's newline, or the end.
func (s *scanner) skipLine() {
	n := bytes.IndexByte(s.src[s.i:], '\n')
	if n < 0 {
		n = len(s.src) - s.i
	}
	s.col += n // only the column of a newline is used after this
	s.i += n
	s.prev = ' '
}

func (s *scanner) next(k int) byte {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

func isSpace(b byte) bool { return b == 0 || b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func (s *scanner) flowMode() bool { return s.seq > 0 || s.mapping > 0 }

func (s *scanner) depth() int { return len(s.block) + s.flowDepth + s.flowDash + s.props }

func (s *scanner) check() error {
	if s.depth() > s.maxDepth {
		return &Error{Line: s.line, Column: s.col, Err: fmt.Errorf("%w: more than %d lists and mappings inside one another", ErrTooDeep, s.maxDepth)}
	}
	return nil
}

// startLine reads a line's indentation: the end of a block scalar, a
// document marker, or the block collections the line closes and opens.
func (s *scanner) startLine() error {
	j := s.i
	for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
		j++
	}
	if j == len(s.src) || s.src[j] == '\n' || s.src[j] == '\r' && (j+1 == len(s.src) || s.src[j+1] == '\n') {
		s.skipLine()
		return nil
	}
	c := 1 + j - s.i
	if s.blockScalar {
		if s.scalarParent == 0 || c > s.scalarParent {
			s.skipLine()
			return nil
		}
		s.blockScalar = false
	}
	s.advance(j - s.i)
	if c == 1 {
		if err := s.marker(); err != nil {
			return err
		}
	}
	if s.plain && s.delim != 0 && c <= s.delim {
		s.plain = false // goccy ends a plain scalar where the indentation goes back
	}
	if s.i == len(s.src) || s.flowMode() || s.plain || s.src[s.i] == '#' {
		return nil
	}
	for len(s.block) > 0 && s.block[len(s.block)-1] >= c {
		s.block = s.block[:len(s.block)-1]
	}
	s.block = append(s.block, c)
	return s.check()
}

// marker reads a "---" or "..." at the start of a line.
func (s *scanner) marker() error {
	rest := s.src[s.i:]
	if len(rest) < 3 || !isSpace(s.next(3)) {
		return nil
	}
	switch string(rest[:3]) {
	case "---":
		if s.docStarted || s.content || s.docEnded {
			return s.secondDocument()
		}
		s.docStarted = true
	case "...":
		s.docEnded = true
	default:
		return nil
	}
	s.advance(3)
	s.block = s.block[:0]
	s.delim = 0
	s.token()
	return nil
}

func (s *scanner) secondDocument() error {
	return &Error{Line: s.line, Column: s.col, Err: fmt.Errorf("%w: a second document starts here", ErrDocuments)}
}

// token records that something other than a plain scalar was read.
func (s *scanner) token() {
	s.plain = false
	s.quotedCol = 0
	s.afterValue = false
}

func (s *scanner) plainChar() {
	s.props = 0
	if !s.plain {
		s.token()
		s.plain = true
		s.plainCol = s.col
	}
	s.advance(1)
}

// char reads one character, or a whole quoted scalar or comment.
func (s *scanner) char() error {
	b := s.src[s.i]
	switch b {
	case ' ', '\t', '\r', '\n':
		s.advance(1)
		return nil
	case '#':
		if !s.plain || s.prev == ' ' || s.prev == '\t' {
			s.skipLine()
			s.token()
			return nil
		}
	case '%':
		if s.col == 1 && !s.content && !s.docStarted {
			s.skipLine() // a directive
			return nil
		}
	}
	if s.docEnded {
		return s.secondDocument()
	}
	s.content = true
	switch b {
	case '\'', '"':
		if !s.plain {
			s.quoted(b)
			return nil
		}
	case '[', '{':
		if !s.plain || s.flowMode() {
			return s.open(b)
		}
	case ']':
		if !s.plain || s.seq > 0 {
			s.seq--
			s.close()
			return nil
		}
	case '}':
		if s.mapping > 0 {
			s.mapping--
			s.close()
			return nil
		}
	case ',':
		if s.flowMode() {
			s.token()
			s.flowDash, s.props = 0, 0
			s.advance(1)
			return nil
		}
	case ':':
		return s.colon()
	case '-':
		if !s.plain && isSpace(s.next(1)) {
			return s.entry()
		}
	case '?':
		if !s.plain && (s.next(1) == ' ' || s.next(1) == '\t') {
			return s.entry()
		}
	case '|', '>':
		if !s.plain {
			s.blockScalar, s.scalarParent = true, s.delim
			s.skipLine()
			s.token()
			return nil
		}
	case '!', '&', '*':
		if !s.plain { // a tag, anchor or alias: its name up to a space
			for s.i < len(s.src) && !isSpace(s.src[s.i]) && bytes.IndexByte([]byte(",[]{}"), s.src[s.i]) < 0 {
				s.advance(1)
			}
			s.token()
			if b == '*' {
				s.props = 0
				return nil
			}
			s.props++ // the parser nests a node in each
			return s.check()
		}
	}
	s.plainChar()
	return nil
}

func (s *scanner) open(b byte) error {
	s.token()
	if b == '[' {
		s.seq++
	} else {
		s.mapping++
	}
	s.flowDepth++
	s.flowDash = 0
	if err := s.check(); err != nil {
		return err
	}
	s.advance(1)
	return nil
}

func (s *scanner) close() {
	s.token()
	s.props = 0
	s.flowDepth = max(s.flowDepth-1, 0)
	s.flowDash = 0
	s.advance(1)
}

// colon reads a ':' that may end a mapping key.
func (s *scanner) colon() error {
	nc := s.next(1)
	if s.mapping <= 0 && !isSpace(nc) || s.mapping > 0 && (nc == '/' || s.afterValue) {
		s.plainChar()
		return nil
	}
	if s.plain {
		s.delim = s.plainCol
	} else if s.quotedCol != 0 {
		s.delim = s.quotedCol
	}
	s.token()
	s.props = 0
	s.afterValue = true
	s.advance(1)
	return nil
}

// entry reads a "- " or "? ", which opens a collection in the block
// where the text after it starts.
func (s *scanner) entry() error {
	s.delim = s.col
	s.token()
	s.advance(1)
	if s.flowMode() {
		s.flowDash++
		return s.check()
	}
	k := s.i
	for k < len(s.src) && (s.src[k] == ' ' || s.src[k] == '\t') {
		k++
	}
	if k == len(s.src) || s.src[k] == '\n' || s.src[k] == '\r' || s.src[k] == '#' {
		return nil // the next line's indentation opens it
	}
	c := s.col + k - s.i
	for len(s.block) > 0 && s.block[len(s.block)-1] >= c {
		s.block = s.block[:len(s.block)-1]
	}
	s.block = append(s.block, c)
	return s.check()
}

// quoted reads a quoted scalar to its closing quote, over lines.
func (s *scanner) quoted(q byte) {
	s.token()
	s.props = 0
	start := s.col
	s.advance(1)
	for s.i < len(s.src) {
		b := s.src[s.i]
		switch {
		case q == '\'' && b == '\'' && s.next(1) == '\'':
			s.advance(2)
			continue
		case q == '"' && b == '\\':
			s.advance(2)
			continue
		}
		s.advance(1)
		if b == q {
			break
		}
	}
	s.lineStart = false
	s.quotedCol = start
}
