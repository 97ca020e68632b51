package lifecycle

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// MaxLinkSize bounds the size of a linked JSON file that CheckLinks reads
// to describe it; a larger file is found but not described.
const MaxLinkSize = 64 << 20

// LinkCheck is what was found at the end of an evidence link. It marshals
// to an entry of an intervention's links in evalkit lifecycle status
// --json: evidence, link, line, found, and kind and summary when the file
// is an evalkit result.
type LinkCheck struct {
	Link
	// Found is true when the file (or folder) is there.
	Found bool `json:"found"`
	// Kind is the kind of evalkit result the file holds, NotAResult for
	// any other file, and Summary sums it up in one line (see
	// DescribeLink); Summary is "" exactly when Kind is NotAResult.
	Kind    LinkKind `json:"kind,omitempty"`
	Summary string   `json:"summary,omitempty"`
	// Warning, when not empty, says that the file is JSON but not the
	// kind of result the evidence expects (see ExpectedKind):
	//
	//	analysis.json holds an evalkit analysis result, not an evalkit power result
	Warning string `json:"-"`
}

// CheckLinks looks up every evidence link (Links, in file order) in fsys,
// which holds the files as seen from the portfolio's folder: for a
// portfolio on disk, os.DirFS(filepath.Dir(file)). A regular .json file of
// at most MaxLinkSize bytes is read and described with DescribeLink, under
// the fragment's name when the link has one (a unit-cost result's name for
// the intervention) and the intervention's otherwise.
//
// Each link is looked up under its cleaned path (path.Clean), as written:
// a link that climbs out of the folder (../results/power.json) or is
// absolute is not a valid fs.FS name, and os.DirFS and fstest.MapFS report
// it not found; LinkDir follows such links, as evalkit lifecycle does.
//
// Special cases:
//
//	a file that cannot be stat'ed          Found false
//	a folder, a non-JSON or too large file Found true, NotAResult, no warning
//	JSON that cannot be read or parsed     NotAResult, and a Warning when
//	                                       the evidence expects a result
func (p *Portfolio) CheckLinks(fsys fs.FS) []LinkCheck {
	var out []LinkCheck
	for _, l := range p.Links() {
		c := LinkCheck{Link: l}
		name := path.Clean(l.Path)
		fi, err := fs.Stat(fsys, name)
		c.Found = err == nil
		if c.Found && fi.Mode().IsRegular() && fi.Size() <= MaxLinkSize && strings.EqualFold(path.Ext(name), ".json") {
			if data, err := fs.ReadFile(fsys, name); err == nil {
				describe := l.Intervention
				if l.Fragment != "" {
					describe = l.Fragment
				}
				c.Kind, c.Summary = DescribeLink(data, describe)
			}
			c.Warning = wrongKind(l, c.Kind)
		}
		out = append(out, c)
	}
	return out
}

// wrongKind says when a linked JSON file holds another kind of result than
// the evidence expects, or "" when it is the expected kind or any file will
// do.
func wrongKind(l Link, got LinkKind) string {
	want := ExpectedKind(l.Evidence)
	if want == NotAResult || got == want {
		return ""
	}
	holds := "JSON that is not an evalkit result"
	if got != NotAResult {
		holds = "an evalkit " + string(got) + " result"
	}
	return fmt.Sprintf("%s holds %s, not an evalkit %s result", l.Path, holds, want)
}
