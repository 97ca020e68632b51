package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "allocation.csv")

	if err := WriteFile(path, []byte("first\n"), false); err != nil {
		t.Fatal(err)
	}
	// An existing file is not overwritten without force, and is unchanged.
	err := WriteFile(path, []byte("second\n"), false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("overwrite without force: err = %v, want ErrExists", err)
	}
	assertFile(t, path, "first\n")
	// With force it is replaced.
	if err := WriteFile(path, []byte("third\n"), true); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "third\n")
	assertOnlyFiles(t, dir, "allocation.csv")
}

func TestAtomicFileAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	f, err := Create(path, false)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half a file")
	f.Abort()
	f.Abort() // safe twice
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("aborted file exists: %v", err)
	}
	assertOnlyFiles(t, dir)
}

func TestAtomicFileRaceWithoutForce(t *testing.T) {
	// A file that appears while we write is not replaced without force.
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	f, err := Create(path, false)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("ours")
	if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(false); !errors.Is(err, ErrExists) {
		t.Errorf("commit over a new file: err = %v, want ErrExists", err)
	}
	assertFile(t, path, "theirs")
	assertOnlyFiles(t, dir, "out.csv")
}

func TestAtomicFileInMissingDirectory(t *testing.T) {
	if err := WriteFile(filepath.Join(t.TempDir(), "no", "such", "dir.csv"), nil, false); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s = %q (%v), want %q", path, got, err, want)
	}
}

func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %v, want %v (a temporary file left behind?)", dir, got, names)
	}
	for i := range got {
		if got[i] != names[i] {
			t.Fatalf("%s holds %v, want %v", dir, got, names)
		}
	}
}

func TestAtomicFileModesAndLinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "portfolio.yaml")
	if err := WriteFile(path, []byte("a"), false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", fi.Mode().Perm())
	}
	os.Chmod(path, 0o640)
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links here")
	}
	if err := WriteFile(link, []byte("b"), true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	assertFile(t, path, "b")
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("replaced file mode %v, want 0640 kept", fi.Mode().Perm())
	}
}

func TestAtomicFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	for _, path := range []string{sub, os.DevNull} {
		if err := WriteFile(path, []byte("x"), true); err == nil {
			t.Errorf("replaced %s with a file", path)
		}
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}
	err := WriteFile(filepath.Join(dir, "no", "out.csv"), nil, false)
	if err == nil || strings.Contains(err.Error(), ".tmp-") || !strings.Contains(err.Error(), filepath.Join(dir, "no", "out.csv")) {
		t.Errorf("error %v should name the path given, not the temporary file", err)
	}
}

func TestWriteDirAtomic(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "report")
	files := map[string][]byte{"report.html": []byte("<p>1</p>"), "flow.png": []byte("png")}
	if err := WriteDir(dir, files, false); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(dir, "report.html"), "<p>1</p>")
	assertOnlyFiles(t, root, "report")
	// An existing folder needs force, and is left as it was without it.
	if err := WriteDir(dir, map[string][]byte{"report.html": []byte("2")}, false); !errors.Is(err, ErrExists) {
		t.Fatalf("existing folder without force: %v", err)
	}
	assertFile(t, filepath.Join(dir, "report.html"), "<p>1</p>")
	// With force, files are replaced and stale plots removed.
	if err := WriteDir(dir, map[string][]byte{"report.html": []byte("3")}, true); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(dir, "report.html"), "3")
	assertOnlyFiles(t, dir, ListName, "report.html")
	// A file where the folder should be is not replaced.
	file := filepath.Join(root, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if err := WriteDir(file, files, true); err == nil {
		t.Error("a file was replaced by a folder")
	}
	assertFile(t, file, "x")
	if err := WriteDir(filepath.Join(root, "no", "dir"), files, false); err == nil {
		t.Error("wrote into a missing parent folder")
	}
	assertOnlyFiles(t, root, "file", "report")
}
