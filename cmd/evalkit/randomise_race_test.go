package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestRandomiseForceRaces runs 100 races of four concurrent `randomise
// --force` runs, each with its own seed, to one --out (issue 21, D3). Each
// race must leave an allocation and manifest that verify together, the
// runs that lost must exit 1 naming the run that holds the output, and no
// lock or temporary file may be left.
func TestRandomiseForceRaces(t *testing.T) {
	races, runners := 100, 4
	if testing.Short() {
		races = 10
	}
	dir := randomiseTempInput(t, "units.csv")
	in, out := filepath.Join(dir, "units.csv"), filepath.Join(dir, "allocation.csv")
	for race := range races {
		var wg sync.WaitGroup
		codes, stderrs := make([]int, runners), make([]string, runners)
		for i := range runners {
			wg.Go(func() {
				_, stderrs[i], codes[i] = runCmd(t, "randomise", "--in", in, "--id", "unit_id",
					"--seed", strconv.Itoa(race*runners+i), "--out", out, "--force")
			})
		}
		wg.Wait()
		won := 0
		for i, code := range codes {
			switch {
			case code == 0:
				won++
			case code != 1 || !strings.Contains(stderrs[i], "allocation.csv is being written by another evalkit run (pid "+strconv.Itoa(os.Getpid())+", started "):
				t.Errorf("race %d, run %d: exit %d, stderr %q", race, i, code, stderrs[i])
			}
		}
		if won == 0 {
			t.Errorf("race %d: no run won: %q", race, stderrs)
		}
		if stdout, stderr, code := runCmd(t, "randomise", "verify", "--manifest", out+".manifest.json"); code != 0 {
			t.Fatalf("race %d (%d won): the allocation and manifest do not pair: exit %d\n%s%s", race, won, code, stdout, stderr)
		}
	}
	assertDirHolds(t, dir, "allocation.csv", "allocation.csv.manifest.json", "units.csv")
}

// TestRandomiseForceRacesProcesses races four evalkit processes (the test
// binary as TestRandomiseChild) to one --out with --force, 10 times: the
// lock is a file, so it holds between processes as between goroutines
// (TestRandomiseForceRaces runs the 100 races).
func TestRandomiseForceRacesProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 40 processes")
	}
	dir := randomiseTempInput(t, "units.csv")
	in, out := filepath.Join(dir, "units.csv"), filepath.Join(dir, "allocation.csv")
	for race := range 10 {
		var cmds []*exec.Cmd
		for i := range 4 {
			args := []string{"randomise", "--in", in, "--id", "unit_id", "--seed", strconv.Itoa(race*4 + i), "--out", out, "--force"}
			cmd := exec.Command(os.Args[0], "-test.run=^TestRandomiseChild$")
			cmd.Env = append(os.Environ(), "EVALKIT_CHILD_ARGS="+strings.Join(args, "\n"))
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		won := 0
		for _, cmd := range cmds {
			if cmd.Wait() == nil {
				won++
			}
		}
		if won == 0 {
			t.Errorf("race %d: no process won", race)
		}
		if stdout, stderr, code := runCmd(t, "randomise", "verify", "--manifest", out+".manifest.json"); code != 0 {
			t.Fatalf("race %d (%d won): the allocation and manifest do not pair: exit %d\n%s%s", race, won, code, stdout, stderr)
		}
	}
	assertDirHolds(t, dir, "allocation.csv", "allocation.csv.manifest.json", "units.csv")
}

// assertDirHolds checks that dir holds exactly the names given (in order),
// and so no lock or temporary file.
func assertDirHolds(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}
