package table

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// readStreamedBoth writes text to a file and reads it with ReadSHA256 as a
// stream, in pieces of a few sizes, and not as a stream: the tables, the
// errors and the digests must be the same, and the digest the text's.
func readStreamedBoth(t *testing.T, text string) {
	t.Helper()
	defer func(b, p int) { streamBytes, streamPiece = b, p }(streamBytes, streamPiece)
	path := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later, piece := false, 0
	read := func() (*Table, string, error) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if !later {
			return Options{}.ReadSHA256(f, "t.csv")
		}
		tb, d, err := Options{}.ReadDigest(f, "t.csv")
		if err != nil {
			return nil, "", err
		}
		if piece == 1 {
			d.Start()
		}
		return tb, d.Sum(), nil
	}
	streamBytes = math.MaxInt
	want, wsum, werr := read()
	if s := sha256.Sum256([]byte(text)); werr == nil && wsum != hex.EncodeToString(s[:]) {
		t.Fatalf("%q: digest %s, want %x", text, wsum, s)
	}
	for k, p := range []int{1, 5, 64, 1 << 20, 1, 64, math.MaxInt} {
		// The last three are hashed after they are read (ReadDigest), the
		// last not as a stream; the first of them started (Digest.Start)
		// before the digest is asked for.
		later, piece = k >= 4, p
		streamBytes, streamPiece = 1, piece
		if piece == math.MaxInt {
			streamBytes = math.MaxInt
		}
		got, sum, err := read()
		how := fmt.Sprintf("streamed in pieces of %d (hashed later %v)", piece, later)
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Fatalf("%q: %s %v, in one piece %v", text, how, err, werr)
		}
		if werr != nil {
			continue
		}
		if sum != wsum {
			t.Fatalf("%q: %s digest %s, in one piece %s", text, how, sum, wsum)
		}
		sameTable(t, text, how, got, want)
	}
}

// TestReadStreamed reads files as streams and not: small and odd ones,
// and generated ones (awkwardFile).
func TestReadStreamed(t *testing.T) {
	for _, text := range []string{"", "a", "\uFEFF", "\uFEFFa,b\n1,2\n", "a,b\n", "a,b\n1,2", "\"a\nb\",c\n1,2\n", "PK\x03\x04", "\xFF\xFEa"} {
		readStreamedBoth(t, text)
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		readStreamedBoth(t, awkwardFile(rnd, trial))
	}
}

// TestReadDigestFails: a file that streams and fails to parse leaves no
// goroutine behind (its reader waits for no Start), with ReadDigest and
// with ReadSHA256.
func TestReadDigestFails(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,x\n")
	for i := range 200000 {
		fmt.Fprintf(&b, "%d,%d\n", i, i%7)
	}
	b.WriteString("1,2,3\n") // the wrong width
	path := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for range 3 {
		for _, later := range []bool{true, false} {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if later {
				_, _, err = Options{}.ReadDigest(f, "bad.csv")
			} else {
				_, _, err = Options{}.ReadSHA256(f, "bad.csv")
			}
			f.Close()
			if err == nil || !strings.Contains(err.Error(), "row 200002") {
				t.Fatalf("hashed later %v: %v", later, err)
			}
		}
	}
	for try := 0; runtime.NumGoroutine() > before; try++ {
		if try == 200 {
			t.Fatalf("%d goroutines, %d before", runtime.NumGoroutine(), before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
