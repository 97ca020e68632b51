package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateBenefits rewrites the golden files: go test ./cmd/evalkit -run Benefits -update-benefits
var updateBenefits = flag.Bool("update-benefits", false, "rewrite the benefits golden files in testdata/benefits")

const bnData = "../../testdata/benefits/"

func TestBenefitsGolden(t *testing.T) {
	irr := []string{"benefits", "--analysis", bnData + "irr08.json", "--crime", "violence_with_injury", "--baseline", "100"}
	// The hotspot trial against Focused Deterrence's cost in 2015/16 prices
	// (£24,000 × 80 / 100 = £19,200 a year), over 5 years.
	hot := []string{"benefits", "--analysis", bnData + "hotspots.json", "--crime", "violence_with_injury", "--baseline", "100",
		"--costs", bnData + "costs_2015.json", "--intervention", "Focused Deterrence", "--years", "5", "--optimism-bias", "0.2",
		"--simulate", "2000", "--seed", "1"}
	// The focused deterrence trial's risk difference among 40 people, for
	// robbery, in 2023-24 prices (11,320 × 100 / 80 = 14,150), the
	// benefits at the health rate over 3 years, with harm weights.
	det := []string{"benefits", "--analysis", bnData + "deterrence.json", "--crime", "robbery", "--baseline", "40",
		"--costs", bnData + "costs.json", "--intervention", "Focused Deterrence", "--price-year", "2023-24", "--deflators", bnData + "deflators.csv",
		"--years", "3", "--discount", "health", "--harm-weights", bnData + "harm_weights.csv"}
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		// 100 × (1 - 0.8) = 20 crimes averted × £14,050 = £281,000.
		{"irr 0.8 table", irr, "irr08.txt"},
		{"irr 0.8 json", append(irr, "--json"), "irr08.json"},
		{"irr 0.8, own unit costs", append(irr, "--unit-costs", bnData+"unit_costs.csv"), "irr08_unit_costs.txt"},
		{"hotspots table", hot, "hotspots.txt"},
		{"hotspots json", append(hot, "--json"), "hotspots.json"},
		{"deterrence table", det, "deterrence.txt"},
		{"deterrence json", append(det, "--json"), "deterrence.json"},
		{"one of three arms", []string{"benefits", "--analysis", bnData + "three_arms.json", "--crime", "robbery", "--baseline", "50",
			"--comparison", "vehicle", "--sensitivity", "0"}, "three_arms.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			require.Equal(t, 0, code, stderr)
			require.Empty(t, stderr)
			checkGoldenText(t, filepath.Join("benefits", tc.golden), stdout, *updateBenefits)
		})
	}
}

func TestBenefitsErrors(t *testing.T) {
	dir := t.TempDir()
	plot := filepath.Join(dir, "tornado.png")
	base := func(more ...string) []string {
		return append([]string{"--analysis", bnData + "irr08.json", "--crime", "violence_with_injury", "--baseline", "100", "--plot", plot}, more...)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no analysis", []string{"--crime", "rape", "--baseline", "1"}, 2, "evalkit: benefits: --analysis is required (see -h)\n"},
		{"no crime", []string{"--analysis", bnData + "irr08.json", "--baseline", "1"}, 2,
			"evalkit: benefits: bad options: no crime type; name the crimes the effect is on, such as violence_with_injury\n"},
		{"no baseline", []string{"--analysis", bnData + "irr08.json", "--crime", "rape"}, 2,
			"evalkit: benefits: bad options: a baseline of 0; give the crimes expected without the intervention (or the people treated), more than 0\n"},
		{"simulate without seed", base("--simulate", "1000"), 2, "evalkit: benefits: --simulate and --seed go together: the draws are reproducible from the seed\n"},
		{"seed without simulate", base("--seed", "1"), 2, "evalkit: benefits: --simulate and --seed go together: the draws are reproducible from the seed\n"},
		{"intervention without costs", base("--intervention", "A"), 2, "evalkit: benefits: --intervention names an intervention of --costs: give --costs too\n"},
		{"bad discount", base("--discount", "3.5"), 2, `evalkit: benefits: --discount: bad options: discount schedule "3.5"; use standard (3.5%) or health (1.5%)` + "\n"},
		{"bad price year", base("--price-year", "15", "--deflators", bnData+"deflators.csv"), 2,
			`evalkit: benefits: --price-year "15": bad year: write a year as 2023, or a financial year as 2023-24` + "\n"},
		{"price year alone", base("--price-year", "2023"), 2, "evalkit: benefits: bad options: a price year without deflators to uprate the unit cost with\n"},
		{"deflators alone", base("--deflators", bnData+"deflators.csv"), 2, "evalkit: benefits: bad options: deflators without a price year; say which year's prices to use\n"},
		{"too many years", base("--years", "200"), 2, "evalkit: benefits: bad options: 200 years; give 1 to 125 (the Green Book's rates change after year 125)\n"},
		{"bias as percent", base("--optimism-bias", "20", "--costs", bnData+"costs.json", "--intervention", "Custody Coaches"), 2,
			"evalkit: benefits: bad options: an optimism bias of 20; give a share from 0 to 2 (200%), such as 0.2 for 20%\n"},
		{"bad plot", base("--plot", filepath.Join(dir, "t.pdf")), 2, `evalkit: benefits: --plot "` + filepath.Join(dir, "t.pdf") + `": the file name must end in .png or .svg` + "\n"},
		{"stray argument", base("extra"), 2, `evalkit: benefits: unexpected argument "extra" (see -h)` + "\n"},
		{"unknown crime", []string{"--analysis", bnData + "irr08.json", "--crime", "knife crime", "--baseline", "1"}, 1,
			`evalkit: benefits: unknown crime type "knife crime" in the Home Office table (Heeks et al. 2018, 2015/16 prices); use one of homicide, violence_with_injury, violence_without_injury, rape, other_sexual, robbery, domestic_burglary, vehicle_theft, theft_from_vehicle, arson, criminal_damage` + "\n"},
		{"difference in means", []string{"--analysis", bnData + "attendance.json", "--crime", "rape", "--baseline", "1"}, 1,
			"evalkit: benefits: no effect to value: benefits values a count outcome's rate ratio or a binary outcome's risk difference; treatment vs control is a difference in means (welch_t)\n"},
		{"three arms", []string{"--analysis", bnData + "three_arms.json", "--crime", "rape", "--baseline", "1"}, 1,
			"evalkit: benefits: no effect to value: the analysis compares 2 arms with the control (foot, vehicle): choose one\n"},
		{"bad json", []string{"--analysis", bnData + "bad_syntax.json", "--crime", "rape", "--baseline", "1"}, 1,
			"evalkit: benefits: bad_syntax.json: line 4, column 3: not the expected JSON: invalid character '\"' after object key:value pair\n"},
		{"no such file", []string{"--analysis", bnData + "none.json", "--crime", "rape", "--baseline", "1"}, 1,
			"evalkit: benefits: open " + bnData + "none.json: no such file or directory\n"},
		{"costs of several", base("--costs", bnData+"costs.json"), 1,
			"evalkit: benefits: costs.json: no cost for the intervention: it costs 7 interventions (School Navigators, Hospital Navigators, Sports & Inclusion, Operation Paramount, Custody Coaches, Custody Navigators, Focused Deterrence): choose one\n"},
		{"components do not add up", base("--unit-costs", bnData+"unit_costs_bad_sum.csv"), 1,
			`evalkit: benefits: unit_costs_bad_sum.csv: row 2, column "total": "11320.00": components do not add up to the total: robbery: anticipation 100.00 + consequence 11000.00 + response 200.00 = 11300.00, not the total 11320.00` + "\n"},
		{"crime missing from own table", base("--unit-costs", bnData+"harm_weights.csv"), 1,
			`evalkit: benefits: harm_weights.csv: no column "total" (the columns are "crime", "weight")` + "\n"},
		{"deflators lack the year", base("--price-year", "2024", "--deflators", bnData+"deflators.csv"), 1,
			"evalkit: benefits: bad year: the deflators have no index for 2024, which uprating the unit cost of violence_with_injury from 2015 to 2024 prices needs\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"benefits"}, tc.args...)...)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, stdout)
			assert.Equal(t, tc.stderr, stderr)
			entries, _ := os.ReadDir(dir)
			assert.Empty(t, entries, "no file written")
		})
	}
}

// TestBenefitsPlotFile checks --plot: a PNG or SVG tornado written
// atomically, never over an existing file without --force.
func TestBenefitsPlotFile(t *testing.T) {
	dir := t.TempDir()
	args := []string{"benefits", "--analysis", bnData + "hotspots.json", "--crime", "violence_with_injury", "--baseline", "100",
		"--costs", bnData + "costs_2015.json", "--intervention", "Focused Deterrence", "--years", "5", "--json"}
	for _, name := range []string{"tornado.png", "tornado.svg"} {
		path := filepath.Join(dir, name)
		stdout, stderr, code := runCmd(t, append(args, "--plot", path)...)
		require.Equal(t, 0, code, stderr)
		assert.True(t, strings.HasPrefix(stdout, "{"))
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Greater(t, fi.Size(), int64(1000))
		stdout, stderr, code = runCmd(t, append(args, "--plot", path)...)
		assert.Equal(t, 1, code)
		assert.Empty(t, stdout)
		oneErrorLine(t, stderr, "evalkit: benefits: "+path+" already exists; give --force")
		_, _, code = runCmd(t, append(args, "--plot", path, "--force")...)
		assert.Equal(t, 0, code)
	}
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "no temporary files left")
	if svg, err := os.ReadFile(filepath.Join(dir, "tornado.svg")); assert.NoError(t, err) {
		assert.Contains(t, string(svg), "optimism bias")
	}
}

func TestBenefitsUsage(t *testing.T) {
	stdout, stderr, code := runCmd(t, "benefits", "-h")
	require.Equal(t, 0, code)
	require.Empty(t, stderr)
	checkGoldenText(t, "benefits/usage.txt", stdout, *updateBenefits)
}

// FuzzBenefits runs the command on fuzzed analysis and unit-cost files:
// whatever they hold, it succeeds or prints one error line, and never
// panics.
func FuzzBenefits(f *testing.F) {
	irr, _ := os.ReadFile(bnData + "irr08.json")
	f.Add(string(irr), "crime,total,price_year\nviolence_with_injury,14050,2015-16\n", 100.0, 3, true)
	f.Add(`{"type":"binary","level":0.95,"comparisons":[{"treatment":"t","control":"c","method":"fisher_exact","estimate":-0.1,"ci_low":-0.2,"ci_high":0.1}]}`,
		"crime,anticipation,consequence,response,total,price_year\nviolence_with_injury,1,2,3,6,2015\n", 20.0, 1, false)
	f.Fuzz(func(t *testing.T, analysis, unitCosts string, baseline float64, years int, asJSON bool) {
		dir := t.TempDir()
		write := func(name, text string) string {
			p := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
			return p
		}
		args := []string{"benefits", "--analysis", write("a.json", analysis), "--unit-costs", write("u.csv", unitCosts),
			"--crime", "violence_with_injury", "--baseline", strconv.FormatFloat(baseline, 'g', -1, 64), "--years", strconv.Itoa(years),
			"--simulate", "200", "--seed", "3"}
		if asJSON {
			args = append(args, "--json")
		}
		stdout, stderr, code := runCmd(t, args...)
		switch code {
		case 0:
			if stderr != "" || stdout == "" {
				t.Fatalf("exit 0 with stderr %q", stderr)
			}
		case 1, 2:
			oneErrorLine(t, stderr, "evalkit: benefits: ")
			if strings.Contains(stderr, "internal error") || stdout != "" {
				t.Fatalf("stderr %q, stdout %q", stderr, stdout)
			}
		default:
			t.Fatalf("exit %d: %s", code, stderr)
		}
	})
}
