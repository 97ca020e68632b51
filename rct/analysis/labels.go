package analysis

import (
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// labelKey is an arm label without its letter case and surrounding spaces:
// two labels with the same key are one arm written two ways.
func labelKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// armSpellings finds arm labels that differ only in letter case or
// surrounding spaces, such as "Control" and "control ". byKey maps each
// label's key to the first label seen with it; first maps each label to its
// first data row.
type armSpellings struct {
	byKey map[string]string
	first map[string]int
}

// check records label lab, first seen at data row i, and returns the error
// of a label that another differs from only in letter case or surrounding
// spaces: a table.ParseError at row i naming the other label and its row.
func (s *armSpellings) check(d *Data, lab string, i int) error {
	if s.byKey == nil {
		s.byKey, s.first = map[string]string{}, map[string]int{}
	}
	s.first[lab] = i
	k := labelKey(lab)
	other, ok := s.byKey[k]
	if !ok {
		s.byKey[k] = lab
		return nil
	}
	return d.rowError(i, d.cols.Arm, lab, fmt.Sprintf("arm label %q differs from %q (row %d) only in letter case or surrounding spaces; write each arm's label one way",
		table.Clip(lab), table.Clip(other), s.first[other]+2))
}
