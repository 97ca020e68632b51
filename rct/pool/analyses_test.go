package pool

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mathext"
)

// analysisDoc returns the JSON of an analysis of outcome type typ at level
// 0.95 with the given comparisons, each an object's keys without braces.
func analysisDoc(typ string, comparisons ...string) string {
	cs := make([]string, len(comparisons))
	for i, c := range comparisons {
		cs[i] = "{" + c + "}"
	}
	return fmt.Sprintf("{\n  \"outcome\": \"y\",\n  \"type\": %q,\n  \"level\": 0.95,\n  \"comparisons\": [\n%s\n]\n}\n", typ, strings.Join(cs, ",\n"))
}

// comparisonKeys returns a comparison's keys; est, se, lo and hi are JSON
// numbers or null.
func comparisonKeys(treatment, method, est, se, lo, hi string) string {
	return fmt.Sprintf(`"treatment": %q, "control": "control", "method": %q, "estimate": %s, "se": %s, "ci_low": %s, "ci_high": %s, "p_value": 0.5`,
		treatment, method, est, se, lo, hi)
}

// files returns the named JSON texts as Files: name, text, name, text, ...
func files(nameText ...string) []File {
	var fs []File
	for i := 0; i+1 < len(nameText); i += 2 {
		fs = append(fs, File{Name: nameText[i], R: strings.NewReader(nameText[i+1])})
	}
	return fs
}

// level95 and z975 are a 95% interval's level and normal quantile,
// computed in float64 as ReadAnalyses does (a constant expression would be
// exact: 0.025 rather than the float64 1 - 0.95 over 2).
var (
	level95 = 0.95
	z975    = -mathext.NormalQuantile((1 - level95) / 2)
)

func TestReadAnalysesRatios(t *testing.T) {
	s, err := ReadAnalyses(files(
		"north.json", analysisDoc("count", comparisonKeys("patrol", "negbin_glm", "0.8", "0.2", "0.5", "1.28")),
		"south.json", analysisDoc("count", comparisonKeys("patrol", "poisson_exact", "1.1", "null", "0.9", "1.4")),
	), "")
	require.NoError(t, err)
	assert.True(t, s.Log)
	assert.Equal(t, []string{"north", "south"}, s.Names)
	assert.Equal(t, []float64{math.Log(0.8), math.Log(1.1)}, s.Estimate)
	// The se of the log from the interval, whatever the JSON's se.
	assert.Equal(t, []float64{(math.Log(1.28) - math.Log(0.5)) / (2 * z975), (math.Log(1.4) - math.Log(0.9)) / (2 * z975)}, s.SE)
}

func TestReadAnalysesDifferences(t *testing.T) {
	s, err := ReadAnalyses(files(
		"a.json", analysisDoc("binary", comparisonKeys("call-in", "fisher_exact", "-0.2", "null", "-0.34", "-0.05")),
		"b.v2.json", analysisDoc("binary", comparisonKeys("call-in", "ols_hc2", "-0.1", "0.04", "-0.18", "-0.02")),
	), "")
	require.NoError(t, err)
	assert.False(t, s.Log)
	assert.Equal(t, []string{"a", "b.v2"}, s.Names)
	assert.Equal(t, []float64{-0.2, -0.1}, s.Estimate)
	// fisher_exact has no se: it is taken from the interval.
	lo, hi := -0.34, -0.05
	assert.Equal(t, []float64{(hi - lo) / (2 * z975), 0.04}, s.SE)
}

func TestReadAnalysesChoosesComparison(t *testing.T) {
	doc := analysisDoc("continuous", comparisonKeys("a", "welch_t", "1", "0.5", "0", "2"), comparisonKeys("b", "welch_t", "3", "0.25", "2", "4"))
	s, err := ReadAnalyses(files("x.json", doc, "y.json", doc), "b")
	require.NoError(t, err)
	assert.Equal(t, []float64{3, 3}, s.Estimate)
	assert.Equal(t, []float64{0.25, 0.25}, s.SE)

	_, err = ReadAnalyses(files("x.json", doc, "y.json", doc), "")
	assert.True(t, errors.Is(err, ErrComparison))
	assert.EqualError(t, err, `x.json: 2 comparisons (the treatments are "a", "b"): choose the comparison by its treatment arm`)
	_, err = ReadAnalyses(files("x.json", doc, "y.json", doc), "c")
	assert.True(t, errors.Is(err, ErrComparison))
	assert.EqualError(t, err, `x.json: no comparison of treatment "c" (the treatments are "a", "b"): choose the comparison by its treatment arm`)
}

func TestReadAnalysesErrors(t *testing.T) {
	good := analysisDoc("count", comparisonKeys("t", "negbin_glm", "0.8", "0.2", "0.5", "1.28"))
	one := func(keys string) string { return analysisDoc("count", keys) }
	for _, c := range []struct {
		name string
		fs   []File
		want string
		is   error
	}{
		{"not JSON", files("a.json", "{\n\"type\": \"count\",\n x}", "b.json", good),
			"a.json: line 3: not valid JSON: invalid character 'x' looking for beginning of object key string", nil},
		{"truncated", files("a.json", good[:40], "b.json", good), "a.json: line 4: not valid JSON: unexpected end of JSON input", nil},
		{"empty", files("a.json", "", "b.json", good), "a.json: line 1: not valid JSON: unexpected end of JSON input", nil},
		{"a string for a number", files("a.json", one(`"treatment": "t", "method": "negbin_glm", "estimate": "0.8"`), "b.json", good),
			"a.json: line 6: comparisons.estimate holds a JSON string, where a number belongs", nil},
		{"a list", files("a.json", "[1, 2]", "b.json", good), "a.json: line 1: the top level holds a JSON array, where an object belongs", nil},
		{"not an analysis", files("a.json", `{"method": "reml"}`, "b.json", good), "a.json: no comparisons, type or level: not the JSON of evalkit analyse --json", nil},
		{"bad level", files("a.json", strings.Replace(good, "0.95", "95", 1), "b.json", good), "a.json: level 95: want the confidence level of the analysis, between 0 and 1", nil},
		{"bad type", files("a.json", strings.Replace(good, `"count"`, `"counts"`, 1), "b.json", good), `a.json: outcome type "counts": want continuous, binary or count`, nil},
		{"no comparisons", files("a.json", analysisDoc("count"), "b.json", good), "a.json: no comparisons to pool", nil},
		{"unknown method", files("a.json", one(comparisonKeys("t", "magic", "1", "1", "0", "2")), "b.json", good), `a.json: comparison "t" vs "control": unknown method "magic"`, nil},
		{"null estimate", files("a.json", one(comparisonKeys("t", "negbin_glm", "null", "null", "null", "null")), "b.json", good),
			`a.json: comparison "t" vs "control": the estimate is null (the analysis's notes say why): nothing to pool`, nil},
		{"ratio 0", files("a.json", good, "b.json", one(comparisonKeys("t", "poisson_exact", "0", "null", "0", "0.3"))),
			`b.json: comparison "t" vs "control" (poisson_exact): the ratio 0 is not greater than 0: its log cannot be pooled`, nil},
		{"ratio interval from 0", files("a.json", good, "b.json", one(comparisonKeys("t", "poisson_exact", "0.1", "null", "0", "0.3"))),
			`b.json: comparison "t" vs "control" (poisson_exact): the interval 0 to 0.3 is not of ratios greater than 0, low below high`, nil},
		{"ratio interval null", files("a.json", good, "b.json", one(comparisonKeys("t", "negbin_glm", "0.5", "0.1", "null", "null"))),
			`b.json: comparison "t" vs "control" (negbin_glm): the interval is null: no standard error for the log ratio`, nil},
		{"ratio interval empty", files("a.json", good, "b.json", one(comparisonKeys("t", "negbin_glm", "0.5", "0.1", "0.5", "0.5"))),
			`b.json: comparison "t" vs "control" (negbin_glm): the interval 0.5 to 0.5 is not of ratios greater than 0, low below high`, nil},
		{"se 0", files("a.json", analysisDoc("continuous", comparisonKeys("t", "welch_t", "1", "0", "1", "1")), "b.json", good),
			`a.json: comparison "t" vs "control" (welch_t): se 0: a standard error must be greater than 0`, nil},
		{"no se, no interval", files("a.json", analysisDoc("binary", comparisonKeys("t", "fisher_exact", "0.1", "null", "null", "0.2")), "b.json", good),
			`a.json: comparison "t" vs "control" (fisher_exact): the se and the interval are null: no standard error`, nil},
		{"interval reversed", files("a.json", analysisDoc("binary", comparisonKeys("t", "fisher_exact", "0.1", "null", "0.2", "0")), "b.json", good),
			`a.json: comparison "t" vs "control" (fisher_exact): the interval 0.2 to 0 gives no standard error (low must be below high)`, nil},
		{"ratio and difference", files("a.json", good, "b.json", analysisDoc("count", comparisonKeys("t", "welch_t", "1", "0.5", "0", "2"))),
			"b.json: a difference in means (welch_t), but a.json's is a rate ratio (negbin_glm): effects on different scales cannot be pooled", nil},
		{"outcome types", files("a.json", good, "b.json", analysisDoc("binary", comparisonKeys("t", "negbin_glm", "1", "0.5", "0.5", "2"))),
			"b.json: a binary outcome, but a.json's is count: effects on different outcomes cannot be pooled", nil},
		{"same site", files("a.json", good, "a.json", good), `a.json: the same site name "a" as a.json: rename one of the files`, nil},
		{"same site name, other extension", files("a.json", good, "a.txt", good), `a.txt: the same site name "a" as a.json: rename one of the files`, nil},
		{"one file", files("a.json", good), "1 site: at least 2 sites are needed to pool", ErrTooFewSites},
		{"no files", nil, "0 sites: at least 2 sites are needed to pool", ErrTooFewSites},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadAnalyses(c.fs, "")
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
			if c.is != nil {
				assert.True(t, errors.Is(err, c.is))
			}
		})
	}
}
