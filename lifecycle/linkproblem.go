package lifecycle

import "fmt"

// Problem says, in one stable word that scripts can test, why an evidence
// link does not stand as the evidence it is for. A required key whose link
// has a problem is not in place: the intervention is not ready to pass the
// gate that requires it (see Portfolio.Missing).
type Problem string

// The problems CheckLinks finds.
const (
	// NoProblem is a link that stands: found, and, when the evidence
	// expects an evalkit result, the kind expected (and, for an
	// allocation, verified).
	NoProblem Problem = ""
	// LinkNotFound is a link to a file (or folder) that is not there.
	LinkNotFound Problem = "link_not_found"
	// WrongKind is a link to JSON that is not the kind of evalkit result
	// the evidence expects (ExpectedKind): a power result where the
	// allocation's manifest belongs, JSON of another program, JSON that
	// cannot be parsed.
	WrongKind Problem = "wrong_kind"
	// NotVerified is an allocation manifest that evalkit randomise verify
	// does not pass (rct.Verify: the input or the output has changed, or
	// the allocation is not reproduced), or, where the evidence expects an
	// allocation, allocation JSON that is not a manifest it can read.
	NotVerified Problem = "not_verified"
	// PlanMismatch is a link to a pre-specified analysis plan, to its
	// lock, or to an analysis made under a plan, whose SHA-256 digests do
	// not agree with the files they name: a plan changed since its lock or
	// since the analysis, a manifest or power result changed since the
	// plan, an analysis made under a plan changed since its lock
	// (--allow-changed-plan), or such a file that is not there.
	PlanMismatch Problem = "plan_mismatch"
)

// LinkProblem is a link that does not stand, as an entry of an
// intervention's problems in evalkit lifecycle status --json: evidence,
// link, line, problem and detail.
type LinkProblem struct {
	Link
	Problem Problem `json:"problem"`
	// Detail says what is wrong in a sentence that names the file:
	//
	//	results/custody_power.json is not there
	//	power.json holds an evalkit power result, not an evalkit allocation result
	//	tampered.csv.manifest.json does not verify: output file tampered.csv has been changed since it was written (...)
	Detail string `json:"detail"`
}

// String says where the link is written and what is wrong with it:
//
//	line 23: Custody Navigators, power_analysis: results/custody_power.json is not there
func (lp LinkProblem) String() string { return lp.Location() + ": " + lp.Detail }

// label is the problem in a few words, as the status table writes it
// beside the key it keeps missing.
func (p Problem) label() string {
	switch p {
	case LinkNotFound:
		return "link not found"
	case WrongKind:
		return "link to the wrong kind of result"
	case NotVerified:
		return "allocation does not verify"
	case PlanMismatch:
		return "analysis plan digests disagree"
	}
	return string(p)
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
