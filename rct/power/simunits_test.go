package power

import (
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/stats"
)

// simSettings are settings for the committed units file.
func simSettings(block []string, cluster string, method rct.Method) rct.Settings {
	s := rct.Settings{ID: "pupil_id", Arms: []string{"control", "treatment"}, Block: block, Cluster: cluster, Method: method, Seed: 99}
	switch method {
	case rct.Blocks:
		s.BlockSizes = []int{4, 6}
	case rct.Minimise:
		s.Factors = []string{"town"}
	}
	return s
}

// The designs the tests run on the committed file, with the analysis each
// calls for.
var simDesigns = []struct {
	name     string
	settings rct.Settings
	icc      float64
	method   string
}{
	{"individual complete", simSettings(nil, "", rct.Complete), 0, "welch_t"},
	{"individual simple", simSettings(nil, "", rct.Simple), 0, "welch_t"},
	{"individual minimise", simSettings(nil, "", rct.Minimise), 0, "welch_t"},
	{"blocked permuted blocks", simSettings([]string{"town"}, "", rct.Blocks), 0, "ols_hc2"},
	{"clusters", simSettings(nil, "school", rct.Complete), 0.1, "ols_cr2"},
	{"blocked clusters", simSettings([]string{"town"}, "school", rct.Complete), 0.1, "ols_cr2"},
}

// TestUnitsSimulationReproducible runs each design at GOMAXPROCS 1 and 2:
// the results must be identical, whatever order the trials finish in.
func TestUnitsSimulationReproducible(t *testing.T) {
	u := readSimUnits(t)
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for _, d := range simDesigns {
		t.Run(d.name, func(t *testing.T) {
			s := UnitsSimulation{Units: u, Settings: d.settings, Effect: 0.25, ICC: d.icc, R2: 0.2, Sims: 300}
			var got [2]UnitsSimulationResult
			for k, procs := range []int{1, 2} {
				runtime.GOMAXPROCS(procs)
				var err error
				got[k], err = s.Run()
				require.NoError(t, err)
			}
			assert.Equal(t, got[0], got[1])
			assert.Equal(t, d.method, got[0].AnalysisMethod)
			assert.Equal(t, d.settings.Method.String(), got[0].Method)
			assert.Equal(t, 300, got[0].Sims)
			// Another seed draws other trials.
			s.Settings.Seed++
			other, err := s.Run()
			require.NoError(t, err)
			assert.NotEqual(t, got[0].Rejections, other.Rejections)
		})
	}
}

// TestUnitsSimulationMatchesClosedForm: 935 units randomised individually
// and completely (467 and 468), so the power of Welch's test is that of
// the t-test for d/√(1 − R2) within Monte Carlo error (3 standard errors
// of 4000 trials, ±0.02).
func TestUnitsSimulationMatchesClosedForm(t *testing.T) {
	s := UnitsSimulation{Units: readSimUnits(t), Settings: simSettings(nil, "", rct.Complete), Effect: 0.15, R2: 0.3, Sims: 4000}
	res, err := s.Run()
	require.NoError(t, err)
	exact := TTest{}.PowerAt(0.15/math.Sqrt(0.7), 467, 468)
	assert.InDelta(t, exact, res.Power, 3*math.Sqrt(exact*(1-exact)/4000), "closed form %.4f", exact)
	assert.Nil(t, res.NStrata)
	assert.Nil(t, res.NClusters)
	assert.Equal(t, 935, res.NUnits)
}

// TestUnitsSimulationNull: with no effect the blocked cluster design
// rejects at about alpha (CR2 with Bell-McCaffrey df keeps its level with
// 40 clusters), and a cluster-level variance that the analysis ignored
// would show here as a rejection rate far above 0.05.
func TestUnitsSimulationNull(t *testing.T) {
	s := refSimulation(t, 3000)
	s.Effect, s.ICC = 0, 0.3
	res, err := s.Run()
	require.NoError(t, err)
	assert.InDelta(t, 0.05, res.Power, 3*math.Sqrt(0.05*0.95/3000))
	assert.Equal(t, 3, *res.NStrata)
	assert.Equal(t, 40, *res.NClusters)
}

// simTrialData simulates one trial of s (the allocation of stream 0 of its
// seed and the outcome of stream 1) and returns it as a trial file's
// columns, with the p-value that the simulation's analysis gives it.
func simTrialData(t *testing.T, s UnitsSimulation) (cols map[string][]string, p float64) {
	L, opt, err := unitsLayout(s.Units, s.Settings)
	require.NoError(t, err)
	a, err := L.Randomise(opt, rct.NewStream(s.Settings.Seed, 0))
	require.NoError(t, err)
	n := len(a.Arm)
	tr := &SimTrial{Arm: a.Arm, Block: make([]string, n), Y: make([]float64, n), Rand: rct.NewStream(s.Settings.Seed, 1)}
	cols = map[string][]string{"arm": make([]string, n), "y": make([]string, n), "block": tr.Block, "cluster": make([]string, n)}
	for i, g := range L.GroupOf {
		tr.Block[i] = L.Strata[L.GroupStratum[g]].Name()
		cols["cluster"][i] = L.GroupIDs[g]
		cols["arm"][i] = s.Settings.Arms[a.Arm[i]]
	}
	clustered := s.Settings.Cluster != ""
	simOutcome(L, clustered, s.Effect, s.ICC, s.R2)(tr)
	var cluster []string
	if clustered {
		cluster = cols["cluster"]
	}
	p, err = simAnalysis(AnalysisMethod(len(s.Settings.Block) > 0, clustered), len(s.Settings.Block) > 0, cluster)(tr)
	require.NoError(t, err)
	for i, y := range tr.Y {
		cols["y"][i] = strconv.FormatFloat(y, 'g', -1, 64)
	}
	return cols, p
}

// columnSource is a trial file held as columns.
type columnSource map[string][]string

func (c columnSource) Names() []string { return []string{"arm", "y", "block", "cluster"} }
func (c columnSource) Column(name string) ([]string, error) {
	if v, ok := c[name]; ok {
		return v, nil
	}
	return nil, errors.New("no column " + name)
}

// TestAnalysisMethodAgreesWithAnalyse analyses one simulated trial of each
// design with package rct/analysis, as evalkit analyse --block --cluster
// would: its method must be AnalysisMethod's, and its p-value the
// simulation's.
func TestAnalysisMethodAgreesWithAnalyse(t *testing.T) {
	u := readSimUnits(t)
	for _, d := range simDesigns {
		t.Run(d.name, func(t *testing.T) {
			cols, p := simTrialData(t, UnitsSimulation{Units: u, Settings: d.settings, Effect: 0.2, ICC: d.icc, R2: 0.1})
			c := analysis.Columns{Outcome: "y"}
			if len(d.settings.Block) > 0 {
				c.Block = "block"
			}
			if d.settings.Cluster != "" {
				c.Cluster = "cluster"
			}
			data, err := analysis.Read(columnSource(cols), c)
			require.NoError(t, err)
			res, err := analysis.Analyse(data, analysis.Plan{})
			require.NoError(t, err)
			require.Len(t, res.Comparisons, 1)
			cmp := res.Comparisons[0]
			assert.Equal(t, "treatment", cmp.Treatment)
			assert.Equal(t, d.method, cmp.Method.String())
			assert.Equal(t, AnalysisMethod(c.Block != "", c.Cluster != ""), cmp.Method.String())
			assert.InDelta(t, cmp.PValue, p, 1e-12*math.Max(1, cmp.PValue))
		})
	}
}

func TestUnitsSimulationErrors(t *testing.T) {
	u := readSimUnits(t)
	good := UnitsSimulation{Units: u, Settings: simSettings([]string{"town"}, "school", rct.Complete), Effect: 0.3, ICC: 0.1, Sims: 10}
	for _, c := range []struct {
		name   string
		change func(s *UnitsSimulation)
		flag   string // the SettingsError's flag, if one
		is     error
		words  string
	}{
		{"icc 1", func(s *UnitsSimulation) { s.ICC = 1 }, "", stats.ErrDomain, "icc 1 is outside [0, 1)"},
		{"icc negative", func(s *UnitsSimulation) { s.ICC = -0.1 }, "", stats.ErrDomain, "icc -0.1"},
		{"icc NaN", func(s *UnitsSimulation) { s.ICC = math.NaN() }, "", stats.ErrDomain, "icc NaN"},
		{"r2 1", func(s *UnitsSimulation) { s.R2 = 1 }, "", stats.ErrDomain, "r2 1 is outside [0, 1)"},
		{"sims 0", func(s *UnitsSimulation) { s.Sims = 0 }, "", stats.ErrDomain, "sims 0"},
		{"sims too many", func(s *UnitsSimulation) { s.Sims = MaxSims + 1 }, "", stats.ErrDomain, "sims 1000001"},
		{"effect Inf", func(s *UnitsSimulation) { s.Effect = math.Inf(1) }, "", stats.ErrDomain, "effect +Inf"},
		{"alpha 1", func(s *UnitsSimulation) { s.Alpha = 1 }, "", stats.ErrDomain, "alpha 1"},
		{"icc without cluster", func(s *UnitsSimulation) { s.Settings.Cluster = "" }, "", stats.ErrDomain, "icc 0.1 needs a cluster"},
		{"three arms", func(s *UnitsSimulation) { s.Settings.Arms = []string{"a", "b", "c"} }, "arms", rct.ErrDesign, "two arms"},
		{"bad block size", func(s *UnitsSimulation) {
			s.Settings.Method, s.Settings.BlockSizes = rct.Blocks, []int{3}
		}, "block-sizes", rct.ErrDesign, "multiple"},
		{"no id", func(s *UnitsSimulation) { s.Settings.ID = "" }, "id", rct.ErrDesign, "--id is required"},
		{"unknown column", func(s *UnitsSimulation) { s.Settings.Cluster = "ward" }, "", nil, `"ward"`},
		{"cluster spans strata", func(s *UnitsSimulation) { s.Settings.Block = []string{"pupil_id"} }, "", rct.ErrClusterSpansStrata, "simulate_units.csv: row "},
		{"too few clusters", func(s *UnitsSimulation) {
			s.Settings.Block, s.Settings.Cluster, s.ICC = []string{"school"}, "school", 0.1
		}, "", rct.ErrTooFewUnits, "simulate_units.csv: "},
		{"no units", func(s *UnitsSimulation) { s.Units = nil }, "", ErrSimulation, "no units"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := good
			s.Settings.Arms = append([]string(nil), good.Settings.Arms...)
			c.change(&s)
			_, err := s.Run()
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.words)
			if c.is != nil {
				assert.ErrorIs(t, err, c.is)
			}
			var se *rct.SettingsError
			if c.flag != "" && assert.ErrorAs(t, err, &se) {
				assert.Equal(t, c.flag, se.Flag)
			}
		})
	}
	_, err := good.Run()
	assert.NoError(t, err, "the good simulation")
}

// TestUnitsSimulationDuplicateID: a unit's error names the file, the row
// as a spreadsheet counts it, and the column.
func TestUnitsSimulationDuplicateID(t *testing.T) {
	u, err := rct.ReadUnits(strings.NewReader("id,b\n1,x\n2,x\n1,y\n"), "units.csv")
	require.NoError(t, err)
	_, err = UnitsSimulation{Units: u, Settings: rct.Settings{ID: "id", Arms: []string{"c", "t"}}, Effect: 1, Sims: 5}.Run()
	assert.EqualError(t, err, `units.csv: row 4, column "id": "1": duplicate id (first seen at row 2)`)
	var re *rct.RowError
	assert.ErrorAs(t, err, &re)
}

// TestUnitsSimulationMissingID: a missing-value token as an id is refused
// as randomise refuses it.
func TestUnitsSimulationMissingID(t *testing.T) {
	u, err := rct.ReadUnits(strings.NewReader("id,b\n1,x\nNA,x\n3,y\n"), "units.csv")
	require.NoError(t, err)
	_, err = UnitsSimulation{Units: u, Settings: rct.Settings{ID: "id", Arms: []string{"c", "t"}}, Effect: 1, Sims: 5}.Run()
	_, want := rct.RandomiseUnits(u, rct.Settings{ID: "id", Arms: []string{"c", "t"}, Seed: 1})
	require.Error(t, want)
	assert.EqualError(t, err, want.Error())
	assert.ErrorIs(t, err, rct.ErrEmptyID)
}

// TestUnitsSimulationFailedTrials: simple randomisation of 4 units leaves
// an arm with fewer than two units in many trials; those analyses fail,
// are counted and left out of the power.
func TestUnitsSimulationFailedTrials(t *testing.T) {
	u, err := rct.ReadUnits(strings.NewReader("id\n1\n2\n3\n4\n"), "four.csv")
	require.NoError(t, err)
	res, err := UnitsSimulation{Units: u, Settings: rct.Settings{ID: "id", Arms: []string{"c", "t"}, Method: rct.Simple}, Effect: 1, Sims: 200}.Run()
	require.NoError(t, err)
	assert.Greater(t, res.Failed, 50)
	assert.Less(t, res.Failed, 200)
	require.NotNil(t, res.FirstFailure)
	assert.Contains(t, *res.FirstFailure, "trial ")
	assert.InDelta(t, float64(res.Rejections)/float64(200-res.Failed), res.Power, 1e-15)
	assert.Contains(t, strings.Join(res.Summary().Assumptions, " "), "could not be analysed")
}

// TestUnitsSimulationIsTheCommandsOutput: the result marshals to what
// evalkit power simulate --json prints for the same design (the golden file
// of cmd/evalkit's test, with 500 trials), and its summary holds the rows
// and assumptions of the printed table.
func TestUnitsSimulationIsTheCommandsOutput(t *testing.T) {
	res, err := refSimulation(t, 500).Run()
	require.NoError(t, err)
	out, err := json.MarshalIndent(res, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, commandGolden(t, "simulate_json.out"), string(out)+"\n")
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	table := words(commandGolden(t, "simulate.out"))
	s := res.Summary()
	assert.Contains(t, table, words(s.Title))
	for _, r := range s.Rows {
		assert.Contains(t, table, words(r.Name+" "+r.Value))
	}
	for _, a := range s.Assumptions {
		assert.Contains(t, table, "- "+words(a))
	}
}
