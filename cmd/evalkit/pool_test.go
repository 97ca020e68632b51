package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/stats"
)

// updatePool rewrites the golden files: go test ./cmd/evalkit -run Pool -update-pool
var updatePool = flag.Bool("update-pool", false, "rewrite the golden files of evalkit pool in testdata/pool")

// poolBCG is metafor's dat.bcg as log risk ratios (testdata/r/meta.R).
var poolBCG = filepath.Join("..", "..", "testdata", "meta", "bcg.csv")

// poolHotspots lists the hotspot trial's analyses, area by area
// (testdata/pool/hotspots.R says how they were made).
func poolHotspots(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "pool", "hotspots", "*.json"))
	require.NoError(t, err)
	require.Len(t, files, 8)
	return strings.Join(files, ",")
}

// poolGoldenCases are run with and without --json and compared with
// testdata/pool/NAME.txt and NAME.json.
func poolGoldenCases(t *testing.T) []struct {
	name string
	args []string
} {
	return []struct {
		name string
		args []string
	}{
		{"bcg_reml", []string{"--in", poolBCG}},
		{"bcg_dl", []string{"--in", poolBCG, "--method", "dl"}},
		{"bcg_fe", []string{"--in", poolBCG, "--method", "fe"}},
		{"bcg_reml_level90", []string{"--in", poolBCG, "--level", "0.9"}},
		{"hotspots_reml", []string{"--analyses", poolHotspots(t)}},
		{"hotspots_reml", []string{"--analyses", poolHotspots(t), "--comparison", "treatment"}},
		{"hotspots_dl", []string{"--analyses", poolHotspots(t), "--method", "DL"}},
	}
}

func TestPoolGolden(t *testing.T) {
	for _, c := range poolGoldenCases(t) {
		for _, asJSON := range []bool{false, true} {
			args := append([]string{"pool"}, c.args...)
			golden := filepath.Join("pool", c.name+".txt")
			if asJSON {
				args, golden = append(args, "--json"), filepath.Join("pool", c.name+".json")
			}
			stdout, stderr, code := runCmd(t, args...)
			require.Equal(t, 0, code, "%v: %s", args, stderr)
			require.Empty(t, stderr)
			if !asJSON || runtime.GOARCH == "amd64" || *updatePool {
				checkGoldenText(t, golden, stdout, *updatePool)
				continue
			}
			// Elsewhere a fused multiply-add may change a last bit.
			want, err := os.ReadFile(filepath.Join("testdata", golden))
			require.NoError(t, err)
			assert.NoError(t, jsonenc.Near(want, []byte(stdout), 1e-12), golden)
		}
	}
}

func TestPoolUsage(t *testing.T) {
	stdout, stderr, code := runCmd(t, "pool", "-h")
	require.Equal(t, 0, code)
	require.Empty(t, stderr)
	checkGoldenText(t, "pool/usage.txt", stdout, *updatePool)
}

// poolJSON runs evalkit pool with --json and decodes its object.
func poolJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	stdout, stderr, code := runCmd(t, append(append([]string{"pool"}, args...), "--json")...)
	require.Equal(t, 0, code, stderr)
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	return out
}

// poolRClose reports whether got is R's want within 1e-9 relative, or
// absolutely for want 0 (τ² on the boundary).
func poolRClose(got, want float64) bool {
	if want == 0 {
		return math.Abs(got) <= 1e-9
	}
	return math.Abs(got-want) <= 1e-9*math.Abs(want)
}

func TestPoolHotspotsMatchesR(t *testing.T) {
	ref := poolReadHotspotsRef(t)
	for _, method := range []string{"reml", "dl"} {
		out := poolJSON(t, "--analyses", poolHotspots(t), "--method", method)
		assert.Equal(t, "log", out["scale"])
		n := 0
		for key, want := range ref[method] {
			var got any
			if i, ok := strings.CutPrefix(key, "weight"); ok {
				got = out["sites"].([]any)[int(i[0]-'1')].(map[string]any)["weight"]
			} else {
				got = out[key]
			}
			g, ok := got.(float64)
			assert.Truef(t, ok && poolRClose(g, want), "%s %s = %v, R %.17g", method, key, got, want)
			n++
		}
		assert.Equal(t, 27, n, method)
	}
}

// poolReadHotspotsRef reads testdata/pool/hotspots_rma.txt: lines "method
// key value" that testdata/pool/hotspots.R wrote.
func poolReadHotspotsRef(t *testing.T) map[string]map[string]float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pool", "hotspots_rma.txt"))
	require.NoError(t, err)
	ref := map[string]map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		require.Len(t, f, 3, line)
		v, err := jsonNumber(f[2])
		require.NoError(t, err, line)
		if ref[f[0]] == nil {
			ref[f[0]] = map[string]float64{}
		}
		ref[f[0]][f[1]] = v
	}
	return ref
}

// jsonNumber reads a number as JSON writes it, exactly.
func jsonNumber(s string) (float64, error) {
	var v float64
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

func TestPoolErrors(t *testing.T) {
	hot := filepath.Join("testdata", "pool", "hotspots", "oxford.json")
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no input", nil, 2, "evalkit: pool: give --in sites.csv, or --analyses a.json,b.json,... (and --comparison ARM if they compare several arms)"},
		{"both inputs", []string{"--in", poolBCG, "--analyses", hot}, 2, "evalkit: pool: give --in sites.csv, or"},
		{"comparison with --in", []string{"--in", poolBCG, "--comparison", "treatment"}, 2, "evalkit: pool: give --in sites.csv, or"},
		{"method", []string{"--in", poolBCG, "--method", "ml"}, 2, `evalkit: pool: --method "ml": want reml, dl or fe`},
		{"level", []string{"--in", poolBCG, "--level", "95"}, 2, "evalkit: pool: --level 95: want a number between 0 and 1, such as 0.95"},
		{"plot format", []string{"--in", poolBCG, "--plot", "forest.pdf"}, 2, `evalkit: pool: --plot "forest.pdf": the file name must end in .png or .svg`},
		{"argument", []string{"--in", poolBCG, "extra"}, 2, `evalkit: pool: unexpected argument "extra" (see -h)`},
		{"no file", []string{"--in", "testdata/pool/nope.csv"}, 1, "evalkit: pool: open testdata/pool/nope.csv: no such file or directory"},
		{"se 0", []string{"--in", "testdata/pool/bad_se.csv"}, 1, `evalkit: pool: bad_se.csv: row 3, column "se": "0": a standard error must be greater than 0`},
		{"not a number", []string{"--in", "testdata/pool/bad_number.csv"}, 1, `evalkit: pool: bad_number.csv: row 3, column "estimate": "-5%": not a number`},
		{"no column", []string{"--in", "testdata/pool/no_se.csv"}, 1, `evalkit: pool: no_se.csv: no column "se" (the columns are "site", "estimate", "stderr")`},
		{"one site", []string{"--in", "testdata/pool/one_site.csv"}, 1, "evalkit: pool: one_site.csv: 1 site: at least 2 sites are needed to pool"},
		{"empty file name", []string{"--analyses", hot + ",," + hot}, 1, "evalkit: pool: analysis file 2 of 3: no file name"},
		{"one analysis", []string{"--analyses", hot}, 1, "evalkit: pool: 1 site: at least 2 sites are needed to pool"},
		{"null estimate", []string{"--analyses", hot + ",testdata/pool/negbin_null.json"}, 1,
			`evalkit: pool: negbin_null.json: comparison "treatment" vs "control": the estimate is null (the analysis's notes say why): nothing to pool`},
		{"several comparisons", []string{"--analyses", "testdata/analyse/three_arm.json," + hot}, 1,
			`evalkit: pool: three_arm.json: 2 comparisons (the treatments are "navigator", "phone"): choose the comparison by its treatment arm`},
		{"no such comparison", []string{"--analyses", hot + ",testdata/analyse/three_arm.json", "--comparison", "call-in"}, 1,
			`evalkit: pool: oxford.json: no comparison of treatment "call-in" (the treatments are "treatment"): choose the comparison by its treatment arm`},
		{"scales", []string{"--analyses", hot + ",testdata/analyse/attendance.json"}, 1,
			"evalkit: pool: attendance.json: a continuous outcome, but oxford.json's is count: effects on different outcomes cannot be pooled"},
		{"same site", []string{"--analyses", hot + "," + hot}, 1, `evalkit: pool: oxford.json: the same site name "oxford" as oxford.json: rename one of the files`},
		{"not JSON", []string{"--analyses", hot + "," + poolBCG}, 1, "evalkit: pool: bcg.csv: line 1: not valid JSON: invalid character 's' looking for beginning of value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"pool"}, c.args...)...)
			assert.Equal(t, c.code, code)
			assert.Empty(t, stdout)
			oneErrorLine(t, stderr, c.stderr)
		})
	}
}

// TestPoolPlotFile checks --plot: a PNG or SVG written atomically, never
// over an existing file without --force, nothing on stdout when it fails.
func TestPoolPlotFile(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, magic string }{{"forest.png", "\x89PNG"}, {"forest.svg", "<?xml"}} {
		path := filepath.Join(dir, c.name)
		args := []string{"pool", "--in", poolBCG, "--plot", path}
		stdout, stderr, code := runCmd(t, args...)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "Pooled effect of 13 sites")
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), c.magic), c.name)
		stdout, stderr, code = runCmd(t, args...)
		assert.Equal(t, 1, code)
		assert.Empty(t, stdout)
		oneErrorLine(t, stderr, "evalkit: pool: "+path+" already exists; give --force")
		_, stderr, code = runCmd(t, append(args, "--force", "--method", "fe")...)
		assert.Equal(t, 0, code, stderr)
		again, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.NotEqual(t, b, again, "--force did not redraw %s", c.name)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary files left")
}

// TestPoolBCGMatchesStatsAndR checks every number of evalkit pool --json on
// bcg.csv: equal to stats.Pool's to the bit, and to metafor's rma within
// 1e-9, R's values being the rows that testdata/r/meta.R printed into
// testdata/meta/rma_ref.txt (R 4.2.2, metafor 3.8.1; the R calls are there).
func TestPoolBCGMatchesStatsAndR(t *testing.T) {
	est, se := poolReadBCG(t)
	for _, c := range []struct {
		flag, row string
		method    stats.PoolMethod
	}{{"reml", "bcg/REML", stats.PoolREML}, {"dl", "bcg/DL", stats.PoolDL}} {
		out := poolJSON(t, "--in", poolBCG, "--method", c.flag)
		want, err := stats.Pool(est, se, stats.PoolOptions{Method: c.method})
		require.NoError(t, err)
		r := poolReadRMARow(t, c.row)
		assert.Equal(t, c.flag, out["method"])
		assert.Equal(t, 13.0, out["k"])
		assert.Equal(t, 12.0, out["q_df"])
		assert.Equal(t, 0.95, out["level"])
		for _, v := range []struct {
			key        string
			bits, rval float64
		}{
			{"estimate", want.Estimate, r["est"][0]}, {"se", want.SE, r["se"][0]}, {"z", want.Z, r["z"][0]},
			{"p_value", want.P, r["p"][0]}, {"ci_low", want.CILow, r["lo"][0]}, {"ci_high", want.CIHigh, r["hi"][0]},
			{"tau2", want.Tau2, r["tau2"][0]}, {"tau", want.Tau, math.Sqrt(r["tau2"][0])}, {"tau2_se", want.Tau2SE, r["tau2se"][0]},
			{"i2", want.I2, r["i2"][0]}, {"h2", want.H2, r["h2"][0]}, {"q", want.Q, r["q"][0]}, {"q_p_value", want.QP, r["qp"][0]},
			{"pi_low", want.PILow, r["pilo"][0]}, {"pi_high", want.PIHigh, r["pihi"][0]},
		} {
			got, ok := out[v.key].(float64)
			require.True(t, ok, "%s %s = %v", c.flag, v.key, out[v.key])
			assert.Equal(t, math.Float64bits(v.bits), math.Float64bits(got), "%s %s = %v, stats.Pool %v", c.flag, v.key, got, v.bits)
			assert.Truef(t, poolRClose(got, v.rval), "%s %s = %.17g, R %.17g", c.flag, v.key, got, v.rval)
		}
		sites := out["sites"].([]any)
		require.Len(t, sites, 13)
		for i, s := range sites {
			s := s.(map[string]any)
			w := want.Studies[i]
			for _, v := range []struct {
				key        string
				bits, rval float64
			}{{"estimate", w.Estimate, est[i]}, {"se", w.SE, se[i]}, {"ci_low", w.CILow, r["studylo"][i]},
				{"ci_high", w.CIHigh, r["studyhi"][i]}, {"weight", w.Weight, r["weights"][i]}} {
				got := s[v.key].(float64)
				assert.Equal(t, math.Float64bits(v.bits), math.Float64bits(got), "%s site %d %s", c.flag, i, v.key)
				assert.Truef(t, poolRClose(got, v.rval), "%s site %d %s = %.17g, R %.17g", c.flag, i, v.key, got, v.rval)
			}
		}
	}
}

// poolReadBCG reads bcg.csv's estimates and standard errors with
// encoding/csv, apart from the command's reader.
func poolReadBCG(t *testing.T) (est, se []float64) {
	t.Helper()
	f, err := os.Open(poolBCG)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"site", "estimate", "se"}, rows[0])
	for _, r := range rows[1:] {
		y, err := strconv.ParseFloat(r[1], 64)
		require.NoError(t, err)
		s, err := strconv.ParseFloat(r[2], 64)
		require.NoError(t, err)
		est, se = append(est, y), append(se, s)
	}
	return est, se
}

// poolRMAField matches "key: value" in a row of rma_ref.txt, the value a
// number, math.NaN() or a []float64{...} list.
var poolRMAField = regexp.MustCompile(`(\w+): (\[\]float64\{[^}]*\}|[-+0-9.eE]+|math\.NaN\(\))`)

// poolReadRMARow returns the numbers of the row named name in
// testdata/meta/rma_ref.txt, each key's value as a list.
func poolReadRMARow(t *testing.T, name string) map[string][]float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "meta", "rma_ref.txt"))
	require.NoError(t, err)
	for _, row := range strings.Split(string(b), "\n{") {
		if !strings.HasPrefix(row, `name: "`+name+`",`) {
			continue
		}
		row = strings.SplitN(row, "\n//", 2)[0]
		out := map[string][]float64{}
		for _, m := range poolRMAField.FindAllStringSubmatch(row, -1) {
			text := strings.TrimSuffix(strings.TrimPrefix(m[2], "[]float64{"), "}")
			for _, s := range strings.Split(text, ", ") {
				v := math.NaN()
				if s != "math.NaN()" {
					v, err = strconv.ParseFloat(s, 64)
					require.NoError(t, err, s)
				}
				out[m[1]] = append(out[m[1]], v)
			}
		}
		require.Len(t, out["weights"], 13, name)
		return out
	}
	t.Fatalf("no row %q in rma_ref.txt", name)
	return nil
}
