package yamlbound

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

func TestCheck(t *testing.T) {
	deep := func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	var nestedMaps, nestedSeqs strings.Builder
	for i := range 70 {
		nestedMaps.WriteString(strings.Repeat(" ", i) + "a:\n")
		nestedSeqs.WriteString(strings.Repeat(" ", 2*i) + "-\n")
	}
	for _, tc := range []struct {
		name, src string
		want      error // nil: accepted
		line      int
	}{
		{"portfolio", "title: T\ninterventions:\n  - name: A\n    gate: 1\n    evidence: {a: {status: done, note: [x, [y]]}}\n", nil, 0},
		{"flow sequences 63 under a key", "deep: " + deep("[", "]", 63) + "\n", nil, 0},
		{"flow sequences 64 under a key", "deep: " + deep("[", "]", 64) + "\n", ErrTooDeep, 1},
		{"flow mappings", "deep: " + deep("{a: ", "}", 65) + "\n", ErrTooDeep, 1},
		{"flow mixed over lines", "deep:\n" + strings.Repeat("  [\n  {a:\n", 33), ErrTooDeep, 64},
		{"block mappings", nestedMaps.String(), ErrTooDeep, 65},
		{"block sequences", nestedSeqs.String(), ErrTooDeep, 65},
		{"compact sequences", strings.Repeat("- ", 65) + "x\n", ErrTooDeep, 1},
		{"compact keys", strings.Repeat("? ", 65) + "x\n", ErrTooDeep, 1},
		{"entries in flow", "[" + strings.Repeat("- ", 65) + "x]\n", ErrTooDeep, 1},
		{"tags", "a: " + strings.Repeat("!t ", 65) + "x\n", ErrTooDeep, 1},
		{"anchors", "a: " + strings.Repeat("&a ", 65) + "x\n", ErrTooDeep, 1},
		{"many flat entries", "a: [" + strings.Repeat("[x], ", 1000) + "]\n", nil, 0},
		{"many keys", strings.Repeat("a: [1]\n", 1000), nil, 0},
		{"brackets in a double-quoted scalar", "a: \"" + deep("[", "]", 100) + "\"\n", nil, 0},
		{"brackets in a single-quoted scalar", "a: 'it''s " + deep("[", "{", 100) + "'\n", nil, 0},
		{"brackets in a plain scalar", "a: see " + strings.Repeat("[", 100) + "\n", nil, 0},
		{"brackets in a comment", "a: 1 # " + strings.Repeat("[", 100) + "\n", nil, 0},
		{"brackets in a block scalar", "a: |\n  " + strings.Repeat("[", 100) + "\n  'x\nb: 1\n", nil, 0},
		{"closers in a quoted scalar do not close", "a: [\"" + strings.Repeat("]", 70) + "\", " + deep("[", "]", 64) + "]\n", ErrTooDeep, 1},
		{"an apostrophe in a plain scalar opens nothing", "a: rock 'n roll\nb: " + deep("[", "]", 65) + "\nc: '\n", ErrTooDeep, 2},
		{"an apostrophe in a flow plain scalar", "a: [rock 'n, " + deep("[", "]", 64) + ", ']\n", ErrTooDeep, 1},
		{"a block scalar ends where the indentation goes back", "- a: |\n    text\n  b: " + deep("[", "]", 64) + "\n", ErrTooDeep, 3},
		{"explicit start", "%YAML 1.2\n---\na: 1\n...\n# end\n", nil, 0},
		{"byte-order mark", "\uFEFF---\na: 1\n", nil, 0},
		{"bare --- at the end", "0\n---", ErrDocuments, 2},
		{"second document", "a: 1\n---\nb: 2\n", ErrDocuments, 2},
		{"two markers", "---\n--- a\n", ErrDocuments, 2},
		{"content after ...", "a: 1\n...\nb: 2\n", ErrDocuments, 3},
		{"--- inside a quoted scalar", "a: \"x\n---\"\n", nil, 0},
		{"--- not at column 1", "a: 1\n ---\n", nil, 0},
		{"CRLF", "a:\r\n  - [1, 2]\r\n---\r\n", ErrDocuments, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check([]byte(tc.src))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Check = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.Is(err, tc.want) || !errors.As(err, &e) || e.Line != tc.line {
				t.Fatalf("Check = %v, want %v at line %d", err, tc.want, tc.line)
			}
		})
	}
}

func TestCheckSize(t *testing.T) {
	src := make([]byte, MaxBytes+1)
	for i := range src {
		src[i] = '#'
	}
	if err := Check(src); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Check of %d bytes = %v", len(src), err)
	}
	if err := Check(src[:MaxBytes]); err != nil {
		t.Fatalf("Check of %d bytes = %v", MaxBytes, err)
	}
}

// TestCheckNestedFast: the 200 KB nested file of issue 21 (H1), which took
// goccy/go-yaml 15 GB and 138 s, is refused in well under a second and
// with next to no memory.
func TestCheckNestedFast(t *testing.T) {
	for _, src := range []string{
		"interventions: []\ndeep: " + strings.Repeat("[", 200_000),
		"interventions: []\ndeep: " + strings.Repeat("{a: ", 50_000),
		strings.Repeat("- ", 100_000),
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		err := Check([]byte(src))
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTooDeep) {
			t.Fatalf("Check = %v", err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; took > time.Second || alloc > 1<<20 {
			t.Errorf("Check took %v and %d bytes", took, alloc)
		}
	}
}

// TestCheckTestdata: every YAML file in the repository's testdata and
// examples that the parser reads passes.
func TestCheckTestdata(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") || !strings.Contains(path, "testdata") && !strings.Contains(path, "examples") {
			return err
		}
		if strings.HasPrefix(filepath.Base(path), "bad_") {
			return nil // files kept to test errors
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if _, perr := parser.ParseBytes(src, 0); perr != nil {
			return nil // files of bad YAML, kept to test errors
		}
		n++
		if err := Check(src); err != nil && !errors.Is(err, ErrDocuments) {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d files, %v", n, err)
	}
}

// FuzzCheck: the parser never nests deeper than the scanner counted: with
// a bound of 4, a file that passes parses to a tree of bounded depth.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("a: [b, {c: d}]\n"))
	f.Add([]byte("- - a: 'x'\n  ? b\n"))
	f.Add([]byte("a: |\n [[\nb: \"]]\" \n"))
	f.Add([]byte("a: !t &x [*x]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const bound = 4
		if check(src, bound) != nil {
			return
		}
		file, err := parser.ParseBytes(src, 0)
		if err != nil {
			return
		}
		for _, doc := range file.Docs {
			if d := treeDepth(doc); d > 3*bound+4 {
				t.Fatalf("tree %d deep passed a bound of %d", d, bound)
			}
		}
	})
}

type depthVisitor struct {
	d   int
	max *int
}

func (v depthVisitor) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		return nil
	}
	*v.max = max(*v.max, v.d)
	return depthVisitor{v.d + 1, v.max}
}

func treeDepth(n ast.Node) int {
	d := 0
	ast.Walk(depthVisitor{1, &d}, n)
	return d
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small.yaml"), filepath.Join(dir, "large.yaml")
	if err := os.WriteFile(small, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(large)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // a sparse 1 GiB file
		t.Fatal(err)
	}
	f.Close()
	if data, err := ReadFile(small); err != nil || string(data) != "a: 1\n" {
		t.Errorf("ReadFile(small) = %q, %v", data, err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadFile(large)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "large.yaml: file too large: 1073741824 bytes, more than the 16777216 (16 MiB)") {
		t.Errorf("ReadFile(large) = %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("ReadFile(large) allocated %d bytes", alloc)
	}
	if _, err := ReadFile(filepath.Join(dir, "none.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(none) = %v", err)
	}
}
