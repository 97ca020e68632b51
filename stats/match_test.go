package stats

import (
	"bufio"
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// matchData is testdata/qed/match.csv.
type matchData struct {
	pupil, town []string
	x           [][]float64 // age, absence, fsm
	treat       []bool
	y           []float64
}

func readMatchData(t testing.TB) matchData {
	t.Helper()
	f, err := os.Open("../testdata/qed/match.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	d := matchData{x: make([][]float64, 3)}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	for _, r := range rows[1:] {
		d.pupil = append(d.pupil, r[0])
		d.town = append(d.town, r[1])
		for j := range 3 {
			d.x[j] = append(d.x[j], num(r[2+j]))
		}
		d.treat = append(d.treat, r[5] == "1")
		d.y = append(d.y, num(r[6]))
	}
	return d
}

// matchSection is one section of testdata/r/match.out (see match.R for the
// R calls and versions): its pairs (treated pupil -> control pupil or NA),
// balance rows, effect and other lines, by their first word.
type matchSection struct {
	pairs   map[string]string
	balance [][4]float64
	lines   map[string][]string
	all     map[string][][]string // every line by first word
}

func readMatchReference(t testing.TB) []matchSection {
	t.Helper()
	f, err := os.Open("../testdata/r/match.out")
	require.NoError(t, err)
	defer f.Close()
	var out []matchSection
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.Fields(sc.Text())
		if w[0] == "##" {
			out = append(out, matchSection{pairs: map[string]string{}, lines: map[string][]string{}, all: map[string][][]string{}})
			continue
		}
		s := &out[len(out)-1]
		switch w[0] {
		case "pair":
			s.pairs[w[1]] = w[2]
		case "balance":
			var b [4]float64
			for k := range b {
				b[k] = matchNum(t, w[2+k])
			}
			s.balance = append(s.balance, b)
		default:
			s.lines[w[0]] = w[1:]
			s.all[w[0]] = append(s.all[w[0]], w[1:])
		}
	}
	return out
}

func matchNum(t testing.TB, s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

// Fitted probabilities of glm(navigator ~ age + absence + fsm, family =
// binomial) (R 4.2.2) at observations 1, 2, 3 and 300 (testdata/r/match.R).
func TestLogisticMatchesGLM(t *testing.T) {
	d := readMatchData(t)
	ref := readMatchReference(t)[0].lines["ps"] // glm(navigator ~ age + absence + fsm, family = binomial)
	y := make([]float64, len(d.treat))
	for i, b := range d.treat {
		if b {
			y[i] = 1
		}
	}
	fit, err := Logistic(y, []string{"age", "absence", "fsm"}, d.x, GLMOptions{})
	require.NoError(t, err)
	for k, i := range []int{0, 1, 2, 299} {
		didClose(t, "fitted", fit.Fitted[i], matchNum(t, ref[k]), 0, 1e-9)
	}
}

// The matched pairs, balance and effect of testdata/r/match.R (R 4.2.2,
// MatchIt 4.5.5, estimatr 1.0.0): matchit(navigator ~ age + absence + fsm,
// method = "nearest", distance = "glm", m.order = "largest") with no
// caliper, caliper = 0.2, and caliper = 0.05 with exact = ~ town; the
// balance by cobalt's definitions; lm_robust(exclusions ~ navigator, data =
// match.data(m), clusters = subclass, se_type = "CR2").
func TestNearestMatchMatchesMatchIt(t *testing.T) {
	d := readMatchData(t)
	refs := readMatchReference(t)
	y := make([]float64, len(d.treat))
	for i, b := range d.treat {
		if b {
			y[i] = 1
		}
	}
	fit, err := Logistic(y, []string{"age", "absence", "fsm"}, d.x, GLMOptions{})
	require.NoError(t, err)
	for k, opt := range []NearestMatchOptions{{}, {Caliper: 0.2}, {Caliper: 0.05, Exact: d.town}} {
		ref := refs[1+k]
		m, err := NearestMatch(fit.Fitted, d.treat, opt)
		require.NoError(t, err)
		got := map[string]string{}
		for i, tr := range d.treat {
			if tr {
				got[d.pupil[i]] = "NA"
				if p := m.Partner[i]; p >= 0 {
					got[d.pupil[i]] = d.pupil[p]
				}
			}
		}
		assert.Equal(t, ref.pairs, got, "matching %+v", opt)
		assert.Equal(t, ref.lines["n_matched"][0], strconv.Itoa(len(m.Pairs)))
		w := make([]float64, len(d.treat))
		for i, p := range m.Partner {
			if p >= 0 {
				w[i] = 1
			}
		}
		for j := range d.x {
			b := Balance(d.x[j], d.treat, w)
			for c, v := range []float64{b.SMDBefore, b.SMDAfter, b.VarRatioBefore, b.VarRatioAfter} {
				didClose(t, "balance", v, ref.balance[j][c], 1e-13, 1e-9)
			}
		}
		// lm_robust(exclusions ~ navigator, data = match.data(m), clusters = subclass, se_type = "CR2")
		var yy, tt []float64
		var pair []string
		for k, pr := range m.Pairs {
			for _, i := range pr {
				yy = append(yy, d.y[i])
				tt = append(tt, y[i])
				pair = append(pair, strconv.Itoa(k))
			}
		}
		ols, err := OLS(yy, []string{"navigator"}, [][]float64{tt}, OLSOptions{Cov: CR2, Cluster: pair})
		require.NoError(t, err)
		c := ols.Coefficients[1]
		e := ref.lines["effect"]
		for q, v := range []float64{c.Estimate, c.SE, c.DF, c.CILow, c.CIHigh, c.P} {
			didClose(t, "effect", v, matchNum(t, e[q]), 1e-13, 1e-9)
		}
	}
}

// The weights of testdata/r/match.R (R 4.2.2, ebal 0.1-8):
// ebalance(Treatment = navigator, X = cbind(age, absence, fsm),
// constraint.tolerance = 1e-11), and lm_robust(exclusions ~ navigator,
// weights = w, se_type = "HC2") (estimatr 1.0.0) with the treated's
// weights 1.
func TestEntropyBalanceMatchesEbal(t *testing.T) {
	d := readMatchData(t)
	refs := readMatchReference(t)
	ref := refs[4] // ebal::ebalance(Treatment, X, constraint.tolerance = 1e-11)
	eb, err := EntropyBalanceATT(d.x, []string{"age", "absence", "fsm"}, d.treat)
	require.NoError(t, err)
	assert.Less(t, eb.MaxGap, 1e-10)
	var ctrl []float64
	for i, tr := range d.treat {
		if !tr {
			ctrl = append(ctrl, eb.Weights[i])
		}
	}
	for k := range 5 {
		didClose(t, "weight", ctrl[k], matchNum(t, ref.lines["ebal_w"][k]), 0, 1e-9)
	}
	sw, sw2 := 0.0, 0.0
	for _, w := range ctrl {
		sw += w
		sw2 += w * w
	}
	didClose(t, "sum", sw, matchNum(t, ref.lines["ebal_w"][6]), 0, 1e-12)
	didClose(t, "ess", sw*sw/sw2, matchNum(t, ref.lines["ebal_w"][8]), 0, 1e-9)
	for j := range d.x {
		b := Balance(d.x[j], d.treat, eb.Weights)
		for c, v := range []float64{b.SMDBefore, b.SMDAfter, b.VarRatioBefore, b.VarRatioAfter} {
			didClose(t, "balance", v, ref.balance[j][c], 1e-10, 1e-9)
		}
	}
	// lm_robust(exclusions ~ navigator, weights = w, se_type = "HC2")
	tt := make([]float64, len(d.treat))
	for i, b := range d.treat {
		if b {
			tt[i] = 1
		}
	}
	fit, err := WLS(d.y, eb.Weights, []string{"navigator"}, [][]float64{tt}, OLSOptions{Cov: HC2})
	require.NoError(t, err)
	c := fit.Coefficients[1]
	e := refs[5].lines["effect"]
	for q, v := range []float64{c.Estimate, c.SE, c.DF, c.CILow, c.CIHigh, c.P} {
		didClose(t, "effect", v, matchNum(t, e[q]), 0, 1e-8)
	}
}
