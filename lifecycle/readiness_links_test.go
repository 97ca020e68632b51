package lifecycle

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemsPortfolio reads problems/portfolio.yaml, with its links checked
// when checked is set.
func problemsPortfolio(t *testing.T, checked bool) *Portfolio {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(problemsDir, "portfolio.yaml"))
	require.NoError(t, err)
	p, err := Parse(src)
	require.NoError(t, err)
	if checked {
		p.LinkChecks = p.CheckLinks(os.DirFS(problemsDir))
	}
	return p
}

// TestReadinessCountsLinks checks that evidence marked done is missing
// when its link does not stand, and only when the links are checked.
func TestReadinessCountsLinks(t *testing.T) {
	p := problemsPortfolio(t, true)
	for _, tc := range []struct {
		name    string
		missing []string
		problem Problem
		line    int
	}{
		{"Schools Navigators", []string{"randomisation_plan"}, NotVerified, 11},
		{"Custody Navigators", []string{"power_analysis"}, LinkNotFound, 23},
		{"Hospital Navigators", []string{"randomisation_plan"}, WrongKind, 31},
		{"Focused deterrence", []string{}, NoProblem, 0},
		{"Hotspot Policing", []string{}, NoProblem, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			iv := p.Intervention(tc.name)
			require.NotNil(t, iv)
			s := p.Standing(iv)
			assert.Equal(t, tc.missing, s.Missing)
			assert.Equal(t, tc.missing, p.Missing(iv, iv.Gate))
			assert.Equal(t, len(tc.missing) == 0, s.Ready)
			if tc.problem == NoProblem {
				assert.Empty(t, s.Problems)
				return
			}
			require.Len(t, s.Problems, 1)
			assert.Equal(t, tc.problem, s.Problems[0].Problem)
			assert.Equal(t, tc.missing[0], s.Problems[0].Evidence)
			assert.Equal(t, tc.line, s.Problems[0].Line)
		})
	}
	var ready []bool
	for _, s := range p.Status() {
		ready = append(ready, s.Ready)
	}
	assert.Equal(t, []bool{false, false, false, true, true}, ready, "Status as Standing")

	// Without the checks, only the statuses count.
	for _, s := range problemsPortfolio(t, false).Status() {
		assert.True(t, s.Ready, s.Name)
	}
}

// TestAdvanceCountsLinks checks that Advance refuses a move that a link
// holds back, naming the link and its problem, and makes it with an
// override, which records the key.
func TestAdvanceCountsLinks(t *testing.T) {
	p := problemsPortfolio(t, true)
	d := time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ name, key, why string }{
		{"Schools Navigators", "randomisation_plan", "line 11: randomisation_plan: tampered.csv.manifest.json does not verify: output file tampered.csv has been changed"},
		{"Custody Navigators", "power_analysis", "line 23: power_analysis: results/custody_power.json is not there"},
		{"Hospital Navigators", "randomisation_plan", "line 31: randomisation_plan: power.json holds an evalkit power result, not an evalkit allocation result"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := p.Advance(tc.name, Move{Date: d})
			var nr *NotReadyError
			require.True(t, errors.As(err, &nr), "err = %v", err)
			assert.ErrorIs(t, err, ErrNotReady)
			assert.Equal(t, []string{tc.key}, nr.Missing)
			require.Len(t, nr.Problems, 1)
			assert.Contains(t, err.Error(), tc.name+" cannot pass gate 2: missing "+tc.key+"; "+tc.why)

			next, tr, err := p.Advance(tc.name, Move{Date: d, Override: "board accepted the risk"})
			require.NoError(t, err)
			assert.Equal(t, 3, next.Intervention(tc.name).Gate)
			assert.Equal(t, []string{tc.key}, tr.Missing, "the override records what it passed over")
		})
	}
	_, tr, err := p.Advance("Focused deterrence", Move{Date: d})
	require.NoError(t, err, "a sample size that disagrees warns, and does not hold the move back")
	assert.Nil(t, tr.Missing)
}

// TestAdvanceKeepsLinkChecks checks that the portfolio Advance returns
// counts the same checks, at the lines of the edited file.
func TestAdvanceKeepsLinkChecks(t *testing.T) {
	p := problemsPortfolio(t, true)
	next, _, err := p.Advance("Schools Navigators", Move{Date: time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC), Override: "re-randomised"})
	require.NoError(t, err)
	require.Len(t, next.LinkChecks, len(p.LinkChecks))
	s := next.Standing(next.Intervention("Custody Navigators"))
	require.Len(t, s.Problems, 1)
	// Six lines of history (with the override and what it passed over)
	// were added above Custody Navigators.
	assert.Equal(t, 23+6, s.Problems[0].Line)
	e, _ := next.Intervention("Custody Navigators").EvidenceFor("power_analysis")
	assert.Equal(t, e.Line, s.Problems[0].Line)
	for _, c := range p.LinkChecks {
		if c.Intervention == "Custody Navigators" && c.Evidence == "power_analysis" {
			assert.Equal(t, 23, c.Line, "the receiver's checks are not changed")
		}
	}
}

// TestStatusReportSampleSizes checks the warning of an allocation smaller
// than its power result planned.
func TestStatusReportSampleSizes(t *testing.T) {
	p := problemsPortfolio(t, false)
	r := p.StatusReport("portfolio.yaml", p.CheckLinks(os.DirFS(problemsDir)))
	require.Len(t, r.SampleSizes, 1)
	m := r.SampleSizes[0]
	assert.Equal(t, "Focused deterrence", m.Allocation.Intervention)
	assert.Equal(t, []float64{1440, 320}, []float64{m.Planned, m.Allocated})
	assert.False(t, m.ByCluster)
	want := "sample_size_mismatch: line 40: Focused deterrence, randomisation_plan: allocation.csv.manifest.json allocates 320 units, power_analysis (power_1440.json) plans 1440 (60 clusters of 24)"
	assert.Equal(t, want, r.Warnings[len(r.Warnings)-1])
	var ready []bool
	for _, iv := range r.Interventions {
		ready = append(ready, iv.Ready)
	}
	assert.Equal(t, []bool{false, false, false, true, true}, ready, "the report counts the links it is given")
}
