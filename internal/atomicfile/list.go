package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ListName is the file in each folder WriteDir writes that lists the files
// it wrote there, one name a line after a comment line:
//
//	# written by evalkit; --force replaces only these files
//	flow.png
//	report.html
//
// The list is how --force tells evalkit's files from a user's.
const ListName = ".evalkit-files"

const listHeader = "# written by evalkit; --force replaces only these files\n"

// formatList returns the list of names, in the order given.
func formatList(names []string) []byte {
	var b bytes.Buffer
	b.WriteString(listHeader)
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// readList returns the names in the list of the folder dir, with ListName
// itself; an empty set when the folder has no list.
func readList(dir string) (map[string]bool, error) {
	written := map[string]bool{}
	b, err := os.ReadFile(filepath.Join(dir, ListName))
	if errors.Is(err, fs.ErrNotExist) {
		return written, nil
	} else if err != nil {
		return nil, err
	}
	written[ListName] = true
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if n := sc.Text(); n != "" && !strings.HasPrefix(n, "#") {
			written[n] = true
		}
	}
	return written, sc.Err()
}

// keptFiles checks that the existing folder abs (dir as given, described
// by fi) can be replaced by the files, and returns the names of its entries
// that evalkit did not write, which the new folder keeps. It is an error
// when dir is not a folder, is the current folder (which cannot be renamed
// from under the shell that is in it), or holds a file that evalkit did not
// write under the name of a new file.
func keptFiles(dir, abs string, fi fs.FileInfo, files map[string][]byte) ([]string, error) {
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	if cwd, err := os.Stat("."); err == nil && os.SameFile(cwd, fi) {
		return nil, fmt.Errorf("%s is the current folder; give the name of a folder for the report, such as %s", dir, filepath.Join(dir, "report"))
	}
	written, err := readList(abs)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return nil, err
	}
	var kept []string
	for _, e := range entries {
		n := e.Name()
		if written[n] {
			continue
		}
		if _, ok := files[n]; ok {
			why := "it is not in the folder's list " + ListName
			if len(written) == 0 {
				why = "the folder has no list " + ListName
			}
			return nil, fmt.Errorf("%s was not written by evalkit (%s), and --force replaces only evalkit's files: move it away, or give another folder", filepath.Join(dir, n), why)
		}
		kept = append(kept, n)
	}
	return kept, nil
}
