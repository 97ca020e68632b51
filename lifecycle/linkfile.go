package lifecycle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// LinkKind is the kind of evalkit result a linked file holds.
type LinkKind string

// The results of evalkit's other commands that evidence can link to,
// recognised by the keys of their JSON (see the command-line contract).
const (
	// NotAResult is a file that is not one of evalkit's JSON results: a
	// PDF, a document, JSON of another program.
	NotAResult LinkKind = ""
	// PowerResult is the JSON of evalkit power (keys design, alpha, power).
	PowerResult LinkKind = "power"
	// Allocation is an allocation manifest of evalkit randomise, or its
	// JSON (keys method and seed).
	Allocation LinkKind = "allocation"
	// AnalysisResult is the JSON of evalkit analyse (keys outcome and
	// comparisons).
	AnalysisResult LinkKind = "analysis"
	// UnitCostResult is the JSON of evalkit unitcost (keys interventions
	// and total).
	UnitCostResult LinkKind = "unitcost"
	// AnalysisPlan is a pre-specified analysis plan of evalkit plan init
	// (YAML), or its lock (JSON keys plan, sha256 and locked_at).
	AnalysisPlan LinkKind = "plan"
)

// ExpectedKind returns the kind of result that evidence of the given key
// is expected to link to, or NotAResult when any file will do:
//
//	preliminary_power, power_analysis  PowerResult
//	randomisation_plan                 Allocation
//	analysis                           AnalysisResult
//	cost_per_person                    UnitCostResult
func ExpectedKind(evidenceKey string) LinkKind {
	switch evidenceKey {
	case "preliminary_power", "power_analysis":
		return PowerResult
	case "randomisation_plan":
		return Allocation
	case "analysis":
		return AnalysisResult
	case "cost_per_person":
		return UnitCostResult
	}
	return NotAResult
}

// DescribeLink recognises a linked file's contents and sums it up in one
// line for the intervention called name: the power and sample size of a
// power result, the method, seed and size of an allocation, the first
// comparison of an analysis with its interval, the cost per person of the
// intervention in a unit-cost result (or of the whole programme when the
// intervention is not in it), the plan and time of a plan's lock. A file
// that is not an evalkit result gives NotAResult and "".
func DescribeLink(data []byte, name string) (LinkKind, string) {
	doc := linkDoc(data)
	return linkKindOf(doc), describeDoc(doc, name)
}

// linkDoc decodes a JSON object's keys, or returns nil.
func linkDoc(data []byte) map[string]json.RawMessage {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil
	}
	return doc
}

// linkKindOf recognises a linked JSON object by its keys.
func linkKindOf(doc map[string]json.RawMessage) LinkKind {
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := doc[k]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case doc == nil:
		return NotAResult
	case has("outcome", "comparisons"):
		return AnalysisResult
	case has("interventions", "total"):
		return UnitCostResult
	case has("design", "alpha", "power"):
		return PowerResult
	case has("method", "seed"):
		return Allocation
	case has("plan", "sha256", "locked_at"):
		return AnalysisPlan
	}
	return NotAResult
}

// describeDoc is DescribeLink's summary of a decoded object.
func describeDoc(doc map[string]json.RawMessage, name string) string {
	switch linkKindOf(doc) {
	case AnalysisResult:
		return describeAnalysis(doc)
	case UnitCostResult:
		return describeUnitCost(doc, name)
	case PowerResult:
		return describePower(doc)
	case Allocation:
		return describeAllocation(doc)
	case AnalysisPlan:
		return fmt.Sprintf("lock of %s, locked %s", linkText(doc["plan"]), linkText(doc["locked_at"]))
	}
	return ""
}

// linkNumber formats a JSON number: whole numbers in full, others to 4
// significant digits; null and anything else are "undefined".
func linkNumber(raw json.RawMessage) string {
	var f float64
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) || json.Unmarshal(raw, &f) != nil {
		return "undefined"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.4g", f)
}

// linkText is a JSON value as one line of text.
func linkText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		s = strings.Trim(string(raw), `"`)
	}
	return oneLine(s)
}

func describePower(doc map[string]json.RawMessage) string {
	s := fmt.Sprintf("%s design: power %s, alpha %s", linkText(doc["design"]), linkNumber(doc["power"]), linkNumber(doc["alpha"]))
	if n, ok := doc["n_total"]; ok {
		s += ", " + linkNumber(n) + " in total"
	}
	if e, ok := doc["effect"]; ok {
		s += ", effect " + linkNumber(e)
	}
	return s
}

func describeAllocation(doc map[string]json.RawMessage) string {
	s := fmt.Sprintf("%s randomisation, seed %s", linkText(doc["method"]), linkText(doc["seed"]))
	if n, ok := doc["n"]; ok {
		s += ", " + linkText(n) + " units"
	}
	return s
}

func describeAnalysis(doc map[string]json.RawMessage) string {
	var cs []map[string]json.RawMessage
	_ = json.Unmarshal(doc["comparisons"], &cs)
	s := "outcome " + linkText(doc["outcome"])
	if len(cs) == 0 {
		return s + ": no comparison"
	}
	c := cs[0]
	level := "95"
	var lv float64
	if json.Unmarshal(doc["level"], &lv) == nil && lv > 0 {
		level = fmt.Sprintf("%g", 100*lv)
	}
	s += fmt.Sprintf(": %s vs %s %s (%s%% CI %s to %s), p = %s, %s",
		linkText(c["treatment"]), linkText(c["control"]), linkNumber(c["estimate"]), level,
		linkNumber(c["ci_low"]), linkNumber(c["ci_high"]), linkNumber(c["p_value"]), linkText(c["method"]))
	if len(cs) > 1 {
		s += fmt.Sprintf(" (and %d more comparisons)", len(cs)-1)
	}
	return s
}

func describeUnitCost(doc map[string]json.RawMessage, name string) string {
	var ivs []map[string]json.RawMessage
	_ = json.Unmarshal(doc["interventions"], &ivs)
	for _, iv := range ivs {
		if strings.EqualFold(linkText(iv["intervention"]), name) {
			return fmt.Sprintf("cost per person %s (total %s for %s people)",
				linkNumber(iv["cost_per_person"]), linkNumber(iv["total_cost"]), linkNumber(iv["people"]))
		}
	}
	var total map[string]json.RawMessage
	_ = json.Unmarshal(doc["total"], &total)
	return fmt.Sprintf("programme cost per person %s (%s not listed)", linkNumber(total["cost_per_person"]), name)
}
