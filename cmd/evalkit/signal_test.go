package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRandomiseChild runs evalkit with the arguments in EVALKIT_CHILD_ARGS,
// as the child process of TestRandomiseHangupLeavesNothing.
func TestRandomiseChild(t *testing.T) {
	args := os.Getenv("EVALKIT_CHILD_ARGS")
	if args == "" {
		t.Skip("run by TestRandomiseHangupLeavesNothing")
	}
	os.Exit(exitCode(run(strings.Split(args, "\n"), io.Discard, os.Stderr)))
}

// TestRandomiseHangupLeavesNothing sends SIGHUP to a randomise run while it
// writes its allocation, and checks that it exits 130 leaving no temporary
// file and no lock beside the input (issue 21, E12).
func TestRandomiseHangupLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 300,000-unit file")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "units.csv")
	var b strings.Builder
	b.WriteString("unit_id,area\n")
	for i := range 300000 {
		fmt.Fprintf(&b, "u%07d,area%d\n", i, i%50)
	}
	os.WriteFile(in, []byte(b.String()), 0o644)
	args := []string{"randomise", "--in", in, "--id", "unit_id", "--block", "area", "--seed", "7", "--out", filepath.Join(dir, "allocation.csv")}
	for try := 0; try < 5; try++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRandomiseChild$")
		cmd.Env = append(os.Environ(), "EVALKIT_CHILD_ARGS="+strings.Join(args, "\n"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForTemporary(dir, 20*time.Second)
		cmd.Process.Signal(syscall.SIGHUP)
		err := cmd.Wait()
		var exit *exec.ExitError
		if err == nil {
			// Written whole before the signal came (or before the temporary
			// file was seen): again.
			os.Remove(filepath.Join(dir, "allocation.csv"))
			os.Remove(filepath.Join(dir, "allocation.csv.manifest.json"))
			continue
		}
		if !errors.As(err, &exit) || exit.ExitCode() != 130 {
			t.Errorf("randomise after SIGHUP: %v, want exit status 130", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "allocation.csv")); err == nil {
			// The signal came while the pair was being committed, which
			// it waits for: both are there, and nothing else.
			assertDirHolds(t, dir, "allocation.csv", "allocation.csv.manifest.json", "units.csv")
		} else {
			assertDirHolds(t, dir, "units.csv")
		}
		return
	}
	t.Skip("the allocation was always written before its temporary file was seen")
}

// waitForTemporary reports whether a hidden temporary file (.NAME.tmp-*)
// appears in dir within the time given.
func waitForTemporary(dir string, within time.Duration) bool {
	for end := time.Now().Add(within); time.Now().Before(end); time.Sleep(100 * time.Microsecond) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.Contains(e.Name(), ".tmp-") {
				return true
			}
		}
	}
	return false
}
