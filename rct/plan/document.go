package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// document is a plan as its rendering shows it: a title, the files it
// rests on, and the sections of a funder's statistical analysis plan.
type document struct {
	Title    string
	Version  string
	Meta     []metaRow
	Sections []section
}

// metaRow is one of the files and facts a plan rests on.
type metaRow struct{ Name, Value string }

// section is one section of the plan: paragraphs of text and R calls.
type section struct {
	Title  string
	Blocks []block
}

// block is a paragraph, or an R call shown as code.
type block struct {
	Text string
	Code bool
}

func (s *section) say(format string, a ...any) {
	s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(format, a...)})
}

func (s *section) code(call string) { s.Blocks = append(s.Blocks, block{Text: call, Code: true}) }

// newDocument lays out the plan file f under the sections of the
// Education Endowment Foundation's statistical analysis plan template:
// design and randomisation, sample size and MDES, primary analysis,
// secondary outcomes, subgroups, baseline imbalance, missing data,
// compliance, effect size calculation and headline tables.
func newDocument(f *File) (*document, error) {
	p := f.Plan
	as, err := p.Analyses()
	if err != nil {
		return nil, err
	}
	doc := &document{Title: "Statistical analysis plan: " + p.Primary.Outcome, Version: p.Version, Meta: f.meta()}
	primary, err := primarySection(p, as[0])
	if err != nil {
		return nil, err
	}
	secondary, err := secondarySection(p, as[1:])
	if err != nil {
		return nil, err
	}
	doc.Sections = []section{designSection(p), powerSection(p), primary, secondary, subgroupSection(p, as[0]),
		balanceSection(p), missingSection(p, as[0]), complianceSection(p, as[0]), effectSizeSection(as[0], p.Design), tablesSection(f, as[0])}
	return doc, nil
}

// meta lists the plan's file, its lock and the files it rests on.
func (f *File) meta() []metaRow {
	lock := "not locked: lock it with evalkit plan lock before the outcomes are seen"
	if l := f.Lock; l != nil {
		lock = fmt.Sprintf("locked %s by evalkit %s", l.LockedAt.UTC().Format("2006-01-02 15:04:05 UTC"), l.Version)
		if f.Changed() {
			lock = fmt.Sprintf("changed since its lock of %s (sha256 then %s)", l.LockedAt.UTC().Format("2006-01-02 15:04:05 UTC"), l.SHA256)
		}
	}
	rows := []metaRow{{"Plan", f.Path}, {"Plan SHA-256", f.SHA256}, {"Written by", "evalkit " + f.Plan.Version}, {"Lock", lock},
		{"Allocation manifest", f.Plan.Design.Manifest}, {"Manifest SHA-256", f.Plan.Design.SHA256}}
	if pw := f.Plan.Power; pw != nil {
		rows = append(rows, metaRow{"Power calculation", pw.File}, metaRow{"Power SHA-256", pw.SHA256})
	}
	return rows
}

// number formats a number for people: up to 4 significant digits.
func number(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

// list joins words as a sentence does, with the conjunction and (or or):
// "a", "a and b", "a, b and c".
func list(words []string, and string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + and + " " + words[len(words)-1]
}
