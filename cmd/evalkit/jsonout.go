package main

import (
	"io"

	"github.com/evalkit/evalkit/internal/jsonenc"
)

// writeJSON writes v as one JSON object followed by a newline, as the
// contract's --json asks (jsonenc.Indent).
func writeJSON(w io.Writer, v any) error {
	b, err := jsonenc.Indent(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
