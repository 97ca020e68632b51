package frame

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"github.com/go-gota/gota/dataframe"

	"github.com/evalkit/evalkit/rct"
)

// Units returns df as the units of a randomisation under s, as
// rct.ReadUnits returns a units file: the dataframe is written out as CSV
// (every cell's text, in column order) and read back, and the manifest's
// input SHA-256 is that of this text. The columns s names as labels (the
// id, the blocks, the cluster and the minimisation factors) must be string
// series: with gota's type detection an id such as 00001 becomes 1, so ids
// that differed can collide and the same seed gives other allocations.
//
// Read the file with dataframe.DetectTypes(false), and with
// dataframe.NaNValues(nil) to keep a missing-value token such as NA as it
// was written (gota writes its own NaN otherwise).
func Units(df dataframe.DataFrame, name string, s rct.Settings) (*rct.Units, error) {
	src := Source{df}
	cols := append([]string{s.ID}, s.Block...)
	if s.Cluster != "" {
		cols = append(cols, s.Cluster)
	}
	cols = append(cols, s.Factors...)
	for _, c := range cols {
		if c == "" {
			continue
		}
		if _, err := src.Labels(c); err != nil {
			return nil, err
		}
	}
	if df.Err != nil {
		return nil, fmt.Errorf("frame: the dataframe has an error: %w", df.Err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(df.Records()); err != nil {
		return nil, fmt.Errorf("frame: %w", err)
	}
	return rct.ReadUnits(&b, name)
}
