package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fuzz targets of the commands that had none: lifecycle, plan,
// randomise verify, icc, pool, did, match and power cluster --from. Each
// writes the fuzzed bytes as the command's file and runs the command as a
// user would: it must never reach "internal error", its error is one line,
// and what it prints with --json is one valid JSON object.

// fuzzRun runs args and checks what every command promises.
func fuzzRun(t *testing.T, input []byte, args ...string) (stdout string, code int) {
	t.Helper()
	stdout, stderr, code := runCmd(t, args...)
	if strings.Contains(stderr, "internal error") || strings.Contains(stderr, "panic") {
		t.Fatalf("%v on %q: %s", args, input, stderr)
	}
	if code != 0 && (!strings.HasPrefix(stderr, "evalkit: ") || strings.Count(stderr, "\n") != 1) {
		t.Fatalf("%v on %q: exit %d, stderr not one line: %q", args, input, code, stderr)
	}
	if code == 0 && containsArg(args, "--json") && !json.Valid([]byte(stdout)) {
		t.Fatalf("%v on %q: invalid JSON: %s", args, input, stdout)
	}
	return stdout, code
}

func containsArg(args []string, a string) bool {
	for _, x := range args {
		if x == a {
			return true
		}
	}
	return false
}

// fuzzFile writes data to dir/name and returns its path.
func fuzzFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fuzzSeeds adds the files' bytes to the corpus.
func fuzzSeeds(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzLifecycle runs lifecycle status on any portfolio and, when it is
// read, advances its first intervention: an edit never breaks the file
// (status reads what advance wrote).
func FuzzLifecycle(f *testing.F) {
	fuzzSeeds(f, "../../examples/portfolio.yaml", "../../testdata/attack/portfolio_ok.yaml",
		"../../testdata/attack/portfolio_crlf.yaml", "../../testdata/attack/portfolio_laughs.yaml",
		"../../testdata/attack/portfolio_ht.yaml", "../../testdata/attack/portfolio_two_docs.yaml")
	f.Add([]byte("interventions:\n  - name: A\n    gate: 4\n    history: []\n"))
	f.Add([]byte("interventions: [{name: A, gate: 1, evidence: {literature_review: {status: done, link: a.json}}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		in := fuzzFile(t, dir, "portfolio.yaml", data)
		out, code := fuzzRun(t, data, "lifecycle", "status", "--in", in, "--json")
		if code != 0 {
			return
		}
		var st struct {
			Interventions []struct{ Name string } `json:"interventions"`
		}
		if err := json.Unmarshal([]byte(out), &st); err != nil || len(st.Interventions) == 0 {
			return
		}
		_, code = fuzzRun(t, data, "lifecycle", "advance", "--in", in, "--intervention", st.Interventions[0].Name,
			"--override", "fuzz", "--date", "2024-01-01")
		if code == 0 {
			written, _ := os.ReadFile(in)
			if _, code := fuzzRun(t, written, "lifecycle", "status", "--in", in, "--json"); code != 0 {
				t.Fatalf("advance wrote a portfolio that status refuses: %q from %q", written, data)
			}
		}
	})
}

// FuzzPlanFile runs plan lock and plan render on any plan.
func FuzzPlanFile(f *testing.F) {
	fuzzSeeds(f, "../../testdata/plan/school_plan.yaml", "../../testdata/plan/custody_plan.yaml")
	f.Add([]byte("primary: &a {outcome: *a}\n"))
	f.Add([]byte("0\n---"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		in := fuzzFile(t, dir, "plan.yaml", data)
		fuzzRun(t, data, "plan", "lock", "--in", in)
		fuzzRun(t, data, "plan", "render", "--in", in, "--out", filepath.Join(dir, "plan.md"))
	})
}

// FuzzVerify runs randomise verify on any manifest beside a valid input
// and allocation: a manifest it passes names those very files.
func FuzzVerify(f *testing.F) {
	fuzzSeeds(f, "../../testdata/design/custody_simple.csv.manifest.json", "../../testdata/design/custody_blocks.csv.manifest.json",
		"../../testdata/attack/manifest_passwd.json")
	f.Add([]byte(`{"input":{"path":"custody_units.csv"},"output":{"path":"custody_simple.csv"},"flags":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		for _, name := range []string{"custody_units.csv", "custody_simple.csv", "custody_blocks.csv"} {
			b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "design", name))
			if err != nil {
				t.Fatal(err)
			}
			fuzzFile(t, dir, name, b)
		}
		m := fuzzFile(t, dir, "fuzz.manifest.json", data)
		fuzzRun(t, data, "randomise", "verify", "--manifest", m, "--json")
	})
}

// FuzzTableCommands runs icc, pool, did and match on any table, with
// fixed column names: arm, y, g (cluster, unit or first treated), t
// (time), x (a covariate), and pool's site, estimate, se.
func FuzzTableCommands(f *testing.F) {
	f.Add([]byte("g,y,t,arm,x\na,1,1,0,2\na,2,2,0,3\nb,3,1,1,1\nb,5,2,1,2\nc,2,1,0,4\nc,2.5,2,0,3\n"), uint8(0))
	f.Add([]byte("g,y,t,arm,x\na,1,1,2,2\na,5,2,2,3\nb,1,1,0,1\nb,2,2,0,2\nc,1,1,0,4\nc,2,2,0,3\n"), uint8(2))
	f.Add([]byte("g,y,t,arm,x\na,1,1,1,2\nb,2,2,0,3\nc,3,1,1,1\nd,5,2,0,2\ne,2,1,1,4\nf,2.5,2,0,3\n"), uint8(3))
	f.Add([]byte("site,estimate,se\nA,0.1,0.2\nB,0.3,0.1\nC,-0.2,0.3\n"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		dir := t.TempDir()
		in := fuzzFile(t, dir, "table.csv", data)
		switch which % 4 {
		case 0:
			fuzzRun(t, data, "icc", "--in", in, "--outcome", "y", "--cluster", "g", "--covariates", "x", "--json")
		case 1:
			fuzzRun(t, data, "pool", "--in", in, "--json")
		case 2:
			fuzzRun(t, data, "did", "--in", in, "--unit", "g", "--time", "t", "--outcome", "y", "--first-treated", "arm", "--json")
		case 3:
			fuzzRun(t, data, "match", "--in", in, "--treat", "arm", "--covariates", "x", "--outcome", "y", "--json")
		}
	})
}

// FuzzPowerFrom runs power cluster --from on any icc result.
func FuzzPowerFrom(f *testing.F) {
	f.Add([]byte(`{"icc":0.1,"mean_cluster_size":20,"cluster_size_cv":0.3,"r2_individual":0.2,"r2_cluster":null}`))
	f.Add([]byte(`{"icc":-0.5,"mean_cluster_size":1e308,"cluster_size_cv":-1}`))
	f.Add([]byte(`{"icc":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzFile(t, t.TempDir(), "icc.json", data)
		fuzzRun(t, data, "power", "cluster", "--from", in, "--effect", "0.3", "--power", "0.8", "--json")
	})
}
