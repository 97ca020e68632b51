package jsonenc

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
)

// Near reports how the JSON documents want and got differ: the same
// structure, keys and strings, and numbers equal to within rel relatively
// (or absolutely, below 1). It returns nil when they agree.
//
// It is for tests of results across platforms: on 386 and arm some math
// functions are pure Go where amd64 has assembly, so a float can differ in
// its last bit; the command's goldens pin the bytes on amd64.
func Near(want, got []byte, rel float64) error {
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		return fmt.Errorf("want: %w", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Errorf("got: %w", err)
	}
	return near("$", w, g, rel)
}

func near(path string, w, g any, rel float64) error {
	switch w := w.(type) {
	case float64:
		g, ok := g.(float64)
		if !ok || math.Abs(w-g) > rel*math.Max(1, math.Max(math.Abs(w), math.Abs(g))) {
			return fmt.Errorf("%s: got %v, want %v", path, g, w)
		}
	case map[string]any:
		g, ok := g.(map[string]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: got %v, want an object of %d keys", path, g, len(w))
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := near(path+"."+k, w[k], g[k], rel); err != nil {
				return err
			}
		}
	case []any:
		g, ok := g.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: got %v, want an array of %d", path, g, len(w))
		}
		for i := range w {
			if err := near(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], rel); err != nil {
				return err
			}
		}
	default:
		if !reflect.DeepEqual(w, g) {
			return fmt.Errorf("%s: got %v, want %v", path, g, w)
		}
	}
	return nil
}
