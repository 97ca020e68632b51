package lifecycle

import "github.com/goccy/go-yaml/ast"

// Portfolio is a portfolio file as read: the gates, the interventions, and
// the file's own text, which Advance edits in place.
//
// The file is YAML:
//
//	title: Thames Valley VRU portfolio      # optional
//	gates:                                  # optional: replaces a gate's defaults
//	  - {gate: 2, requires: [business_case, data_ethics_review]}
//	interventions:
//	  - name: Schools Navigators
//	    network: Inclusion & Engagement
//	    area: Reading, Milton Keynes
//	    gate: 2
//	    evidence:
//	      business_case: {status: in_progress, note: drafting}
//	      process_evaluation: done
//	    history:
//	      - {date: 2023-04-01, from: 1, to: 2, note: literature reviewed}
//
// Every other key, and every comment, is kept as written.
type Portfolio struct {
	// Title is the top-level title key, or "" when there is none.
	Title string
	// Gates holds the four gates in order, the file's gates entries in
	// place of the defaults they name.
	Gates []Gate
	// Interventions are in file order.
	Interventions []Intervention
	// LinkChecks are the checks of the evidence's links that readiness
	// counts, usually p.CheckLinks(fsys): with them, a required key whose
	// link has a Problem is not in place (Missing, Standing, Status,
	// Advance). Parse leaves it nil, and only the statuses count.
	LinkChecks []LinkCheck

	src  []byte // the text after any byte-order mark, with LF line ends when crlf
	bom  bool   // the file began with a UTF-8 byte-order mark
	crlf bool   // every line of the file ended CRLF (see lfLineEnds)
}

// Intervention is one entry of the portfolio's interventions list.
type Intervention struct {
	Name, Network, Area string
	// Gate is the gate the intervention is at, 1 to 4.
	Gate int
	// Decision is the decision recorded at gate 4, or "".
	Decision Decision
	// Evidence is in file order.
	Evidence []Evidence
	// History is in file order, oldest first by convention.
	History []Transition
	// Line is where the intervention starts in the file.
	Line int

	node    ast.Node // the intervention's mapping
	gate    *ast.MappingValueNode
	dec     *ast.MappingValueNode
	history *ast.MappingValueNode
}

// Transition is one entry of an intervention's history: a move between
// gates, or a decision recorded at gate 4 (From == To == 4).
type Transition struct {
	// Date is written YYYY-MM-DD by Advance; entries written by hand are
	// kept as they are.
	Date     string
	From, To int
	Note     string
	// Override is the reason given for moving on although evidence was
	// missing, and Missing what was missing then.
	Override string
	Missing  []string
	// Decision is set on a move to gate 4 that records one.
	Decision Decision
}

// EvidenceFor returns the intervention's evidence under key, and whether
// there is any.
func (iv *Intervention) EvidenceFor(key string) (Evidence, bool) {
	for _, e := range iv.Evidence {
		if e.Key == key {
			return e, true
		}
	}
	return Evidence{}, false
}

// Gate returns gate n of the portfolio, and false when n is not 1 to 4.
func (p *Portfolio) Gate(n int) (Gate, bool) {
	for _, g := range p.Gates {
		if g.Number == n {
			return g, true
		}
	}
	return Gate{}, false
}

// Intervention returns the intervention called name, or nil.
func (p *Portfolio) Intervention(name string) *Intervention {
	for i := range p.Interventions {
		if p.Interventions[i].Name == name {
			return &p.Interventions[i]
		}
	}
	return nil
}

// Bytes returns the file's text as read (after Advance, as edited),
// byte-order mark included when the file had one, and with CRLF line ends
// (the lines Advance added too) when every line of the file had them.
func (p *Portfolio) Bytes() []byte {
	text := p.src
	if p.crlf {
		text = crlfLineEnds(text)
	}
	if p.bom {
		return append([]byte(utf8BOM), text...)
	}
	return text
}

// utf8BOM is the UTF-8 byte-order mark some editors put at a file's start.
const utf8BOM = "\uFEFF"
