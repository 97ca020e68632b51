// Command floor does only the work that evalkit randomise cannot avoid, as
// the floor its time and memory are compared with: read the units file,
// hash it (SHA-256, on another goroutine), and write each data line with
// ",arm" appended (the arms taken in turn), hashing what it writes.
//
//	go run ./testdata/bench/floor IN OUT
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in) // at the file's size
	if err != nil {
		return err
	}
	inSum := make(chan [32]byte, 1)
	go func() { inSum <- sha256.Sum256(data) }()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<16)
	arms := []string{",control\n", ",treatment\n"}
	header, rest, _ := bytes.Cut(data, []byte("\n"))
	w.Write(header)
	w.WriteString(",arm\n")
	for i := 0; len(rest) > 0; i++ {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		w.Write(line)
		w.WriteString(arms[i%2])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Printf("in %x\nout %x\n", <-inSum, h.Sum(nil))
	return f.Close()
}
