package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedDataAreReproduced checks that the generator writes the
// example data sets committed in examples/ byte for byte.
func TestCommittedDataAreReproduced(t *testing.T) {
	dir := t.TempDir()
	if err := writeAll(dir); err != nil {
		t.Fatal(err)
	}
	for _, ds := range dataSets {
		got, err := os.ReadFile(filepath.Join(dir, ds.name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", ds.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("examples/%s differs from what the generator writes (run go run ./examples/gendata -dir examples)", ds.name)
		}
	}
}
