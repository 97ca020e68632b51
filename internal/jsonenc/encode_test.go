package jsonenc

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

type jsonEffect struct {
	Measure string  `json:"measure"`
	Value   float64 `json:"value"`
	Low     float64 `json:"ci_low"`
}

type jsonResult struct {
	Name     string          `json:"name"`
	Values   []float64       `json:"values"`
	Effects  []jsonEffect    `json:"effect_sizes"`
	Counts   map[string]int  `json:"counts"`
	Optional *float64        `json:"optional"`
	Skipped  string          `json:"skipped,omitempty"`
	Hidden   int             `json:"-"`
	Nested   map[string]any  `json:"nested"`
	Ratio    float32         `json:"ratio"`
	Empty    []jsonEffect    `json:"empty"`
	ByGate   map[int]int     `json:"by_gate"`
	Raw      json.RawMessage `json:"raw"`
}

func TestWriteJSON(t *testing.T) {
	tiny := 4.9e-324
	v := jsonResult{
		Name:    "a \"quoted\" <name> & co",
		Values:  []float64{0.1, 1.0 / 3, math.NaN(), math.Inf(1), math.Inf(-1), 1e-310, 123456789012345680, 0},
		Effects: []jsonEffect{{"cohens_d", math.NaN(), -math.Inf(1)}},
		Counts:  map[string]int{"treatment": 2, "control": 1},
		Nested:  map[string]any{"b": []any{math.NaN(), map[string]float64{"x": math.Inf(1)}}, "a": nil, "c": &tiny},
		Ratio:   0.1,
		Empty:   []jsonEffect{},
		ByGate:  map[int]int{2: 5, 10: 1},
		Raw:     json.RawMessage(`{ "k" : 1 }`),
	}
	out, err := Indent(v)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out) + "\n"
	want := `{
  "name": "a \"quoted\" <name> & co",
  "values": [
    0.1,
    0.3333333333333333,
    null,
    null,
    null,
    1e-310,
    123456789012345680,
    0
  ],
  "effect_sizes": [
    {
      "measure": "cohens_d",
      "value": null,
      "ci_low": null
    }
  ],
  "counts": {
    "control": 1,
    "treatment": 2
  },
  "optional": null,
  "nested": {
    "a": null,
    "b": [
      null,
      {
        "x": null
      }
    ],
    "c": 5e-324
  },
  "ratio": 0.1,
  "empty": [],
  "by_gate": {
    "10": 1,
    "2": 5
  },
  "raw": {
    "k": 1
  }
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// It is one valid JSON object, and every float reads back exactly.
	var back map[string]any
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	vals := back["values"].([]any)
	if vals[1].(float64) != 1.0/3 || vals[5].(float64) != 1e-310 {
		t.Errorf("floats do not round-trip: %v", vals)
	}
	if strings.Count(got, "\n}\n") != 1 || !strings.HasSuffix(got, "}\n") {
		t.Errorf("not exactly one object")
	}
}

func TestWriteJSONRejectsUnencodable(t *testing.T) {
	if _, err := Indent(map[string]any{"f": func() {}}); err == nil {
		t.Error("a func encoded without error")
	}
}
