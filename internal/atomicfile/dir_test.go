package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// oldReport is a report folder as a first run writes it.
var oldReport = map[string][]byte{"report.html": []byte("<p>old</p>"), "flow.png": []byte("old flow"), "forest.png": []byte("old forest")}

// newReport is a second run's, which draws no forest plot but a balance one.
var newReport = map[string][]byte{"report.html": []byte("<p>new</p>"), "flow.png": []byte("new flow"), "balance.png": bytes.Repeat([]byte("b"), 40<<10)}

// readTree returns every file under dir, by its path from dir.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameTree(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

// writeOld writes oldReport as root/report and returns the folder and its
// files.
func writeOld(t *testing.T, root string) (string, map[string]string) {
	t.Helper()
	dir := filepath.Join(root, "report")
	if err := WriteDir(dir, oldReport, false); err != nil {
		t.Fatal(err)
	}
	return dir, readTree(t, dir)
}

func TestWriteDirFailurePartWayKeepsOldFolder(t *testing.T) {
	enospc := &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	cases := []struct {
		name string
		// failCreate fails the nth file created (1-based), failRename the
		// nth rename; 0 fails none.
		failCreate, failRename int
	}{
		{name: "disk full at the second file", failCreate: 2},
		{name: "disk full at the list", failCreate: 4},
		{name: "moving a kept file", failRename: 1},
		{name: "renaming the old folder aside", failRename: 2},
		{name: "renaming the new folder in", failRename: 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			dir, before := writeOld(t, root)
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
			before["notes.txt"] = "mine"
			creates, renames := 0, 0
			defer func(c func(string) (writer, error), r func(string, string) error) { createFile, rename = c, r }(createFile, rename)
			next := createFile
			createFile = func(path string) (writer, error) {
				if creates++; creates == c.failCreate {
					f, err := next(path)
					if err == nil {
						f.Write([]byte("half"))
						f.Close()
					}
					return nil, enospc
				}
				return next(path)
			}
			rename = func(from, to string) error {
				if renames++; renames == c.failRename {
					return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
				}
				return os.Rename(from, to)
			}
			err := WriteDir(dir, newReport, true)
			if err == nil || !strings.Contains(err.Error(), dir) {
				t.Fatalf("err = %v, want an error naming %s", err, dir)
			}
			sameTree(t, "the folder after a failure", readTree(t, dir), before)
			assertOnlyFiles(t, root, "report")
		})
	}
}

func TestWriteDirForceKeepsFilesItDidNotWrite(t *testing.T) {
	root := t.TempDir()
	dir, _ := writeOld(t, root)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	os.Mkdir(filepath.Join(dir, "drafts"), 0o755)
	os.WriteFile(filepath.Join(dir, "drafts", "a.txt"), []byte("draft"), 0o644)
	os.Chmod(dir, 0o750)
	if err := WriteDir(dir, newReport, true); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"notes.txt": "mine", "drafts/a.txt": "draft",
		ListName: listHeader + "balance.png\nflow.png\nreport.html\n"}
	for n, b := range newReport {
		want[n] = string(b)
	}
	// forest.png, which the old run wrote and the new one does not, is gone.
	sameTree(t, "the folder replaced", readTree(t, dir), want)
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o750 {
		t.Errorf("folder mode %v (%v), want 0750 kept", fi.Mode().Perm(), err)
	}
	assertOnlyFiles(t, root, "report")
}

func TestWriteDirForceRefusesToReplaceAFileItDidNotWrite(t *testing.T) {
	root := t.TempDir()
	// A folder evalkit never made, holding a balance.png of the user's.
	dir := filepath.Join(root, "figures")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "balance.png"), []byte("the user's"), 0o644)
	os.WriteFile(filepath.Join(dir, "forest.png"), []byte("the user's too"), 0o644)
	before := readTree(t, dir)
	err := WriteDir(dir, newReport, true)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "balance.png")) || !strings.Contains(err.Error(), "no list "+ListName) {
		t.Errorf("err = %v, want one naming balance.png and the missing list", err)
	}
	sameTree(t, "the user's folder", readTree(t, dir), before)

	// A report folder whose balance.png the user put there after evalkit
	// wrote it.
	dir, before = writeOld(t, root)
	os.WriteFile(filepath.Join(dir, "balance.png"), []byte("the user's"), 0o644)
	before["balance.png"] = "the user's"
	err = WriteDir(dir, newReport, true)
	if err == nil || !strings.Contains(err.Error(), "not in the folder's list") {
		t.Errorf("err = %v, want one saying balance.png is not in the list", err)
	}
	sameTree(t, "the report folder", readTree(t, dir), before)
	assertOnlyFiles(t, root, "figures", "report")
}

func TestWriteDirRefusesTheCurrentFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	err := WriteDir(".", newReport, true)
	if err == nil || !strings.Contains(err.Error(), "current folder") {
		t.Errorf("err = %v, want a refusal of the current folder", err)
	}
	assertOnlyFiles(t, dir)
}

func TestWriteDirListNamesEveryFileWritten(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	if err := WriteDir(dir, newReport, false); err != nil {
		t.Fatal(err)
	}
	written, err := readList(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for n := range written {
		got = append(got, n)
	}
	sort.Strings(got)
	if want := []string{ListName, "balance.png", "flow.png", "report.html"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("list %v, want %v", got, want)
	}
}

// TestWriteDirFullTmpfs fills a real disk: a 64 KiB tmpfs, mounted when
// the test runs as root with EVALKIT_TEST_MOUNT_TMPFS=1 (as .ci/run may set it).
func TestWriteDirFullTmpfs(t *testing.T) {
	if os.Getenv("EVALKIT_TEST_MOUNT_TMPFS") == "" || os.Geteuid() != 0 {
		t.Skip("a full disk needs root and EVALKIT_TEST_MOUNT_TMPFS=1 (a 64 KiB tmpfs is mounted)")
	}
	root := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", root).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", root).Run()
	dir, before := writeOld(t, root)
	// flow.png fits, report.html does not.
	big := map[string][]byte{"flow.png": []byte("new flow"), "report.html": bytes.Repeat([]byte("h"), 100<<10)}
	err := WriteDir(dir, big, true)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("err = %v, want ENOSPC", err)
	}
	sameTree(t, "the folder on a full disk", readTree(t, dir), before)
	assertOnlyFiles(t, root, "report")
}
