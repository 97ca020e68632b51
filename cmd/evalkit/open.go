package main

import (
	"io"
	"os"
)

// openFile opens a file for the libraries' openers (rct.Opener).
func openFile(path string) (io.ReadCloser, error) { return os.Open(path) }
