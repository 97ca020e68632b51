package stats

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
)

// modelsTestData is a data set from testdata/models: numeric columns by name,
// and every text column coded as integers in order of first appearance.
type modelsTestData struct {
	num  map[string][]float64
	code map[string][]int
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
	d := modelsTestData{num: map[string][]float64{}, code: map[string][]int{}}
	for j, h := range recs[0] {
		codes := map[string]int{}
		numeric := true
		for _, r := range recs[1:] {
			v, err := strconv.ParseFloat(r[j], 64)
			if err != nil {
				numeric = false
			}
			d.num[h] = append(d.num[h], v)
			c, ok := codes[r[j]]
			if !ok {
				c = len(codes)
				codes[r[j]] = c
			}
			d.code[h] = append(d.code[h], c)
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

func (d modelsTestData) ints(name string) []int {
	if v, ok := d.num[name]; ok {
		out := make([]int, len(v))
		for i, x := range v {
			out[i] = int(x)
		}
		return out
	}
	return d.code[name]
}
