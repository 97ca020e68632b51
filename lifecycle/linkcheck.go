package lifecycle

import (
	"io/fs"
	"path"
	"strings"
)

// MaxLinkSize bounds the size of a linked JSON file that CheckLinks reads
// to describe it; a larger file is found but not described.
const MaxLinkSize = 64 << 20

// LinkCheck is what was found at the end of an evidence link. It marshals
// to an entry of an intervention's links in evalkit lifecycle status
// --json: evidence, link, line, found, kind and summary when the file is
// an evalkit result, and problem and detail when the link does not stand.
type LinkCheck struct {
	Link
	// Found is true when the file (or folder) is there.
	Found bool `json:"found"`
	// Kind is the kind of evalkit result the file holds, NotAResult for
	// any other file, and Summary sums it up in one line (see
	// DescribeLink); Summary is "" exactly when Kind is NotAResult.
	Kind    LinkKind `json:"kind,omitempty"`
	Summary string   `json:"summary,omitempty"`
	// Problem is why the link does not stand as its evidence, NoProblem
	// when it does, and Detail says it in a sentence naming the file (see
	// LinkProblem):
	//
	//	analysis.json holds an evalkit analysis result, not an evalkit power result
	Problem Problem `json:"problem,omitempty"`
	Detail  string  `json:"detail,omitempty"`
	// Size is what a power result plans or an allocation manifest
	// allocated, nil for other files and when it is not known.
	Size *SampleSize `json:"-"`
}

// LinkProblem returns the link and its problem, for the problems of an
// intervention's status.
func (c LinkCheck) LinkProblem() LinkProblem {
	return LinkProblem{Link: c.Link, Problem: c.Problem, Detail: c.Detail}
}

// CheckLinks looks up every evidence link (Links, in file order) in fsys,
// which holds the files as seen from the portfolio's folder: for a
// portfolio on disk, os.DirFS(filepath.Dir(file)). A regular .json file of
// at most MaxLinkSize bytes is read and described with DescribeLink, under
// the fragment's name when the link has one (a unit-cost result's name for
// the intervention) and the intervention's otherwise. An allocation
// manifest is verified as evalkit randomise verify does (rct.Verify), its
// input and output opened in fsys relative to the manifest's folder; a
// manifest linked twice is verified once. A YAML file that is a
// pre-specified analysis plan (package rct/plan), a plan's lock, and an
// analysis made under a plan are checked against the digests they record.
//
// Each link is looked up under its cleaned path (path.Clean), as written:
// a link that climbs out of the folder (../results/power.json) or is
// absolute is not a valid fs.FS name, and os.DirFS and fstest.MapFS report
// it not found; LinkDir follows such links, as evalkit lifecycle does.
//
// Special cases:
//
//	a file that cannot be stat'ed          LinkNotFound
//	a folder, a non-JSON or too large file Found, NotAResult, NoProblem
//	JSON that cannot be read or parsed     NotAResult, and WrongKind when
//	                                       the evidence expects a result
//	a manifest that does not verify        NotVerified, under any key
//	allocation JSON that is not a manifest NotVerified when the evidence
//	                                       expects an allocation
//	a plan, its lock, or an analysis made  PlanMismatch, under any key,
//	under a plan, whose digests disagree   when a file differs from its
//	                                       record (plan.Verify)
//
// Each file is looked up, read and described once however many links
// name it, so the time grows with the number of links and of distinct
// files, not their product.
func (p *Portfolio) CheckLinks(fsys fs.FS) []LinkCheck {
	var out []LinkCheck
	manifests := map[string]manifestCheck{}
	files := linkFiles{}
	for _, l := range p.Links() {
		out = append(out, checkLink(fsys, l, files, manifests))
	}
	return out
}

// checkLink looks up one link; files holds the files looked up so far and
// manifests the manifests verified so far, by name.
func checkLink(fsys fs.FS, l Link, files linkFiles, manifests map[string]manifestCheck) LinkCheck {
	c := LinkCheck{Link: l}
	name := path.Clean(l.Path)
	f := files.stat(fsys, name)
	fi, err := f.fi, f.statErr
	if err != nil {
		c.Problem, c.Detail = LinkNotFound, l.Path+" is not there"
		return c
	}
	c.Found = true
	if fi.Mode().IsRegular() && fi.Size() <= MaxLinkSize && isYAML(name) {
		checkPlanYAML(fsys, name, &c)
	}
	if !fi.Mode().IsRegular() || fi.Size() > MaxLinkSize || !strings.EqualFold(path.Ext(name), ".json") {
		return c
	}
	f.load(fsys, name)
	data := f.data
	if f.readErr == nil {
		describe := l.Intervention
		if l.Fragment != "" {
			describe = l.Fragment
		}
		c.Kind, c.Summary = f.describe(describe)
	}
	if d := wrongKind(l, c.Kind); d != "" {
		c.Problem, c.Detail = WrongKind, d
		return c
	}
	switch c.Kind {
	case PowerResult:
		c.Size = powerSize(f.doc)
	case Allocation:
		m, ok := manifests[name]
		if !ok {
			m = verifyManifest(fsys, name, data)
			manifests[name] = m
		}
		c.Size = m.size
		if m.reason != "" && (m.readable || ExpectedKind(l.Evidence) == Allocation) {
			c.Problem, c.Detail = NotVerified, l.Path+" "+m.reason
		}
	case AnalysisPlan:
		checkPlanLock(fsys, name, data, &c)
	case AnalysisResult:
		checkPlanAnalysis(fsys, name, data, &c)
	}
	return c
}
