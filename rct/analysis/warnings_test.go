package analysis

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withCode returns the warnings with the given code.
func withCode(warnings []string, code string) []string {
	var out []string
	for _, w := range warnings {
		if strings.HasPrefix(w, code+": ") {
			out = append(out, w)
		}
	}
	return out
}

// analyseText reads csv with cols and analyses it with p.
func analyseText(t *testing.T, csv string, cols Columns, p Plan) *Result {
	t.Helper()
	d, err := ReadCSV(strings.NewReader(csv), cols)
	require.NoError(t, err)
	res, err := Analyse(d, p)
	require.NoError(t, err)
	return res
}

// Every warning starts with a known code and a colon.
func TestWarningCodes(t *testing.T) {
	codes := []string{"possible_cluster", "count_as_continuous", "one_arm_block", "not_converged", "few_clusters", "outcome_not_01"}
	res := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "crimes", Covariates: []string{"x"}, Cluster: "ward"}, Plan{Type: Continuous})
	res2 := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "reoffended"}, Plan{})
	all := append(res.Warnings, res2.Warnings...)
	require.Len(t, all, 5, "%q", all) // few_clusters twice, count_as_continuous, possible_cluster, outcome_not_01
	for _, w := range all {
		code, _, ok := strings.Cut(w, ": ")
		assert.True(t, ok, w)
		assert.Contains(t, codes, code, w)
	}
}

// possible_cluster: School Navigators randomised schools; analysed without
// --cluster the warning names school (and no other column), with it there
// is none, and a trial that randomised people has none.
func TestPossibleCluster(t *testing.T) {
	const file = "../../examples/school_navigators.csv"
	res := analyseFile(t, file, Columns{Outcome: "attendance"}, Plan{})
	w := withCode(res.Warnings, "possible_cluster")
	require.Len(t, w, 1, "%q", res.Warnings)
	assert.Equal(t, `possible_cluster: column "school" may hold clusters: each of its 24 groups (42.9 rows on average) holds a single arm. If units were randomised by school, intervals that ignore it are too narrow: pass --cluster school`, w[0])

	res = analyseFile(t, file, Columns{Outcome: "attendance", Cluster: "school"}, Plan{})
	assert.Empty(t, withCode(res.Warnings, "possible_cluster"))

	for _, c := range []struct {
		file string
		cols Columns
	}{
		{dataAnalyse2 + "focused_deterrence.csv", Columns{Outcome: "reoffended", Covariates: []string{"prior_offences"}}},
		{dataAnalyse + "attendance.csv", Columns{Outcome: "attendance"}},
		{dataAnalyse + "reoffending.csv", Columns{Outcome: "reoffended"}},
	} {
		res := analyseFile(t, c.file, c.cols, Plan{})
		assert.Empty(t, withCode(res.Warnings, "possible_cluster"), c.file)
	}
}

// possible_cluster's rules: rows with a missing arm or value are left out;
// groups of one row on average, one group that holds two arms, and a column
// with no more groups than arms (a copy of the arm) are not clusters.
func TestPossibleClusterRules(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		want      []string // columns warned of
	}{
		{"clusters", "arm,y,g\ncontrol,1,a\ncontrol,2,a\ntreatment,3,b\ntreatment,4,b\ncontrol,2,c\ncontrol,5,c\n", []string{"g"}},
		{"missing ignored", "arm,y,g\ncontrol,1,a\ncontrol,2,a\ntreatment,3,b\ntreatment,4,b\ncontrol,2,c\ncontrol,5,c\nNA,1,b\ntreatment,2,NA\n", []string{"g"}},
		{"one mixed group", "arm,y,g\ncontrol,1,a\ncontrol,2,a\ntreatment,3,b\ntreatment,4,b\ncontrol,2,c\ntreatment,5,c\n", nil},
		{"groups of one row", "arm,y,g\ncontrol,1,a\ncontrol,2,b\ntreatment,3,c\ntreatment,4,d\n", nil},
		{"below 2 on average", "arm,y,g\ncontrol,1,a\ncontrol,2,a\ntreatment,3,b\ntreatment,4,c\ncontrol,2,d\n", nil},
		{"copy of the arm", "arm,y,t\ncontrol,1,0\ncontrol,2,0\ntreatment,3,1\ntreatment,4,1\n", nil},
		{"outcome not checked", "arm,y\ncontrol,1\ncontrol,1\ntreatment,3\ntreatment,3\ncontrol,2\ncontrol,2\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := analyseText(t, c.csv, Columns{Outcome: "y"}, Plan{})
			w := withCode(res.Warnings, "possible_cluster")
			require.Len(t, w, len(c.want), "%q", res.Warnings)
			for i, col := range c.want {
				assert.Contains(t, w[i], `column "`+col+`"`)
			}
		})
	}
}

// count_as_continuous: whole numbers >= 0 with more than two values
// analysed as continuous, given or detected; not for a count, two values,
// a fraction or a negative number.
func TestCountAsContinuous(t *testing.T) {
	const want = `count_as_continuous: every value of outcome "y" is a whole number of at least 0, with more than two distinct values, and it is analysed as continuous; if it counts events, analyse it with --type count`
	for _, c := range []struct {
		name, ys string
		typ      Type
		warned   bool
	}{
		{"detected", "0 3 1 5", Auto, true},
		{"given", "0 3 1 5", Continuous, true},
		{"count", "0 3 1 5", Count, false},
		{"two values", "0 2 2 0", Auto, false},
		{"fraction", "0 3 1 5.5", Auto, false},
		{"negative", "0 3 -1 5", Auto, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := analyseText(t, twoArms(c.ys), Columns{Outcome: "y"}, Plan{Type: c.typ})
			if c.warned {
				assert.Equal(t, []string{want}, withCode(res.Warnings, "count_as_continuous"))
			} else {
				assert.Empty(t, withCode(res.Warnings, "count_as_continuous"))
			}
		})
	}
	res := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "crimes", Cluster: "ward"}, Plan{})
	assert.Len(t, withCode(res.Warnings, "count_as_continuous"), 1)
}

// twoArms is a trial of control and treatment rows in turn with the
// outcomes ys (separated by spaces).
func twoArms(ys string) string {
	var b strings.Builder
	b.WriteString("arm,y\n")
	for i, y := range strings.Fields(ys) {
		arm := "control"
		if i%2 == 1 {
			arm = "treatment"
		}
		b.WriteString(arm + "," + y + "\n")
	}
	return b.String()
}

// not_converged: a negative-binomial model of counts without
// overdispersion does not converge (theta diverges), with and without
// covariates; the estimate is undefined and the warning says why. A model
// that converges has no warning.
func TestNotConverged(t *testing.T) {
	const csv = "arm,y,x\ncontrol,2,1\ncontrol,2,2\ncontrol,2,3\ncontrol,2,4\ntreatment,3,1\ntreatment,3,2\ntreatment,3,3\ntreatment,3,4\n"
	for _, cols := range []Columns{{Outcome: "y"}, {Outcome: "y", Covariates: []string{"x"}}} {
		res := analyseText(t, csv, cols, Plan{Type: Count})
		w := withCode(res.Warnings, "not_converged")
		require.Len(t, w, 1, "%q", res.Warnings)
		assert.True(t, strings.HasPrefix(w[0], "not_converged: the negative-binomial model of treatment against control did not converge (theta"), w[0])
		assert.Contains(t, w[0], "the comparison's estimate is undefined")
		assert.True(t, res.Comparisons[0].Estimate != res.Comparisons[0].Estimate, "estimate defined")
	}
	// A Poisson model whose treatment arm has no events: its fitted means
	// tend to 0 and the estimate to 0.
	const zero = "arm,y,x\ncontrol,2,1\ncontrol,4,2\ncontrol,1,3\ncontrol,5,4\ntreatment,0,1\ntreatment,0,2\ntreatment,0,3\ntreatment,0,4\n"
	res := analyseText(t, zero, Columns{Outcome: "y", Covariates: []string{"x"}}, Plan{Type: Count, Model: Poisson})
	assert.Len(t, withCode(res.Warnings, "not_converged"), 1, "%q", res.Warnings)

	res = analyseFile(t, dataAnalyse2+"hotspots.csv", hotspots, Plan{Type: Count})
	assert.Empty(t, withCode(res.Warnings, "not_converged"))
	res = analyseFile(t, dataAnalyse+"hotspots.csv", Columns{Outcome: "crimes", Exposure: "weeks"}, Plan{Type: Count})
	assert.Empty(t, withCode(res.Warnings, "not_converged"))
}

// few_clusters: an ols_cr2 comparison with fewer than 20 clusters, each
// comparison with its own count; none with 24 clusters or without clusters.
func TestFewClusters(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"tiny_cluster.csv", Columns{Outcome: "y", Block: "block", Cluster: "cluster"}, Plan{})
	assert.Equal(t, []string{`few_clusters: the comparison of treatment with control has 8 clusters (column "cluster"), fewer than 20: its CR2 interval and p-value, with Bell-McCaffrey degrees of freedom, may still be too narrow and too small, more so when clusters differ in size; randomisation inference (--permutations) is valid however few the clusters`},
		withCode(res.Warnings, "few_clusters"))

	res = analyseFile(t, dataAnalyse2+"awkward.csv", awkward("cluster"), Plan{})
	w := withCode(res.Warnings, "few_clusters")
	require.Len(t, w, 2)
	assert.Contains(t, w[0], "navigator with control has 15 clusters")
	assert.Contains(t, w[1], "phone with control has 18 clusters")

	res = analyseFile(t, dataAnalyse2+"school_navigators.csv", Columns{Outcome: "attendance", Cluster: "school"}, Plan{})
	assert.Empty(t, withCode(res.Warnings, "few_clusters"), "24 clusters")
	res = analyseFile(t, dataAnalyse2+"awkward.csv", awkward(""), Plan{})
	assert.Empty(t, withCode(res.Warnings, "few_clusters"), "no clusters")
}

// outcome_not_01 names the words read as 1 and 0; an outcome of 0 and 1
// has none.
func TestOutcomeNot01(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "reoffended"}, Plan{})
	assert.Equal(t, []string{`outcome_not_01: binary outcome "reoffended" is written in words, read as "yes" as 1, "no" as 0 (in any letter case)`},
		withCode(res.Warnings, "outcome_not_01"))
	res = analyseText(t, "arm,y\ncontrol,TRUE\ncontrol,false\ntreatment,yes\ntreatment,1\n", Columns{Outcome: "y"}, Plan{Type: Binary})
	assert.Equal(t, []string{`outcome_not_01: binary outcome "y" is written in words, read as "yes" and "true" as 1, "false" as 0 (in any letter case)`},
		withCode(res.Warnings, "outcome_not_01"))
	res = analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "reoffended01"}, Plan{})
	assert.Empty(t, withCode(res.Warnings, "outcome_not_01"))
}
