package pool

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/stats"
)

// fuzzPool checks sites that a reader accepted: at least 2, each with a
// finite estimate and an se above 0; and pools them as method says, where
// a result must print and marshal to valid JSON.
func fuzzPool(t *testing.T, s *Sites, method uint8) {
	if len(s.Names) < 2 || len(s.Estimate) != len(s.Names) || len(s.SE) != len(s.Names) {
		t.Fatalf("%d names, %d estimates, %d se", len(s.Names), len(s.Estimate), len(s.SE))
	}
	for i := range s.Names {
		if math.IsNaN(s.Estimate[i]) || math.IsInf(s.Estimate[i], 0) || !(s.SE[i] > 0) || math.IsInf(s.SE[i], 0) {
			t.Fatalf("site %d: estimate %v se %v", i, s.Estimate[i], s.SE[i])
		}
	}
	r, err := Pool(s, stats.PoolOptions{Method: stats.PoolMethod(method % 3), Level: 0.9})
	if err != nil {
		if !errors.Is(err, stats.ErrDomain) && !errors.Is(err, stats.ErrNoConvergence) {
			t.Fatalf("error without a sentinel: %v", err)
		}
		return
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(r)
	if err != nil || !json.Valid(out) {
		t.Fatalf("JSON %q: %v", out, err)
	}
}

func FuzzReadSites(f *testing.F) {
	f.Add("site,estimate,se\na,1,0.1\nb,2,0.2\n", uint8(0))
	f.Add("site,estimate,se\na,-0.889,0.5706\nb,-1.585,0.4411\nc,0.0119,0.0629\n", uint8(1))
	f.Add("se,site,estimate\n1e-300,a,1e300\n1e300,b,-1e300\n", uint8(2))
	f.Add("site,estimate,se\na,1,0.1\na,1,0.1\n", uint8(0))
	f.Add("site,estimate,se\n\"a\nb\",NA,0\n", uint8(0))
	f.Add("site,estimate,se\nx,5,1e-320\ny,5,1e-320\n", uint8(0))
	f.Fuzz(func(t *testing.T, csv string, method uint8) {
		s, err := ReadSites(strings.NewReader(csv), "f.csv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("error not naming the file: %v", err)
			}
			return
		}
		fuzzPool(t, s, method)
	})
}

func FuzzReadAnalyses(f *testing.F) {
	ratio := analysisDoc("count", comparisonKeys("t", "negbin_glm", "0.8", "0.2", "0.5", "1.28"))
	f.Add(ratio, analysisDoc("count", comparisonKeys("t", "poisson_exact", "1.1", "null", "0.9", "1.4")), "", uint8(0))
	f.Add(analysisDoc("binary", comparisonKeys("t", "fisher_exact", "-0.2", "null", "-0.34", "-0.05")),
		analysisDoc("binary", comparisonKeys("t", "ols_hc2", "-0.1", "0.04", "-0.18", "-0.02"), comparisonKeys("u", "ols_hc2", "1", "1", "0", "2")), "t", uint8(1))
	f.Add(ratio, `{"type": "count", "level": 0.95, "comparisons": [{"method": "negbin_glm", "estimate": 1e308, "ci_low": 1e-308, "ci_high": 1e308}]}`, "", uint8(2))
	f.Add(ratio, `{"type": "count", "level": 1e-300, "comparisons": [{"method": "negbin_glm", "estimate": 4, "ci_low": 3.999999999999999, "ci_high": 4.000000000000001}]}`, "", uint8(0))
	f.Add(`[`, `{"comparisons": 3}`, "x", uint8(0))
	f.Fuzz(func(t *testing.T, a, b, comparison string, method uint8) {
		s, err := ReadAnalyses([]File{{Name: "a.json", R: strings.NewReader(a)}, {Name: "b.json", R: strings.NewReader(b)}}, comparison)
		if err != nil {
			return
		}
		fuzzPool(t, s, method)
	})
}
