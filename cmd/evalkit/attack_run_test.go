//go:build linux

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The attack catalogue runs evalkit as a user does: the binary, built once
// into a temporary folder, as a child process, so that a panic, a runaway
// loop or a huge allocation shows as the user would see it, and so that
// its peak memory can be read from the kernel's rusage.

// buildEvalkit builds this package's binary into t.TempDir() and returns
// its path.
func buildEvalkit(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "evalkit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// childResult is what one run of the binary gave.
type childResult struct {
	stdout, stderr string
	code           int           // exit status; -1 when killed
	maxRSS         int64         // peak resident memory, KB (Linux rusage)
	elapsed        time.Duration // wall time
	killed         string        // why the watchdog killed it, or ""
}

// The child's rusage is taken by a small helper process (this test binary
// run again with rusageHelperEnv set) that starts evalkit and waits for it.
// Started straight from the test process, the child's ru_maxrss would be
// at least the test process's own peak: Linux carries the peak of the
// memory a process had before exec into its rusage, and Go starts children
// with vfork, sharing the parent's memory until exec. The helper is small,
// so what it adds is a few MB.
const rusageHelperEnv = "EVALKIT_ATTACK_RUSAGE_HELPER"

func init() {
	if os.Getenv(rusageHelperEnv) == "1" {
		os.Exit(rusageHelper(os.Args[1:]))
	}
}

// rusageHelper runs argv with this process's standard files, and reports
// on file descriptor 3 the child's pid ("pid N"), then its exit status and
// peak memory in KB ("done STATUS KB").
func rusageHelper(argv []string) int {
	report := os.NewFile(3, "report")
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), rusageHelperEnv+"=0")
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(report, "error %v\n", err)
		return 1
	}
	fmt.Fprintf(report, "pid %d\n", cmd.Process.Pid)
	_ = cmd.Wait() // the status is reported below
	var kb int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		kb = int64(ru.Maxrss)
	}
	fmt.Fprintf(report, "done %d %d\n", cmd.ProcessState.ExitCode(), kb)
	return 0
}

// runChild runs bin with args in dir, killing it when it runs longer than
// timeout or its resident memory passes killKB (polled from /proc), so
// that an input that runs away cannot take the shared machine with it.
func runChild(bin, dir string, args []string, timeout time.Duration, killKB int64) (childResult, error) {
	self, err := os.Executable()
	if err != nil {
		return childResult{}, err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return childResult{}, err
	}
	defer pr.Close()
	cmd := exec.Command(self, append([]string{bin}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", rusageHelperEnv+"=1")
	cmd.ExtraFiles = []*os.File{pw}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		pw.Close()
		return childResult{}, err
	}
	pw.Close()
	lines := bufio.NewScanner(pr)
	pid := 0
	if lines.Scan() {
		fmt.Sscanf(lines.Text(), "pid %d", &pid)
	}
	if pid == 0 {
		_ = cmd.Wait()
		return childResult{}, fmt.Errorf("the rusage helper did not start evalkit: %q %s", lines.Text(), errb.String())
	}
	var killed string
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			why := ""
			if time.Since(start) > timeout {
				why = "still running after " + timeout.String()
			} else if kb := residentKB(pid); kb > killKB {
				why = "resident memory " + strconv.FormatInt(kb/1024, 10) + " MB"
			}
			if why != "" {
				mu.Lock()
				killed = why
				mu.Unlock()
				_ = syscall.Kill(pid, syscall.SIGKILL)
				return
			}
		}
	}()
	res := childResult{code: -1}
	if lines.Scan() {
		fmt.Sscanf(lines.Text(), "done %d %d", &res.code, &res.maxRSS)
	}
	err = cmd.Wait()
	close(done)
	res.elapsed = time.Since(start)
	res.stdout, res.stderr = out.String(), errb.String()
	mu.Lock()
	res.killed = killed
	mu.Unlock()
	if err != nil {
		return res, fmt.Errorf("the rusage helper: %v: %s", err, errb.String())
	}
	return res, nil
}

// residentKB reads the process's resident set from /proc/PID/statm
// (pages), or 0 when it cannot.
func residentKB(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize()) / 1024
}

// containsInt reports whether v is in list.
func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// rawControl returns the first control character in s other than a line's
// end (\n), and whether there is one.
func rawControl(s string) (rune, bool) {
	for _, c := range s {
		if (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0) {
			return c, true
		}
	}
	return 0, false
}

// clipForLog cuts s to 300 bytes for the test's log.
func clipForLog(s string) string {
	if len(s) > 300 {
		return s[:300] + fmt.Sprintf("... (%d bytes)", len(s))
	}
	return s
}
