package main

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/evalkit/evalkit/lifecycle"
)

// Example runs the program's review on the programme's own portfolio.
func Example() {
	src, err := os.ReadFile("../portfolio.yaml")
	if err != nil {
		panic(err)
	}
	p, err := lifecycle.Parse(src)
	if err != nil {
		panic(err)
	}
	if err := review(os.Stdout, p, lifecycle.LinkDir(".."), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC)); err != nil {
		panic(err)
	}
	// Output:
	// Thames Valley VRU research life cycle, 2023-24
	//
	// Gate 1, Literature review and experimental planning: 4
	// Gate 2, Business capability review and process evaluation ahead of a full trial: 6
	// Gate 3, Feasible research project: randomised trial in progress: 2
	// Gate 4, Result and decision (adopt, adapt, scale or stop): 0
	// Ready to move on: 0 of 12
	//
	// Evidence links not found:
	//   line 156: TVP Hotspot Policing App, analysis: results/hotspot_retest_analysis.json
	//   line 173: Focused deterrence Milton Keynes, cost_per_person: results/focused_deterrence_unitcost.json
	//
	// Nearest to their next gate:
	//   DARAT                      gate 2: 5 of 6 missing, 2 in progress
	//   Operation Paramount        gate 1: 4 of 4 missing, 2 in progress
	//   TVP Hotspot Policing App   gate 3: 4 of 4 missing, 2 in progress
	//   Schools Navigators         gate 2: 6 of 6 missing, 2 in progress
	//
	// Trials in progress:
	//   TVP Hotspot Policing App, trial_complete: being re-tested to find a more effective use of patrol
	//   TVP Hotspot Policing App, analysis: initial trial found a non-significant decrease in violent crime
	//   Focused deterrence Milton Keynes, trial_complete: randomised trial of focused deterrence for knife-crime offenders, in its pilot phase; to be scaled up to a full trial
	//
	// Advance Hospital Navigators: Hospital Navigators cannot pass gate 2: missing business_case, process_evaluation, data_ethics_review, randomisation_plan, analysis_plan, power_analysis
	// With an override, Hospital Navigators moves from gate 2 to 3; the file grows by 318 bytes.
}

func TestReviewDoesNotWrite(t *testing.T) {
	before, err := os.ReadFile("../portfolio.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := lifecycle.Parse(before)
	if err != nil {
		t.Fatal(err)
	}
	if err := review(io.Discard, p, lifecycle.LinkDir(".."), time.Now()); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile("../portfolio.yaml")
	if string(after) != string(before) {
		t.Error("the example changed the portfolio")
	}
}
