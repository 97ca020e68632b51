package stats

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
)

// modelsTestData is a data set from testdata/models: numeric columns by name,
// and every column as text (the labels of blocks and clusters).
type modelsTestData struct {
	num  map[string][]float64
	text map[string][]string
}

// modelsReadCSV reads testdata/models/<name>.
func modelsReadCSV(t testing.TB, name string) modelsTestData {
	t.Helper()
	return modelsReadCSVPath(t, "../testdata/models/"+name)
}

// modelsReadCSVPath reads a CSV file of numbers and labels.
func modelsReadCSVPath(t testing.TB, path string) modelsTestData {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	recs, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	d := modelsTestData{num: map[string][]float64{}, text: map[string][]string{}}
	for j, h := range recs[0] {
		numeric := true
		for _, r := range recs[1:] {
			v, err := strconv.ParseFloat(r[j], 64)
			if err != nil {
				numeric = false
			}
			d.num[h] = append(d.num[h], v)
			d.text[h] = append(d.text[h], r[j])
		}
		if !numeric {
			delete(d.num, h)
		}
	}
	return d
}

func (d modelsTestData) cols(names ...string) [][]float64 {
	var out [][]float64
	for _, n := range names {
		out = append(out, d.num[n])
	}
	return out
}

// labels returns column name as text, for a block or cluster.
func (d modelsTestData) labels(name string) []string {
	v, ok := d.text[name]
	if !ok {
		panic("no column " + name)
	}
	return v
}
