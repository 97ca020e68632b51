//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// attackCase is one hostile or broken input and the command line that
// reads it, with what evalkit must do: the exit status, a fragment of its
// one-line error, and bounds on its time and memory.
//
// In args, @A/ is testdata/attack/, @T/ the repository's testdata/, @G/ a
// generated input (attackRecipes), and @W/ the case's own empty folder,
// which is also the child's working directory.
type attackCase struct {
	name  string
	args  []string
	setup func(t *testing.T, work string) // prepares @W/ before the run
	exit  []int                           // the exit statuses allowed; {0} when nil
	frag  string                          // in stderr (any letter case) when the exit is not 0
	// fix names the #21 finding that the case's behaviour waits on, when
	// it is being fixed in another branch: see pendingFixes.
	fix   string
	heavy bool                                      // skipped under -short
	limit time.Duration                             // wall-time bound; 10 s when 0
	memMB int64                                     // peak-memory bound for inputs under 1 MB; 256 when 0
	check func(work string, r childResult) []string // further problems, after a run that passed
	// plainOut: stdout must hold no raw control characters (a table for
	// a person, which must not reach the terminal raw).
	plainOut bool
}

// pendingFixes are the #21 findings (issue 21's ids) whose fix is made in
// another branch. A case marked with one of them that fails is skipped
// with what it got, and one that passes fails, saying to remove the id
// here: when a fix lands, delete its line (and reconcile the case's
// fragment with the fix's message).
var pendingFixes = map[string]string{}

// exits are the allowed exit statuses.
func ok0() []int     { return []int{0} }
func data1() []int   { return []int{1} }
func either() []int  { return []int{0, 1} }
func refused() []int { return []int{1, 2} }

func TestAttack(t *testing.T) {
	bin := buildEvalkit(t)
	attackDir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "attack"))
	if err != nil {
		t.Fatal(err)
	}
	attack = &attackEnv{
		bin: bin, attackDir: attackDir, tdDir: filepath.Dir(attackDir),
		gen: &attackGenerated{dir: t.TempDir(), made: map[string]error{}},
	}
	t.Run("catalogue", func(t *testing.T) {
		for _, tc := range attackCatalogue() {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				runAttackCase(t, tc)
			})
		}
	})
	t.Run("faults", attackFaults)
}

// attackEnv is where TestAttack's cases find the binary and their inputs.
type attackEnv struct {
	bin              string
	attackDir, tdDir string // testdata/attack and testdata
	gen              *attackGenerated
}

// attack is TestAttack's environment, set before its cases run.
var attack *attackEnv

// resolve turns an argument's @A/, @T/, @G/ or @W/ prefix into its path.
func (e *attackEnv) resolve(t *testing.T, a, work string) string {
	t.Helper()
	switch {
	case strings.HasPrefix(a, "@A/"):
		return filepath.Join(e.attackDir, a[3:])
	case strings.HasPrefix(a, "@T/"):
		return filepath.Join(e.tdDir, a[3:])
	case strings.HasPrefix(a, "@G/"):
		return e.gen.path(t, a[3:])
	case strings.HasPrefix(a, "@W/"):
		return filepath.Join(work, a[3:])
	}
	return a
}

// runAttackCase runs one case and checks it.
func runAttackCase(t *testing.T, tc attackCase) {
	if tc.heavy && testing.Short() {
		t.Skip("a heavy input, skipped under -short")
	}
	work := t.TempDir()
	if tc.setup != nil {
		tc.setup(t, work)
	}
	args := make([]string, len(tc.args))
	var inputBytes int64
	for i, a := range tc.args {
		a = attack.resolve(t, a, work)
		if i > 0 && strings.HasPrefix(tc.args[i-1], "--") {
			if fi, err := os.Stat(a); err == nil && fi.Mode().IsRegular() {
				inputBytes += fi.Size()
			}
		}
		args[i] = a
	}
	limit := tc.limit
	if limit == 0 {
		limit = 10 * time.Second
	}
	memMB := tc.memMB
	if memMB == 0 {
		memMB = 256
	}
	killKB := 4 * memMB * 1024
	if killKB < 1<<20 {
		killKB = 1 << 20 // 1 GB: enough to see the bound broken
	}
	r, err := runChild(attack.bin, work, args, limit, killKB)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("exit %d, %v, peak %d MB, %d bytes in; stderr %q", r.code, r.elapsed.Round(time.Millisecond), r.maxRSS/1024, inputBytes, clipForLog(r.stderr))

	var problems []string
	fail := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	if r.killed != "" {
		fail("killed: %s", r.killed)
	}
	want := tc.exit
	if want == nil {
		want = ok0()
	}
	if !containsInt(want, r.code) {
		fail("exit %d, want one of %v", r.code, want)
	}
	for _, bad := range []string{"internal error", "panic", "goroutine "} {
		if strings.Contains(r.stderr, bad) || strings.Contains(r.stdout, bad) {
			fail("the output holds %q", bad)
		}
	}
	if r.code != 0 && r.killed == "" {
		if !strings.HasPrefix(r.stderr, "evalkit: ") || strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
			fail("stderr is not one line starting \"evalkit: \"")
		}
		if !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(tc.frag)) {
			fail("stderr does not mention %q", tc.frag)
		}
	}
	if len(r.stderr) > 4096 {
		fail("stderr is %d bytes (labels are to be cut to about 60 bytes)", len(r.stderr)) // #21 E2
	}
	if c, ok := rawControl(r.stderr); ok {
		fail("stderr holds the raw control character %q", c) // #21 E3
	}
	if tc.plainOut {
		if c, ok := rawControl(r.stdout); ok {
			fail("stdout holds the raw control character %q", c) // #21 E3
		}
	}
	if inputBytes < 1<<20 && r.maxRSS > memMB*1024 {
		fail("peak memory %d MB for %d bytes of input, want under %d MB", r.maxRSS/1024, inputBytes, memMB)
	}
	if r.elapsed > limit {
		fail("took %v, want under %v", r.elapsed, limit)
	}
	if len(problems) == 0 && tc.check != nil {
		problems = tc.check(work, r)
	}
	reportAttack(t, tc.fix, problems)
}

// reportAttack fails the case with its problems, or, for a case whose
// finding is fixed in another branch, skips it with them; a pending case
// that passes fails, so that pendingFixes stays true.
func reportAttack(t *testing.T, fix string, problems []string) {
	t.Helper()
	why, pending := pendingFixes[fix]
	switch {
	case len(problems) == 0 && pending:
		t.Errorf("#21 %s now passes: delete %q from pendingFixes (attack_test.go)", fix, fix)
	case len(problems) == 0:
	case pending:
		t.Skipf("awaiting #21 %s (%s): %s", fix, why, strings.Join(problems, "; "))
	default:
		t.Error(strings.Join(problems, "; "))
	}
}
