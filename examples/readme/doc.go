// Package readme holds the Go snippets of the repository's README.md as
// examples that compile and run, and a test that every Go snippet of the
// README stands in them word for word.
package readme
