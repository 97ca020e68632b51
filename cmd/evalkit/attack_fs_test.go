//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// attackFaults checks what evalkit does when the file system fails it: a
// folder it may not write, and a disk that fills while it writes.
func attackFaults(t *testing.T) {
	t.Run("read-only folder", attackReadOnly)
	t.Run("full disk", attackFullDisk)
}

// attackReadOnly gives every writing command a folder of mode 0555: each
// must refuse with one line naming the problem and leave the folder as it
// was.
func attackReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which ignores a folder's permissions: the read-only folder cannot be tested")
	}
	trial := filepath.Join(attack.tdDir, "continuous", "attendance.csv")
	units := filepath.Join(attack.tdDir, "rct", "units.csv")
	portfolio := filepath.Join(attack.attackDir, "portfolio_ok.yaml")
	cases := []struct {
		name string
		args []string
	}{
		{"randomise --out", []string{"randomise", "--in", units, "--id", "unit_id", "--arms", "a,b", "--seed", "1", "--out", "@RO/alloc.csv"}},
		{"analyse --report", []string{"analyse", "--in", trial, "--outcome", "value", "--report", "@RO/report"}},
		{"lifecycle report", []string{"lifecycle", "report", "--in", portfolio, "--out", "@RO/board"}},
		{"lifecycle advance", []string{"lifecycle", "advance", "--in", "@RO/portfolio.yaml", "--intervention", "Hotspot Patrols", "--override", "attack"}},
		{"plan lock", []string{"plan", "lock", "--in", "@RO/plan.yaml"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ro := filepath.Join(t.TempDir(), "ro")
			if err := os.Mkdir(ro, 0o755); err != nil {
				t.Fatal(err)
			}
			copyTo(t, portfolio, filepath.Join(ro, "portfolio.yaml"))
			copyTo(t, filepath.Join(attack.tdDir, "plan", "school_plan.yaml"), filepath.Join(ro, "plan.yaml"))
			if err := os.Chmod(ro, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(ro, 0o755) })
			before := snapshot(t, ro)
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.Replace(a, "@RO", ro, 1)
			}
			r, err := runChild(attack.bin, t.TempDir(), args, 10*time.Second, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if r.code != 1 || !strings.HasPrefix(r.stderr, "evalkit: ") || strings.Count(r.stderr, "\n") != 1 ||
				!strings.Contains(strings.ToLower(r.stderr), "permission denied") {
				t.Errorf("exit %d, stderr %q: want exit 1 and one line saying permission denied", r.code, r.stderr)
			}
			if diff := snapshotDiff(before, snapshot(t, ro)); diff != "" {
				t.Errorf("the read-only folder changed: %s", diff)
			}
		})
	}
}

// attackFullDisk writes a report with --force over an existing one on a
// small file system (a tmpfs that .ci/run mounts, when root, at
// $EVALKIT_TEST_TMPFS), filled so that only an eighth, a quarter, a half
// or all but 4 KiB of the report's size is free. Each time, either the
// command succeeds and the folder holds the whole new report, or it fails
// saying no space is left and the old report is whole, byte for byte;
// nothing is ever left beside it (#21 D1).
func attackFullDisk(t *testing.T) {
	root := os.Getenv("EVALKIT_TEST_TMPFS")
	if root == "" {
		t.Skip("EVALKIT_TEST_TMPFS is not set: .ci/run mounts a small tmpfs there when it runs as root")
	}
	trial := filepath.Join(attack.tdDir, "continuous", "attendance.csv")
	var problems []string
	for _, free := range []string{"1/8", "1/4", "1/2", "all but 4 KiB"} {
		dir, err := os.MkdirTemp(root, "attack-")
		if err != nil {
			t.Fatal(err)
		}
		report := filepath.Join(dir, "report")
		first := []string{"analyse", "--in", trial, "--outcome", "value", "--report", report}
		r, err := runChild(attack.bin, dir, first, 20*time.Second, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		if r.code != 0 {
			t.Fatalf("the first report: exit %d, %s", r.code, r.stderr)
		}
		before := snapshot(t, report)
		var size int64
		for _, b := range before {
			size += int64(len(b))
		}
		room := map[string]int64{"1/8": size / 8, "1/4": size / 4, "1/2": size / 2, "all but 4 KiB": size - 4<<10}[free]
		filler := filepath.Join(dir, "filler")
		if err := fillDisk(filler); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(filler); err != nil || fi.Size() < room {
			t.Fatalf("the tmpfs at %s is too small to test: %v", root, err)
		} else if err := os.Truncate(filler, fi.Size()-room); err != nil {
			t.Fatal(err)
		}
		const label = "Attendance after the disk filled"
		// Other data, so that every file of the new report differs.
		second := []string{"analyse", "--in", filepath.Join(attack.tdDir, "continuous", "normal60.csv"), "--outcome", "value", "--report", report, "--force", "--label", label}
		r, err = runChild(attack.bin, dir, second, 20*time.Second, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s of %d bytes free: exit %d, stderr %q", free, size, r.code, r.stderr)
		after := snapshot(t, report)
		switch {
		case r.code == 0:
			html := string(after["/report.html"])
			if !strings.Contains(html, label) || len(after) != len(before) {
				problems = append(problems, free+" free: exit 0 but the new report is not whole")
			}
		case r.code != 1 || !strings.Contains(strings.ToLower(r.stderr), "no space left"):
			problems = append(problems, fmt.Sprintf("%s free: exit %d, stderr %q: want exit 1 saying no space left", free, r.code, r.stderr))
		default:
			if diff := snapshotDiff(before, after); diff != "" {
				problems = append(problems, free+" free: the old report is not whole: "+diff)
			}
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "report" && e.Name() != "filler" {
				problems = append(problems, free+" free: left beside the report: "+e.Name())
			}
		}
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	reportAttack(t, "D1", problems) // #21 D1
}

// fillDisk writes zeros to path until the file system is full.
func fillDisk(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	block := make([]byte, 64<<10)
	for {
		if _, err = f.Write(block); err != nil {
			break
		}
	}
	if cerr := f.Close(); cerr != nil && !errors.Is(cerr, syscall.ENOSPC) {
		return cerr
	}
	if errors.Is(err, syscall.ENOSPC) {
		return nil
	}
	return err
}

// snapshot returns every file under dir with its bytes.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[strings.TrimPrefix(p, dir)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// snapshotDiff says how two snapshots differ, or "".
func snapshotDiff(before, after map[string][]byte) string {
	var d []string
	for name, b := range before {
		if a, ok := after[name]; !ok {
			d = append(d, name+" is gone")
		} else if !bytes.Equal(a, b) {
			d = append(d, name+" changed")
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			d = append(d, name+" is new")
		}
	}
	sort.Strings(d)
	return strings.Join(d, ", ")
}

// copyTo copies the file src to dst.
func copyTo(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err == nil {
		err = os.WriteFile(dst, b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}
