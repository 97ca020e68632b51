package hashwrite

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"testing"
)

// TestWriter writes pieces of every size through buffers of a few sizes:
// the bytes and the digest are what was written.
func TestWriter(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{1, 7, 64, 4096} {
		var out, want bytes.Buffer
		x := New(&out, sha256.New(), size)
		for range 2000 {
			p := make([]byte, rnd.IntN(3*size+2))
			for i := range p {
				p[i] = byte(rnd.Uint32())
			}
			want.Write(p)
			// Pieces longer than a buffer, and pieces of a byte.
			for _, q := range [][]byte{p, p[:min(1, len(p))]} {
				if n, err := x.Write(q); n != len(q) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
			}
			want.Write(p[:min(1, len(p))])
		}
		sum, err := x.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := sha256.Sum256(want.Bytes()); !bytes.Equal(sum, want[:]) {
			t.Errorf("size %d: digest %x, want %x", size, sum, want)
		}
		if !bytes.Equal(out.Bytes(), want.Bytes()) {
			t.Errorf("size %d: %d bytes written, want %d", size, out.Len(), want.Len())
		}
		if again, err := x.Close(); err != nil || !bytes.Equal(again, sum) {
			t.Errorf("size %d: Close again: %x, %v", size, again, err)
		}
		if _, err := x.Write([]byte("x")); err == nil {
			t.Errorf("size %d: Write after Close: no error", size)
		}
	}
}

// failing fails every write after the first n bytes.
type failing struct{ n int }

var errFull = errors.New("disk full")

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestWriterError: a failed write is the error of the Writer's later
// calls and of Close, which gives no digest.
func TestWriterError(t *testing.T) {
	x := New(&failing{n: 100}, sha256.New(), 64)
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		_, err = x.Write([]byte("0123456789"))
	}
	if !errors.Is(err, errFull) {
		t.Fatalf("writes: %v, want %v", err, errFull)
	}
	if sum, err := x.Close(); !errors.Is(err, errFull) || sum != nil {
		t.Fatalf("Close: %x, %v", sum, err)
	}
	if sum, err := x.Close(); !errors.Is(err, errFull) || sum != nil {
		t.Fatalf("Close again: %x, %v", sum, err)
	}
	y := New(&failing{n: 10}, sha256.New(), 64)
	y.Write([]byte("a line of more than ten bytes"))
	if _, err := y.Close(); !errors.Is(err, errFull) {
		t.Fatalf("an error in the last buffer: Close gives %v", err)
	}
}
