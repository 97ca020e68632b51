package hashwrite

import (
	"errors"
	"hash"
	"io"
)

// Writer is a buffered writer to an io.Writer that also hashes what it
// writes. A full buffer is hashed on one goroutine and written on another,
// in order, while the Writer fills another; the first error that writing
// gives is returned by the Writer's later calls and by Close. A Writer is
// not safe for concurrent use.
type Writer struct {
	buf  []byte
	full chan []byte
	free chan result
	done chan error
	// err is the first error, errClosed after Close when there was none.
	err error
	// sum is the digest, set when the hashing goroutine ends.
	sum []byte
}

// result is a buffer given back by the hashing goroutine, with the first
// error of writing.
type result struct {
	buf []byte
	err error
}

// errClosed is the error of a Write after Close.
var errClosed = errors.New("hashwrite: write after Close")

// New returns a Writer to w with buffers of size bytes that hashes with h.
// Close must be called, to write what is buffered and to end the
// goroutines.
func New(w io.Writer, h hash.Hash, size int) *Writer {
	const buffers = 3
	x := &Writer{buf: make([]byte, 0, size), full: make(chan []byte, buffers), free: make(chan result, buffers), done: make(chan error, 1)}
	for range buffers - 1 {
		x.free <- result{buf: make([]byte, 0, size)}
	}
	// A buffer is written by one goroutine while another hashes it.
	writes, written := make(chan []byte), make(chan error)
	go func() {
		for b := range writes {
			_, err := w.Write(b)
			written <- err
		}
	}()
	go func() {
		var err error
		for b := range x.full {
			if err == nil {
				writes <- b
				h.Write(b)
				err = <-written
			}
			x.free <- result{b[:0], err}
		}
		close(writes)
		x.sum = h.Sum(nil)
		x.done <- err
	}()
	return x
}

// flush hands the buffer to the goroutines and takes a free one.
func (x *Writer) flush() {
	if x.err != nil {
		return
	}
	x.full <- x.buf
	r := <-x.free
	x.buf, x.err = r.buf, r.err
}

// Write writes p.
func (x *Writer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && x.err == nil {
		k := copy(x.buf[len(x.buf):cap(x.buf)], p)
		x.buf, p = x.buf[:len(x.buf)+k], p[k:]
		if len(x.buf) == cap(x.buf) {
			x.flush()
		}
	}
	if x.err != nil {
		return n - len(p), x.err
	}
	return n, nil
}

// Close writes what is buffered, waits for the goroutines, and returns the
// digest of every byte written, or the first error of writing them. Calls
// after the first return what it returned; a Write after it is an error.
func (x *Writer) Close() ([]byte, error) {
	if x.full == nil {
		if x.err == errClosed {
			return x.sum, nil
		}
		return nil, x.err
	}
	if x.err == nil && len(x.buf) > 0 {
		x.full <- x.buf
	}
	close(x.full)
	err := <-x.done
	x.full, x.buf = nil, nil
	if x.err == nil {
		x.err = err
	}
	if x.err != nil {
		return nil, x.err
	}
	x.err = errClosed
	return x.sum, nil
}
