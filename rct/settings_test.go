package rct

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flagsTest returns the command's flags for a randomisation of units.csv
// by unit_id with seed 7, changed by kv (name, value pairs; a value of
// "-" removes the flag).
func flagsTest(kv ...string) map[string]string {
	f := map[string]string{"arms": "control,treatment", "block": "", "block-sizes": "", "cluster": "", "factors": "",
		"id": "unit_id", "in": "units.csv", "method": "complete", "minimise-prob": "0.8", "out": "allocation.csv", "ratio": "", "seed": "7"}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "-" {
			delete(f, kv[i])
		} else {
			f[kv[i]] = kv[i+1]
		}
	}
	return f
}

func TestParseSettings(t *testing.T) {
	tests := []struct {
		name  string
		flags map[string]string
		want  Settings
	}{
		{"defaults", flagsTest(), Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, MinimiseProb: 0.8, Seed: 7}},
		{"missing flags take defaults", flagsTest("arms", "-", "method", "-", "minimise-prob", "-", "in", "-", "out", "-"),
			Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, MinimiseProb: 0.8, Seed: 7}},
		{"spaces trimmed", flagsTest("arms", " a , b ,c", "ratio", "2 : 1: 1", "seed", " 007 ", "block", "area, beat"),
			Settings{ID: "unit_id", Arms: []string{"a", "b", "c"}, Ratio: []int{2, 1, 1}, Block: []string{"area", "beat"}, MinimiseProb: 0.8, Seed: 7}},
		{"blocks", flagsTest("method", "blocks", "block-sizes", "4,6", "ratio", "1:1"),
			Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Ratio: []int{1, 1}, Method: Blocks, BlockSizes: []int{4, 6}, MinimiseProb: 0.8, Seed: 7}},
		{"minimise", flagsTest("method", "minimize", "factors", "area,risk", "minimise-prob", "0.9", "seed", "18446744073709551615"),
			Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Method: Minimise, Factors: []string{"area", "risk"}, MinimiseProb: 0.9, Seed: 1<<64 - 1}},
		{"cluster kept as written", flagsTest("cluster", "school"),
			Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Cluster: "school", MinimiseProb: 0.8, Seed: 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSettings(tc.flags)
			require.NoError(t, err)
			assert.True(t, got.equal(tc.want), "got %+v, want %+v", got, tc.want)
			// Flags gives the settings back.
			back, err := ParseSettings(got.Flags())
			require.NoError(t, err)
			assert.True(t, back.equal(got), "round trip: %+v", back)
		})
	}
}

// The errors are the command's usage errors, word for word, in the order
// of its checks.
func TestParseSettingsErrors(t *testing.T) {
	tests := []struct {
		name  string
		flags map[string]string
		flag  string
		want  string
	}{
		{"help", flagsTest("h", "true"), "h", "-h is not a setting"},
		{"unknown", flagsTest("bogus", "1", "zzz", "2"), "bogus", "flag provided but not defined: -bogus"},
		{"force is not a setting", flagsTest("force", "true"), "force", "flag provided but not defined: -force"},
		{"probability not a number", flagsTest("minimise-prob", "abc"), "minimise-prob", `invalid value "abc" for flag -minimise-prob: parse error`},
		{"probability out of range", flagsTest("minimise-prob", "1e999"), "minimise-prob", `invalid value "1e999" for flag -minimise-prob: value out of range`},
		{"no id", flagsTest("id", ""), "id", "--id is required"},
		{"no seed", flagsTest("seed", "-"), "seed", "--seed is required"},
		{"seed", flagsTest("seed", "-3"), "seed", `--seed "-3" is not an integer from 0 to 18446744073709551615`},
		{"seed too large", flagsTest("seed", "18446744073709551616"), "seed", `--seed "18446744073709551616" is not an integer`},
		{"one arm", flagsTest("arms", "a"), "arms", "--arms needs at least two arm names, comma-separated"},
		{"empty arm", flagsTest("arms", "a,,b"), "arms", `--arms "a,,b" has an empty name`},
		{"arm twice", flagsTest("arms", "a,b,a"), "arms", `--arms names "a" twice`},
		{"ratio length", flagsTest("ratio", "2:1:1"), "ratio", `--ratio "2:1:1" has 3 weights for 2 arms`},
		{"ratio zero", flagsTest("ratio", "1:0"), "ratio", `--ratio "1:0": each weight must be a whole number from 1 to 1048576`},
		{"ratio too large", flagsTest("ratio", "1:1048577"), "ratio", `each weight must be a whole number`},
		{"method", flagsTest("method", "coin"), "method", `--method "coin": want complete, simple, blocks or minimise`},
		{"blocks without sizes", flagsTest("method", "blocks"), "block-sizes", "--method blocks needs --block-sizes"},
		{"blocks with blank sizes", flagsTest("method", "blocks", "block-sizes", " "), "block-sizes", "--method blocks needs --block-sizes"},
		{"sizes without blocks", flagsTest("block-sizes", "4"), "block-sizes", "--block-sizes applies only to --method blocks"},
		{"minimise without factors", flagsTest("method", "minimise"), "factors", "--method minimise needs --factors"},
		{"factors without minimise", flagsTest("factors", "area"), "factors", "--factors applies only to --method minimise"},
		{"minimise clusters", flagsTest("method", "minimise", "factors", "area", "cluster", "school"), "method", "--method minimise cannot randomise clusters"},
		{"probability zero", flagsTest("method", "minimise", "factors", "area", "minimise-prob", "0"), "minimise-prob", "--minimise-prob 0 is not in (0, 1]"},
		{"probability NaN", flagsTest("method", "minimise", "factors", "area", "minimise-prob", "NaN"), "minimise-prob", "--minimise-prob NaN is not in (0, 1]"},
		{"probability without minimise", flagsTest("minimise-prob", "0.5"), "minimise-prob", "--minimise-prob applies only to --method minimise"},
		{"block size not a number", flagsTest("method", "blocks", "block-sizes", "4,x"), "block-sizes", `--block-sizes "4,x": "x" is not a positive whole number`},
		{"block size too large", flagsTest("method", "blocks", "block-sizes", "33554432"), "block-sizes", `"33554432" is not a positive whole number`},
		{"block size not a multiple", flagsTest("method", "blocks", "block-sizes", "4,3"), "block-sizes", "--block-sizes: 3 is not a multiple of the ratio's sum 2"},
		{"block size and ratio", flagsTest("method", "blocks", "block-sizes", "4", "ratio", "2:1"), "block-sizes", "--block-sizes: 4 is not a multiple of the ratio's sum 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSettings(tc.flags)
			var se *SettingsError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, err.Error(), tc.want)
			assert.Equal(t, tc.flag, se.Flag)
			assert.ErrorIs(t, err, ErrDesign)
		})
	}
}

// Settings built in Go are checked as the flags would be, and refused when
// their flags would not give them back.
func TestSettingsCheck(t *testing.T) {
	tests := []struct {
		name string
		s    Settings
		want string // "" for no error
	}{
		{"zero probability is the default", Settings{ID: "id", Arms: []string{"a", "b"}}, ""},
		{"empty lists are none", Settings{ID: "id", Arms: []string{"a", "b"}, Ratio: []int{}, Block: []string{}}, ""},
		{"probability without minimise", Settings{ID: "id", Arms: []string{"a", "b"}, MinimiseProb: 0.5}, "applies only to --method minimise"},
		{"arm with a comma", Settings{ID: "id", Arms: []string{"a,b", "c"}}, "cannot be recorded as flags"},
		{"column with spaces", Settings{ID: "id", Arms: []string{"a", "b"}, Block: []string{" area"}}, "cannot be recorded as flags"},
		{"unknown method", Settings{ID: "id", Arms: []string{"a", "b"}, Method: 9}, `--method "Method(9)"`},
		{"no id", Settings{Arms: []string{"a", "b"}}, "--id is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.s.check()
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
