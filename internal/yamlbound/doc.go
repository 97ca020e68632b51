// Package yamlbound refuses YAML that would cost the parser more time or
// memory than a plan or a portfolio can need, before the parser sees it:
// a file larger than MaxBytes, collections nested more than MaxDepth deep,
// or more than one document.
//
// goccy/go-yaml's memory grows with the square of the nesting depth: a
// 200 KB file of nested flow sequences (deep: [[[[…) took 15 GB and
// 138 s. Check finds the depth by one pass over the bytes that follows
// the parser's own rules for where a flow collection, a block collection,
// a quoted scalar, a block scalar and a comment start, so that its count
// is never below the parser's; it allocates one small stack.
//
//	err := yamlbound.Check(src) // nil, or an *Error with line and column
//
// Message turns the parser's messages into one line, naming a tab as a
// tab.
package yamlbound
