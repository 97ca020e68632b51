package frame

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/evalkit/evalkit/rct/analysis"
)

// ErrNotText is wrapped by the error for a column of labels that is not a
// string series.
var ErrNotText = errors.New("frame: a column of labels must be a string series")

// Source is a gota dataframe seen as an analysis.Source.
type Source struct {
	df dataframe.DataFrame
}

// Gota returns df as an analysis.Source.
func Gota(df dataframe.DataFrame) analysis.Source { return Source{df} }

// Names returns the dataframe's column names.
func (s Source) Names() []string { return s.df.Names() }

// FileName names the dataframe in errors.
func (s Source) FileName() string { return "dataframe" }

// series returns the named column, or an error naming it and the columns
// the dataframe has.
func (s Source) series(name string) (series.Series, error) {
	if s.df.Err != nil {
		return series.Series{}, fmt.Errorf("frame: the dataframe has an error: %w", s.df.Err)
	}
	for _, n := range s.df.Names() {
		if n == name {
			return s.df.Col(name), nil
		}
	}
	return series.Series{}, fmt.Errorf("dataframe: no column %q (it has %q)", name, s.df.Names())
}

// Column returns the named column as text: a string series as it is
// (gota's NaN for a missing value, which evalkit reads as missing), an
// integer series in decimal, a float series in the shortest form that reads
// back as the same float, a bool series as 1 and 0.
func (s Source) Column(name string) ([]string, error) {
	col, err := s.series(name)
	if err != nil {
		return nil, err
	}
	switch col.Type() {
	case series.Float:
		v := col.Float()
		out := make([]string, len(v))
		for i, f := range v {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				out[i] = "NA"
				continue
			}
			out[i] = strconv.FormatFloat(f, 'g', -1, 64)
		}
		return out, nil
	case series.Bool:
		out := col.Records()
		for i, r := range out {
			switch r {
			case "true":
				out[i] = "1"
			case "false":
				out[i] = "0"
			}
		}
		return out, nil
	}
	return col.Records(), nil
}

// Labels returns a column of labels (arm, block, cluster), which must be a
// string series: a number that gota detected has lost its text (00001 is
// 1), so labels that differed can have become equal.
func (s Source) Labels(name string) ([]string, error) {
	col, err := s.series(name)
	if err != nil {
		return nil, err
	}
	if t := col.Type(); t != series.String {
		return nil, fmt.Errorf("dataframe: column %q is a %s series: %w, since gota's type detection reads a label such as 00001 as 1; read the file with dataframe.DetectTypes(false)", name, t, ErrNotText)
	}
	return col.Records(), nil
}
