package analysis

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadAnalyseMemory bounds the bytes that ReadCSV and Analyse allocate
// per row of the benchmark's trials (mem_bench_test.go), 10^5 rows each,
// the reading of the bytes themselves included. Before the reading kept
// offsets and text columns (textColumn), the possible_cluster search its
// group index and the subsets shared the data's columns, they allocated
// 298, 579 and 528 bytes a row (continuous, HC2 with 50 blocks, negative
// binomial with 20 blocks, at 10^6 rows). The bounds leave room for the
// race detector, under which the continuous trial allocates about 156
// bytes a row (105 without it).
func TestReadAnalyseMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 3 trials of 10^5 rows")
	}
	for _, c := range []struct {
		name   string
		data   []byte
		cols   Columns
		plan   Plan
		perRow float64
	}{
		{"continuous", benchTrialCSV(1e5), Columns{Outcome: "score"}, Plan{}, 180},
		{"hc2_blocks", benchBlocksCSV(1e5), Columns{Outcome: "y", Covariates: []string{"x"}, Block: "block"}, Plan{}, 380},
		{"negbin_blocks", benchCountsCSV(1e5), Columns{Outcome: "y", Exposure: "weeks", Covariates: []string{"x"}, Block: "area"}, Plan{Type: Count}, 290},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d, err := ReadCSV(bytes.NewReader(c.data), c.cols)
			require.NoError(t, err)
			res, err := Analyse(d, c.plan)
			require.NoError(t, err)
			runtime.ReadMemStats(&after)
			require.NotNil(t, res)
			perRow := float64(after.TotalAlloc-before.TotalAlloc) / 1e5
			t.Logf("%.0f bytes a row", perRow)
			require.Less(t, perRow, c.perRow)
		})
	}
}
