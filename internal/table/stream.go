package table

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strings"
	"sync"
	"unsafe"
)

// streamBytes is the least size of a file that ReadSHA256 reads as a
// stream (readStreamed), and streamPiece how many bytes its reader reads
// and hashes at a time: variables, so that tests stream small files in
// small pieces.
var streamBytes, streamPiece = 1 << 20, 128 << 10

// streams reports whether ReadSHA256 reads a regular file of that name
// and size as a stream: a CSV file in UTF-8 of at least streamBytes.
func (o Options) streams(name string, size int) bool {
	return o.Encoding == UTF8 && !isWorkbook(name, nil) && size >= streamBytes && size > 0
}

// fed is what the reader of a stream has read into buf: the first end
// bytes, and once it has ended, what it read in all (data, which is buf
// unless the file grew as it was read) and its digest, or the error of
// reading.
type fed struct {
	buf  []byte
	end  int
	more chan int // each offset read up to; closed at the end
	// data and err are set before more is closed, sum (once they are
	// read without an error) before summed is.
	data   []byte
	err    error
	sum    []byte
	summed chan struct{}
	// start is closed when the reader may hash what it read, with later;
	// dropped, set before, when no digest is wanted (the reading failed).
	start   chan struct{}
	dropped bool
	// mu guards h, which has hashed the first hashed bytes read.
	mu     sync.Mutex
	h      hash.Hash
	hashed int
}

// wait waits until more has been read, or the reading has ended, and
// reports whether it has not.
func (f *fed) wait() bool {
	n, ok := <-f.more
	if !ok {
		return false
	}
	f.end = n
	for {
		select {
		case n, ok := <-f.more:
			if !ok {
				return false
			}
			f.end = n
		default:
			return true
		}
	}
}

// read reads r into f.buf (readInto), streamPiece bytes at a time, saying
// how far into f.buf it has read after each piece, and hashes it: after
// each piece, while it is in the cache (hash), unless later is set, and
// then the rest, after saying it has read it all (and, with later, once
// f.start is closed, unless f.dropped). It runs on a goroutine of its own.
func (f *fed) read(r io.Reader, later bool) {
	at := 0
	data, err := readInto(r, f.buf, streamPiece, func(p []byte) {
		if at+len(p) <= len(f.buf) { // not what the file grew by
			at += len(p)
			f.more <- at
			if !later {
				f.hash(f.buf[:at], false)
			}
		}
	})
	f.data, f.err = data, err
	close(f.more)
	if later {
		<-f.start
	}
	if err == nil && !(later && f.dropped) {
		f.hash(data, true)
	}
	close(f.summed)
}

// hash hashes the bytes of data not hashed yet, data being what has
// been read of the file (from its start), and then sets f.sum when last
// is set. The reader and the parser each call it after a piece or a window
// of their own, while those bytes are in their core's cache, so that the
// hashing, which must go in order, is done by whichever of the two is free:
// one that finds the other hashing goes back to its own work, except that
// the last call waits for its turn.
func (f *fed) hash(data []byte, last bool) {
	if last {
		f.mu.Lock()
	} else if !f.mu.TryLock() {
		return
	}
	defer f.mu.Unlock()
	if f.hashed < len(data) {
		writeAhead(f.h, data[f.hashed:])
		f.hashed = len(data)
	}
	if last {
		f.sum = f.h.Sum(nil)
	}
}

// readStreamed is readDigest for a file that streams: a regular file of
// size bytes. It is read on another goroutine, a piece at a time, while
// this one reads the rows of what has arrived, a window of whole lines at
// a time, so that reading and parsing go on at the same time; the hashing
// is done on whichever of the two goroutines is free (fed.hash), or with
// later set by the reader once it has read the file and the caller lets
// it (Digest.Start). Rows are read in a window as readRows reads them in
// one piece, as long as each is held by its line (no quote in it): at a
// row with a quote, at an error (for its wording), and for a file that is
// a workbook, UTF-16, or not of its size once read (it changed as it was
// read), the whole of what was read is parsed as ReadSHA256 parses any
// other file.
func (o Options) readStreamed(r io.Reader, size int, name string, later bool) (*Table, *Digest, error) {
	f := &fed{buf: make([]byte, size), more: make(chan int, size/streamPiece+2), h: sha256.New(), summed: make(chan struct{}), start: make(chan struct{})}
	go f.read(r, later)
	started := sync.OnceFunc(func() { close(f.start) })
	digest := &Digest{start: started, sum: func() []byte {
		<-f.summed
		return f.sum
	}}
	// fail returns err, and lets the reader end without hashing.
	fail := func(err error) (*Table, *Digest, error) {
		f.dropped = true
		started()
		return nil, nil, err
	}
	whole := func() (*Table, *Digest, error) {
		for f.wait() {
		}
		if f.err != nil {
			return fail(fmt.Errorf("%s: %w", name, f.err))
		}
		t, err := o.parse(f.data, name, nil)
		if err != nil {
			return fail(err)
		}
		return t, digest, nil
	}
	ended := false
	for f.end < 4 && !ended {
		ended = !f.wait()
	}
	buf := f.buf[:f.end]
	if isWorkbook(name, buf) || isUTF16(buf) {
		return whole()
	}
	off := 0 // the text starts after a byte-order mark
	if bytes.HasPrefix(buf, []byte(utf8BOM)) {
		off = len(utf8BOM)
	}
	if size == off {
		return whole()
	}
	text := unsafe.String(&f.buf[off], size-off) // read no further than f.end
	// window returns the end of the whole lines read (all that is read
	// once the reading has ended), its start before from.
	window := func(from int) int {
		if ended {
			return len(f.data) - off
		}
		return from + strings.LastIndexByte(text[from:f.end-off], '\n') + 1
	}
	for !ended && window(0) == 0 {
		ended = !f.wait()
	}
	if ended && (f.err != nil || len(f.data) != size) {
		return whole()
	}
	sc := newScanner(text[:window(0)], o.Delimiter.sep())
	t, err := readHeader(sc, name, o.Delimiter)
	if err != nil {
		return whole()
	}
	header := sc.s[:sc.pos]
	bad, hash := false, false
	for {
		from := sc.pos
		w := window(from)
		if w > from {
			if t.starts == nil {
				n := int(float64(estimateLines(text[from:w])) * float64(len(text)-from) / float64(w-from))
				t.starts, t.held, t.quotes = make([]uint32, 0, n), make([]uint64, 0, n/64+1), make([]uint64, 0, n/64+1)
			}
			sc.s = text[:w]
			if err := t.addRows(sc, t.rows+2, 0, nil, true); err != nil {
				return whole()
			}
			hash = hash || strings.IndexByte(text[from:w], '#') >= 0
			if sc.other >= 0 {
				bad = bad || o.Encoding.badText(text[max(from, sc.other):w])
			}
		}
		if ended {
			break
		}
		if !later {
			f.hash(f.buf[:f.end], false)
		}
		ended = !f.wait()
		if ended && (f.err != nil || len(f.data) != size) {
			return whole()
		}
	}
	t.text, t.rewritten = text[:len(f.data)-off], sc.rewritten
	t.noHash = !hash
	if err := t.checkEncoding(o.Encoding, bad || o.Encoding.badText(header)); err != nil {
		return fail(err)
	}
	if err := t.tidy(); err != nil {
		return fail(err)
	}
	return t, digest, nil
}
