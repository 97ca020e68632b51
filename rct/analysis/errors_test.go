package analysis

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/internal/table"
)

// Data that cannot be analysed as asked is an error that says where.
func TestAnalyseErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		cols      Columns
		plan      Plan
		want      string
	}{
		{"binary not 0/1", "arm,y\ncontrol,0\ntreatment,2\n", Columns{Outcome: "y"}, Plan{Type: Binary}, `input: row 3, column "y": "2": a binary outcome must be 0 or 1`},
		{"negative count", "arm,y\ncontrol,0\ntreatment,-1\n", Columns{Outcome: "y"}, Plan{Type: Count}, "a count cannot be negative"},
		{"fractional count", "arm,y\ncontrol,0.5\ntreatment,1\n", Columns{Outcome: "y"}, Plan{Type: Count}, "a count must be a whole number"},
		{"count beyond 2^53", "arm,y\ncontrol,9007199254740993\ntreatment,1\n", Columns{Outcome: "y"}, Plan{Type: Count},
			`input: row 2, column "y": "9007199254740993": a count must be below 2^53 = 9007199254740992, above which a whole number cannot be held exactly`},
		{"count of 2^53", "arm,y\ncontrol,9007199254740992\ntreatment,1\n", Columns{Outcome: "y"}, Plan{Type: Count}, "a count must be below 2^53"},
		{"zero exposure", "arm,y,w\ncontrol,1,0\ntreatment,1,2\n", Columns{Outcome: "y", Exposure: "w"}, Plan{Type: Count}, `column "w": "0": exposure must be positive`},
		{"exposure without count", "arm,y,w\ncontrol,1,1\ntreatment,2,2\n", Columns{Outcome: "y", Exposure: "w"}, Plan{}, "exposure column is for counts only"},
		{"no control", "arm,y\na,1\nb,2\n", Columns{Outcome: "y"}, Plan{}, `no control arm "control"`},
		{"no control, a 1 MB label", "arm,y\na,1\n" + strings.Repeat("S", 1<<20) + ",2\n", Columns{Outcome: "y"}, Plan{},
			`no control arm "control" in column "arm" (its labels are ` + strings.Repeat("S", 41) + "… (1048576 bytes), a)"},
		{"no control, many labels", "arm,y\na,1\nb,1\nc,1\nd,1\ne,1\nf,1\ng,1\nh,1\ni,1\nj,1\nk,1\nl,1\nm,1\nn,1\no,1\np,1\nq,1\nr,1\ns,1\nt,1\nu,1\nv,1\n", Columns{Outcome: "y"}, Plan{},
			"(its labels are a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, and 2 more)"},
		{"one arm", "arm,y\ncontrol,1\ncontrol,2\n", Columns{Outcome: "y"}, Plan{}, "a single arm"},
		{"no arms", "arm,y\nNA,1\n,2\n", Columns{Outcome: "y"}, Plan{}, "no arm labels"},
		{"not a number", "arm,y\ncontrol,1\ntreatment,12k\n", Columns{Outcome: "y"}, Plan{}, `row 3, column "y": "12k": not a number`},
		{"unknown column", "arm,y\ncontrol,1\n", Columns{Outcome: "z"}, Plan{}, `"z"`},
		{"cluster with count", "arm,y,g\ncontrol,1,a\ntreatment,2,b\n", Columns{Outcome: "y", Cluster: "g"}, Plan{Type: Count}, "cluster is not defined for a count"},
		{"level", "arm,y\ncontrol,1\ntreatment,2\n", Columns{Outcome: "y"}, Plan{Level: 1.5}, "confidence level 1.5"},
		{"permutations", "arm,y\ncontrol,1\ntreatment,2\n", Columns{Outcome: "y"}, Plan{Permutations: -1}, "-1 permutations"},
		{"covariate twice", "arm,y,x\ncontrol,1,1\ntreatment,2,2\n", Columns{Outcome: "y", Covariates: []string{"x", "x"}}, Plan{}, `"x" is given twice`},
		{"covariate is outcome", "arm,y\ncontrol,1\ntreatment,2\n", Columns{Outcome: "y", Covariates: []string{"y"}}, Plan{}, "is the outcome or the arm"},
		{"constant covariate", "arm,y,x\ncontrol,1,1\ntreatment,2,1\ncontrol,3,1\ntreatment,5,1\n", Columns{Outcome: "y", Covariates: []string{"x"}}, Plan{}, `input: covariate "x" is constant in the comparison of treatment with control`},
		{"collinear covariates", "arm,y,x,z\ncontrol,1,1,2\ntreatment,2,2,4\ncontrol,3,3,6\ntreatment,5,4,8\ncontrol,3,5,10\ntreatment,5,7,14\n", Columns{Outcome: "y", Covariates: []string{"x", "z"}}, Plan{},
			`input: covariate "z" is collinear with the treatment or the covariates before it in the comparison of treatment with control`},
		{"mixed cluster", "arm,y,g\ncontrol,1,a\ntreatment,2,a\ncontrol,3,b\ntreatment,5,b\n", Columns{Outcome: "y", Cluster: "g"}, Plan{Permutations: 10}, `cluster "a" (column "g") holds units of both arms`},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(c.csv), c.cols)
			if err == nil {
				_, err = Analyse(d, c.plan)
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// Errors about a value are table.ParseErrors with the row and column.
func TestRowErrorIsParseError(t *testing.T) {
	d, err := ReadCSV(strings.NewReader("arm,y\ncontrol,0\ntreatment,0.5\n"), Columns{Outcome: "y"})
	require.NoError(t, err)
	_, err = Analyse(d, Plan{Type: Binary})
	var pe *table.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, 3, pe.Row)
	assert.Equal(t, "y", pe.Column)
}

// A Data that was never read is an error, not a panic.
func TestAnalyseZeroData(t *testing.T) {
	_, err := Analyse(Data{}, Plan{})
	require.Error(t, err)
}
