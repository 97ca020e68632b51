package report

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// armsAnalysis returns a continuous analysis with n arms, each compared
// with the first.
func armsAnalysis(n int) Analysis {
	a := Analysis{Title: "many arms", OutcomeType: "continuous", Outcome: "y"}
	for i := range n {
		name := fmt.Sprintf("arm%05d", i)
		a.Arms = append(a.Arms, ArmSummary{Arm: name, Randomised: 10, Analysed: 10, Values: []float64{1, 2, 3}})
		if i > 0 {
			a.Comparisons = append(a.Comparisons, Comparison{Treatment: name, Control: "arm00000", Method: "welch_t", Estimate: 0.1, Low: -1, High: 1, P: 0.5})
		}
	}
	return a
}

// TestRenderAnalysisRefusesTooManyArms checks that a report of more arms
// than it can draw is refused at once (issue 21, H3: 10,000 arms ran for
// over 300 s and 16 GB), and that MaxAnalysisArms arms are drawable.
func TestRenderAnalysisRefusesTooManyArms(t *testing.T) {
	for _, n := range []int{MaxAnalysisArms + 1, 10000} {
		start := time.Now()
		_, err := RenderAnalysis(armsAnalysis(n))
		if !errors.Is(err, ErrTooManyArms) || !strings.Contains(err.Error(), fmt.Sprintf("%d arms, and a report draws at most %d", n, MaxAnalysisArms)) {
			t.Errorf("%d arms: err = %v, want ErrTooManyArms", n, err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%d arms: refused after %v, want at once", n, d)
		}
	}
	if testing.Short() {
		return
	}
	r, err := RenderAnalysis(armsAnalysis(MaxAnalysisArms))
	if err != nil || len(r.PNG) == 0 {
		t.Errorf("%d arms: %v", MaxAnalysisArms, err)
	}
}
