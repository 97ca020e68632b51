package pool

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/internal/table"
)

// bcgPath is metafor's dat.bcg as log risk ratios (testdata/r/meta.R).
var bcgPath = filepath.Join("..", "..", "testdata", "meta", "bcg.csv")

func TestReadSitesBCG(t *testing.T) {
	f, err := os.Open(bcgPath)
	require.NoError(t, err)
	defer f.Close()
	s, err := ReadSites(f, "bcg.csv")
	require.NoError(t, err)
	require.Len(t, s.Names, 13)
	assert.Equal(t, "Aronson 1948", s.Names[0])
	assert.Equal(t, "Comstock et al 1976", s.Names[12])
	// The file's text, read back exactly.
	assert.Equal(t, -0.88931133392020545, s.Estimate[0])
	assert.Equal(t, 0.57060035489295069, s.SE[0])
	assert.False(t, s.Log)
}

func TestReadSitesOtherColumnsAndOrder(t *testing.T) {
	s, err := ReadSites(strings.NewReader("se,note,estimate,site\n0.1,x,1.5,007\n0.2,,-2,B\n"), "s.csv")
	require.NoError(t, err)
	assert.Equal(t, []string{"007", "B"}, s.Names)
	assert.Equal(t, []float64{1.5, -2}, s.Estimate)
	assert.Equal(t, []float64{0.1, 0.2}, s.SE)
}

func TestReadSitesErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv, want string
		is              error
	}{
		{"no se column", "site,estimate\na,1\nb,2\n", `s.csv: no column "se" (the columns are "site", "estimate")`, nil},
		{"no site column", "name,estimate,se\na,1,1\nb,2,1\n", `s.csv: no column "site" (the columns are "name", "estimate", "se")`, nil},
		{"not a number", "site,estimate,se\na,1,0.1\nb,1.2x,0.1\n", `s.csv: row 3, column "estimate": "1.2x": not a number`, table.ErrNotNumber},
		{"se 0", "site,estimate,se\na,1,0.1\nb,1,0\n", `s.csv: row 3, column "se": "0": a standard error must be greater than 0`, nil},
		{"se negative", "site,estimate,se\na,1,-0.1\nb,1,0.1\n", `s.csv: row 2, column "se": "-0.1": a standard error must be greater than 0`, nil},
		{"se missing", "site,estimate,se\na,1,NA\nb,1,0.1\n", `s.csv: row 2, column "se": missing: every site needs a standard error`, nil},
		{"estimate missing", "site,estimate,se\na,1,0.1\nb,,0.1\n", `s.csv: row 3, column "estimate": missing: every site needs an estimate`, nil},
		{"no site name", "site,estimate,se\na,1,0.1\n ,1,0.1\n", `s.csv: row 3, column "site": " ": no site name`, nil},
		{"site twice", "site,estimate,se\na,1,0.1\nb,1,0.1\na,2,0.1\n", `s.csv: row 4, column "site": "a": the same site as row 2`, nil},
		{"one site", "site,estimate,se\na,1,0.1\n", "s.csv: 1 site: at least 2 sites are needed to pool", ErrTooFewSites},
		{"no sites", "site,estimate,se\n", "s.csv: 0 sites: at least 2 sites are needed to pool", ErrTooFewSites},
		{"empty file", "", "s.csv: the file is empty: no header line", table.ErrEmpty},
		{"ragged row", "site,estimate,se\na,1\n", "s.csv: row 2: has 2 fields, the header has 3", nil},
		{"infinite", "site,estimate,se\na,Inf,0.1\nb,1,0.1\n", `s.csv: row 2, column "estimate": "Inf": not a number`, table.ErrNotNumber},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadSites(strings.NewReader(c.csv), "s.csv")
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
			if c.is != nil {
				assert.True(t, errors.Is(err, c.is), "errors.Is(%v, %v)", err, c.is)
			}
		})
	}
}
