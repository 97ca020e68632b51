package lifecycle

import (
	"encoding/json"
	"io/fs"
)

// linkFiles holds, for one CheckLinks, what was found under each name, so
// that a portfolio of 10,000 interventions linking the same few files
// stats, reads and decodes each of them once.
type linkFiles map[string]*linkFile

type linkFile struct {
	fi      fs.FileInfo
	statErr error

	read    bool // data and readErr are set
	data    []byte
	readErr error
	doc     map[string]json.RawMessage // nil unless data is a JSON object
	kind    LinkKind
	// summaries are by the name described; only a unit-cost result's
	// depends on it, and the others are under "".
	summaries map[string]string
}

// stat returns the file under name, looked up once.
func (files linkFiles) stat(fsys fs.FS, name string) *linkFile {
	f, ok := files[name]
	if !ok {
		f = &linkFile{}
		f.fi, f.statErr = fs.Stat(fsys, name)
		files[name] = f
	}
	return f
}

// load reads and decodes the file, once.
func (f *linkFile) load(fsys fs.FS, name string) {
	if f.read {
		return
	}
	f.read = true
	if f.data, f.readErr = fs.ReadFile(fsys, name); f.readErr == nil {
		f.doc = linkDoc(f.data)
		f.kind = linkKindOf(f.doc)
	}
}

// describe is DescribeLink(f.data, name), worked out once per summary.
func (f *linkFile) describe(name string) (LinkKind, string) {
	key := ""
	if f.kind == UnitCostResult {
		key = name
	}
	s, ok := f.summaries[key]
	if !ok {
		s = describeDoc(f.doc, name)
		if f.summaries == nil {
			f.summaries = map[string]string{}
		}
		f.summaries[key] = s
	}
	return f.kind, s
}
