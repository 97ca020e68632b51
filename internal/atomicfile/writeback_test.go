package atomicfile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A file of several times writeBackBytes, written in pieces that do not
// divide it, is committed whole; one aborted after the write-back has
// started leaves nothing.
func TestAtomicFileWriteBack(t *testing.T) {
	dir := t.TempDir()
	want := make([]byte, 3*writeBackBytes+123)
	for i := range want {
		want[i] = byte(i * 7)
	}
	write := func(path string) *File {
		f, err := Create(path, false)
		if err != nil {
			t.Fatal(err)
		}
		for at := 0; at < len(want); {
			n := min(len(want)-at, 1<<20+17)
			if k, err := f.Write(want[at : at+n]); k != n || err != nil {
				t.Fatalf("Write: %d, %v", k, err)
			}
			at += n
		}
		return f
	}
	path := filepath.Join(dir, "big.csv")
	if err := write(path).Commit(false); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("committed %d bytes (%v), want the %d written", len(got), err, len(want))
	}
	write(filepath.Join(dir, "aborted.csv")).Abort()
	assertOnlyFiles(t, dir, "big.csv")
}
