package lifecycle

import (
	"fmt"
	"strings"
)

// Link is a file that a piece of evidence points at. It marshals to the
// JSON of a link in evalkit lifecycle status --json: evidence, link (the
// path) and line.
type Link struct {
	Intervention string `json:"-"`
	Evidence     string `json:"evidence"`
	// Path is the link as written, less any #fragment: a path relative
	// to the portfolio's folder, such as a power result (power.json), an
	// allocation manifest (allocation.csv.manifest.json), an analysis or a
	// unit-cost JSON.
	Path string `json:"link"`
	// Fragment is what follows # in the link: in a link to a unit-cost
	// result, the intervention's name there when it differs from the
	// portfolio's (costs.json#School Navigators).
	Fragment string `json:"-"`
	// Line is the evidence's line in the file.
	Line int `json:"line"`
}

// Location names where the link is written, as status reports it:
//
//	line 15: Custody Navigators, power_analysis
func (l Link) Location() string {
	return fmt.Sprintf("line %d: %s, %s", l.Line, l.Intervention, l.Evidence)
}

// Links returns every evidence link in file order, URLs excluded (evalkit
// never goes to the network to check them).
func (p *Portfolio) Links() []Link {
	var out []Link
	for _, iv := range p.Interventions {
		for _, e := range iv.Evidence {
			if e.Link == "" || isURL(e.Link) {
				continue
			}
			path, frag, _ := strings.Cut(e.Link, "#")
			out = append(out, Link{Intervention: iv.Name, Evidence: e.Key, Path: path, Fragment: frag, Line: e.Line})
		}
	}
	return out
}

// MissingLinks returns the links for which exists is false. CheckLinks
// does this and more (it describes the evalkit results it finds) given the
// portfolio's folder as an fs.FS; with MissingLinks the caller resolves a
// link against the folder, for example
//
//	p.MissingLinks(func(link string) bool {
//		_, err := os.Stat(filepath.Join(dir, link))
//		return err == nil
//	})
func (p *Portfolio) MissingLinks(exists func(link string) bool) []Link {
	var out []Link
	for _, l := range p.Links() {
		if !exists(l.Path) {
			out = append(out, l)
		}
	}
	return out
}

func isURL(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "mailto:")
}
